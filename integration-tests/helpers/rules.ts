import { MedusaContainer } from "@medusajs/framework/types"
import {
  createProductCategoriesWorkflow,
  createProductsWorkflow,
  createRegionsWorkflow,
} from "@medusajs/medusa/core-flows"
import { AdminHeaders, Api } from "./api"
import { captureOrderPayment, GERMAN_ADDRESS, shopper } from "./checkout"
import { PROVIDERS, TestStore } from "./store"


export type RulesStore = TestStore & {
  /** region "Belarus" (EUR, same providers): shipping there is allowed, and "by" is a default risk country */
  belarusRegionId: string
  /** region "USA" in USD (same providers), for a currency of its own (average order value) */
  usRegionId: string
  /** 12 EUR, sold in bulk, in category "Satelliten" below "Technik" */
  dishVariantId: string
  technikCategoryId: string
  satellitenCategoryId: string
}

export const BELARUS_ADDRESS = {
  first_name: "Ivan",
  last_name: "Petrov",
  address_1: "Prospekt Nezavisimosti 10",
  postal_code: "220030",
  city: "Minsk",
  country_code: "by",
}

/** Adds a second region (Belarus) and a satellite dish sold in bulk (in a sub-category) to the test store. */
export async function seedRulesStore(container: MedusaContainer, store: TestStore): Promise<RulesStore> {
  const { result: [technik] } = await createProductCategoriesWorkflow(container).run({
    input: { product_categories: [{ name: "Technik", handle: "technik", is_active: true }] },
  })
  const { result: [satelliten] } = await createProductCategoriesWorkflow(container).run({
    input: { product_categories: [{ name: "Satelliten", handle: "satelliten", is_active: true, parent_category_id: technik.id }] },
  })
  const { result: regions } = await createRegionsWorkflow(container).run({
    input: {
      regions: [
        { name: "Belarus", currency_code: "eur", countries: ["by"], payment_providers: Object.values(PROVIDERS) },
        { name: "USA", currency_code: "usd", countries: ["us"], payment_providers: Object.values(PROVIDERS) },
      ],
    },
  })
  const { result: products } = await createProductsWorkflow(container).run({
    input: {
      products: [
        {
          title: "Satellitenschüssel",
          handle: "satellitenschuessel",
          status: "published",
          category_ids: [satelliten.id],
          options: [{ title: "Default", values: ["Default"] }],
          sales_channels: [{ id: store.salesChannelId }],
          variants: [
            {
              title: "Default",
              options: { Default: "Default" },
              manage_inventory: false,
              prices: [
                { amount: 12, currency_code: "eur" },
                { amount: 12, currency_code: "usd" },
              ],
            },
          ],
        },
      ],
    },
  })
  return {
    ...store,
    belarusRegionId: regions[0].id,
    usRegionId: regions[1].id,
    dishVariantId: products[0].variants[0].id,
    technikCategoryId: technik.id,
    satellitenCategoryId: satelliten.id,
  }
}

/** Admin calls for rules and the evaluate tool. */
export function rulesAdmin(api: Api, admin: AdminHeaders) {
  const ok = { ...admin, validateStatus: () => true }
  return {
    list: async (query = "") => (await api.get(`/admin/payment-risk/rules${query}`, admin)).data,
    create: (body: unknown) => api.post("/admin/payment-risk/rules", body, ok),
    update: (id: string, body: unknown) => api.post(`/admin/payment-risk/rules/${id}`, body, ok),
    remove: (id: string) => api.delete(`/admin/payment-risk/rules/${id}`, ok),
    evaluate: (body: unknown) => api.post("/admin/payment-risk/evaluate", body, ok),
  }
}

/** A rule body: one AND group of conditions and the given actions. */
export function ruleBody(name: string, conditions: unknown[], actions: unknown[], extra: Record<string, unknown> = {}) {
  return { name, conditions: { type: "group", combinator: "and", children: conditions }, actions, ...extra }
}

/**
 * A shopper who paid one order (so the first-order rule no longer limits it): checkout with
 * prepayment and the merchant's capture.
 */
export async function makeKnownCustomer(
  api: Api,
  admin: unknown,
  store: TestStore,
  email: string,
  /** where the paid order went (a returning guest is known where its paid orders went) */
  shipTo?: { regionId: string; variantId: string; address: Record<string, unknown> }
) {
  const shop = shopper(api, store)
  if (!shipTo) {
    const { completion } = await shop.checkout({ email, providerId: PROVIDERS.prepayment })
    await captureOrderPayment(api, admin, completion.data.order.id)
    return
  }
  const cart = await createCartIn(api, store, { ...shipTo, email, quantity: 1, billing: GERMAN_ADDRESS })
  const collection = await shop.paymentCollection(cart.id)
  await shop.createSession(collection.id, PROVIDERS.prepayment)
  const completion = await shop.complete(cart.id)
  await captureOrderPayment(api, admin, completion.data.order.id)
}

export const US_ADDRESS = {
  first_name: "John",
  last_name: "Smith",
  address_1: "Main Street 1",
  postal_code: "10001",
  city: "New York",
  country_code: "us",
}

/**
 * A cart in the given region shipped to the given address, billed there too unless `billing`
 * says otherwise (a known customer billed at home, shipping elsewhere).
 */
export async function createCartIn(
  api: Api,
  store: TestStore,
  input: { regionId: string; email: string; variantId: string; quantity: number; address?: Record<string, unknown>; billing?: Record<string, unknown> }
) {
  const address = input.address ?? GERMAN_ADDRESS
  const { data } = await api.post(
    "/store/carts",
    {
      region_id: input.regionId,
      email: input.email,
      items: [{ variant_id: input.variantId, quantity: input.quantity }],
      shipping_address: address,
      billing_address: input.billing ?? address,
    },
    { headers: { "x-publishable-api-key": store.publishableKey } }
  )
  return data.cart as { id: string; total: number }
}

import { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import {
  createShippingOptionsWorkflow,
  createShippingProfilesWorkflow,
  createStockLocationsWorkflow,
  linkSalesChannelsToStockLocationWorkflow,
} from "@medusajs/medusa/core-flows"
import { AdminHeaders, Api as FullApi, ApiResponse } from "./api"
import { GERMAN_ADDRESS } from "./checkout"
import { PROVIDERS, TestStore } from "./store"

type Api = Pick<FullApi, "get" | "post">

export type TestShipping = { locationId: string; shippingOptionId: string }

/** A warehouse with Medusa's manual fulfillment provider and a standard shipping option, so orders can be fulfilled. */
export async function seedShipping(container: MedusaContainer, store: TestStore): Promise<TestShipping> {
  const link = container.resolve(ContainerRegistrationKeys.LINK)
  const fulfillment = container.resolve(Modules.FULFILLMENT)
  const { result: locations } = await createStockLocationsWorkflow(container).run({
    input: { locations: [{ name: "Lager Berlin", address: { address_1: "Lagerstraße 1", city: "Berlin", country_code: "de" } }] },
  })
  const locationId = locations[0].id
  await link.create({
    [Modules.STOCK_LOCATION]: { stock_location_id: locationId },
    [Modules.FULFILLMENT]: { fulfillment_provider_id: "manual_manual" },
  })
  await linkSalesChannelsToStockLocationWorkflow(container).run({ input: { id: locationId, add: [store.salesChannelId] } })
  const { result: profiles } = await createShippingProfilesWorkflow(container).run({
    input: { data: [{ name: "Standard", type: "default" }] },
  })
  const set = await fulfillment.createFulfillmentSets({
    name: "Versand Berlin",
    type: "shipping",
    service_zones: [{ name: "Deutschland", geo_zones: [{ country_code: "de", type: "country" }] }],
  })
  await link.create({
    [Modules.STOCK_LOCATION]: { stock_location_id: locationId },
    [Modules.FULFILLMENT]: { fulfillment_set_id: set.id },
  })
  const { result: options } = await createShippingOptionsWorkflow(container).run({
    input: [
      {
        name: "Standardversand",
        price_type: "flat",
        provider_id: "manual_manual",
        service_zone_id: set.service_zones[0].id,
        shipping_profile_id: profiles[0].id,
        type: { label: "Standard", description: "2–4 Werktage", code: "standard" },
        prices: [{ currency_code: "eur", amount: 4.9 }],
      },
    ],
  })
  return { locationId, shippingOptionId: options[0].id }
}

export const SHOPPER_PHONE = "+49 30 1234567"

/** cart (German address with a phone) → prepayment session → complete; returns the order and cart ids. */
export async function placeOrder(
  api: Api,
  store: TestStore,
  input: { email: string; quantity?: number; address?: Partial<typeof GERMAN_ADDRESS> }
) {
  const headers = { headers: { "x-publishable-api-key": store.publishableKey } }
  const address = { ...GERMAN_ADDRESS, phone: SHOPPER_PHONE, ...input.address }
  const { data: created } = await api.post(
    "/store/carts",
    {
      region_id: store.regionId,
      email: input.email,
      items: [{ variant_id: store.cheapVariantId, quantity: input.quantity ?? 1 }],
      shipping_address: address,
      billing_address: address,
    },
    headers
  )
  const cartId = created.cart.id as string
  const { data: pc } = await api.post("/store/payment-collections", { cart_id: cartId }, headers)
  const session = await api.post(
    `/store/payment-collections/${pc.payment_collection.id}/payment-sessions`,
    { provider_id: PROVIDERS.prepayment },
    { ...headers, validateStatus: () => true }
  )
  if (session.status !== 200) {
    throw new Error(`prepayment session refused: ${JSON.stringify(session.data)}`)
  }
  const completion = await api.post(`/store/carts/${cartId}/complete`, {}, { ...headers, validateStatus: () => true })
  if (completion.data?.type !== "order") {
    throw new Error(`cart not completed: ${JSON.stringify(completion.data)}`)
  }
  return { cartId, orderId: completion.data.order.id as string }
}

/** The order's review once the order-placed subscribers wrote the expected status (they run after the order). */
export async function waitForReview(api: Api, admin: AdminHeaders, orderId: string, status: string) {
  let last: ApiResponse | undefined
  for (let i = 0; i < 60; i++) {
    last = await api.get(`/admin/payment-risk/reviews/${orderId}`, { ...admin, validateStatus: () => true })
    if (last.status === 200 && last.data.review.review_status === status && last.data.review.order_id === orderId) {
      return last.data.review
    }
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
  throw new Error(`review of ${orderId} never reached "${status}": ${JSON.stringify(last?.data)}`)
}

/** Medusa's own fulfillment route for every item of the order. */
export async function createFulfillment(api: Api, admin: AdminHeaders, orderId: string, shipping: TestShipping) {
  const { data } = await api.get(`/admin/orders/${orderId}?fields=id,*items`, admin)
  return api.post(
    `/admin/orders/${orderId}/fulfillments`,
    {
      items: data.order.items.map((item: { id: string; quantity: number }) => ({ id: item.id, quantity: item.quantity })),
      location_id: shipping.locationId,
      shipping_option_id: shipping.shippingOptionId,
    },
    { ...admin, validateStatus: () => true }
  )
}

/** A merchant rule that flags every order for review (cart total ≥ 1), through the rules API. */
export async function createFlagEverythingRule(api: Api, admin: AdminHeaders) {
  return api.post(
    "/admin/payment-risk/rules",
    {
      name: "Review every order",
      priority: 1,
      conditions: {
        type: "group",
        combinator: "and",
        children: [{ type: "condition", attribute: "cart.total", operator: "gte", value: 1 }],
      },
      actions: [{ type: "flag_review" }],
    },
    { ...admin, validateStatus: () => true }
  )
}

import { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import {
  createPricePreferencesWorkflow,
  createProductsWorkflow,
  createPromotionsWorkflow,
  createRegionsWorkflow,
  createShippingOptionsWorkflow,
  createShippingProfilesWorkflow,
  createStockLocationsWorkflow,
  createTaxRegionsWorkflow,
  linkSalesChannelsToStockLocationWorkflow,
  updatePricePreferencesWorkflow,
} from "@medusajs/medusa/core-flows"
import { loadCartSnapshot } from "../../src/risk/readers/load-cart-snapshot"
import { GERMAN_ADDRESS } from "../helpers/checkout"
import { PROVIDERS, TestStore } from "../helpers/store"
import { withTestStore } from "../helpers/test-store"

/*
 * The plugin reads the cart with one SQL statement and computes its total with Medusa's own
 * decorateCartTotals (src/risk/readers/cart-row-sql.ts) instead of Query's full totals: the
 * total it decides with must be the `total` Medusa's GET /store/carts/:id shows, for carts with
 * promotions (percentage and fixed, on items and on shipping), taxes on prices that include tax
 * (EUR region) and on prices without (USD region), shipping, and several currencies.
 */

type TotalsStore = TestStore & {
  usRegionId: string
  variantId: string
  cheapVariantId: string
  shippingOptions: { eur: string; usd: string }
}

const US_ADDRESS = {
  first_name: "Jane",
  last_name: "Doe",
  address_1: "1 Main Street",
  postal_code: "10001",
  city: "New York",
  province: "ny",
  country_code: "us",
}

async function seedTotals(container: MedusaContainer, base: TestStore): Promise<TotalsStore> {
  const link = container.resolve(ContainerRegistrationKeys.LINK)
  const fulfillment = container.resolve(Modules.FULFILLMENT)
  const { result: regions } = await createRegionsWorkflow(container).run({
    input: { regions: [{ name: "USA", currency_code: "usd", countries: ["us"], payment_providers: Object.values(PROVIDERS) }] },
  })
  const usRegionId = regions[0].id
  await createTaxRegionsWorkflow(container).run({
    input: [
      { country_code: "de", provider_id: "tp_system", default_tax_rate: { name: "MwSt.", code: "mwst", rate: 19 } },
      { country_code: "us", provider_id: "tp_system", default_tax_rate: { name: "Sales tax", code: "sales", rate: 8.875 } },
    ],
  })
  // German prices include VAT; American ones do not
  await updatePricePreferencesWorkflow(container).run({
    input: { selector: { attribute: "region_id", value: base.regionId }, update: { is_tax_inclusive: true } },
  })
  const pricing = container.resolve(Modules.PRICING)
  const [eurPreference] = await pricing.listPricePreferences({ attribute: "currency_code", value: "eur" })
  if (eurPreference) {
    await updatePricePreferencesWorkflow(container).run({ input: { selector: { id: eurPreference.id }, update: { is_tax_inclusive: true } } })
  } else {
    await createPricePreferencesWorkflow(container).run({ input: [{ attribute: "currency_code", value: "eur", is_tax_inclusive: true }] })
  }

  const { result: locations } = await createStockLocationsWorkflow(container).run({
    input: { locations: [{ name: "Lager", address: { address_1: "Lagerstraße 1", city: "Berlin", country_code: "de" } }] },
  })
  const locationId = locations[0].id
  await link.create({
    [Modules.STOCK_LOCATION]: { stock_location_id: locationId },
    [Modules.FULFILLMENT]: { fulfillment_provider_id: "manual_manual" },
  })
  await linkSalesChannelsToStockLocationWorkflow(container).run({ input: { id: locationId, add: [base.salesChannelId] } })
  const { result: profiles } = await createShippingProfilesWorkflow(container).run({
    input: { data: [{ name: "Standard", type: "default" }] },
  })
  const set = await fulfillment.createFulfillmentSets({
    name: "Versand",
    type: "shipping",
    service_zones: [
      { name: "Deutschland", geo_zones: [{ country_code: "de", type: "country" }] },
      { name: "USA", geo_zones: [{ country_code: "us", type: "country" }] },
    ],
  })
  await link.create({
    [Modules.STOCK_LOCATION]: { stock_location_id: locationId },
    [Modules.FULFILLMENT]: { fulfillment_set_id: set.id },
  })
  const zone = (name: string) => set.service_zones.find((z: { name: string; id: string }) => z.name === name)!.id
  const option = (name: string, zoneName: string, price: { currency_code: string; amount: number }) => ({
    name,
    price_type: "flat" as const,
    provider_id: "manual_manual",
    service_zone_id: zone(zoneName),
    shipping_profile_id: profiles[0].id,
    type: { label: name, description: name, code: name.toLowerCase() },
    prices: [price],
    rules: [
      { attribute: "enabled_in_store", value: "true", operator: "eq" as const },
      { attribute: "is_return", value: "false", operator: "eq" as const },
    ],
  })
  const { result: options } = await createShippingOptionsWorkflow(container).run({
    input: [option("Standard", "Deutschland", { currency_code: "eur", amount: 4.9 }), option("Ground", "USA", { currency_code: "usd", amount: 7.45 })],
  })

  const product = (title: string, handle: string, eur: number, usd: number) => ({
    title,
    handle,
    status: "published" as const,
    shipping_profile_id: profiles[0].id,
    options: [{ title: "Default", values: ["Default"] }],
    sales_channels: [{ id: base.salesChannelId }],
    variants: [
      {
        title: "Default",
        options: { Default: "Default" },
        manage_inventory: false,
        prices: [
          { amount: eur, currency_code: "eur" },
          { amount: usd, currency_code: "usd" },
        ],
      },
    ],
  })
  const { result: products } = await createProductsWorkflow(container).run({
    input: { products: [product("Teekanne", "teekanne", 33.33, 39.99), product("Untersetzer", "untersetzer", 7.77, 8.49)] },
  })

  const percentage = (code: string, target: "items" | "shipping_methods", value: number) => ({
    code,
    type: "standard" as const,
    status: "active" as const,
    application_method: { type: "percentage" as const, target_type: target, allocation: "each" as const, value, max_quantity: 99 },
  })
  const fixed = (code: string, currency_code: string, value: number) => ({
    code,
    type: "standard" as const,
    status: "active" as const,
    application_method: { type: "fixed" as const, target_type: "order" as const, allocation: "across" as const, value, currency_code },
  })
  await createPromotionsWorkflow(container).run({
    input: {
      promotionsData: [
        percentage("PCT15", "items", 15),
        percentage("SHIP50", "shipping_methods", 50),
        fixed("FIX5EUR", "eur", 5),
        fixed("FIX3USD", "usd", 3),
      ],
    },
  })
  return {
    ...base,
    usRegionId,
    variantId: products[0].variants[0].id,
    cheapVariantId: products[1].variants[0].id,
    shippingOptions: { eur: options[0].id, usd: options[1].id },
  }
}

type CartCase = {
  name: string
  currency: "eur" | "usd"
  items: Array<{ cheap?: boolean; quantity: number }>
  shipping: boolean
  promotions: string[]
}

const CASES: CartCase[] = [
  { name: "EUR, VAT included, no promotion, no shipping", currency: "eur", items: [{ quantity: 1 }], shipping: false, promotions: [] },
  { name: "EUR, VAT included, shipping", currency: "eur", items: [{ quantity: 3 }, { cheap: true, quantity: 2 }], shipping: true, promotions: [] },
  { name: "EUR, VAT included, 15 % on items and 5 EUR off, shipping", currency: "eur", items: [{ quantity: 3 }, { cheap: true, quantity: 7 }], shipping: true, promotions: ["PCT15", "FIX5EUR"] },
  { name: "EUR, VAT included, 50 % off shipping", currency: "eur", items: [{ quantity: 1 }], shipping: true, promotions: ["SHIP50"] },
  { name: "USD, sales tax on top, shipping", currency: "usd", items: [{ quantity: 2 }, { cheap: true, quantity: 1 }], shipping: true, promotions: [] },
  { name: "USD, sales tax on top, 15 % on items, 3 USD off and 50 % off shipping", currency: "usd", items: [{ quantity: 5 }, { cheap: true, quantity: 3 }], shipping: true, promotions: ["PCT15", "FIX3USD", "SHIP50"] },
]

withTestStore<TotalsStore>({ seed: seedTotals }, (ctx) => {
  const headers = () => ({ headers: { "x-publishable-api-key": ctx.store.publishableKey } })

  const cartFor = async (c: CartCase) => {
    const us = c.currency === "usd"
    const { data } = await ctx.api.post(
      "/store/carts",
      {
        region_id: us ? ctx.store.usRegionId : ctx.store.regionId,
        email: `summe-${Math.random().toString(36).slice(2)}@example.com`,
        items: c.items.map((item) => ({ variant_id: item.cheap ? ctx.store.cheapVariantId : ctx.store.variantId, quantity: item.quantity })),
        shipping_address: us ? US_ADDRESS : GERMAN_ADDRESS,
        billing_address: us ? US_ADDRESS : GERMAN_ADDRESS,
      },
      headers()
    )
    const cartId = data.cart.id as string
    if (c.shipping) {
      const option_id = ctx.store.shippingOptions[c.currency]
      await ctx.api.post(`/store/carts/${cartId}/shipping-methods`, { option_id }, headers())
    }
    if (c.promotions.length) {
      await ctx.api.post(`/store/carts/${cartId}/promotions`, { promo_codes: c.promotions }, headers())
    }
    return cartId
  }

  describe("when the plugin reads a cart", () => {
    it.each(CASES.map((c) => [c.name, c] as const))("should compute Medusa's total: %s", async (_name, c) => {
      const cartId = await cartFor(c)
      const { data } = await ctx.api.get(`/store/carts/${cartId}`, headers())
      const cart = data.cart
      // the case is what it says (taxes, shipping and each promotion applied), so the comparison means something
      expect(cart.currency_code).toBe(c.currency)
      expect(cart.tax_total).toBeGreaterThan(0)
      expect(cart.shipping_methods).toHaveLength(c.shipping ? 1 : 0)
      expect((cart.promotions ?? []).map((p: { code: string }) => p.code).sort()).toEqual([...c.promotions].sort())
      if (c.promotions.length) expect(cart.discount_total).toBeGreaterThan(0)
      if (c.promotions.includes("SHIP50")) expect(cart.shipping_discount_total).toBeGreaterThan(0)
      expect(cart.items.every((item: { is_tax_inclusive: boolean }) => item.is_tax_inclusive === (c.currency === "eur"))).toBe(true)

      const loaded = await loadCartSnapshot(ctx.container, cartId)
      expect(loaded.cart.total).toBe(cart.total)
      expect(loaded.cart.currency_code).toBe(c.currency)
      expect(loaded.cart.items.map((item) => [item.variant_id, item.quantity, item.unit_price])).toEqual(
        expect.arrayContaining(cart.items.map((item: { variant_id: string; quantity: number; unit_price: number }) => [item.variant_id, item.quantity, item.unit_price]))
      )
      expect(loaded.cart.items).toHaveLength(cart.items.length)
    })
  })

  describe("when a cart has a payment session and addresses", () => {
    it("should read the session, the region's providers and the addresses as Medusa has them", async () => {
      const cartId = await cartFor(CASES[2])
      const { data: pc } = await ctx.api.post("/store/payment-collections", { cart_id: cartId }, headers())
      const session = await ctx.api.post(
        `/store/payment-collections/${pc.payment_collection.id}/payment-sessions`,
        { provider_id: PROVIDERS.prepayment },
        { ...headers(), validateStatus: () => true }
      )
      expect(session.status).toBe(200)
      const loaded = await loadCartSnapshot(ctx.container, cartId)
      expect(loaded.payment_collection_id).toBe(pc.payment_collection.id)
      expect(loaded.selected_provider_ids).toEqual([PROVIDERS.prepayment])
      expect([...loaded.region_provider_ids].sort()).toEqual(Object.values(PROVIDERS).sort())
      expect(loaded.cart.shipping_address).toMatchObject({ address_1: GERMAN_ADDRESS.address_1, postal_code: "10115", country_code: "de" })
      expect(loaded.cart.billing_address).toMatchObject({ first_name: "Hans", last_name: "Meier" })
      expect(loaded.completed).toBe(false)
    })

    it("should answer NOT_FOUND for an unknown cart", async () => {
      await expect(loadCartSnapshot(ctx.container, "cart_unknown")).rejects.toMatchObject({ type: "not_found" })
    })
  })
})

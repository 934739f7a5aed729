/**
 * Demo data for `npm run demo` (run with `npx medusa exec ./demo/seed.ts`). Idempotent: every
 * record is looked up by name / handle first, so running it again creates nothing twice (it only
 * tops up what is missing, e.g. payment providers of the region).
 *
 * Creates a German store: EUR, region "Deutschland" (de, at) with prepayment, cash on delivery,
 * invoice and the system provider, a tax region, a warehouse with a flat-rate shipping option,
 * a sales channel with a publishable API key, and a few products with stock.
 * Not part of the published plugin (demo/ is excluded in tsconfig.json).
 */
import type { ExecArgs } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules, ProductStatus } from "@medusajs/framework/utils"
import {
  createApiKeysWorkflow,
  createInventoryLevelsWorkflow,
  createProductsWorkflow,
  createRegionsWorkflow,
  createSalesChannelsWorkflow,
  createShippingOptionsWorkflow,
  createShippingProfilesWorkflow,
  createStockLocationsWorkflow,
  createTaxRegionsWorkflow,
  linkSalesChannelsToApiKeyWorkflow,
  linkSalesChannelsToStockLocationWorkflow,
  updateRegionsWorkflow,
  updateStoresWorkflow,
} from "@medusajs/medusa/core-flows"

const SALES_CHANNEL = "Demo-Shop"
const REGION = "Deutschland"
const REGION_COUNTRIES = ["de", "at"]
const PAYMENT_PROVIDERS = [
  "pp_prepayment_manual",
  "pp_cash-on-delivery_manual",
  "pp_invoice_manual",
  "pp_system_default",
]
const STOCK_LOCATION = "Lager Deutschland"
const FULFILLMENT_PROVIDER = "manual_manual"
const FULFILLMENT_SET = "Versand aus Deutschland"
const SHIPPING_PROFILE = "Standard"
const SHIPPING_OPTION = "Standardversand"
const API_KEY = "Demo-Shop Storefront"

type DemoProduct = {
  title: string
  handle: string
  description: string
  sku: string
  price: number // EUR, major units
  stock: number
}

const PRODUCTS: DemoProduct[] = [
  {
    title: "Baumwoll-T-Shirt",
    handle: "baumwoll-t-shirt",
    description: "Schlichtes T-Shirt aus Bio-Baumwolle.",
    sku: "DEMO-TSHIRT",
    price: 19.9,
    stock: 100,
  },
  {
    title: "Wanderrucksack",
    handle: "wanderrucksack",
    description: "Rucksack mit 30 Litern Volumen.",
    sku: "DEMO-RUCKSACK",
    price: 49,
    stock: 50,
  },
  {
    title: "Kaffeebecher",
    handle: "kaffeebecher",
    description: "Steingutbecher, 350 ml.",
    sku: "DEMO-BECHER",
    price: 12.5,
    stock: 200,
  },
  {
    title: "Systemkamera",
    handle: "systemkamera",
    description: "Hochwertige Systemkamera: ein Warenkorb mit hohem Wert.",
    sku: "DEMO-KAMERA",
    price: 1299,
    stock: 10,
  },
  {
    title: "Satellitenschüssel",
    handle: "satellitenschuessel",
    description: "Wird oft in großen Mengen bestellt.",
    sku: "DEMO-SAT",
    price: 89,
    stock: 1000,
  },
]

export default async function seedDemo({ container }: ExecArgs) {
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const link = container.resolve(ContainerRegistrationKeys.LINK)
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const storeService = container.resolve(Modules.STORE)
  const salesChannelService = container.resolve(Modules.SALES_CHANNEL)
  const regionService = container.resolve(Modules.REGION)
  const taxService = container.resolve(Modules.TAX)
  const stockLocationService = container.resolve(Modules.STOCK_LOCATION)
  const fulfillmentService = container.resolve(Modules.FULFILLMENT)
  const apiKeyService = container.resolve(Modules.API_KEY)
  const productService = container.resolve(Modules.PRODUCT)
  const paymentService = container.resolve(Modules.PAYMENT)
  const created: string[] = []

  // --- sales channel -----------------------------------------------------------------------
  let [salesChannel] = await salesChannelService.listSalesChannels({ name: SALES_CHANNEL })
  if (!salesChannel) {
    const { result } = await createSalesChannelsWorkflow(container).run({
      input: { salesChannelsData: [{ name: SALES_CHANNEL, description: "Vertriebskanal der Demo" }] },
    })
    salesChannel = result[0]
    created.push(`sales channel "${SALES_CHANNEL}"`)
  }

  // --- store: EUR default, demo sales channel ---------------------------------------------
  const [store] = await storeService.listStores({}, { relations: ["supported_currencies"] })
  const hasEurDefault = store.supported_currencies?.some(
    (c) => c.currency_code === "eur" && c.is_default
  )
  if (!hasEurDefault || store.default_sales_channel_id !== salesChannel.id) {
    await updateStoresWorkflow(container).run({
      input: {
        selector: { id: store.id },
        update: {
          name: "Payment-Risk-Demo",
          supported_currencies: [{ currency_code: "eur", is_default: true, is_tax_inclusive: true }],
          default_sales_channel_id: salesChannel.id,
        },
      },
    })
    created.push("store settings (EUR)")
  }

  // --- region with the manual payment methods -------------------------------------------
  const registered = new Set(
    (await paymentService.listPaymentProviders({ id: PAYMENT_PROVIDERS })).map((p) => p.id)
  )
  const providers = PAYMENT_PROVIDERS.filter((id) => registered.has(id))
  const missing = PAYMENT_PROVIDERS.filter((id) => !registered.has(id))
  if (missing.length) {
    logger.warn(`Payment providers not registered (left out of the region): ${missing.join(", ")}`)
  }

  let [region] = await regionService.listRegions({ name: REGION })
  if (!region) {
    const { result } = await createRegionsWorkflow(container).run({
      input: {
        regions: [
          {
            name: REGION,
            currency_code: "eur",
            countries: REGION_COUNTRIES,
            payment_providers: providers,
            automatic_taxes: true,
            // German shops quote gross prices (MwSt. included)
            is_tax_inclusive: true,
          },
        ],
      },
    })
    region = result[0]
    created.push(`region "${REGION}"`)
  } else {
    const { data } = await query.graph({
      entity: "region",
      fields: ["id", "payment_providers.id"],
      filters: { id: region.id },
    })
    const current = new Set<string>(
      ((data[0] as any)?.payment_providers ?? []).map((p: { id: string }) => p.id)
    )
    if (providers.some((id) => !current.has(id))) {
      await updateRegionsWorkflow(container).run({
        input: {
          selector: { id: region.id },
          update: { payment_providers: Array.from(new Set([...current, ...providers])) },
        },
      })
      created.push(`payment providers of region "${REGION}"`)
    }
  }

  // --- tax regions (19 % DE, 20 % AT) ----------------------------------------------------------
  const taxRates: Record<string, number> = { de: 19, at: 20 }
  const existingTax = new Set(
    (await taxService.listTaxRegions({ country_code: REGION_COUNTRIES })).map((t) => t.country_code)
  )
  const newTax = REGION_COUNTRIES.filter((c) => !existingTax.has(c))
  if (newTax.length) {
    await createTaxRegionsWorkflow(container).run({
      input: newTax.map((country_code) => ({
        country_code,
        provider_id: "tp_system",
        default_tax_rate: {
          name: `MwSt. ${country_code.toUpperCase()}`,
          code: `mwst-${country_code}`,
          rate: taxRates[country_code],
        },
      })),
    })
    created.push(`tax regions ${newTax.join(", ")}`)
  }

  // --- stock location, fulfillment ----------------------------------------------------------
  let [location] = await stockLocationService.listStockLocations({ name: STOCK_LOCATION })
  if (!location) {
    const { result } = await createStockLocationsWorkflow(container).run({
      input: {
        locations: [
          {
            name: STOCK_LOCATION,
            address: { address_1: "Lagerstraße 1", city: "Berlin", postal_code: "10115", country_code: "de" },
          },
        ],
      },
    })
    location = result[0]
    created.push(`stock location "${STOCK_LOCATION}"`)

    await link.create({
      [Modules.STOCK_LOCATION]: { stock_location_id: location.id },
      [Modules.FULFILLMENT]: { fulfillment_provider_id: FULFILLMENT_PROVIDER },
    })
    await linkSalesChannelsToStockLocationWorkflow(container).run({
      input: { id: location.id, add: [salesChannel.id] },
    })
  }

  if (store.default_location_id !== location.id) {
    await updateStoresWorkflow(container).run({
      input: { selector: { id: store.id }, update: { default_location_id: location.id } },
    })
  }

  let [shippingProfile] = await fulfillmentService.listShippingProfiles({ type: "default" })
  if (!shippingProfile) {
    ;[shippingProfile] = await fulfillmentService.listShippingProfiles({ name: SHIPPING_PROFILE })
  }
  if (!shippingProfile) {
    const { result } = await createShippingProfilesWorkflow(container).run({
      input: { data: [{ name: SHIPPING_PROFILE, type: "default" }] },
    })
    shippingProfile = result[0]
    created.push(`shipping profile "${SHIPPING_PROFILE}"`)
  }

  let [fulfillmentSet] = await fulfillmentService.listFulfillmentSets(
    { name: FULFILLMENT_SET },
    { relations: ["service_zones"] }
  )
  if (!fulfillmentSet) {
    fulfillmentSet = await fulfillmentService.createFulfillmentSets({
      name: FULFILLMENT_SET,
      type: "shipping",
      service_zones: [
        {
          name: "Deutschland und Österreich",
          geo_zones: REGION_COUNTRIES.map((country_code) => ({ country_code, type: "country" as const })),
        },
      ],
    })
    await link.create({
      [Modules.STOCK_LOCATION]: { stock_location_id: location.id },
      [Modules.FULFILLMENT]: { fulfillment_set_id: fulfillmentSet.id },
    })
    created.push(`fulfillment set "${FULFILLMENT_SET}"`)
  }

  const [shippingOption] = await fulfillmentService.listShippingOptions({ name: SHIPPING_OPTION })
  if (!shippingOption) {
    await createShippingOptionsWorkflow(container).run({
      input: [
        {
          name: SHIPPING_OPTION,
          price_type: "flat",
          provider_id: FULFILLMENT_PROVIDER,
          service_zone_id: fulfillmentSet.service_zones[0].id,
          shipping_profile_id: shippingProfile.id,
          type: { label: "Standard", description: "Zustellung in 2–4 Werktagen", code: "standard" },
          prices: [
            { currency_code: "eur", amount: 4.9 },
            { region_id: region.id, amount: 4.9 },
          ],
          rules: [
            { attribute: "enabled_in_store", value: "true", operator: "eq" },
            { attribute: "is_return", value: "false", operator: "eq" },
          ],
        },
      ],
    })
    created.push(`shipping option "${SHIPPING_OPTION}" (4,90 EUR)`)
  }

  // --- publishable API key ---------------------------------------------------------------
  let [apiKey] = await apiKeyService.listApiKeys({ title: API_KEY, type: "publishable" })
  if (!apiKey) {
    const { result } = await createApiKeysWorkflow(container).run({
      input: { api_keys: [{ title: API_KEY, type: "publishable", created_by: "" }] },
    })
    apiKey = result[0]
    await linkSalesChannelsToApiKeyWorkflow(container).run({
      input: { id: apiKey.id, add: [salesChannel.id] },
    })
    created.push(`publishable API key "${API_KEY}"`)
  }

  // --- products with stock --------------------------------------------------------------------
  const existingHandles = new Set(
    (await productService.listProducts({ handle: PRODUCTS.map((p) => p.handle) })).map((p) => p.handle)
  )
  const newProducts = PRODUCTS.filter((p) => !existingHandles.has(p.handle))
  if (newProducts.length) {
    await createProductsWorkflow(container).run({
      input: {
        products: newProducts.map((p) => ({
          title: p.title,
          handle: p.handle,
          description: p.description,
          status: ProductStatus.PUBLISHED,
          shipping_profile_id: shippingProfile.id,
          options: [{ title: "Ausführung", values: ["Standard"] }],
          variants: [
            {
              title: "Standard",
              sku: p.sku,
              manage_inventory: true,
              options: { Ausführung: "Standard" },
              prices: [{ amount: p.price, currency_code: "eur" }],
            },
          ],
          sales_channels: [{ id: salesChannel.id }],
        })),
      },
    })
    created.push(`products ${newProducts.map((p) => p.handle).join(", ")}`)
  }

  // inventory levels for every demo SKU that has none at the demo location
  const { data: items } = await query.graph({
    entity: "inventory_item",
    fields: ["id", "sku", "location_levels.location_id"],
    filters: { sku: PRODUCTS.map((p) => p.sku) },
  })
  const levels = (items as any[])
    .filter((i) => !(i.location_levels ?? []).some((l: any) => l?.location_id === location.id))
    .map((i) => ({
      inventory_item_id: i.id,
      location_id: location.id,
      stocked_quantity: PRODUCTS.find((p) => p.sku === i.sku)?.stock ?? 100,
    }))
  if (levels.length) {
    await createInventoryLevelsWorkflow(container).run({ input: { inventory_levels: levels } })
    created.push(`stock for ${levels.length} items`)
  }

  // Credit checks with the sandbox bureau (shoppers named "Hart", "Weich", "Gelb" … get its
  // answers, see the README), switched on once when this store has the sandbox provider.
  const risk = container.resolve("paymentRisk") as {
    getCreditProviders(): Map<string, unknown>
    getSettings(): Promise<Record<string, any>>
    saveSettings(values: Record<string, any>): Promise<unknown>
    getProviderClasses(ids: string[]): Promise<Array<{ id: string; confirmed: boolean }>>
    setProviderClass(id: string, riskClass: string): Promise<unknown>
  }
  const riskSettings = await risk.getSettings()
  if (risk.getCreditProviders().has("sandbox") && !riskSettings.credit_check.providers.length) {
    await risk.saveSettings({
      ...riskSettings,
      credit_check: { ...riskSettings.credit_check, enabled: true, min_amount: 200, providers: [{ id: "sandbox", cost: 0.5 }] },
    })
    created.push("credit checks with the sandbox bureau")
  }
  // Shop details fill the placeholders of the security tips ({shop_name}, {hotline} …).
  const current = await risk.getSettings()
  if (!current.shop?.name) {
    await risk.saveSettings({
      ...current,
      shop: { ...current.shop, name: "Payment-Risk-Demo", statement_descriptor: "PAYMENTRISK DEMO", hotline: "030 1234567", support_email: "hilfe@example.com" },
    })
    created.push("shop details for the security tips")
  }
  // Bank details for the prepayment instructions (bank transfer, GiroCode); a sample IBAN.
  const withShop = await risk.getSettings()
  if (!withShop.shop?.iban) {
    await risk.saveSettings({
      ...withShop,
      shop: { ...withShop.shop, account_holder: "Payment-Risk-Demo GmbH", iban: "DE89370400440532013000", bic: "COBADEFFXXX", bank_name: "Commerzbank" },
    })
    created.push("bank details for prepayment")
  }

  // Medusa's test payment captures at once, like a card: classified so the admin does not ask to
  // confirm it, and so it is hidden on first orders and for listed shoppers like any card method
  const [system] = await risk.getProviderClasses(["pp_system_default"])
  if (providers.includes("pp_system_default") && system && !system.confirmed) {
    await risk.setProviderClass("pp_system_default", "card")
    created.push("Medusa's test payment classified as card")
  }

  logger.info(created.length ? `Demo data created: ${created.join("; ")}` : "Demo data already present")
  logger.info(`Region "${REGION}" (${region.id}) payment providers: ${providers.join(", ")}`)
  // machine-readable line for scripts/demo.mjs
  console.log(`DEMO_PUBLISHABLE_KEY=${apiKey.token}`)
  console.log(`DEMO_REGION_ID=${region.id}`)
}

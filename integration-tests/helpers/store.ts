import { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import {
  createApiKeysWorkflow,
  createProductsWorkflow,
  createRegionsWorkflow,
  createSalesChannelsWorkflow,
  linkSalesChannelsToApiKeyWorkflow,
} from "@medusajs/medusa/core-flows"

export const PROVIDERS = {
  prepayment: "pp_prepayment_manual",
  cod: "pp_cash-on-delivery_manual",
  invoice: "pp_invoice_manual",
  system: "pp_system_default",
}

export type TestStore = {
  regionId: string
  publishableKey: string
  salesChannelId: string
  /** 49 EUR */
  cheapVariantId: string
  /** 1,299 EUR */
  expensiveVariantId: string
}

/**
 * The test runner recreates the database before each test, which terminates the app's pooled
 * connections. Touch every pooled connection once so the dead ones are dropped before the
 * test's own requests run into them.
 */
async function flushDeadConnections(container: MedusaContainer) {
  const pg = container.resolve(ContainerRegistrationKeys.PG_CONNECTION)
  for (let round = 0; round < 2; round++) {
    await Promise.all(Array.from({ length: 12 }, () => pg.raw("select 1").catch(() => undefined)))
  }
}

/**
 * A German store in EUR with the plugin's three manual providers and Medusa's system
 * provider. Products have no shipping profile and no managed inventory, so a cart needs
 * only items, an email and a payment session to complete.
 */
export async function seedStore(container: MedusaContainer): Promise<TestStore> {
  await flushDeadConnections(container)
  const { result: channels } = await createSalesChannelsWorkflow(container).run({
    input: { salesChannelsData: [{ name: "Webshop" }] },
  })
  const salesChannelId = channels[0].id

  const { result: regions } = await createRegionsWorkflow(container).run({
    input: {
      regions: [
        {
          name: "Deutschland",
          currency_code: "eur",
          countries: ["de"],
          payment_providers: Object.values(PROVIDERS),
        },
      ],
    },
  })

  const { result: keys } = await createApiKeysWorkflow(container).run({
    input: { api_keys: [{ title: "Webshop", type: "publishable", created_by: "test" }] },
  })
  await linkSalesChannelsToApiKeyWorkflow(container).run({
    input: { id: keys[0].id, add: [salesChannelId] },
  })

  const product = (title: string, handle: string, amount: number) => ({
    title,
    handle,
    status: "published" as const,
    options: [{ title: "Default", values: ["Default"] }],
    sales_channels: [{ id: salesChannelId }],
    variants: [
      {
        title: "Default",
        options: { Default: "Default" },
        manage_inventory: false,
        prices: [{ amount, currency_code: "eur" }],
      },
    ],
  })
  const { result: products } = await createProductsWorkflow(container).run({
    input: {
      products: [
        product("Kaffeebecher", "kaffeebecher", 49),
        product("Kamera", "kamera", 1299),
      ],
    },
  })

  return {
    regionId: regions[0].id,
    publishableKey: keys[0].token,
    salesChannelId,
    cheapVariantId: products[0].variants[0].id,
    expensiveVariantId: products[1].variants[0].id,
  }
}

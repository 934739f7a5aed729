import { Logger, MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { backfillOrderFigures } from "../risk/figures/backfill-order-figures"

type Knex = Parameters<typeof backfillOrderFigures>[0]

/**
 * The figures of orders placed before the plugin recorded them (issue 17): one
 * payment_risk_order_figure row per order, from Medusa's order, summary and payment tables, the
 * providers' classes and the assessments (src/risk/figures/backfill-order-figures.ts). Run once by
 * `medusa db:migrate` after the modules' migrations; idempotent (orders with a figure are skipped).
 * Orders placed later are recorded by the order-placed subscriber.
 */
export default async function backfillOrderFiguresScript({ container }: { container: MedusaContainer }) {
  const knex = container.resolve<Knex>(ContainerRegistrationKeys.PG_CONNECTION)
  const added = await backfillOrderFigures(knex)
  if (added) container.resolve<Logger>(ContainerRegistrationKeys.LOGGER).info(`payment-risk: figures of ${added} earlier orders recorded`)
}

import { Logger, MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { rebuildCartFigures } from "../modules/payment-risk/repositories/figures"

type Knex = Parameters<typeof rebuildCartFigures>[0]

/**
 * The per-cart summaries of the figures (payment_risk_cart_figure, migration G) for carts
 * evaluated before the summary existed: recomputed from payment_risk_cart_evaluation, set-based.
 * Run once by `medusa db:migrate` after the modules' migrations; idempotent (a rerun recomputes
 * the same rows). Carts evaluated later keep their summary in the transaction that writes their rows.
 */
export default async function rebuildCartFiguresScript({ container }: { container: MedusaContainer }) {
  const knex = container.resolve<Knex>(ContainerRegistrationKeys.PG_CONNECTION)
  const carts = await rebuildCartFigures(knex)
  if (carts) container.resolve<Logger>(ContainerRegistrationKeys.LOGGER).info(`payment-risk: figures of ${carts} evaluated carts summarised`)
}

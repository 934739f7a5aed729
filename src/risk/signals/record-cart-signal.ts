import { Logger, MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import PaymentRiskModuleService from "../../modules/payment-risk/service"
import { redactForLog } from "../../engine/payment-data/redact-log"
import type { LoadedCart } from "../readers/load-cart-snapshot"
import { withTimeout } from "../with-timeout"
import { SignalKeys } from "./signal-keys"

/** A signal write never holds a checkout longer than this. */
const SIGNAL_WRITE_BUDGET_MS = 1000

/**
 * Records the cart for the velocity and duplicate-order counts: one upsert of hashed keys.
 * Never throws (a failure is logged): checkout must not fail because a count row is missing.
 * Callers start it alongside the evaluation and await it at the end, so it costs no extra time.
 */
export async function recordCartSignal(
  container: MedusaContainer,
  service: PaymentRiskModuleService,
  cart: LoadedCart["cart"],
  keys: SignalKeys,
  completedAt?: Date | null
): Promise<void> {
  try {
    await withTimeout(
      service.upsertCartSignal({
        cart_id: cart.id,
        customer_id: cart.customer_id ?? null,
        ...keys,
        ...(completedAt !== undefined ? { completed_at: completedAt } : {}),
      }),
      SIGNAL_WRITE_BUDGET_MS
    )
  } catch (error) {
    const logger = container.resolve<Logger>(ContainerRegistrationKeys.LOGGER)
    const message = error instanceof Error ? error.message : String(error)
    logger.warn(`payment-risk: cart signal of ${cart.id} not recorded: ${redactForLog(message)}`)
  }
}

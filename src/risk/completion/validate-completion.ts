import { Logger, MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MedusaError, Modules } from "@medusajs/framework/utils"
import { PAYMENT_RISK_MODULE } from "../../modules/payment-risk"
import PaymentRiskModuleService from "../../modules/payment-risk/service"
import { assessCart } from "../assess-cart"
import { identityKeyFor, normalizeEmail } from "../../engine/identity/shopper-key"
import { loadedCartFromHook } from "../readers/load-cart-snapshot"
import { enforceSelection } from "../../engine/enforcement"
import { redactForLog } from "../../engine/payment-data/redact-log"
import { recordCartSignal } from "../signals/record-cart-signal"
import { signalKeysFor } from "../signals/signal-keys"
import { ShopperRequest } from "./shopper-request"

export { REFUSED_PAYMENT_MESSAGE } from "../../engine/enforcement"

/**
 * The CONFLICT error when the shopper's lock could not be had in time: retryable, says nothing
 * about risk. Medusa's error handler answers every 409 with its own generic retry text; this one
 * reaches the log and a store's own hook handler that catches the error.
 */
export const BUSY_MESSAGE = "Another checkout of this shopper is in progress. Please try again in a moment."

/** How long a completion waits for the lock on its shopper before answering 409. */
const LOCK_WAIT_SECONDS = 15

export type CompletionCheck = {
  assessment_id: string | null
  cart_id: string
}

/**
 * Re-evaluates a cart at completion time, records the assessment and throws NOT_ALLOWED
 * when a selected payment provider is no longer allowed. Runs under a lock on the shopper's
 * identity, counting completions that have no order yet, so two carts of one new customer
 * completed at the same moment cannot both pass the first-order rule.
 *
 * `shopper` is what the store request said (IP, authenticated customer); the plugin's hook
 * takes it from the request scope. Without it the shopper is judged as a guest with no IP
 * known beyond the one recorded while shopping (never more lenient).
 *
 * A store whose own code already handles `completeCartWorkflow.hooks.validate` calls this
 * from its handler: `await validateCartPaymentRisk(container, cart.id, shopperRequestFrom(container))`.
 */
export async function validateCartPaymentRisk(
  container: MedusaContainer,
  cartId: string,
  shopper: ShopperRequest | null = null,
  /** the cart as the complete-cart hook received it: judged as it is, not read again */
  hookCart?: Record<string, unknown> | null
): Promise<CompletionCheck> {
  const loaded = await loadedCartFromHook(container, hookCart, cartId)
  if (loaded.completed) {
    // complete-cart is idempotent: a retry for a cart that already has an order passes.
    return { assessment_id: null, cart_id: cartId }
  }
  const service = container.resolve<PaymentRiskModuleService>(PAYMENT_RISK_MODULE)
  const locking = container.resolve(Modules.LOCKING)
  const lockKey = `payment-risk:${identityKeyFor(loaded.cart)}`

  // Whether the job ran: a failure before it is the lock's (wait timed out, lock store down).
  let started = false
  const assessAndRecord = async () => {
    started = true
    const assessment = await assessCart(container, cartId, {
      includeInFlight: true,
      recordReplayable: true,
      loaded,
      recordSignal: false,
      ip: shopper?.ip ?? null,
      authenticatedCustomerId: shopper?.authenticated_customer_id ?? null,
    })
    // Fail closed: a cart that needs payment completes only with a session the plugin judged
    // (Medusa refuses one without a session, but a status unknown today must not slip through).
    const verdict = enforceSelection({
      allowed_provider_ids: assessment.decision.allowed_provider_ids,
      selected_provider_ids: loaded.selected_provider_ids,
      needs_payment: loaded.cart.total > 0,
      refusal_message: assessment.settings.refusal_message,
      language: {
        request_locale: shopper?.locale,
        cart_locale: loaded.locale,
        accept_language: shopper?.accept_language,
        shop_default: assessment.settings.shop.default_locale,
      },
    })
    const refusedProviders = verdict.refused_provider_ids
    // the velocity "orders" count reads completed_at; the IP recorded while shopping is kept
    const signal = recordCartSignal(
      container,
      service,
      loaded.cart,
      signalKeysFor(loaded.cart, shopper?.ip ?? null, service.getHashKeys()),
      refusedProviders.length ? undefined : new Date()
    )
    const record = await service.recordAssessment({
      cart_id: cartId,
      customer_id: loaded.cart.customer_id ?? null,
      email: normalizeEmail(loaded.cart.email),
      identity_key: assessment.identity_key,
      selected_provider_id: loaded.selected_provider_ids[0] ?? null,
      outcome: refusedProviders.length ? "refused" : "accepted",
      fallback: assessment.decision.fallback,
      decision: {
        allowed_provider_ids: assessment.decision.allowed_provider_ids,
        hidden: assessment.decision.hidden,
        facts: assessment.decision.facts,
        signals: assessment.decision.signals,
        rules: assessment.decision.rules,
      },
      engine_version: assessment.decision.engine_version,
      risk_score: assessment.decision.rules?.score ?? 0,
      replayable: (assessment.replayable ?? null) as Record<string, unknown> | null,
    })
    await signal
    return { refused: refusedProviders, assessmentId: record.id, message: verdict.allowed ? "" : verdict.message }
  }

  let result: Awaited<ReturnType<typeof assessAndRecord>>
  try {
    result = await locking.execute(lockKey, assessAndRecord, { timeout: LOCK_WAIT_SECONDS })
  } catch (error) {
    if (started) {
      throw error
    }
    // Many completions of one shopper at once (a retry storm, a bot) queue on the lock; those
    // still waiting after LOCK_WAIT_SECONDS get a retryable 409 instead of a 500 (the in-memory
    // provider rejects with a plain Error). Nothing was assessed or authorized.
    const logger = container.resolve<Logger>(ContainerRegistrationKeys.LOGGER)
    const reason = error instanceof Error ? error.message : String(error)
    logger.warn(`payment-risk: completion of cart ${cartId} got no lock on its shopper: ${redactForLog(reason)}`)
    throw new MedusaError(MedusaError.Types.CONFLICT, BUSY_MESSAGE)
  }
  const { refused, assessmentId, message } = result

  if (refused.length) {
    throw new MedusaError(MedusaError.Types.NOT_ALLOWED, message)
  }
  return { assessment_id: assessmentId, cart_id: cartId }
}

/** Compensation: a completion that failed after validation no longer holds a first-order slot. */
export async function abandonCartPaymentRisk(
  container: MedusaContainer,
  check: CompletionCheck | undefined
): Promise<void> {
  if (!check?.assessment_id) {
    return
  }
  const service = container.resolve<PaymentRiskModuleService>(PAYMENT_RISK_MODULE)
  const [row] = await service.listRiskAssessments({ id: check.assessment_id }, { take: 1 })
  if (row && !row.order_id && row.outcome === "accepted") {
    await service.updateRiskAssessments({ id: row.id, outcome: "abandoned" })
    // no order came of it: it no longer counts as one for velocity
    await service.clearCartSignalCompletion(row.cart_id)
  }
}

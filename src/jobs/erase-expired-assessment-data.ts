import { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { PAYMENT_RISK_MODULE } from "../modules/payment-risk"
import PaymentRiskModuleService from "../modules/payment-risk/service"
import { CREDIT_RESERVATION_DAYS, eraseCreditReservations } from "../risk/credit/erase-credit-reservations"
import { deleteAssessmentOrderLinks } from "../risk/privacy/assessment-links"
import { daysBefore } from "../engine/privacy/retention"
import { eraseIdentityObservations } from "../risk/probing/erase-identity-observations"
import { eraseCartSignals } from "../risk/signals/erase-cart-signals"
import { BACKFILL_BATCH, backfillOrderFigures, RECOVERY_DAYS } from "../risk/figures/backfill-order-figures"

type Knex = Parameters<typeof backfillOrderFigures>[0]

/**
 * Daily retention (settings → `retention`; README "What is stored, when, and for how long"):
 * assessments past their period are reduced to anonymous figures (order link deleted); velocity
 * signals, identity observations, credit queries, reservations and limit events, review events
 * and audit rows past theirs are hard-deleted, and so are the figures' evaluated carts and placed
 * orders past `retention.figures_days`; list entries without an expiry get one, and
 * entries expired longer than the grace period are hard-deleted. The figures lose their link to
 * the order and cart when the assessment does (`assessment_days`: order id removed, cart id
 * replaced by a random token per cart). Orders of the last RECOVERY_DAYS days whose figure the
 * order.placed subscriber failed to record get it now, and cart rows left open although their cart
 * became an order are completed. The order figures' rollups (kept by triggers) are checked
 * against the figures and rebuilt if they drifted. Each evaluated cart's summary (payment_risk_cart_figure, what the
 * overview counts) follows its rows in these steps: the same token, completed with them, deleted
 * with the last of them. `now` is for tests.
 */
export default async function eraseExpiredAssessmentData(container: MedusaContainer, options: { now?: Date } = {}) {
  const now = options.now ?? new Date()
  const service = container.resolve<PaymentRiskModuleService>(PAYMENT_RISK_MODULE)
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const periods = await service.getRetentionPeriods()

  let assessments = 0
  for (;;) {
    const batch = await service.listAssessmentsToScrub(daysBefore(now, periods.assessment_days))
    if (!batch.length) break
    const ids = batch.map((row) => row.id)
    await deleteAssessmentOrderLinks(container, ids)
    assessments += await service.scrubAssessments(ids)
  }
  const unlinked = await service.unlinkExpiredFigures(daysBefore(now, periods.assessment_days))
  const recoverySince = daysBefore(now, RECOVERY_DAYS)
  const pg = container.resolve<Knex>(ContainerRegistrationKeys.PG_CONNECTION)
  const orderFiguresRecovered = await backfillOrderFigures(pg, BACKFILL_BATCH, { placedSince: recoverySince })
  const cartEvaluationsCompleted = await service.completeOpenCartEvaluations(recoverySince)
  const signals = await eraseCartSignals(service, { olderThan: daysBefore(now, periods.cart_signal_days) })
  const observations = await eraseIdentityObservations(service, { olderThan: daysBefore(now, periods.identity_observation_days) })
  const reservations = await eraseCreditReservations(service, { olderThan: daysBefore(now, CREDIT_RESERVATION_DAYS) })
  const purged = await service.purgeExpiredData(periods, now)
  // the overview's order rollups, kept by triggers: checked against the figures, rebuilt if they drifted
  const rollupsRebuilt = await service.repairOrderRollups()
  if (rollupsRebuilt) logger.warn(`payment-risk: the order figures' rollups did not add up to the order figures and were rebuilt (${rollupsRebuilt} rows)`)

  const counts = {
    assessments,
    ...unlinked,
    order_figures_recovered: orderFiguresRecovered,
    cart_evaluations_completed: cartEvaluationsCompleted,
    cart_signals: signals, identity_observations: observations, credit_reservations: reservations, ...purged,
    order_rollup_rows_rebuilt: rollupsRebuilt }
  const done = Object.entries(counts).filter(([, n]) => n > 0)
  if (done.length) {
    logger.info(`payment-risk retention: ${done.map(([table, n]) => `${table} ${n}`).join(", ")}`)
  }
  return counts
}

export const config = {
  name: "payment-risk-erase-expired-assessment-data",
  schedule: "17 3 * * *",
}

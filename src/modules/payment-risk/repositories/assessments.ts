import type PaymentRiskModuleService from "../service"
import { scrubDecision } from "../privacy/scrub-decision"
import { wellFormedJson } from "../types/json"
import { StoredDecision } from "../types/stored-decision"
import { Db, rowCount } from "./sql"

/** identity key of an assessment whose personal data was erased */
export const ERASED = "erased"
/** assessments scrubbed per statement */
export const SCRUB_BATCH = 500

export type AssessmentInput = {
  cart_id: string
  order_id?: string | null
  customer_id?: string | null
  email?: string | null
  identity_key: string
  selected_provider_id?: string | null
  outcome: "accepted" | "refused" | "abandoned"
  fallback: boolean
  decision: StoredDecision
  engine_version: string
  /** sum of the points of the rules that held */
  risk_score?: number
  /** the figures engine's replayable input of this decision (no personal data) */
  replayable?: Record<string, unknown> | null
}

type Assessments = Pick<PaymentRiskModuleService, "listRiskAssessments" | "createRiskAssessments" | "updateRiskAssessments">

/** One assessment per cart: the latest completion attempt replaces the earlier one. */
export async function recordAssessment(service: Assessments, data: AssessmentInput) {
  const [existing] = await service.listRiskAssessments({ cart_id: data.cart_id }, { take: 1 })
  if (existing) {
    return await service.updateRiskAssessments({ id: existing.id, ...data })
  }
  return await service.createRiskAssessments(data)
}

/**
 * Completions of the same identity accepted in the last minutes whose order is not linked
 * yet: they count as orders awaiting payment, so two carts completed at the same moment
 * cannot both pass the first-order rule.
 */
export async function listInFlightCompletions(service: Assessments, identityKey: string, excludeCartId: string, windowMinutes: number) {
  const since = new Date(Date.now() - windowMinutes * 60_000)
  const rows = await service.listRiskAssessments(
    { identity_key: identityKey, outcome: "accepted", order_id: null, created_at: { $gte: since } },
    { select: ["id", "cart_id", "created_at"] }
  )
  return rows.filter((row) => row.cart_id !== excludeCartId)
}

/**
 * Assessments whose personal data is due (created before `olderThan`) or was erased by an
 * earlier version without scrubbing the decision: their ids, a batch at a time. One still
 * awaiting review is left until it is decided (scrubbing would lift its fulfilment hold).
 */
export async function listAssessmentsToScrub(knex: Db, olderThan: Date, limit: number): Promise<Array<{ id: string; order_id: string | null }>> {
  const { rows } = await knex.raw(
    `select id, order_id from payment_risk_assessment
      where (created_at < ? or identity_key = ?) and coalesce(decision->>'erased', '') <> 'true'
        and review_status <> 'pending'
      order by created_at limit ?`,
    [olderThan, ERASED, limit]
  )
  return rows
}

export type ShopperAssessmentFilter = { emails: string[]; customer_ids: string[]; cart_ids: string[]; order_ids: string[] }

/** Assessments of a shopper: by email, customer id, or one of her carts or orders. */
export async function findShopperAssessments(
  knex: Db,
  filter: ShopperAssessmentFilter
): Promise<Array<{ id: string; cart_id: string; order_id: string | null; review_status: string }>> {
  const { rows } = await knex.raw(
    `select id, cart_id, order_id, review_status from payment_risk_assessment
      where email = any(?::text[]) or customer_id = any(?::text[]) or cart_id = any(?::text[]) or order_id = any(?::text[])`,
    [filter.emails, filter.customer_ids, filter.cart_ids, filter.order_ids]
  )
  return rows
}

/**
 * Scrubs assessments (bindings: the erased identity key, the rows as JSON): no email, customer
 * id, order link or cart link (the cart id becomes `erased:<own id>`, unique and pointing
 * nowhere), the decision reduced to anonymous figures (scrubDecision), and no replayable input:
 * it names nobody, but its exact time and total, postcode prefix, credit score and outcome
 * counts could be tied back to the order in Medusa's tables — a backtest reports such an order
 * as not replayable.
 */
const UPDATE_SCRUBBED_ASSESSMENTS = `
  update payment_risk_assessment a
     set email = null, customer_id = null, order_id = null, identity_key = ?,
         cart_id = 'erased:' || a.id, decision = u.decision, replayable = null, updated_at = now()
    from json_to_recordset(?::json) as u(id text, decision jsonb)
   where a.id = u.id`

/**
 * Scrubs the given assessments in batches within the caller's transaction (rows locked, read,
 * reduced by scrubDecision, written back); returns how many.
 */
export async function scrubAssessmentRows(trx: Db, ids: string[]): Promise<number> {
  let scrubbed = 0
  for (let i = 0; i < ids.length; i += SCRUB_BATCH) {
    const { rows } = await trx.raw(`select id, decision from payment_risk_assessment where id = any(?::text[]) for update`, [ids.slice(i, i + SCRUB_BATCH)])
    if (!rows.length) continue
    const payload = rows.map((row: { id: string; decision: unknown }) => ({ id: row.id, decision: scrubDecision(row.decision) }))
    scrubbed += rowCount(await trx.raw(UPDATE_SCRUBBED_ASSESSMENTS, [ERASED, wellFormedJson(payload)]))
  }
  return scrubbed
}

import { MedusaContainer } from "@medusajs/framework/types"
import { composeTableName, compressName, ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { PAYMENT_RISK_MODULE } from "../../modules/payment-risk"

export type AssessmentOrderLink = { order_id: string; risk_assessment_id: string }

type RemoteLink = { create: (links: Array<Record<string, Record<string, string>>>) => Promise<unknown> }
type Knex = { raw: (sql: string, bindings: unknown[]) => Promise<unknown> }

/** The link's table, named the way Medusa's link modules name it (order_order_paymentrisk_risk_assessment). */
const LINK_TABLE = compressName(composeTableName(Modules.ORDER, "order_id", PAYMENT_RISK_MODULE, "risk_assessment_id").toLowerCase())

/**
 * Deletes the order ↔ assessment links (src/links/order-risk-assessment.ts) of scrubbed
 * assessments for good, soft-deleted (dismissed) rows included: Medusa's `dismiss` only
 * soft-deletes a link row, which would keep the assessment tied to the order and so to the
 * person (and the link module's hard `delete` builds invalid SQL in Medusa 2.21).
 */
export async function deleteAssessmentOrderLinks(container: MedusaContainer, assessmentIds: string[]): Promise<void> {
  if (!assessmentIds.length) return
  const knex = container.resolve<Knex>(ContainerRegistrationKeys.PG_CONNECTION)
  await knex.raw(`delete from ?? where risk_assessment_id = any(?::text[])`, [LINK_TABLE, assessmentIds])
}

/** Creates the links again (the erasure workflow's compensation). */
export async function restoreAssessmentOrderLinks(container: MedusaContainer, links: AssessmentOrderLink[]): Promise<void> {
  if (!links.length) return
  const remoteLink = container.resolve<RemoteLink>(ContainerRegistrationKeys.LINK)
  await remoteLink.create(
    links.map((link) => ({ [Modules.ORDER]: { order_id: link.order_id }, [PAYMENT_RISK_MODULE]: { risk_assessment_id: link.risk_assessment_id } }))
  )
}

import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { PAYMENT_RISK_MODULE } from "../../../modules/payment-risk"
import PaymentRiskModuleService from "../../../modules/payment-risk/service"

export const deleteNegativeListEntryStepId = "delete-payment-risk-negative-list-entry"

type EntryRow = Awaited<ReturnType<PaymentRiskModuleService["retrieveNegativeListEntry"]>>
type Deleted = { row: EntryRow; actor_id: string | null }

/**
 * Deletes an entry for good through the module's audited path (the audit row keeps who and
 * when, without values). NOT_FOUND for an unknown entry. The compensation creates the entry
 * again from the row read before, with its id, and audits that as a create.
 */
export const deleteNegativeListEntryStep = createStep(
  deleteNegativeListEntryStepId,
  async (input: { id: string; actor_id: string | null }, { container }) => {
    const service = container.resolve<PaymentRiskModuleService>(PAYMENT_RISK_MODULE)
    const row = await service.retrieveNegativeListEntry(input.id)
    await service.deleteListEntry(row.id, input.actor_id)
    return new StepResponse<{ id: string }, Deleted>({ id: row.id }, { row, actor_id: input.actor_id })
  },
  async (deleted: Deleted | undefined, { container }) => {
    if (!deleted) {
      return
    }
    const service = container.resolve<PaymentRiskModuleService>(PAYMENT_RISK_MODULE)
    const { deleted_at: _deletedAt, updated_at: _updatedAt, ...row } = deleted.row
    await service.createNegativeListEntries(row)
    await service.createNegativeListAudits({ entry_id: row.id, action: "create", actor_id: deleted.actor_id, changes: {} })
  }
)

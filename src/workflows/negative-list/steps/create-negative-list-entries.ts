import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import type { PreparedEntryData } from "../../../engine"
import { PAYMENT_RISK_MODULE } from "../../../modules/payment-risk"
import PaymentRiskModuleService from "../../../modules/payment-risk/service"

export const createNegativeListEntriesStepId = "create-payment-risk-negative-list-entries"

type Created = { ids: string[]; actor_id: string | null }

/** A prepared entry, with the order it was taken from where there is one. */
type EntryToCreate = PreparedEntryData & { order_id?: string | null }

/**
 * Creates prepared entries through the module's audited path (entry + audit record, as the
 * admin route does; an entry without an expiry gets the retention default there). An entry's
 * `order_id` is stored as its link to the order it was taken from. The compensation deletes
 * them again (hard delete), audited too.
 */
export const createNegativeListEntriesStep = createStep(
  createNegativeListEntriesStepId,
  async (input: { entries: EntryToCreate[]; actor_id: string | null }, { container }) => {
    const service = container.resolve<PaymentRiskModuleService>(PAYMENT_RISK_MODULE)
    const created: Array<Awaited<ReturnType<PaymentRiskModuleService["createListEntry"]>>> = []
    const compensation: Created = { ids: [], actor_id: input.actor_id }
    try {
      for (const { order_id, ...entry } of input.entries) {
        const row = await service.createListEntry(entry, input.actor_id, { order_id: order_id ?? null })
        created.push(row)
        compensation.ids.push(row.id)
      }
    } catch (error) {
      await removeEntries(service, compensation)
      throw error
    }
    return new StepResponse(created, compensation)
  },
  async (created: Created | undefined, { container }) => {
    if (!created?.ids.length) {
      return
    }
    await removeEntries(container.resolve<PaymentRiskModuleService>(PAYMENT_RISK_MODULE), created)
  }
)

async function removeEntries(service: PaymentRiskModuleService, created: Created) {
  for (const id of created.ids) {
    await service.deleteListEntry(id, created.actor_id)
  }
}

import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import type { PreparedEntryData } from "../../engine"
import { PAYMENT_RISK_MODULE } from "../../modules/payment-risk"
import PaymentRiskModuleService from "../../modules/payment-risk/service"

export const createNegativeListEntriesStepId = "create-payment-risk-negative-list-entries"

type Created = { ids: string[]; actor_id: string | null }

/**
 * Creates prepared entries through the module's audited path (entry + audit record, as the
 * admin route does). The compensation deletes them again, audited too.
 */
export const createNegativeListEntriesStep = createStep(
  createNegativeListEntriesStepId,
  async (input: { entries: PreparedEntryData[]; actor_id: string | null }, { container }) => {
    const service = container.resolve<PaymentRiskModuleService>(PAYMENT_RISK_MODULE)
    const created: Array<Awaited<ReturnType<PaymentRiskModuleService["createListEntry"]>>> = []
    const compensation: Created = { ids: [], actor_id: input.actor_id }
    try {
      for (const entry of input.entries) {
        const row = await service.createListEntry(entry, input.actor_id)
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

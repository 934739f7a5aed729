import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { createNegativeListEntriesStep } from "../negative-list/steps/create-negative-list-entries"
import { applyOutcomeToReceivableStep } from "./steps/apply-outcome-to-receivable"
import { createOutcomeStep } from "./steps/create-outcome"
import { linkOutcomeEntriesStep } from "./steps/link-outcome-entries"
import { prepareOutcomeStep, RecordOutcomeInput } from "./steps/prepare-outcome"

export const recordOutcomeWorkflowId = "record-payment-risk-outcome"

/**
 * Records what happened to an order after checkout (a returned debit, a chargeback, a refused
 * parcel …) once, and applies its consequence: the shopper's data goes on the negative list with
 * the outcome's source, linked back to the outcome; the order's receivable is reopened (returned
 * debit, chargeback) or closed (handed over, written off). The history reads the outcome from then on
 * (the order is no longer paid). Every step undoes its write if a later one fails.
 */
export const recordOutcomeWorkflow = createWorkflow(recordOutcomeWorkflowId, (input: RecordOutcomeInput) => {
  const prepared = prepareOutcomeStep(input)
  const row = transform({ prepared }, ({ prepared }) => prepared.row)
  const recorded = createOutcomeStep(row)
  // a returned debit or chargeback reopens the order's receivable; a hand-over or write-off closes it
  applyOutcomeToReceivableStep(recorded)
  // an event recorded before lists nothing again
  const entries = transform({ prepared, recorded, input }, ({ prepared, recorded, input }) => ({
    entries: recorded.duplicate ? [] : prepared.plan.entries,
    actor_id: input.actor_id ?? null,
  }))
  const created = createNegativeListEntriesStep(entries)
  const link = transform({ recorded, created }, ({ recorded, created }) => ({
    outcome_id: recorded.outcome.id,
    entry_ids: created.map((entry) => entry.id),
  }))
  linkOutcomeEntriesStep(link)
  return new WorkflowResponse(
    transform({ recorded, created, prepared }, ({ recorded, created, prepared }) => ({
      outcome: recorded.duplicate ? recorded.outcome : { ...recorded.outcome, list_entry_ids: created.map((entry) => entry.id) },
      duplicate: recorded.duplicate,
      list_entries: created,
      skipped: recorded.duplicate ? [] : prepared.plan.skipped,
      already_listed: recorded.duplicate ? [] : prepared.plan.existing,
    }))
  )
})

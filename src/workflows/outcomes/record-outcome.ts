import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { applyOutcomeToReceivableStep } from "./steps/apply-outcome-to-receivable"
import { createOutcomeStep } from "./steps/create-outcome"
import { linkOutcomeEntriesStep } from "./steps/link-outcome-entries"
import { listOutcomeEntriesStep } from "./steps/list-outcome-entries"
import { prepareOutcomeStep, RecordOutcomeInput } from "./steps/prepare-outcome"

export const recordOutcomeWorkflowId = "record-payment-risk-outcome"

/**
 * Records what happened to an order after checkout (a returned debit, a chargeback, a refused
 * parcel …) once, and applies its consequence: the shopper's data goes on the negative list with
 * the outcome's source, linked back to the outcome (data listed already is extended — stricter
 * action, later expiry — and linked, not listed twice); the order's receivable is reopened (returned
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
  // data listed before (e.g. by the shopper's earlier return debit) is extended, not listed twice
  const listed = listOutcomeEntriesStep(entries)
  const link = transform({ recorded, listed }, ({ recorded, listed }) => ({
    outcome_id: recorded.outcome.id,
    entry_ids: listed.entries.map((entry) => entry.id),
  }))
  linkOutcomeEntriesStep(link)
  return new WorkflowResponse(
    transform({ recorded, listed, prepared }, ({ recorded, listed, prepared }) => ({
      outcome: recorded.duplicate ? recorded.outcome : { ...recorded.outcome, list_entry_ids: listed.entries.map((entry) => entry.id) },
      duplicate: recorded.duplicate,
      list_entries: listed.entries,
      skipped: recorded.duplicate ? [] : prepared.plan.skipped,
      already_listed: listed.already_listed,
      extended_entry_ids: listed.extended_entry_ids,
    }))
  )
})

import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import type { EntryInput } from "../../engine"
import { createNegativeListEntriesStep } from "./steps/create-negative-list-entries"
import { prepareNegativeListEntryStep } from "./steps/prepare-negative-list-entry"

export const createNegativeListEntryWorkflowId = "create-payment-risk-negative-list-entry"

export type CreateNegativeListEntryInput = { entry: EntryInput; actor_id: string | null }

/**
 * Adds one entry the merchant typed to the negative list: validated, normalised and hashed
 * (IBAN, card), then stored with its audit record. Without an expiry it gets the retention
 * settings' default.
 */
export const createNegativeListEntryWorkflow = createWorkflow(
  createNegativeListEntryWorkflowId,
  (input: CreateNegativeListEntryInput) => {
    const prepared = prepareNegativeListEntryStep({ entry: input.entry })
    const entries = transform({ prepared }, ({ prepared }) => [prepared])
    const created = createNegativeListEntriesStep({ entries, actor_id: input.actor_id })
    return new WorkflowResponse({ entry: transform({ created }, ({ created }) => created[0]) })
  }
)

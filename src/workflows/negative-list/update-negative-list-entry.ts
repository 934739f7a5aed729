import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { NegativeListEntryUpdate, prepareNegativeListUpdateStep } from "./steps/prepare-negative-list-update"
import { updateNegativeListEntryStep } from "./steps/update-negative-list-entry"

export const updateNegativeListEntryWorkflowId = "update-payment-risk-negative-list-entry"

export type UpdateNegativeListEntryInput = { id: string; update: NegativeListEntryUpdate; actor_id: string | null }

/**
 * Updates an entry (its kind stays): the fields sent over the stored ones, validated and hashed
 * like a new entry, stored with an audit record of what changed.
 */
export const updateNegativeListEntryWorkflow = createWorkflow(
  updateNegativeListEntryWorkflowId,
  (input: UpdateNegativeListEntryInput) => {
    const prepared = prepareNegativeListUpdateStep({ id: input.id, update: input.update })
    const entry = updateNegativeListEntryStep({ id: input.id, entry: prepared, actor_id: input.actor_id })
    return new WorkflowResponse({ entry })
  }
)

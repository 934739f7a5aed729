import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { deleteNegativeListEntryStep } from "./steps/delete-negative-list-entry"

export const deleteNegativeListEntryWorkflowId = "delete-payment-risk-negative-list-entry"

/** Deletes an entry for good; the audit trail keeps who deleted it and when, without values. */
export const deleteNegativeListEntryWorkflow = createWorkflow(
  deleteNegativeListEntryWorkflowId,
  (input: { id: string; actor_id: string | null }) => {
    const deleted = deleteNegativeListEntryStep(input)
    return new WorkflowResponse(deleted)
  }
)

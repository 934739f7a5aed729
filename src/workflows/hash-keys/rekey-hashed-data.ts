import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { rekeyHashedDataStep } from "./steps/rekey-hashed-data"

export const rekeyHashedDataWorkflowId = "rekey-payment-risk-hashed-data"

/** Re-keys stored hashes after a rotation of `hash_secret` and reports what is left. Safe to repeat. */
export const rekeyHashedDataWorkflow = createWorkflow(rekeyHashedDataWorkflowId, () => {
  return new WorkflowResponse(rekeyHashedDataStep())
})

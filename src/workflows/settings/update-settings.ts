import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import type { SettingsUpdate } from "../../engine"
import { updateSettingsStep } from "./steps/update-settings"

export const updateSettingsWorkflowId = "update-payment-risk-settings"

/**
 * Saves the merchant's change of the settings: each section sent is laid over the stored one,
 * under the stored row's lock in the database (not Medusa's Locking module, which without
 * locking-redis holds only within one process), so two saves at once on any instances keep both
 * changes.
 */
export const updateSettingsWorkflow = createWorkflow(updateSettingsWorkflowId, (input: { update: SettingsUpdate }) => {
  const settings = updateSettingsStep({ update: input.update })
  return new WorkflowResponse({ settings })
})

import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { acquireLockStep, releaseLockStep } from "@medusajs/medusa/core-flows"
import type { SettingsUpdate } from "../../engine"
import { updateSettingsStep } from "./steps/update-settings"

export const updateSettingsWorkflowId = "update-payment-risk-settings"

/** The lock around the settings' read-merge-write: two saves at once must not lose one's changes. */
export const SETTINGS_LOCK_KEY = "payment-risk-settings"

/** Saves the merchant's change of the settings: each section sent is laid over the stored one. */
export const updateSettingsWorkflow = createWorkflow(updateSettingsWorkflowId, (input: { update: SettingsUpdate }) => {
  acquireLockStep({ key: SETTINGS_LOCK_KEY, timeout: 5, ttl: 30 })
  const settings = updateSettingsStep({ update: input.update })
  releaseLockStep({ key: SETTINGS_LOCK_KEY })
  return new WorkflowResponse({ settings })
})

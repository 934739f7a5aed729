import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { mergeSettings, RiskSettings, SettingsUpdate } from "../../../engine"
import { PAYMENT_RISK_MODULE } from "../../../modules/payment-risk"
import { updateStoredSettings } from "../../../modules/payment-risk/repositories/settings"
import type { Db } from "../../../modules/payment-risk/repositories/sql"
import PaymentRiskModuleService from "../../../modules/payment-risk/service"

export const updateSettingsStepId = "update-payment-risk-settings"

/**
 * Lays the merchant's update over the stored settings (the engine's mergeSettings) inside the
 * database: the stored row is locked while it is read, merged and written, so a save on another
 * instance at the same moment waits and then builds on it instead of overwriting its sections.
 * Returns the settings as saved. The compensation saves the earlier settings again.
 */
export const updateSettingsStep = createStep(
  updateSettingsStepId,
  async (input: { update: SettingsUpdate }, { container }) => {
    const knex = container.resolve<Db>(ContainerRegistrationKeys.PG_CONNECTION)
    const { previous, settings } = await updateStoredSettings(knex, (stored) => mergeSettings(stored, input.update))
    return new StepResponse<RiskSettings, RiskSettings>(settings, previous)
  },
  async (previous: RiskSettings | undefined, { container }) => {
    if (!previous) {
      return
    }
    await container.resolve<PaymentRiskModuleService>(PAYMENT_RISK_MODULE).saveSettings(previous)
  }
)

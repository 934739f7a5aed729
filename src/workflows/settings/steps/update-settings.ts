import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { mergeSettings, RiskSettings, SettingsUpdate } from "../../../engine"
import { PAYMENT_RISK_MODULE } from "../../../modules/payment-risk"
import PaymentRiskModuleService from "../../../modules/payment-risk/service"

export const updateSettingsStepId = "update-payment-risk-settings"

/**
 * Lays the merchant's update over the stored settings (the engine's mergeSettings) and saves
 * them; returns the settings as saved. The compensation saves the earlier settings again.
 */
export const updateSettingsStep = createStep(
  updateSettingsStepId,
  async (input: { update: SettingsUpdate }, { container }) => {
    const service = container.resolve<PaymentRiskModuleService>(PAYMENT_RISK_MODULE)
    const previous = await service.getSettings()
    const settings = await service.saveSettings(mergeSettings(previous, input.update))
    return new StepResponse<RiskSettings, RiskSettings>(settings, previous)
  },
  async (previous: RiskSettings | undefined, { container }) => {
    if (!previous) {
      return
    }
    await container.resolve<PaymentRiskModuleService>(PAYMENT_RISK_MODULE).saveSettings(previous)
  }
)

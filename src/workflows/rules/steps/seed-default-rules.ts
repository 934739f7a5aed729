import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { DEFAULT_RULES } from "../../../engine"
import { PAYMENT_RISK_MODULE } from "../../../modules/payment-risk"
import PaymentRiskModuleService from "../../../modules/payment-risk/service"

export const seedDefaultRulesStepId = "seed-payment-risk-default-rules"

/**
 * Seeds the default rules if the store never had them (once in its life; the module's marker
 * row makes it safe from two instances at once), so the merchant's first own rule does not stand
 * in for "already seeded". Returns how many were inserted.
 *
 * No compensation on purpose: the seed is what every read of the rules does first (the list
 * route seeds on first use), so undoing it would only be redone by the next read, and the
 * marker that keeps a deleted default from coming back must not be removed.
 */
export const seedDefaultRulesStep = createStep(seedDefaultRulesStepId, async (_input: void, { container }) => {
  const service = container.resolve<PaymentRiskModuleService>(PAYMENT_RISK_MODULE)
  return new StepResponse(await service.ensureDefaultRules(DEFAULT_RULES))
})

import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { PAYMENT_RISK_MODULE } from "../../../modules/payment-risk"
import PaymentRiskModuleService, { ShopperErasurePlan } from "../../../modules/payment-risk/service"

export const eraseShopperRecordsStepId = "erase-payment-risk-shopper-records"

/**
 * Scrubs the shopper's assessments and hard-deletes her tracking rows, review events and list
 * entries (with their audit rows) in ONE database transaction, so it happens entirely or not at
 * all. It has no compensation on purpose: undoing it would mean keeping a copy of the erased
 * personal data in the workflow's state, and as the workflow's last step nothing after it can
 * fail and ask for it to be undone. An erasure that failed is simply asked for again.
 */
export const eraseShopperRecordsStep = createStep(
  eraseShopperRecordsStepId,
  async (plan: ShopperErasurePlan, { container }) => {
    const service = container.resolve<PaymentRiskModuleService>(PAYMENT_RISK_MODULE)
    return new StepResponse(await service.eraseShopperRecords(plan))
  }
)

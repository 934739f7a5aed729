import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { PAYMENT_RISK_MODULE } from "../../../modules/payment-risk"
import PaymentRiskModuleService from "../../../modules/payment-risk/service"

export const setReviewStatusStepId = "set-payment-risk-review-status"

export type ReviewStatus = "none" | "pending" | "approved" | "cancelled"

type Input = {
  assessment_id: string
  review_status: ReviewStatus
  /** also written when given (the flag may run before the link subscriber set it) */
  order_id?: string
}
type Previous = { id: string; review_status: ReviewStatus; order_id: string | null }

/** Sets an assessment's review status; the compensation restores the earlier status and order id. */
export const setReviewStatusStep = createStep(
  setReviewStatusStepId,
  async (input: Input, { container }) => {
    const service = container.resolve<PaymentRiskModuleService>(PAYMENT_RISK_MODULE)
    const before = await service.retrieveRiskAssessment(input.assessment_id, {
      select: ["id", "review_status", "order_id"],
    })
    const update: { id: string; review_status: ReviewStatus; order_id?: string } = {
      id: input.assessment_id,
      review_status: input.review_status,
    }
    if (input.order_id && before.order_id !== input.order_id) {
      update.order_id = input.order_id
    }
    await service.updateRiskAssessments(update)
    return new StepResponse<ReviewStatus, Previous>(input.review_status, {
      id: before.id,
      review_status: before.review_status as ReviewStatus,
      order_id: before.order_id ?? null,
    })
  },
  async (previous: Previous | undefined, { container }) => {
    if (!previous) {
      return
    }
    const service = container.resolve<PaymentRiskModuleService>(PAYMENT_RISK_MODULE)
    await service.updateRiskAssessments({
      id: previous.id,
      review_status: previous.review_status,
      order_id: previous.order_id,
    })
  }
)

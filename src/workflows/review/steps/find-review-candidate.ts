import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { PAYMENT_RISK_MODULE } from "../../../modules/payment-risk"
import PaymentRiskModuleService, { readStoredDecision } from "../../../modules/payment-risk/service"

export const findReviewCandidateStepId = "find-payment-risk-review-candidate"

export type ReviewCandidate = {
  assessment_id: string
  /** an earlier delivery of the order event flagged it already, or it was reviewed */
  already_handled: boolean
  /** the rules asked for review (a flagging rule held, or the score crossed the review threshold) */
  rules_review: boolean
  rule_reasons: string[]
  score: number
}

/**
 * The assessment of the order's cart and what its stored decision says about review.
 * Read only: null when the cart has no assessment (the order is left alone).
 */
export const findReviewCandidateStep = createStep(
  findReviewCandidateStepId,
  async (input: { order_id: string; cart_id: string }, { container }) => {
    const service = container.resolve<PaymentRiskModuleService>(PAYMENT_RISK_MODULE)
    const [assessment] = await service.listRiskAssessments({ cart_id: input.cart_id }, { take: 1 })
    if (!assessment) {
      return new StepResponse<ReviewCandidate | null>(null)
    }
    const flagged = await service.listReviewEvents(
      { order_id: input.order_id, action: "flagged" },
      { take: 1, select: ["id"] }
    )
    const rules = readStoredDecision(assessment.decision)?.rules
    return new StepResponse<ReviewCandidate | null>({
      assessment_id: assessment.id,
      already_handled: flagged.length > 0 || assessment.review_status !== "none",
      rules_review: rules?.review === true,
      rule_reasons: rules?.review_reasons ?? [],
      score: rules?.score ?? assessment.risk_score ?? 0,
    })
  }
)

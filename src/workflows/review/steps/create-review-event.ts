import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { PAYMENT_RISK_MODULE } from "../../../modules/payment-risk"
import PaymentRiskModuleService from "../../../modules/payment-risk/service"

export const createReviewEventStepId = "create-payment-risk-review-event"

export type ReviewAction = "flagged" | "approved" | "cancelled" | "listed" | "noted"

export type CreateReviewEventInput = {
  order_id: string
  assessment_id: string | null
  action: ReviewAction
  /** admin user id; null for the system */
  actor_id: string | null
  note?: string | null
  details?: Record<string, unknown> | null
}

/** Records one step of an order's review; the compensation deletes it again. */
export const createReviewEventStep = createStep(
  createReviewEventStepId,
  async (input: CreateReviewEventInput, { container }) => {
    const service = container.resolve<PaymentRiskModuleService>(PAYMENT_RISK_MODULE)
    const event = await service.createReviewEvents({
      order_id: input.order_id,
      assessment_id: input.assessment_id,
      action: input.action,
      actor_id: input.actor_id,
      note: input.note ?? null,
      details: input.details ?? null,
    })
    return new StepResponse(event, event.id)
  },
  async (eventId: string | undefined, { container }) => {
    if (!eventId) {
      return
    }
    const service = container.resolve<PaymentRiskModuleService>(PAYMENT_RISK_MODULE)
    await service.deleteReviewEvents(eventId)
  }
)

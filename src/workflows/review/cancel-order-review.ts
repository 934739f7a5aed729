import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { acquireLockStep, releaseLockStep } from "@medusajs/medusa/core-flows"
import type { ReviewActionInput } from "./approve-order-review"
import { reviewLockKey } from "./flag-order-for-review"
import { cancelMedusaOrderStep } from "./steps/cancel-medusa-order"
import { createReviewEventStep } from "./steps/create-review-event"
import { setReviewStatusStep } from "./steps/set-review-status"
import { validateReviewActionStep } from "./steps/validate-review-action"

export const cancelOrderReviewWorkflowId = "cancel-payment-risk-order-review"

/**
 * Cancels a reviewed order through Medusa's cancelOrderWorkflow (payments and inventory as
 * Medusa handles them) and marks the review cancelled. Medusa's cancel runs last: when it
 * refuses, the status and the event written before are rolled back and the review stays as it was.
 */
export const cancelOrderReviewWorkflow = createWorkflow(
  cancelOrderReviewWorkflowId,
  (input: ReviewActionInput) => {
    const key = transform({ input }, ({ input }) => reviewLockKey(input.order_id))
    acquireLockStep({ key, timeout: 5, ttl: 60 })
    const assessment = validateReviewActionStep({
      order_id: input.order_id,
      action: "cancel",
      allowed_from: ["pending", "approved"],
    })

    setReviewStatusStep({ assessment_id: assessment.id, review_status: "cancelled" })
    const event = transform({ input, assessment }, ({ input, assessment }) => ({
      order_id: input.order_id,
      assessment_id: assessment.id,
      action: "cancelled" as const,
      actor_id: input.actor_id,
      note: input.note ?? null,
      details: { previous_status: assessment.review_status },
    }))
    createReviewEventStep(event)
    cancelMedusaOrderStep({ order_id: input.order_id, canceled_by: input.actor_id })

    releaseLockStep({ key })
    return new WorkflowResponse({ assessment_id: assessment.id })
  }
)

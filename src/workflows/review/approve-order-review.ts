import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { acquireLockStep, releaseLockStep } from "@medusajs/medusa/core-flows"
import { reviewLockKey } from "./flag-order-for-review"
import { createReviewEventStep } from "./steps/create-review-event"
import { setReviewStatusStep } from "./steps/set-review-status"
import { validateReviewActionStep } from "./steps/validate-review-action"

export const approveOrderReviewWorkflowId = "approve-payment-risk-order-review"

export type ReviewActionInput = { order_id: string; actor_id: string | null; note?: string | null }

/** Releases an order held for review (pending → approved): it can be fulfilled from now on. */
export const approveOrderReviewWorkflow = createWorkflow(
  approveOrderReviewWorkflowId,
  (input: ReviewActionInput) => {
    const key = transform({ input }, ({ input }) => reviewLockKey(input.order_id))
    acquireLockStep({ key, timeout: 5, ttl: 30 })
    const assessment = validateReviewActionStep({ order_id: input.order_id, action: "approve", allowed_from: ["pending"] })

    setReviewStatusStep({ assessment_id: assessment.id, review_status: "approved" })
    const event = transform({ input, assessment }, ({ input, assessment }) => ({
      order_id: input.order_id,
      assessment_id: assessment.id,
      action: "approved" as const,
      actor_id: input.actor_id,
      note: input.note ?? null,
      details: { previous_status: assessment.review_status },
    }))
    createReviewEventStep(event)

    releaseLockStep({ key })
    return new WorkflowResponse({ assessment_id: assessment.id })
  }
)

import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { acquireLockStep, releaseLockStep } from "@medusajs/medusa/core-flows"
import { decideReview } from "../../engine"
import { createReviewEventStep } from "./steps/create-review-event"
import { findDuplicateOrderStep } from "./steps/find-duplicate-order"
import { findReviewCandidateStep } from "./steps/find-review-candidate"
import { setReviewStatusStep } from "./steps/set-review-status"

export const flagOrderForReviewWorkflowId = "flag-order-for-payment-risk-review"

/** The lock every write to an order's review takes (flag and the admin's actions). */
export const reviewLockKey = (orderId: string) => `payment-risk-review:${orderId}`

export { DUPLICATE_ORDER_REASON } from "../../engine"

/**
 * Runs after an order was placed (never during checkout): holds the order for review when the
 * rules asked for it (a flagging rule held, or the score crossed the review threshold) or when
 * it duplicates a recent order. Idempotent: a second delivery of the event flags nothing.
 */
export const flagOrderForReviewWorkflow = createWorkflow(
  flagOrderForReviewWorkflowId,
  (input: { order_id: string; cart_id: string }) => {
    const key = transform({ input }, ({ input }) => reviewLockKey(input.order_id))
    acquireLockStep({ key, timeout: 10, ttl: 30 })

    const candidate = findReviewCandidateStep(input)
    const duplicate = when("check-duplicate-order", { candidate }, ({ candidate }) => {
      return !!candidate && !candidate.already_handled
    }).then(() => findDuplicateOrderStep({ cart_id: input.cart_id }))

    const flag = transform({ candidate, duplicate }, ({ candidate, duplicate }) => {
      if (!candidate || candidate.already_handled) {
        return null
      }
      const review = decideReview({ ...candidate, duplicate_of: duplicate ?? null })
      return review.hold ? { assessment_id: candidate.assessment_id, details: review.details } : null
    })

    when("flag-order-for-review", { flag }, ({ flag }) => !!flag).then(() => {
      const status = transform({ flag, input }, ({ flag, input }) => ({
        assessment_id: flag!.assessment_id,
        review_status: "pending" as const,
        order_id: input.order_id,
      }))
      setReviewStatusStep(status)
      const event = transform({ flag, input }, ({ flag, input }) => ({
        order_id: input.order_id,
        assessment_id: flag!.assessment_id,
        action: "flagged" as const,
        actor_id: null,
        details: flag!.details,
      }))
      createReviewEventStep(event)
    })

    releaseLockStep({ key })
    return new WorkflowResponse({ flagged: transform({ flag }, ({ flag }) => !!flag) })
  }
)

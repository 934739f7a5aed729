import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { acquireLockStep, releaseLockStep } from "@medusajs/medusa/core-flows"
import type { ReviewActionInput } from "./approve-order-review"
import { reviewLockKey } from "./flag-order-for-review"
import { createNegativeListEntriesStep } from "../negative-list/steps/create-negative-list-entries"
import { createReviewEventStep } from "./steps/create-review-event"
import { prepareFraudListEntriesStep } from "./steps/prepare-fraud-list-entries"
import { validateReviewActionStep } from "./steps/validate-review-action"

export const listOrderReviewWorkflowId = "list-payment-risk-order-review"

/**
 * Adds the order's email, phone and the person at its shipping address to the negative list
 * (source `fraud_review`, hashed and audited as every entry) and records it in the review.
 * Allowed in every review status: a merchant may list the data of an order it approved earlier.
 */
export const listOrderReviewWorkflow = createWorkflow(
  listOrderReviewWorkflowId,
  (input: ReviewActionInput & { reason?: string | null }) => {
    const key = transform({ input }, ({ input }) => reviewLockKey(input.order_id))
    acquireLockStep({ key, timeout: 5, ttl: 30 })
    const assessment = validateReviewActionStep({
      order_id: input.order_id,
      action: "list",
      allowed_from: ["none", "pending", "approved", "cancelled"],
    })

    const plan = prepareFraudListEntriesStep({ order_id: input.order_id, reason: input.reason, note: input.note })
    const entries = createNegativeListEntriesStep({ entries: plan.entries, actor_id: input.actor_id })
    const event = transform({ input, assessment, entries, plan }, ({ input, assessment, entries, plan }) => ({
      order_id: input.order_id,
      assessment_id: assessment.id,
      action: "listed" as const,
      actor_id: input.actor_id,
      note: input.note ?? null,
      details: {
        entry_ids: entries.map((entry) => entry.id),
        kinds: entries.map((entry) => entry.kind),
        already_listed: plan.existing,
        skipped: plan.skipped,
      },
    }))
    createReviewEventStep(event)

    releaseLockStep({ key })
    return new WorkflowResponse({ assessment_id: assessment.id, entries })
  }
)

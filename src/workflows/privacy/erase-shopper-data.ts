import { createHook, createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { deleteAssessmentOrderLinksStep } from "./steps/delete-assessment-order-links"
import { eraseShopperRecordsStep } from "./steps/erase-shopper-records"
import { findShopperDataStep, FindShopperDataInput } from "./steps/find-shopper-data"
import { validateShopperErasureStep } from "./steps/validate-shopper-erasure"

export const eraseShopperDataWorkflowId = "erase-payment-risk-shopper-data"

export type EraseShopperDataInput = FindShopperDataInput

/**
 * A shopper's erasure request (Art. 17 GDPR) across every table of the plugin: finds her rows
 * from her email and/or customer id (accounts, carts and orders in Medusa's tables, then the
 * plugin's), deletes the order links of her assessments, then in one transaction reduces her
 * assessments to anonymous figures and hard-deletes her velocity signals, identity
 * observations, credit queries, reservations and limit events, the review events of her orders
 * and — unless `keep_negative_list` — her negative-list entries with their audit rows.
 * Refused (400, nothing erased) while one of her orders awaits payment-risk review.
 *
 * Hook `validate` ({ input, plan }): a store may refuse an erasure (e.g. a legal hold) by
 * throwing before anything is deleted.
 */
export const eraseShopperDataWorkflow = createWorkflow(eraseShopperDataWorkflowId, (input: EraseShopperDataInput) => {
  const plan = findShopperDataStep(input)
  validateShopperErasureStep(plan)
  const validate = createHook("validate", { input, plan })
  const links = transform({ plan }, ({ plan }) => plan.assessment_links)
  deleteAssessmentOrderLinksStep(links)
  const records = transform({ plan }, ({ plan }) => {
    const { assessment_links: _links, pending_review_order_ids: _pending, ...rest } = plan
    return rest
  })
  const result = eraseShopperRecordsStep(records)
  return new WorkflowResponse(result, { hooks: [validate] })
})

import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { AssessmentOrderLink, deleteAssessmentOrderLinks, restoreAssessmentOrderLinks } from "../../../risk/privacy/assessment-links"

export const deleteAssessmentOrderLinksStepId = "delete-payment-risk-assessment-order-links"

/**
 * Deletes the order ↔ assessment links of assessments about to be scrubbed (hard delete: a
 * dismissed link row would still tie the assessment to the order). The compensation creates
 * them again — ids only, no personal data is held for it.
 */
export const deleteAssessmentOrderLinksStep = createStep(
  deleteAssessmentOrderLinksStepId,
  async (links: AssessmentOrderLink[], { container }) => {
    if (!links.length) {
      return new StepResponse(0, [] as AssessmentOrderLink[])
    }
    await deleteAssessmentOrderLinks(container, [...new Set(links.map((link) => link.risk_assessment_id))])
    return new StepResponse(links.length, links)
  },
  async (links: AssessmentOrderLink[] | undefined, { container }) => {
    if (!links?.length) {
      return
    }
    await restoreAssessmentOrderLinks(container, links)
  }
)

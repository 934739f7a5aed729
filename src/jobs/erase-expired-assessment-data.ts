import { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { PAYMENT_RISK_MODULE } from "../modules/payment-risk"
import PaymentRiskModuleService from "../modules/payment-risk/service"

/** Daily: assessments older than the retention period (option `assessment_retention_days`) lose their personal data. */
export default async function eraseExpiredAssessmentData(container: MedusaContainer) {
  const service = container.resolve<PaymentRiskModuleService>(PAYMENT_RISK_MODULE)
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const days = service.getRetentionDays()
  const olderThan = new Date(Date.now() - days * 24 * 60 * 60 * 1000)
  const count = await service.erasePersonalData({ olderThan })
  if (count) {
    logger.info(`payment-risk: erased personal data of ${count} assessment(s) older than ${days} days`)
  }
}

export const config = {
  name: "payment-risk-erase-expired-assessment-data",
  schedule: "17 3 * * *",
}

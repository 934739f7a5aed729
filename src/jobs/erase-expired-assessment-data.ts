import { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { PAYMENT_RISK_MODULE } from "../modules/payment-risk"
import PaymentRiskModuleService from "../modules/payment-risk/service"
import { CREDIT_RESERVATION_DAYS, eraseCreditReservations } from "../utils/credit/erase-credit-reservations"
import { eraseIdentityObservations } from "../utils/probing/erase-identity-observations"
import { eraseCartSignals } from "../utils/rules/erase-cart-signals"

/** Daily: assessments older than the retention period (option `assessment_retention_days`) lose their personal data; velocity signals and identity observations that old are deleted. */
export default async function eraseExpiredAssessmentData(container: MedusaContainer) {
  const service = container.resolve<PaymentRiskModuleService>(PAYMENT_RISK_MODULE)
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const days = service.getRetentionDays()
  const olderThan = new Date(Date.now() - days * 24 * 60 * 60 * 1000)
  const count = await service.erasePersonalData({ olderThan })
  const signals = await eraseCartSignals(service, { olderThan })
  const observations = await eraseIdentityObservations(service, { olderThan })
  await eraseCreditReservations(service, { olderThan: new Date(Date.now() - CREDIT_RESERVATION_DAYS * 86_400_000) })
  if (count || signals || observations) {
    logger.info(
      `payment-risk: erased personal data of ${count} assessment(s), ${signals} cart signal(s) and ${observations} identity observation(s) older than ${days} days`
    )
  }
}

export const config = {
  name: "payment-risk-erase-expired-assessment-data",
  schedule: "17 3 * * *",
}

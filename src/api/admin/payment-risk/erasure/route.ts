import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { PAYMENT_RISK_MODULE } from "../../../../modules/payment-risk"
import PaymentRiskModuleService from "../../../../modules/payment-risk/service"
import { eraseCreditReservations } from "../../../../utils/credit/erase-credit-reservations"
import { eraseIdentityObservations } from "../../../../utils/probing/erase-identity-observations"
import { eraseCartSignals } from "../../../../utils/rules/erase-cart-signals"
import { AdminErasePersonalDataType } from "../validators"

/** GDPR erasure: removes a shopper's email and customer id from all stored assessments and deletes their velocity signals and identity observations. */
export const POST = async (
  req: AuthenticatedMedusaRequest<AdminErasePersonalDataType>,
  res: MedusaResponse
) => {
  const service = req.scope.resolve<PaymentRiskModuleService>(PAYMENT_RISK_MODULE)
  const erased = await service.erasePersonalData(req.validatedBody)
  const signals_deleted = await eraseCartSignals(service, req.validatedBody)
  const identity_observations_deleted = await eraseIdentityObservations(service, req.validatedBody)
  const credit_reservations_deleted = req.validatedBody.customer_id
    ? await eraseCreditReservations(service, { customer_id: req.validatedBody.customer_id })
    : 0
  res.json({ erased, signals_deleted, identity_observations_deleted, credit_reservations_deleted })
}

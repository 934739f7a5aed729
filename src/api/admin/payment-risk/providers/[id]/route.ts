import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { PAYMENT_RISK_MODULE } from "../../../../../modules/payment-risk"
import PaymentRiskModuleService from "../../../../../modules/payment-risk/service"
import { AdminSetProviderClassType } from "../../validators"

/** The merchant confirms or changes the risk class of a payment provider. */
export const POST = async (
  req: AuthenticatedMedusaRequest<AdminSetProviderClassType>,
  res: MedusaResponse
) => {
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "payment_provider",
    fields: ["id"],
    filters: { id: req.params.id },
  })
  if (!data.length) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Payment provider ${req.params.id} was not found`)
  }
  const service = req.scope.resolve<PaymentRiskModuleService>(PAYMENT_RISK_MODULE)
  const provider = await service.setProviderClass(req.params.id, req.validatedBody.risk_class)
  res.json({ provider })
}

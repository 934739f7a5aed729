import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { setProviderClassWorkflow } from "../../../../../workflows/provider-classes/set-provider-class"
import { AdminSetProviderClassType } from "../../validators"

/** The merchant confirms or changes the risk class of a payment provider. */
export const POST = async (
  req: AuthenticatedMedusaRequest<AdminSetProviderClassType>,
  res: MedusaResponse
) => {
  const { result } = await setProviderClassWorkflow(req.scope).run({
    input: { provider_id: req.params.id, risk_class: req.validatedBody.risk_class },
  })
  res.json({ provider: result.provider })
}

import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { eraseShopperDataWorkflow } from "../../../../workflows/privacy/erase-shopper-data"
import { AdminErasePersonalDataType } from "../validators"

/**
 * GDPR erasure of one shopper (by email and/or customer id) across every plugin table; with
 * `keep_negative_list: true` her negative-list entries stay (README: legal basis).
 */
export const POST = async (req: AuthenticatedMedusaRequest<AdminErasePersonalDataType>, res: MedusaResponse) => {
  const { result } = await eraseShopperDataWorkflow(req.scope).run({ input: req.validatedBody })
  res.json(result)
}

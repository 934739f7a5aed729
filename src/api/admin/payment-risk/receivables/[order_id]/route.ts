import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { withRedactedHandlerErrors } from "../../../../utils/redact-request-errors"
import { receivableOr404, serializeReceivable } from "../serialize"
import { AdminGetReceivableType } from "../validators"

/**
 * One order's claim → `{ receivable }` with its interest periods and timeline; `as_of`
 * (YYYY-MM-DD) computes interest and stage as of that day. Reads only.
 */
export const GET = withRedactedHandlerErrors(async (req: AuthenticatedMedusaRequest<unknown, AdminGetReceivableType>, res: MedusaResponse) => {
  const { as_of } = req.validatedQuery as AdminGetReceivableType
  res.json({ receivable: serializeReceivable(await receivableOr404(req.scope, req.params.order_id, as_of)) })
})

import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { withRedactedHandlerErrors } from "../../../../utils/redact-request-errors"
import { PAYMENT_RISK_MODULE } from "../../../../../modules/payment-risk"
import PaymentRiskModuleService from "../../../../../modules/payment-risk/service"
import { deleteNegativeListEntryWorkflow } from "../../../../../workflows/negative-list/delete-negative-list-entry"
import { updateNegativeListEntryWorkflow } from "../../../../../workflows/negative-list/update-negative-list-entry"
import { throwAsError } from "../../workflow-error"
import { toEntryResponse } from "../serialize"
import { AdminUpdateNegativeListEntryType } from "../validators"

export const GET = withRedactedHandlerErrors(async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const service = req.scope.resolve<PaymentRiskModuleService>(PAYMENT_RISK_MODULE)
  const entry = await service.retrieveNegativeListEntry(req.params.id)
  const audit = await service.listNegativeListAudits({ entry_id: entry.id }, { order: { created_at: "DESC" } })
  res.json({ entry: toEntryResponse(entry), audit })
})

/** Updates an entry; its kind stays. A hashed value (IBAN, card) is only replaced when a new one is sent. */
export const POST = withRedactedHandlerErrors(async (
  req: AuthenticatedMedusaRequest<AdminUpdateNegativeListEntryType>,
  res: MedusaResponse
) => {
  const { result } = await updateNegativeListEntryWorkflow(req.scope)
    .run({ input: { id: req.params.id, update: req.validatedBody, actor_id: req.auth_context?.actor_id ?? null } })
    .catch(throwAsError)
  res.json({ entry: toEntryResponse(result.entry) })
})

/** Deletes an entry for good; the audit trail keeps who deleted it and when, without values. */
export const DELETE = withRedactedHandlerErrors(async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  await deleteNegativeListEntryWorkflow(req.scope)
    .run({ input: { id: req.params.id, actor_id: req.auth_context?.actor_id ?? null } })
    .catch(throwAsError)
  res.json({ id: req.params.id, object: "negative_list_entry", deleted: true })
})

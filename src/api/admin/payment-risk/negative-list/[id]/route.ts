import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { withRedactedHandlerErrors } from "../../../../utils/redact-request-errors"
import { PAYMENT_RISK_MODULE } from "../../../../../modules/payment-risk"
import PaymentRiskModuleService from "../../../../../modules/payment-risk/service"
import { prepareEntry } from "../../../../../risk/negative-list/prepare-entry"
import { toEntryResponse } from "../serialize"
import { AdminUpdateNegativeListEntryType } from "../validators"

const HASHED_KINDS = ["iban", "card"]

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
  const service = req.scope.resolve<PaymentRiskModuleService>(PAYMENT_RISK_MODULE)
  const current = await service.retrieveNegativeListEntry(req.params.id)
  const body = req.validatedBody
  const keepHash = HASHED_KINDS.includes(current.kind) && body.value === undefined
  const prepared = prepareEntry(
    {
      kind: current.kind,
      first_name: body.first_name !== undefined ? body.first_name : current.first_name,
      last_name: body.last_name !== undefined ? body.last_name : current.last_name,
      company: body.company !== undefined ? body.company : current.company,
      address_1: body.address_1 !== undefined ? body.address_1 : current.address_1,
      address_2: body.address_2 !== undefined ? body.address_2 : current.address_2,
      postal_code: body.postal_code !== undefined ? body.postal_code : current.postal_code,
      city: body.city !== undefined ? body.city : current.city,
      country_code: body.country_code !== undefined ? body.country_code : current.country_code,
      value: body.value !== undefined ? body.value : keepHash ? null : current.value,
      reason: body.reason ?? current.reason,
      source: body.source ?? current.source,
      expires_at: body.expires_at !== undefined ? body.expires_at : current.expires_at,
      note: body.note !== undefined ? body.note : current.note,
    },
    service,
    keepHash ? { value: current.value!, display_hint: current.display_hint, key_id: current.key_id ?? null } : undefined
  )
  const entry = await service.updateListEntry(current.id, prepared, req.auth_context?.actor_id ?? null)
  res.json({ entry: toEntryResponse(entry) })
})

/** Deletes an entry for good; the audit trail keeps who deleted it and when, without values. */
export const DELETE = withRedactedHandlerErrors(async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const service = req.scope.resolve<PaymentRiskModuleService>(PAYMENT_RISK_MODULE)
  await service.deleteListEntry(req.params.id, req.auth_context?.actor_id ?? null)
  res.json({ id: req.params.id, object: "negative_list_entry", deleted: true })
})

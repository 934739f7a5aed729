import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { PAYMENT_RISK_MODULE } from "../../../../modules/payment-risk"
import PaymentRiskModuleService from "../../../../modules/payment-risk/service"
import { escapeLike } from "../../../../engine/identity/shopper-key"
import { createNegativeListEntryWorkflow } from "../../../../workflows/negative-list/create-negative-list-entry"
import { toEntryResponse } from "./serialize"
import { AdminCreateNegativeListEntryType, AdminListNegativeListType } from "./validators"

export const GET = async (
  req: AuthenticatedMedusaRequest<unknown, AdminListNegativeListType>,
  res: MedusaResponse
) => {
  const { q, kind, source, expired, limit, offset } = req.validatedQuery as AdminListNegativeListType
  const filters: Record<string, unknown> = {}
  if (kind) filters.kind = kind
  if (source) filters.source = source
  if (q) filters.search_text = { $ilike: `%${escapeLike(q.toLowerCase())}%` }
  if (expired === "true") filters.expires_at = { $lte: new Date() }
  if (expired === "false") filters.$or = [{ expires_at: null }, { expires_at: { $gt: new Date() } }]

  const service = req.scope.resolve<PaymentRiskModuleService>(PAYMENT_RISK_MODULE)
  const [rows, count] = await service.listAndCountNegativeListEntries(filters, {
    take: limit,
    skip: offset,
    order: { created_at: "DESC" },
  })
  res.json({ entries: rows.map(toEntryResponse), count, limit, offset })
}

export const POST = async (
  req: AuthenticatedMedusaRequest<AdminCreateNegativeListEntryType>,
  res: MedusaResponse
) => {
  const { result } = await createNegativeListEntryWorkflow(req.scope).run({
    input: { entry: req.validatedBody, actor_id: req.auth_context?.actor_id ?? null },
  })
  res.status(201).json({ entry: toEntryResponse(result.entry) })
}

import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { PAYMENT_RISK_MODULE } from "../../../../modules/payment-risk"
import PaymentRiskModuleService from "../../../../modules/payment-risk/service"
import { placeholderValues } from "../../../../modules/payment-risk/tips"
import { ensureDefaultTips } from "../../../../risk/tips/ensure-default-tips"
import { createSecurityTipWorkflow } from "../../../../workflows/security-tips/create-security-tip"
import { toTipResponse } from "./serialize"
import { AdminCreateSecurityTipType, AdminListSecurityTipsType } from "./validators"

/** The tips, filtered by placement and locale, placement then rank; seeds the defaults once. */
export const GET = async (
  req: AuthenticatedMedusaRequest<unknown, AdminListSecurityTipsType>,
  res: MedusaResponse
) => {
  const { placement, locale, limit, offset } = req.validatedQuery as AdminListSecurityTipsType
  const service = req.scope.resolve<PaymentRiskModuleService>(PAYMENT_RISK_MODULE)
  await ensureDefaultTips(service)
  const filters: Record<string, unknown> = {}
  if (placement) filters.placement = placement
  if (locale) filters.locale = locale
  const [[tips, count], settings] = await Promise.all([
    service.listAndCountSecurityTips(filters, {
      take: limit,
      skip: offset,
      order: { placement: "ASC", rank: "ASC", locale: "ASC", created_at: "ASC" },
    }),
    service.getSettings(),
  ])
  const values = placeholderValues(settings.shop)
  res.json({ tips: tips.map((tip) => toTipResponse(tip, values)), count, limit, offset })
}

export const POST = async (
  req: AuthenticatedMedusaRequest<AdminCreateSecurityTipType>,
  res: MedusaResponse
) => {
  const service = req.scope.resolve<PaymentRiskModuleService>(PAYMENT_RISK_MODULE)
  const { result } = await createSecurityTipWorkflow(req.scope).run({ input: { tip: req.validatedBody } })
  const settings = await service.getSettings()
  res.status(201).json({ tip: toTipResponse(result.tip, placeholderValues(settings.shop)) })
}

import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { PAYMENT_RISK_MODULE } from "../../../../../modules/payment-risk"
import PaymentRiskModuleService from "../../../../../modules/payment-risk/service"
import { missingPlaceholders, placeholderValues } from "../../../../../modules/payment-risk/tips"
import { renderTip } from "../../../../../risk/tips/render-tip"
import { AdminPreviewSecurityTipType } from "../validators"

/**
 * The editor's live preview: exactly what a shopper would get, placeholders filled, sentences
 * needing an empty one left out (`display`: full, shortened or hidden).
 */
export const POST = async (req: AuthenticatedMedusaRequest<AdminPreviewSecurityTipType>, res: MedusaResponse) => {
  const service = req.scope.resolve<PaymentRiskModuleService>(PAYMENT_RISK_MODULE)
  const values = placeholderValues((await service.getSettings()).shop)
  const { title, body } = req.validatedBody
  const rendered = renderTip({ title, body }, values)
  res.json({
    title: rendered.title,
    html: rendered.html,
    missing_placeholders: missingPlaceholders(`${title}\n${body}`, values),
    display: rendered.display,
  })
}

import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { PAYMENT_RISK_MODULE } from "../../../../../../modules/payment-risk"
import PaymentRiskModuleService from "../../../../../../modules/payment-risk/service"
import { letterInput } from "../../../../../../risk/dunning/documents"
import { today } from "../../../../../../risk/dunning/receivable-view"
import { renderDunningLetter } from "../../../../../../risk/documents/dunning-letter"
import { withRedactedHandlerErrors } from "../../../../../utils/redact-request-errors"
import { notApplicable, receivableOr404 } from "../../serialize"
import { AdminReceivableLetterType } from "../../validators"

/**
 * The dunning letter of a stage as a PDF (`application/pdf`), dated the day the stage was sent
 * (today for a stage not sent yet: a preview) with the claim as of that day. `stage` defaults
 * to the last stage sent. 409 when nothing was sent and no stage is named, the settings have no
 * such stage, or the order has no billing address. Reads only.
 */
export const GET = withRedactedHandlerErrors(async (req: AuthenticatedMedusaRequest<unknown, AdminReceivableLetterType>, res: MedusaResponse) => {
  const orderId = req.params.order_id
  const { stage: asked } = req.validatedQuery as AdminReceivableLetterType
  const settings = await req.scope.resolve<PaymentRiskModuleService>(PAYMENT_RISK_MODULE).getSettings()
  const current = await receivableOr404(req.scope, orderId)
  const stage = asked ?? current.view.stage
  if (stage === null || stage === undefined) notApplicable("No dunning stage was sent yet: name the stage to preview its letter")
  if (!settings.dunning.stages[stage]) notApplicable(`The dunning settings have no stage ${stage}`)
  const sent = current.view.events.find((event) => event.kind === "dunning_stage" && event.stage === stage)
  const date = sent ? sent.date.slice(0, 10) : today()
  const loaded = date === today() ? current : await receivableOr404(req.scope, orderId, date)
  const input = letterInput(loaded, settings, stage, date)
  if (!input) notApplicable("The order has no billing address to send a letter to")
  const pdf = await renderDunningLetter(input)
  res.setHeader("Content-Type", "application/pdf")
  res.setHeader("Content-Disposition", `attachment; filename="dunning-${input.order_number.replace(/[^A-Za-z0-9_-]/g, "")}-${stage + 1}.pdf"`)
  res.setHeader("Cache-Control", "no-store")
  res.status(200).send(pdf)
})

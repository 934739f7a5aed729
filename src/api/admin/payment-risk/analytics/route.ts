import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { loadAnalytics } from "../../../../risk/figures/load-analytics"
import { AdminFiguresQueryType } from "./validators"

/**
 * The overview's figures of a period in one currency: carts evaluated and restricted (and what
 * became of them), orders and defaults per class and provider, credit checks, rules, the
 * negative list, per day (calendar days in `tz`, default UTC), and the measured abandonment
 * (README → Figures).
 */
export const GET = async (req: AuthenticatedMedusaRequest<unknown, AdminFiguresQueryType>, res: MedusaResponse) => {
  const { from, to, currency_code, time_zone } = req.validatedQuery as AdminFiguresQueryType
  res.json(await loadAnalytics(req.scope, { from, to, currency_code, time_zone }))
}

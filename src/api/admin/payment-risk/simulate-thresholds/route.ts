import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ReplayRunError } from "../../../../risk/figures/replay-guard"
import { simulateThresholds } from "../../../../risk/figures/simulate-thresholds"
import { AdminSimulateThresholdsType } from "./validators"

/**
 * The threshold simulator (seed 003 Fig. 5-10): for each prepayment threshold the good and bad
 * orders of the period it would restrict and let through, and the cost — defaults let through,
 * credit checks, margin of the good shoppers who leave — with its minimum (README → Figures).
 * One replay per process at a time: 429 while another runs, 503 past the deadline (`{ type, message }`).
 */
export const POST = async (req: AuthenticatedMedusaRequest<AdminSimulateThresholdsType>, res: MedusaResponse) => {
  const { from, to, currency_code, review_from, prepayment_from, margin, cost_per_default, abandonment_rate } = req.validatedBody
  let answer: Awaited<ReturnType<typeof simulateThresholds>>
  try {
    answer = await simulateThresholds(
      req.scope,
      { from, to, currency_code },
      {
        margin,
        ...(review_from !== undefined ? { review_from } : {}),
        ...(prepayment_from !== undefined ? { prepayment_from } : {}),
        ...(cost_per_default !== undefined ? { cost_per_default } : {}),
        ...(abandonment_rate !== undefined ? { abandonment_rate } : {}),
      }
    )
  } catch (error) {
    if (error instanceof ReplayRunError) return void res.status(error.status).json({ type: error.code, message: error.message })
    throw error
  }
  res.json(answer)
}

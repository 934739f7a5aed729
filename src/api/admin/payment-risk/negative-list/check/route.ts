import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { cardNumberRefusal } from "../../../../../engine"
import { PAYMENT_RISK_MODULE } from "../../../../../modules/payment-risk"
import PaymentRiskModuleService from "../../../../../modules/payment-risk/service"
import { checkNegativeList } from "../../../../../risk/negative-list/check-negative-list"
import { toEntryResponse } from "../serialize"
import { AdminCheckNegativeListType } from "../validators"

/**
 * Manual check for customer service: which entries match these data, on what, how sure. A full
 * card number only where the merchant accepts that PCI scope (plugin option `accept_card_numbers`).
 */
export const POST = async (
  req: AuthenticatedMedusaRequest<AdminCheckNegativeListType>,
  res: MedusaResponse
) => {
  const body = req.validatedBody
  const service = req.scope.resolve<PaymentRiskModuleService>(PAYMENT_RISK_MODULE)
  if (body.card_number && !service.acceptsCardNumbers()) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, `Invalid request: Value for field 'card_number': ${cardNumberRefusal("card_number")}`)
  }
  const { matches } = await checkNegativeList(req.scope, {
    addresses: [body],
    email: body.email,
    phone: body.phone,
    iban: body.iban,
    card_number: body.card_number,
    card_fingerprint: body.card_fingerprint,
    ip: body.ip,
    customer_id: body.customer_id,
  })
  res.json({
    matches: matches.map(({ entry, match }) => ({
      entry: toEntryResponse(entry),
      score: match.score,
      certain: match.certain,
      matched_on: match.matched_on,
    })),
  })
}

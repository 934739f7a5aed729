import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { checkNegativeList } from "../../../../../utils/negative-list/check-negative-list"
import { toEntryResponse } from "../serialize"
import { AdminCheckNegativeListType } from "../validators"

/** Manual check for customer service: which entries match these data, on what, how sure. */
export const POST = async (
  req: AuthenticatedMedusaRequest<AdminCheckNegativeListType>,
  res: MedusaResponse
) => {
  const body = req.validatedBody
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

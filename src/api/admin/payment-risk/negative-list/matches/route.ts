import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { MatchSubject, PersonAddress, subjectFromCart } from "../../../../../engine"
import { checkNegativeList } from "../../../../../risk/negative-list/check-negative-list"
import { toEntryResponse } from "../serialize"
import { AdminNegativeListMatchesType } from "../validators"

type Address = PersonAddress & { phone?: string | null }
const ADDRESS = ["first_name", "last_name", "company", "address_1", "address_2", "postal_code", "city", "country_code", "phone"]

async function customerSubject(req: AuthenticatedMedusaRequest, id: string): Promise<MatchSubject> {
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "customer",
    fields: ["id", "email", "phone", "first_name", "last_name", "company_name", ...ADDRESS.map((f) => `addresses.${f}`)],
    filters: { id },
  })
  const customer = data[0] as
    | { id: string; email?: string | null; phone?: string | null; first_name?: string | null; last_name?: string | null; company_name?: string | null; addresses?: Address[] }
    | undefined
  if (!customer) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Customer with id: ${id} was not found`)
  }
  // An address without a name belongs to the customer's own name.
  const addresses = (customer.addresses ?? []).map((address) => ({
    ...address,
    first_name: address.first_name || customer.first_name,
    last_name: address.last_name || customer.last_name,
    company: address.company || customer.company_name,
  }))
  return {
    addresses,
    email: customer.email,
    phone: customer.phone || addresses.find((a) => a.phone)?.phone || null,
    customer_id: customer.id,
  }
}

async function orderSubject(req: AuthenticatedMedusaRequest, id: string): Promise<MatchSubject> {
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "order",
    fields: ["id", "email", "customer_id", ...ADDRESS.flatMap((f) => [`billing_address.${f}`, `shipping_address.${f}`])],
    filters: { id },
  })
  const order = data[0] as
    | { email?: string | null; customer_id?: string | null; billing_address?: Address | null; shipping_address?: Address | null }
    | undefined
  if (!order) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Order with id: ${id} was not found`)
  }
  return subjectFromCart(order)
}

/** Matches of a customer's or an order's data on the negative list (for the admin widgets). */
export const GET = async (
  req: AuthenticatedMedusaRequest<unknown, AdminNegativeListMatchesType>,
  res: MedusaResponse
) => {
  const { customer_id, order_id } = req.validatedQuery as AdminNegativeListMatchesType
  if (!customer_id === !order_id) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, "Invalid request: Value for field 'customer_id': give either customer_id or order_id")
  }
  const subject = customer_id ? await customerSubject(req, customer_id) : await orderSubject(req, order_id!)
  const { matches } = await checkNegativeList(req.scope, subject)
  res.json({
    matches: matches.map(({ entry, match }) => ({
      entry: toEntryResponse(entry),
      score: match.score,
      certain: match.certain,
      matched_on: match.matched_on,
    })),
  })
}

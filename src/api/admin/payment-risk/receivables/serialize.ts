import { MedusaContainer } from "@medusajs/framework/types"
import { MedusaError } from "@medusajs/framework/utils"
import { LoadedReceivable, loadReceivable } from "../../../../risk/dunning/load-receivables"
import { today } from "../../../../risk/dunning/receivable-view"

/** A receivable as the admin API answers: the computed claim and who owes it (the order's billing name and email). */
export function serializeReceivable({ view, order }: LoadedReceivable) {
  return {
    ...view,
    email: order?.email ?? null,
    first_name: order?.first_name ?? null,
    last_name: order?.last_name ?? null,
  }
}

/** The order's receivable as of a day (today unless given); 404 when the order has none. */
export async function receivableOr404(container: MedusaContainer, orderId: string, asOf?: string): Promise<LoadedReceivable> {
  const loaded = await loadReceivable(container, orderId, asOf ?? today())
  if (!loaded) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Order ${orderId} has no receivable`)
  }
  return loaded
}

/** 409: the action does not apply to the claim as it stands. */
export function notApplicable(message: string): never {
  throw new MedusaError(MedusaError.Types.CONFLICT, message)
}

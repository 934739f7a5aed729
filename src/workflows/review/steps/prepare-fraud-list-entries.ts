import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { EntryInput, PersonAddress, prepareEntryData, PreparedEntryData } from "../../../engine"
import { PAYMENT_RISK_MODULE } from "../../../modules/payment-risk"
import PaymentRiskModuleService from "../../../modules/payment-risk/service"
import { neutraliseFormula } from "../../../engine/csv-cell"
import { isListed, neutralisePerson } from "../../../risk/negative-list/plan-order-entries"

export const prepareFraudListEntriesStepId = "prepare-payment-risk-fraud-list-entries"

type Address = PersonAddress & { phone?: string | null }
const ADDRESS = ["first_name", "last_name", "company", "address_1", "address_2", "postal_code", "city", "country_code", "phone"]

type OrderData = {
  display_id?: number | string | null
  email?: string | null
  shipping_address?: Address | null
  billing_address?: Address | null
}

/** A prepared entry with the order it was taken from (so the shopper's erasure finds it). */
export type OrderListEntry = PreparedEntryData & { order_id: string }

export type FraudListPlan = {
  /** entries to create (normalised and hashed as every list entry), each with its order */
  entries: OrderListEntry[]
  /** kinds already on the list with the same data (not created twice) */
  existing: string[]
  /** data the order had but the list cannot take, e.g. an unparseable phone number */
  skipped: Array<{ kind: string; field: string; message: string }>
}

/**
 * What "add to the negative list" takes from an order: its email, its phone (shipping, else
 * billing) and the person at the shipping address, with source `fraud_review`. Prepared
 * through the list's own normalisation; entries the list holds already are left out. Each
 * entry carries the order id (stored with it: a shopper's erasure request finds the entries
 * made from her orders); without an expiry it gets the retention settings' default when it is
 * created. Read only.
 */
export const prepareFraudListEntriesStep = createStep(
  prepareFraudListEntriesStepId,
  async (input: { order_id: string; reason?: string | null; note?: string | null }, { container }) => {
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const { data } = await query.graph({
      entity: "order",
      fields: ["id", "display_id", "email", ...ADDRESS.flatMap((f) => [`shipping_address.${f}`, `billing_address.${f}`])],
      filters: { id: input.order_id },
    })
    const order = data[0] as OrderData | undefined
    if (!order) {
      throw new MedusaError(MedusaError.Types.NOT_FOUND, `Order with id: ${input.order_id} was not found`)
    }

    const address = order.shipping_address ?? order.billing_address ?? null
    const phone = order.shipping_address?.phone || order.billing_address?.phone || null
    // reason and note come from the merchant: the route refuses formulas there with a 400; a
    // workflow caller's text is neutralised like the shopper's
    const common = {
      reason: neutraliseFormula(input.reason?.trim()) || `Payment-risk review of order #${order.display_id ?? input.order_id}`,
      source: "fraud_review" as const,
      note: neutraliseFormula(input.note) || null,
    }
    const inputs: EntryInput[] = []
    // Email and phone are matched exactly, so they are stored as the order has them: a phone is
    // E.164 (+49…, allowed), and the store API accepts no email starting with = or @. The CSV
    // export escapes every cell anyway.
    if (order.email) inputs.push({ ...common, kind: "email", value: order.email })
    if (phone) inputs.push({ ...common, kind: "phone", value: phone, country_code: address?.country_code ?? null })
    if (address && (address.last_name || address.company)) {
      const { phone: _phone, ...person } = address
      inputs.push({ ...common, ...neutralisePerson(person), kind: "person" })
    }

    const service = container.resolve<PaymentRiskModuleService>(PAYMENT_RISK_MODULE)
    const keys = service.getHashKeys()
    const plan: FraudListPlan = { entries: [], existing: [], skipped: [] }
    for (const entryInput of inputs) {
      const prepared = prepareEntryData(entryInput, keys)
      if (!prepared.ok) {
        plan.skipped.push({ kind: entryInput.kind, field: prepared.field, message: prepared.message })
        continue
      }
      if (await isListed(service, prepared.entry)) {
        plan.existing.push(entryInput.kind)
        continue
      }
      plan.entries.push({ ...prepared.entry, order_id: input.order_id })
    }
    return new StepResponse(plan)
  }
)

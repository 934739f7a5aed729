import { model } from "@medusajs/framework/utils"

/** What the merchant decided about a claim (the engine's `ReceivableHold`). */
export const RECEIVABLE_HOLDS = ["active", "paused", "handed_over", "written_off"] as const
export const DEBTOR_TYPES = ["consumer", "business"] as const

/**
 * An unpaid invoice the dunning run follows (seed 003 §5.3.2): one per order paid with a method
 * of class `invoice`, or reopened by a returned debit or a chargeback. Holds only what the
 * claim is computed from; payments, fees and sent dunning stages are outcomes of the order
 * (`payment_risk_outcome`), so the claim is always recomputed, never stored. No personal data
 * beyond the order id: erased with the shopper's orders, purged with the outcomes
 * (`retention.outcome_days` after its last change).
 */
const Receivable = model
  .define({ name: "Receivable", tableName: "payment_risk_receivable" }, {
    id: model.id({ prefix: "prrcv" }).primaryKey(),
    order_id: model.text(),
    currency_code: model.text(),
    /** business when the billing address names a company (§288 II, V BGB) */
    debtor_type: model.enum([...DEBTOR_TYPES]),
    /** the amount invoiced (major units) */
    principal: model.bigNumber(),
    invoice_date: model.dateTime(),
    hold: model.enum([...RECEIVABLE_HOLDS]).default("active"),
    /** a letter came back "unknown at this address": the address needs research */
    address_research: model.boolean().default(false),
    /** the return-debit or chargeback outcome that reopened the claim */
    reopened_by: model.text().nullable(),
  })
  .indexes([
    { on: ["order_id"], unique: true },
    { on: ["hold"] },
  ])

export default Receivable

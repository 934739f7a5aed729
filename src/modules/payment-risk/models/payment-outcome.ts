import { model } from "@medusajs/framework/utils"
import { OUTCOME_KINDS, OUTCOME_SOURCES } from "../../../engine/outcomes/types"

/**
 * What happened to an order after checkout (seed 003 §5.3): a payment received, a returned
 * direct debit, a chargeback (and its reversal), a refused cash-on-delivery parcel, a dunning
 * stage, a claim handed over or written off, an unknown address. Recorded once per event:
 * `external_id` (a provider's event id, or the admin's idempotency key) is unique per source.
 * Holds no personal data beyond the order id and the merchant's note; deleted with the order's
 * other payment-risk records on the shopper's erasure request and after
 * `retention.outcome_days` (claims expire after three years, §195 BGB).
 */
const PaymentOutcome = model
  .define({ name: "PaymentOutcome", tableName: "payment_risk_outcome" }, {
    id: model.id({ prefix: "prout" }).primaryKey(),
    order_id: model.text(),
    kind: model.enum([...OUTCOME_KINDS]),
    /** SEPA return reason (AM04 …) or card scheme / PSP reason code as reported */
    reason_code: model.text().nullable(),
    /** amount concerned, in the order's currency (major units) */
    amount: model.bigNumber().nullable(),
    /** costs charged to the merchant (return-debit fee, chargeback fee, return postage): part of the claim */
    fee: model.bigNumber().nullable(),
    currency_code: model.text().nullable(),
    occurred_at: model.dateTime(),
    source: model.enum([...OUTCOME_SOURCES]),
    external_id: model.text().nullable(),
    note: model.text().nullable(),
    /** admin user id; null for webhooks and jobs */
    created_by: model.text().nullable(),
    /** ids of the negative-list entries this outcome created */
    list_entry_ids: model.array(),
  })
  .indexes([
    { on: ["order_id", "occurred_at"] },
    { on: ["source", "external_id"], unique: true, where: "external_id IS NOT NULL" },
  ])

export default PaymentOutcome

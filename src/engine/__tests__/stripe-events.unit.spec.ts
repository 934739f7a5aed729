import { consequenceFor } from "../outcomes/consequences"
import { amountFromMinorUnits, sepaReturnReason, StripeEventLike, stripeEventOutcome } from "../outcomes/stripe-events"

const event = (type: string, object: Record<string, unknown>, id = "evt_1"): StripeEventLike => ({ id, type, created: 1_767_225_600, data: { object } })
const dispute = (fields: Record<string, unknown> = {}) => ({
  id: "dp_1",
  object: "dispute",
  amount: 4999,
  currency: "eur",
  charge: "ch_1",
  payment_intent: "pi_1",
  reason: "fraudulent",
  status: "needs_response",
  created: 1_767_139_200,
  balance_transactions: [{ amount: -4999, fee: 1500, currency: "eur" }],
  ...fields,
})
const recorded = (mapping: ReturnType<typeof stripeEventOutcome>) => {
  if (!mapping.handled) throw new Error(`not handled: ${mapping.reason}`)
  return mapping.outcome
}

describe("stripeEventOutcome", () => {
  describe("when a dispute is created", () => {
    it("should record a chargeback keyed by the charge, with amount and dispute fee in euros", () => {
      const outcome = recorded(stripeEventOutcome(event("charge.dispute.created", dispute())))
      expect(outcome).toMatchObject({
        kind: "chargeback",
        reason_code: "fraudulent",
        amount: 49.99,
        fee: 15,
        currency_code: "eur",
        payment_intent_id: "pi_1",
        charge_id: "ch_1",
        external_id: "stripe:chargeback:ch_1",
      })
      expect(outcome.occurred_at.toISOString()).toBe("2025-12-31T00:00:00.000Z")
      expect(outcome.note).toBe("Stripe charge.dispute.created dp_1 (evt_1)")
      // the fraud consequence applies: card, email, person
      expect(consequenceFor(outcome.kind, outcome.reason_code).list).toEqual(["card", "email", "person_address"])
    })

    it.each([
      ["fraudulent", "fraudulent", "fraud_card_absent"],
      ["unrecognized", "unrecognized", "not_recognised"],
      ["product_not_received", "product_not_received", "not_received"],
      ["product_unacceptable", "product_unacceptable", "not_as_described"],
      ["credit_not_processed", "credit_not_processed", "credit_not_processed"],
      ["subscription_canceled", "subscription_canceled", "cancelled_recurring"],
      ["duplicate", "duplicate", "other"],
      ["general", "general", "other"],
    ])("should keep Stripe's reason %s as the code (%s → %s)", (reason, code, expected) => {
      const outcome = recorded(stripeEventOutcome(event("charge.dispute.created", dispute({ reason }))))
      expect(outcome.reason_code).toBe(code)
      const key = expected === "other" ? "chargeback:other" : `chargeback:${expected}`
      expect(consequenceFor("chargeback", outcome.reason_code)).toEqual(consequenceFor("chargeback", key.split(":")[1]))
    })

    it("should take the network's code when Stripe's reason is general", () => {
      const outcome = recorded(
        stripeEventOutcome(event("charge.dispute.created", dispute({ reason: "general", payment_method_details: { type: "card", card: { network_reason_code: "10.4" } } })))
      )
      expect(outcome.reason_code).toBe("10.4")
    })

    it.each([
      ["insufficient_funds", "AM04"],
      ["debit_not_authorized", "MD01"],
      ["incorrect_account_details", "AC01"],
      ["bank_cannot_process", "MS03"],
      ["customer_initiated", "MD06"],
    ])("should record a bank-debit dispute (%s) as a return debit %s", (reason, code) => {
      const outcome = recorded(stripeEventOutcome(event("charge.dispute.created", dispute({ reason }))))
      expect(outcome).toMatchObject({ kind: "return_debit", reason_code: code, external_id: "stripe:return_debit:ch_1" })
    })

    it.each(["warning_needs_response", "warning_under_review", "warning_closed", "prevented"])("should record nothing for an inquiry or prevented dispute (%s)", (status) => {
      expect(stripeEventOutcome(event("charge.dispute.created", dispute({ status })))).toMatchObject({ handled: false })
    })

    it("should give created and funds_withdrawn of one dispute the same key (one chargeback)", () => {
      const created = recorded(stripeEventOutcome(event("charge.dispute.created", dispute(), "evt_a")))
      const withdrawn = recorded(stripeEventOutcome(event("charge.dispute.funds_withdrawn", dispute(), "evt_b")))
      expect(withdrawn.external_id).toBe(created.external_id)
    })

    it("should read an expanded charge and ignore fees in another currency", () => {
      const outcome = recorded(
        stripeEventOutcome(event("charge.dispute.created", dispute({ charge: { id: "ch_9" }, balance_transactions: [{ fee: 1500, currency: "usd" }] })))
      )
      expect(outcome).toMatchObject({ charge_id: "ch_9", fee: null })
    })
  })

  describe("when a dispute is closed", () => {
    it("should record the reversal when the merchant won", () => {
      const outcome = recorded(stripeEventOutcome(event("charge.dispute.closed", dispute({ status: "won" }))))
      expect(outcome).toMatchObject({ kind: "chargeback_reversed", reason_code: "fraudulent", external_id: "stripe:chargeback_reversed:ch_1", fee: null })
    })

    it.each(["lost", "warning_closed"])("should record nothing new when it ended %s", (status) => {
      expect(stripeEventOutcome(event("charge.dispute.closed", dispute({ status })))).toMatchObject({ handled: false })
    })
  })

  describe("when Radar reports an early fraud warning", () => {
    it("should record a fraud chargeback under the charge's chargeback key, without amount", () => {
      const outcome = recorded(
        stripeEventOutcome(
          event("radar.early_fraud_warning.created", { id: "issfr_1", object: "radar.early_fraud_warning", charge: "ch_1", payment_intent: "pi_1", fraud_type: "made_with_stolen_card", actionable: true, created: 1_767_139_200 })
        )
      )
      expect(outcome).toMatchObject({ kind: "chargeback", reason_code: "fraud_card_absent", amount: null, payment_intent_id: "pi_1", external_id: "stripe:chargeback:ch_1" })
      expect(outcome.note).toBe("Stripe radar.early_fraud_warning.created issfr_1 [made_with_stolen_card] (evt_1)")
      const laterDispute = recorded(stripeEventOutcome(event("charge.dispute.created", dispute(), "evt_2")))
      expect(laterDispute.external_id).toBe(outcome.external_id)
    })
  })

  describe("when a SEPA direct debit fails", () => {
    const charge = (fields: Record<string, unknown> = {}) => ({
      id: "py_1",
      object: "charge",
      amount: 12000,
      currency: "eur",
      payment_intent: "pi_2",
      failure_code: "insufficient_funds",
      payment_method_details: { type: "sepa_debit", sepa_debit: { last4: "3000" } },
      ...fields,
    })

    it("should record a return debit with the SEPA reason from charge.failed", () => {
      const outcome = recorded(stripeEventOutcome(event("charge.failed", charge())))
      expect(outcome).toMatchObject({ kind: "return_debit", reason_code: "AM04", amount: 120, currency_code: "eur", payment_intent_id: "pi_2", external_id: "stripe:return_debit:py_1" })
    })

    it("should give payment_intent.payment_failed of the same charge the same key", () => {
      const outcome = recorded(
        stripeEventOutcome(
          event("payment_intent.payment_failed", { id: "pi_2", object: "payment_intent", amount: 12000, currency: "eur", latest_charge: "py_1", last_payment_error: { code: "account_closed", payment_method: { type: "sepa_debit" } } }, "evt_9")
        )
      )
      expect(outcome).toMatchObject({ kind: "return_debit", reason_code: "AC04", payment_intent_id: "pi_2", external_id: "stripe:return_debit:py_1" })
    })

    it("should record nothing for a failed card payment (a decline at checkout is no outcome)", () => {
      expect(stripeEventOutcome(event("charge.failed", charge({ payment_method_details: { type: "card" } })))).toMatchObject({ handled: false })
      expect(
        stripeEventOutcome(event("payment_intent.payment_failed", { id: "pi_3", last_payment_error: { code: "card_declined", payment_method: { type: "card" } } }))
      ).toMatchObject({ handled: false })
    })

    it("should fall back to the event id when no charge id is known", () => {
      const outcome = recorded(stripeEventOutcome(event("charge.failed", charge({ id: undefined }), "evt_x")))
      expect(outcome.external_id).toBe("stripe:event:evt_x")
    })
  })

  it.each(["payment_intent.succeeded", "customer.created", "charge.refunded"])("should not handle %s", (type) => {
    expect(stripeEventOutcome(event(type, { id: "x" }))).toMatchObject({ handled: false })
  })

  it("should not handle an event without an object", () => {
    expect(stripeEventOutcome({ id: "evt_1", type: "charge.dispute.created" })).toMatchObject({ handled: false })
  })
})

describe("amountFromMinorUnits", () => {
  it.each([
    [1999, "eur", 19.99],
    [1999, "EUR", 19.99],
    [500, "jpy", 500],
    [1234, "kwd", 1.234],
    [0, "eur", 0],
  ])("should read %d %s as %d", (minor, currency, expected) => {
    expect(amountFromMinorUnits(minor, currency)).toBe(expected)
  })

  it("should give null without amount or currency", () => {
    expect(amountFromMinorUnits(null, "eur")).toBeNull()
    expect(amountFromMinorUnits(100, null)).toBeNull()
  })
})

describe("sepaReturnReason", () => {
  it.each([
    ["insufficient_funds", "AM04"],
    ["account_closed", "AC04"],
    ["no_account", "AC01"],
    ["invalid_account_number", "AC01"],
    ["account_frozen", "AC06"],
    ["bank_account_restricted", "AG01"],
    ["debit_not_authorized", "MD01"],
    ["generic_could_not_process", "MS03"],
    ["am04", "AM04"],
    ["bank_ownership_changed", "bank_ownership_changed"],
  ])("should map %s to %s", (code, expected) => {
    expect(sepaReturnReason(code)).toBe(expected)
  })

  it("should give null without a code", () => {
    expect(sepaReturnReason(null)).toBeNull()
  })
})

import { chargebackReason, OTHER_REASON } from "./reason-codes"
import type { OutcomeKind } from "./types"

/**
 * What a Stripe event means after checkout, as plain data (no Stripe or Medusa import: the
 * signature is checked before, the order found after). Handled: disputes (created, funds
 * withdrawn, closed and won), Radar's early fraud warnings and failed SEPA direct debits.
 */

/** A verified Stripe event, as far as the mapping reads it. */
export type StripeEventLike = { id: string; type: string; created?: number; data?: { object?: unknown } }

export type StripeOutcome = {
  kind: Extract<OutcomeKind, "chargeback" | "chargeback_reversed" | "return_debit">
  /** Stripe's dispute reason, a card network code or a SEPA return code (AM04 …) */
  reason_code: string | null
  /** in major units of `currency_code` (Stripe sends minor units) */
  amount: number | null
  fee: number | null
  currency_code: string | null
  occurred_at: Date
  payment_intent_id: string | null
  charge_id: string | null
  /**
   * One key per charge and kind: a delivery repeated, the same event sent to a second endpoint,
   * or an early fraud warning followed by the dispute about the same charge is one chargeback.
   */
  external_id: string
  /** ids only (no personal data): which Stripe event and object this came from */
  note: string
}

export type StripeEventMapping = { handled: true; outcome: StripeOutcome } | { handled: false; reason: string }

type Obj = Record<string, unknown>
const obj = (value: unknown): Obj | null => (value && typeof value === "object" && !Array.isArray(value) ? (value as Obj) : null)
const str = (value: unknown): string | null => (typeof value === "string" && value.trim() ? value.trim() : null)
const int = (value: unknown): number | null => (typeof value === "number" && Number.isInteger(value) && value >= 0 ? value : null)
/** An id field that Stripe sends as a string or, when expanded, as the object. */
const idOf = (value: unknown): string | null => str(value) ?? str(obj(value)?.id)

/** Currencies without minor units, and with three decimals (Stripe's lists). */
const ZERO_DECIMAL = new Set(["bif", "clp", "djf", "gnf", "jpy", "kmf", "krw", "mga", "pyg", "rwf", "ugx", "vnd", "vuv", "xaf", "xof", "xpf"])
const THREE_DECIMAL = new Set(["bhd", "jod", "kwd", "omr", "tnd"])

/** Stripe's minor units as an amount (1999 EUR cents → 19.99; 500 JPY → 500). */
export function amountFromMinorUnits(minor: number | null, currency: string | null): number | null {
  if (minor === null || !currency) return null
  const code = currency.toLowerCase()
  const decimals = ZERO_DECIMAL.has(code) ? 0 : THREE_DECIMAL.has(code) ? 3 : 2
  return Number((minor / 10 ** decimals).toFixed(decimals))
}

/**
 * Stripe's failure codes of a SEPA direct debit as SEPA return reasons (a code that already is
 * one, e.g. "AM04", is kept). A code not listed is recorded as it came (consequence "other").
 */
const SEPA_BY_STRIPE_FAILURE: Record<string, string> = {
  insufficient_funds: "AM04",
  account_closed: "AC04",
  no_account: "AC01",
  invalid_account_number: "AC01",
  account_frozen: "AC06",
  bank_account_restricted: "AG01",
  debit_not_authorized: "MD01",
  generic_could_not_process: "MS03",
  refer_to_customer: "MS03",
}

/**
 * Dispute reasons that only bank debits have (SEPA, BACS, ACH): the bank took the money back,
 * a return debit, not a card chargeback.
 */
const SEPA_BY_DEBIT_DISPUTE: Record<string, string> = {
  insufficient_funds: "AM04",
  debit_not_authorized: "MD01",
  incorrect_account_details: "AC01",
  bank_cannot_process: "MS03",
  customer_initiated: "MD06",
}

/** The SEPA return reason of a Stripe failure code, or the code itself. */
export function sepaReturnReason(code: string | null): string | null {
  if (!code) return null
  if (/^[A-Z]{2}\d{2}$/i.test(code)) return code.toUpperCase()
  return SEPA_BY_STRIPE_FAILURE[code.toLowerCase()] ?? code
}

/** "Stripe charge.dispute.created dp_1 (evt_1)": ids and Stripe's own words only, no personal data. */
const noteOf = (event: StripeEventLike, objectId: string | null, detail?: string | null) =>
  ["Stripe", event.type, objectId, detail ? `[${detail.slice(0, 60)}]` : null, `(${event.id})`].filter(Boolean).join(" ")
const eventTime = (event: StripeEventLike) => new Date((int(event.created) ?? Math.floor(Date.now() / 1000)) * 1000)
const keyOf = (kind: StripeOutcome["kind"], chargeId: string | null, event: StripeEventLike) =>
  chargeId ? `stripe:${kind}:${chargeId}` : `stripe:event:${event.id}`

/** Dispute fee in the dispute's currency (Stripe books it on the dispute's balance transactions). */
function disputeFee(dispute: Obj, currency: string | null): number | null {
  const transactions = Array.isArray(dispute.balance_transactions) ? dispute.balance_transactions : []
  let fee = 0
  let found = false
  for (const transaction of transactions.map(obj)) {
    const cents = int(transaction?.fee)
    if (cents === null || cents === 0 || str(transaction?.currency)?.toLowerCase() !== currency) continue
    fee += cents
    found = true
  }
  return found ? amountFromMinorUnits(fee, currency) : null
}

/** The card reason Stripe gives, else the network's own code when the lists know it better. */
function cardReason(dispute: Obj): string | null {
  const reason = str(dispute.reason)
  const card = obj(obj(dispute.payment_method_details)?.card)
  const network = str(card?.network_reason_code) ?? str(dispute.network_reason_code)
  if (reason && chargebackReason(reason) !== OTHER_REASON) return reason
  if (network && chargebackReason(network) !== OTHER_REASON) return network
  return reason ?? network
}

function fromDispute(event: StripeEventLike, dispute: Obj): StripeEventMapping {
  const status = str(dispute.status) ?? ""
  const chargeId = idOf(dispute.charge)
  const currency = str(dispute.currency)?.toLowerCase() ?? null
  const base = {
    amount: amountFromMinorUnits(int(dispute.amount), currency),
    currency_code: currency,
    payment_intent_id: idOf(dispute.payment_intent),
    charge_id: chargeId,
    note: noteOf(event, str(dispute.id)),
  }
  if (event.type === "charge.dispute.closed") {
    if (status !== "won") return { handled: false, reason: `dispute closed as ${status || "unknown"}` }
    return {
      handled: true,
      outcome: { ...base, kind: "chargeback_reversed", reason_code: cardReason(dispute), fee: null, occurred_at: eventTime(event), external_id: keyOf("chargeback_reversed", chargeId, event) },
    }
  }
  // an inquiry (retrieval request) moves no money; "prevented" was refunded before it became one
  if (status.startsWith("warning_") || status === "prevented") return { handled: false, reason: `dispute ${status} is not a chargeback` }
  const occurred = int(dispute.created) !== null ? new Date(int(dispute.created)! * 1000) : eventTime(event)
  const fee = disputeFee(dispute, currency)
  const debit = SEPA_BY_DEBIT_DISPUTE[str(dispute.reason) ?? ""]
  if (debit) {
    return { handled: true, outcome: { ...base, kind: "return_debit", reason_code: debit, fee, occurred_at: occurred, external_id: keyOf("return_debit", chargeId, event) } }
  }
  return { handled: true, outcome: { ...base, kind: "chargeback", reason_code: cardReason(dispute), fee, occurred_at: occurred, external_id: keyOf("chargeback", chargeId, event) } }
}

/**
 * An early fraud warning is the card issuer's fraud report (Visa TC40, Mastercard SAFE): the
 * cardholder says the payment was not theirs. A chargeback follows unless the merchant refunds
 * first, so the money is gone either way; it is recorded as a `fraud_card_absent` chargeback
 * under the same key as the charge's later dispute (counted once) and lists what a fraud
 * chargeback lists. A dispute won later reverses it like any chargeback.
 */
function fromEarlyFraudWarning(event: StripeEventLike, warning: Obj): StripeEventMapping {
  const chargeId = idOf(warning.charge)
  const fraudType = str(warning.fraud_type)
  return {
    handled: true,
    outcome: {
      kind: "chargeback",
      reason_code: "fraud_card_absent",
      amount: null,
      fee: null,
      currency_code: null,
      occurred_at: int(warning.created) !== null ? new Date(int(warning.created)! * 1000) : eventTime(event),
      payment_intent_id: idOf(warning.payment_intent) ?? idOf(obj(warning.charge)?.payment_intent),
      charge_id: chargeId,
      external_id: keyOf("chargeback", chargeId, event),
      note: noteOf(event, str(warning.id), fraudType),
    },
  }
}

function sepaFailure(event: StripeEventLike, fields: { chargeId: string | null; intentId: string | null; code: string | null; amount: number | null; currency: string | null }): StripeEventMapping {
  const currency = fields.currency?.toLowerCase() ?? null
  return {
    handled: true,
    outcome: {
      kind: "return_debit",
      reason_code: sepaReturnReason(fields.code),
      amount: amountFromMinorUnits(fields.amount, currency),
      fee: null,
      currency_code: currency,
      occurred_at: eventTime(event),
      payment_intent_id: fields.intentId,
      charge_id: fields.chargeId,
      // charge.failed and payment_intent.payment_failed report the same return: one key per charge
      external_id: keyOf("return_debit", fields.chargeId, event),
      note: noteOf(event, fields.chargeId ?? fields.intentId),
    },
  }
}

function fromFailedCharge(event: StripeEventLike, charge: Obj): StripeEventMapping {
  const type = str(obj(charge.payment_method_details)?.type)
  if (type !== "sepa_debit") return { handled: false, reason: `failed ${type ?? "unknown"} payment is not a returned debit` }
  return sepaFailure(event, {
    chargeId: str(charge.id),
    intentId: idOf(charge.payment_intent),
    code: str(charge.failure_code),
    amount: int(charge.amount),
    currency: str(charge.currency),
  })
}

function fromFailedIntent(event: StripeEventLike, intent: Obj): StripeEventMapping {
  const error = obj(intent.last_payment_error)
  const type = str(obj(error?.payment_method)?.type) ?? (Array.isArray(intent.payment_method_types) && intent.payment_method_types.length === 1 ? str(intent.payment_method_types[0]) : null)
  if (type !== "sepa_debit") return { handled: false, reason: `failed ${type ?? "unknown"} payment is not a returned debit` }
  return sepaFailure(event, {
    chargeId: idOf(intent.latest_charge) ?? idOf(error?.charge),
    intentId: str(intent.id),
    code: str(error?.decline_code) ?? str(error?.code),
    amount: int(intent.amount),
    currency: str(intent.currency),
  })
}

/** The outcome a verified Stripe event records, or why it records nothing. */
export function stripeEventOutcome(event: StripeEventLike): StripeEventMapping {
  const object = obj(event.data?.object)
  if (!object) return { handled: false, reason: "event without object" }
  switch (event.type) {
    case "charge.dispute.created":
    case "charge.dispute.funds_withdrawn":
    case "charge.dispute.closed":
      return fromDispute(event, object)
    case "radar.early_fraud_warning.created":
      return fromEarlyFraudWarning(event, object)
    case "charge.failed":
      return fromFailedCharge(event, object)
    case "payment_intent.payment_failed":
      return fromFailedIntent(event, object)
    default:
      return { handled: false, reason: `event type ${event.type} is not handled` }
  }
}

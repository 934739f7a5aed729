import type { NegativeListSource } from "../negative-list/types"
import type { ListAction, PaymentClass } from "../types"
import { chargebackReason, OTHER_REASON, returnDebitReason } from "./reason-codes"
import type { OutcomeKind } from "./types"

/** What of the order's shopper goes on the negative list. */
export const CONSEQUENCE_TARGETS = ["person_address", "address", "email", "phone", "iban", "card"] as const
export type ConsequenceTarget = (typeof CONSEQUENCE_TARGETS)[number]

/**
 * What an outcome does to the negative list: which of the shopper's data is listed, with which
 * action (null = the list's action for that kind of entry, by default "only prepayment") and for
 * how long (days; null = the list's default retention).
 */
export type Consequence = {
  list: ConsequenceTarget[]
  action: ListAction | null
  expires_days: number | null
}

/** One consequence per outcome kind, and per reason where reasons differ ("return_debit:AM04", "chargeback:fraud_card_absent"). */
export type ConsequenceKey = string

const hide = (...classes: PaymentClass[]): ListAction => ({ type: "hide_classes", classes })
const onlyPrepayment: ListAction = { type: "allow_only_classes", classes: ["prepayment"] }
const recordOnly: Consequence = { list: [], action: null, expires_days: null }
const HALF_YEAR = 183
const YEAR = 365

/**
 * Defaults a payment-risk professional would defend (README "After checkout" explains each):
 * - no funds (AM04): the shopper may well pay later, but not by invoice or direct debit for six months;
 * - the payer refused the debit (MD06, MS02) or never gave a mandate (MD01, often someone else's
 *   IBAN): person, email and IBAN are listed with the list's own action (only prepayment);
 * - the account itself is unusable (AC01, AC04, AC06, AG01, MD07, SL01): only the IBAN, and only
 *   direct debit is hidden for it;
 * - card fraud and "not recognised": card, email and person, like a PSP's "refund as fraud";
 * - disputes about the goods or the merchant's own handling: recorded, nothing listed;
 * - a refused cash-on-delivery parcel: person and address, prepayment only for a year;
 * - a claim handed to collection or written off: person and email (seed: "so further orders do
 *   not increase the claims"); an unknown address ("unbekannt verzogen"): the address.
 */
export const DEFAULT_CONSEQUENCES: Record<ConsequenceKey, Consequence> = {
  "return_debit:AM04": { list: ["person_address", "iban"], action: hide("invoice", "direct_debit"), expires_days: HALF_YEAR },
  "return_debit:MD01": { list: ["person_address", "email", "iban"], action: null, expires_days: null },
  "return_debit:MD06": { list: ["person_address", "email", "iban"], action: null, expires_days: null },
  "return_debit:MS02": { list: ["person_address", "email", "iban"], action: null, expires_days: null },
  "return_debit:AC01": { list: ["iban"], action: hide("direct_debit"), expires_days: null },
  "return_debit:AC04": { list: ["iban"], action: hide("direct_debit"), expires_days: null },
  "return_debit:AC06": { list: ["iban"], action: hide("direct_debit"), expires_days: null },
  "return_debit:AG01": { list: ["iban"], action: hide("direct_debit"), expires_days: null },
  "return_debit:MD07": { list: ["iban"], action: hide("direct_debit"), expires_days: null },
  "return_debit:SL01": { list: ["iban"], action: hide("direct_debit"), expires_days: null },
  "return_debit:MS03": recordOnly,
  "return_debit:other": recordOnly,
  "chargeback:fraud_card_absent": { list: ["card", "email", "person_address"], action: null, expires_days: null },
  "chargeback:not_recognised": { list: ["card", "email", "person_address"], action: null, expires_days: null },
  "chargeback:not_received": recordOnly,
  "chargeback:not_as_described": recordOnly,
  "chargeback:credit_not_processed": recordOnly,
  "chargeback:cancelled_recurring": recordOnly,
  "chargeback:late_presentment": recordOnly,
  "chargeback:other": recordOnly,
  cod_refused: { list: ["person_address"], action: onlyPrepayment, expires_days: YEAR },
  handed_over: { list: ["person_address", "email"], action: null, expires_days: null },
  written_off: { list: ["person_address", "email"], action: null, expires_days: null },
  address_unknown: { list: ["address"], action: null, expires_days: null },
}

/** Every key a merchant may configure (the defaults' keys). */
export const CONSEQUENCE_KEYS = Object.keys(DEFAULT_CONSEQUENCES)

/** The key an outcome's consequence is configured under. */
export function consequenceKey(kind: OutcomeKind, reasonCode?: string | null): ConsequenceKey {
  if (kind === "return_debit") return `return_debit:${returnDebitReason(reasonCode)}`
  if (kind === "chargeback") return `chargeback:${chargebackReason(reasonCode)}`
  return kind
}

/** The merchant's consequence for an outcome, else the default, else none (payments, reversals, dunning letters). */
export function consequenceFor(
  kind: OutcomeKind,
  reasonCode: string | null | undefined,
  configured: Record<ConsequenceKey, Consequence> = {}
): Consequence {
  const key = consequenceKey(kind, reasonCode)
  const fallback = kind === "return_debit" || kind === "chargeback" ? `${kind}:${OTHER_REASON}` : key
  return configured[key] ?? DEFAULT_CONSEQUENCES[key] ?? configured[fallback] ?? DEFAULT_CONSEQUENCES[fallback] ?? recordOnly
}

/** The negative list's source for entries an outcome creates. */
export function listSourceFor(kind: OutcomeKind): NegativeListSource {
  if (kind === "return_debit") return "return_debit"
  if (kind === "chargeback") return "chargeback"
  if (kind === "cod_refused") return "cod_refused"
  return "dunning"
}

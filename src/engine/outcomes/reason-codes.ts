import type { LocalizedText } from "../types"

/**
 * SEPA return reason codes a merchant meets on returned direct debits (ISO 20022, as banks and
 * PSPs report them; the seed's Infobox 5-7 lists the German predecessors by the last digit of
 * the "Textschlüssel"). Labels are what the admin shows.
 */
export const RETURN_DEBIT_REASONS = {
  AC01: { de: "Kontonummer (IBAN) falsch", en: "Incorrect account number (IBAN)" },
  AC04: { de: "Konto aufgelöst", en: "Account closed" },
  AC06: { de: "Konto gesperrt", en: "Account blocked" },
  AG01: { de: "Lastschrift auf diesem Konto nicht erlaubt (z. B. Sparkonto)", en: "Direct debit not allowed on this account (e.g. savings account)" },
  AM04: { de: "Keine Deckung", en: "Insufficient funds" },
  MD01: { de: "Kein Mandat: der Kontoinhaber hat die Lastschrift nicht erlaubt", en: "No mandate: the account holder never authorised the debit" },
  MD06: { de: "Widerspruch des Zahlers (Erstattung verlangt)", en: "Refund requested by the payer" },
  MD07: { de: "Kontoinhaber verstorben", en: "Account holder deceased" },
  MS02: { de: "Widerspruch des Zahlers ohne Angabe von Gründen", en: "Refused by the payer, no reason given" },
  MS03: { de: "Rückgabe durch die Bank ohne Angabe von Gründen", en: "Returned by the bank, no reason given" },
  SL01: { de: "Zahler hat Lastschriften dieses Händlers bei seiner Bank gesperrt", en: "The payer's bank blocks this merchant's debits at the payer's request" },
} satisfies Record<string, LocalizedText>
export type ReturnDebitReason = keyof typeof RETURN_DEBIT_REASONS

/**
 * Chargeback reasons of Infobox 5-8, with the codes Visa and Mastercard use for them (the
 * older two-digit codes of the seed, today's Visa "10.4"-style and Mastercard "48xx" codes) and
 * Stripe's dispute reasons, so a webhook's code finds its reason whatever the scheme.
 */
export const CHARGEBACK_REASONS = {
  fraud_card_absent: {
    de: "Betrug: Karteninhaber bestreitet die Zahlung",
    en: "Fraud: the cardholder denies making the payment",
    codes: ["37", "4837", "83", "10.4", "fraudulent"],
  },
  not_recognised: {
    de: "Zahlung vom Karteninhaber nicht erkannt",
    en: "Payment not recognised by the cardholder",
    codes: ["63", "4863", "75", "unrecognized"],
  },
  not_received: {
    de: "Ware oder Leistung nicht erhalten",
    en: "Goods or services not received",
    codes: ["55", "4855", "59", "4859", "30", "13.1", "product_not_received"],
  },
  not_as_described: {
    de: "Ware defekt oder nicht wie beschrieben",
    en: "Goods defective or not as described",
    codes: ["53", "4853", "13.3", "product_unacceptable"],
  },
  credit_not_processed: {
    de: "Gutschrift nicht erteilt",
    en: "Credit not processed",
    codes: ["60", "4860", "85", "13.6", "credit_not_processed"],
  },
  cancelled_recurring: {
    de: "Abbuchung trotz Kündigung (Abo, Mitgliedschaft)",
    en: "Cancelled recurring payment charged",
    codes: ["41", "4841", "13.2", "subscription_canceled"],
  },
  late_presentment: {
    de: "Umsatz zu spät eingereicht",
    en: "Late presentment",
    codes: ["42", "4842", "74", "12.1"],
  },
} satisfies Record<string, LocalizedText & { codes: string[] }>
export type ChargebackReason = keyof typeof CHARGEBACK_REASONS

/** A code the lists do not know: recorded as it came, with the consequence of "other". */
export const OTHER_REASON = "other"

/** The SEPA code of a return debit as the lists know it (case and spaces ignored), else "other". */
export function returnDebitReason(code: string | null | undefined): ReturnDebitReason | typeof OTHER_REASON {
  const normalised = (code ?? "").trim().toUpperCase()
  return normalised in RETURN_DEBIT_REASONS ? (normalised as ReturnDebitReason) : OTHER_REASON
}

const CHARGEBACK_BY_CODE = new Map<string, ChargebackReason>(
  (Object.entries(CHARGEBACK_REASONS) as Array<[ChargebackReason, { codes: string[] }]>).flatMap(([reason, { codes }]) =>
    [reason, ...codes].map((code) => [code.toLowerCase(), reason] as const)
  )
)

/** The chargeback reason of a scheme's or PSP's code ("4837", "10.4", "fraudulent", or the reason's own key), else "other". */
export function chargebackReason(code: string | null | undefined): ChargebackReason | typeof OTHER_REASON {
  return CHARGEBACK_BY_CODE.get((code ?? "").trim().toLowerCase()) ?? OTHER_REASON
}

/** The merchant-facing label of a reason code, in the admin's language. */
export function reasonLabel(kind: string, code: string | null | undefined, locale: keyof LocalizedText): string | null {
  if (kind === "return_debit") {
    const reason = returnDebitReason(code)
    return reason === OTHER_REASON ? null : RETURN_DEBIT_REASONS[reason][locale]
  }
  if (kind === "chargeback" || kind === "chargeback_reversed") {
    const reason = chargebackReason(code)
    return reason === OTHER_REASON ? null : CHARGEBACK_REASONS[reason][locale]
  }
  return null
}

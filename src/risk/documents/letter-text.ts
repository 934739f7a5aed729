import type { Receivable } from "../../engine/dunning/receivable"
import { nameForLetter } from "./name-for-letter"
import { DocumentLanguage, formatDate, formatIban, formatMoney } from "./format"

import { DUNNING_PLACEHOLDERS, type DunningPlaceholder } from "../../engine/dunning/placeholders"
export { DUNNING_PLACEHOLDERS, type DunningPlaceholder }
export type DunningPlaceholderValues = Record<DunningPlaceholder, string>

/** The shop's details a letter prints (a subset of the settings' `shop` section). */
export type LetterShop = {
  name: string
  account_holder: string
  iban: string
  bic: string
  bank_name: string
  /** one line per line; the first is the street */
  postal_address: string
  support_email: string
  hotline: string
}

export type BankDetailsLabels = { holder: string; iban: string; bic: string; bank: string }
const BANK_LABELS: Record<DocumentLanguage, BankDetailsLabels> = {
  de: { holder: "Kontoinhaber", iban: "IBAN", bic: "BIC", bank: "Bank" },
  en: { holder: "Account holder", iban: "IBAN", bic: "BIC", bank: "Bank" },
}

/** The shop's bank account, one line per filled field (empty when the shop has no IBAN). */
export function bankDetailsLines(shop: LetterShop, language: DocumentLanguage): string[] {
  if (!shop.iban.trim()) return []
  const labels = BANK_LABELS[language]
  return [
    [labels.holder, shop.account_holder || shop.name],
    [labels.iban, formatIban(shop.iban)],
    [labels.bic, shop.bic],
    [labels.bank, shop.bank_name],
  ]
    .filter(([, value]) => value && value.trim())
    .map(([label, value]) => `${label}: ${value!.trim()}`)
}

export type PlaceholderSource = {
  language: DocumentLanguage
  shop: LetterShop
  recipient: { first_name: string; last_name: string }
  order_number: string
  receivable: Receivable
  currency_code: string
  /** the new deadline, YYYY-MM-DD */
  deadline: string
  payment_reference: string
}

/** Every placeholder's value, amounts and dates formatted for the language. */
export function dunningPlaceholderValues(source: PlaceholderSource): DunningPlaceholderValues {
  const { language, receivable: r, currency_code: currency } = source
  const money = (amount: number) => formatMoney(amount, currency, language)
  return {
    first_name: nameForLetter(source.recipient.first_name),
    last_name: nameForLetter(source.recipient.last_name),
    order_number: source.order_number,
    invoice_date: formatDate(r.invoice_date, language),
    due_date: formatDate(r.due_date, language),
    principal: money(r.principal),
    fees: money(r.fees),
    interest: money(r.interest),
    total_due: money(r.total_due),
    deadline: formatDate(source.deadline, language),
    shop_name: source.shop.name.trim(),
    payment_reference: source.payment_reference,
    bank_details: bankDetailsLines(source.shop, language).join("\n"),
  }
}

const PATTERN = new RegExp(`\\{(${DUNNING_PLACEHOLDERS.join("|")})\\}`, "g")

/**
 * The text with its placeholders filled; unknown `{words}` stay as written. Filled once, left to
 * right: a value that itself contains `{total_due}` (a shopper's name, say) is not filled again.
 */
export function fillDunningText(text: string, values: DunningPlaceholderValues): string {
  return text.replace(PATTERN, (_, name: DunningPlaceholder) => values[name])
}

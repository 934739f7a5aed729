import type { LocalizedText } from "../types"
import { reasonLabel } from "./reason-codes"
import type { OutcomeKind } from "./types"

/** What each kind of outcome is called in the admin and in list entries' reasons. */
export const OUTCOME_KIND_LABELS: Record<OutcomeKind, LocalizedText> = {
  payment_received: { de: "Zahlung eingegangen", en: "Payment received" },
  return_debit: { de: "Rücklastschrift", en: "Returned direct debit" },
  chargeback: { de: "Chargeback", en: "Chargeback" },
  chargeback_reversed: { de: "Chargeback zurückgewiesen", en: "Chargeback reversed" },
  cod_refused: { de: "Nachnahme verweigert", en: "Cash on delivery refused" },
  dunning_stage: { de: "Mahnstufe", en: "Dunning stage" },
  handed_over: { de: "An Inkasso übergeben", en: "Handed over to collection" },
  written_off: { de: "Forderung abgeschrieben", en: "Claim written off" },
  address_unknown: { de: "Unbekannt verzogen", en: "Moved, address unknown" },
}

/** The reason a list entry made from an outcome carries: "Rücklastschrift: Keine Deckung (AM04), Bestellung #12". */
export function outcomeListReason(
  kind: OutcomeKind,
  reasonCode: string | null | undefined,
  order: string | number,
  locale: keyof LocalizedText
): string {
  const label = reasonLabel(kind, reasonCode, locale)
  const code = reasonCode?.trim() ? ` (${reasonCode.trim().slice(0, 20)})` : ""
  const what = label ? `${OUTCOME_KIND_LABELS[kind][locale]}: ${label}${code}` : `${OUTCOME_KIND_LABELS[kind][locale]}${code}`
  return `${what}, ${locale === "de" ? "Bestellung" : "order"} #${order}`
}

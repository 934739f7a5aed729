import { KNOWN_BASE_RATES } from "./base-rates"
import type { DunningSettings, DunningStage } from "./stages"

/**
 * The default dunning run, modelled on the seed's reminder and dunning letters (Infoboxes 5-10
 * to 5-12) in our own words: a friendly reminder without a fee, two dunning letters, a final
 * notice before collection. Each gives 14 days, and goes out 3 days after the previous deadline
 * (a payment on its way has time to arrive). Fees are modest because a consumer owes only the
 * actual cost of a dunning letter (German courts accept about 1 to 2.50 EUR; flat fees like the
 * seed's 9.50 EUR from 2007 do not hold), and the first reminder — which is what puts the
 * debtor in default — is free.
 * Placeholders: {first_name} {last_name} {order_number} {invoice_date} {due_date} {principal}
 * {fees} {interest} {total_due} {deadline} {shop_name} {payment_reference} {bank_details}.
 */
export const DEFAULT_DUNNING_STAGES: DunningStage[] = [
  {
    kind: "reminder",
    wait_days: 3,
    deadline_days: 14,
    fee: 0,
    channel: "email",
    subject: { de: "Zahlungserinnerung zu Ihrer Bestellung {order_number}", en: "Payment reminder for your order {order_number}" },
    body: {
      de: "Guten Tag {first_name} {last_name},\n\nbei der Durchsicht unserer Buchhaltung ist uns aufgefallen, dass die Rechnung zu Ihrer Bestellung {order_number} vom {invoice_date} über {total_due} noch offen ist. Vielleicht ist sie im Alltag untergegangen – bitte überweisen Sie den Betrag bis zum {deadline}.\n\nSollte mit Ihrer Lieferung etwas nicht in Ordnung sein, melden Sie sich bitte bei uns; wir kümmern uns sofort darum. Falls Sie bereits bezahlt haben, betrachten Sie diese Nachricht bitte als gegenstandslos.\n\n{bank_details}\nVerwendungszweck: {payment_reference}\n\nFreundliche Grüße\n{shop_name}",
      en: "Hello {first_name} {last_name},\n\nour records show that the invoice for your order {order_number} of {invoice_date} for {total_due} is still open. Perhaps it slipped through — please transfer the amount by {deadline}.\n\nIf anything was wrong with your delivery, please tell us and we will take care of it at once. If you have already paid, please disregard this message.\n\n{bank_details}\nPayment reference: {payment_reference}\n\nKind regards\n{shop_name}",
    },
  },
  {
    kind: "dunning",
    wait_days: 3,
    deadline_days: 14,
    fee: 2.5,
    channel: "both",
    subject: { de: "1. Mahnung zu Ihrer Bestellung {order_number}", en: "First dunning notice for your order {order_number}" },
    body: {
      de: "Guten Tag {first_name} {last_name},\n\nauf unsere Zahlungserinnerung zur Rechnung Ihrer Bestellung {order_number} vom {invoice_date} haben wir leider keine Antwort und keine Zahlung erhalten. Bitte prüfen Sie den Vorgang und überweisen Sie {total_due} (Rechnungsbetrag {principal}, Mahnkosten und Verzugszinsen {fees} und {interest}) bis spätestens {deadline}.\n\n{bank_details}\nVerwendungszweck: {payment_reference}\n\nFreundliche Grüße\n{shop_name}",
      en: "Hello {first_name} {last_name},\n\nwe have received neither an answer nor a payment after our reminder about the invoice for your order {order_number} of {invoice_date}. Please check the matter and transfer {total_due} (invoice {principal}, dunning costs {fees} and default interest {interest}) by {deadline} at the latest.\n\n{bank_details}\nPayment reference: {payment_reference}\n\nKind regards\n{shop_name}",
    },
  },
  {
    kind: "dunning",
    wait_days: 3,
    deadline_days: 14,
    fee: 2.5,
    channel: "both",
    subject: { de: "2. Mahnung zu Ihrer Bestellung {order_number}", en: "Second dunning notice for your order {order_number}" },
    body: {
      de: "Guten Tag {first_name} {last_name},\n\nwir mahnen die Rechnung zu Ihrer Bestellung {order_number} nun zum zweiten Mal an und haben noch immer nichts von Ihnen gehört. Bitte überweisen Sie {total_due} bis spätestens {deadline}. Geht bis dahin keine Zahlung oder Nachricht ein, werden wir die Forderung ohne weitere Ankündigung einem Inkassounternehmen übergeben; die Kosten dafür gehen zu Ihren Lasten.\n\n{bank_details}\nVerwendungszweck: {payment_reference}\n\nFreundliche Grüße\n{shop_name}",
      en: "Hello {first_name} {last_name},\n\nthis is our second notice about the invoice for your order {order_number}, and we still have not heard from you. Please transfer {total_due} by {deadline} at the latest. If neither payment nor a message reaches us by then, we will hand the claim to a collection agency without further notice, at your cost.\n\n{bank_details}\nPayment reference: {payment_reference}\n\nKind regards\n{shop_name}",
    },
  },
  {
    kind: "final_notice",
    wait_days: 3,
    deadline_days: 7,
    fee: 2.5,
    channel: "letter",
    subject: { de: "Letzte Mahnung vor Übergabe an das Inkasso – Bestellung {order_number}", en: "Final notice before collection — order {order_number}" },
    body: {
      de: "Guten Tag {first_name} {last_name},\n\ntrotz mehrfacher Mahnung ist die Rechnung zu Ihrer Bestellung {order_number} weiterhin offen. Dies ist unsere letzte Aufforderung: Bitte überweisen Sie {total_due} bis zum {deadline}. Danach übergeben wir die Forderung an ein Inkassounternehmen.\n\nWenn Sie derzeit nicht den ganzen Betrag zahlen können, sprechen Sie uns bitte an – eine Ratenzahlung ist möglich.\n\n{bank_details}\nVerwendungszweck: {payment_reference}\n\nFreundliche Grüße\n{shop_name}",
      en: "Hello {first_name} {last_name},\n\ndespite several notices the invoice for your order {order_number} is still unpaid. This is our final request: please transfer {total_due} by {deadline}. After that we will hand the claim to a collection agency.\n\nIf you cannot pay the full amount at the moment, please talk to us — payment by instalments is possible.\n\n{bank_details}\nPayment reference: {payment_reference}\n\nKind regards\n{shop_name}",
    },
  },
]

export const DEFAULT_DUNNING_SETTINGS: DunningSettings = {
  enabled: false,
  invoice_date: "order_placed",
  payment_term_days: 14,
  default_from: "due_date",
  stages: DEFAULT_DUNNING_STAGES,
  base_rates: KNOWN_BASE_RATES,
  consumer_points: 5,
  business_points: 9,
  business_flat_fee: 40,
  business_customer_group_ids: [],
}

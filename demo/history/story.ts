/**
 * The demo shop's last four months after checkout, as data: who bought what, how they paid, and
 * what happened afterwards, on which day (counted back from the day the seed runs). Pure: no
 * Medusa import; demo/seed-history.ts plays it day by day through the plugin's workflows.
 *
 * Every invoice customer first paid a cash-on-delivery order (a new customer is offered only
 * cash on delivery and prepayment), then ordered on invoice. With the default dunning settings
 * (payment term 14 days; reminder 3 days after the due date, each stage 14 days to pay, the
 * next 3 days after that deadline; final notice 7 days) the invoice dates below put each claim
 * in one stage today:
 *
 * | invoice (days ago) | reminder | 1st dunning | 2nd dunning | final notice | today            |
 * |--------------------|----------|-------------|-------------|--------------|------------------|
 * | 6                  |          |             |             |              | open, not due    |
 * | 16                 | tomorrow |             |             |              | overdue          |
 * | 24                 | 7 ago    |             |             |              | payment reminder |
 * | 41                 | 24 ago   | 7 ago       |             |              | 1st dunning      |
 * | 57                 | 40 ago   | 23 ago      | 6 ago       |              | 2nd dunning      |
 * | 72                 | 55 ago   | 38 ago      | 21 ago      | 4 ago        | final notice     |
 */

export type Locale = "de-DE" | "en-GB"

export type Person = {
  key: string
  first_name: string
  last_name: string
  /**
   * a company on the billing address makes the debtor a business (9 points, 40 EUR flat fee).
   * Name and company together have at most four words: the plugin recognises a returning guest
   * only then (MAX_NAME_TOKENS in src/engine/identity/recognise-history.ts).
   */
  company?: string
  email: string
  phone: string
  address_1: string
  postal_code: string
  city: string
  locale: Locale
}

export type Line = { handle: string; quantity: number }

/** A moment of the story: days before the seed's day, and the time of day (UTC). */
export type Moment = { days_ago: number; time: string }

export type PaymentMethod = "cod" | "invoice" | "card"

export type StoryEvent =
  | { kind: "order"; order: string; person: string; lines: Line[]; method: PaymentMethod; at: Moment }
  /** the money of a cash-on-delivery parcel or a card payment arrives: Medusa's capture */
  | { kind: "capture"; order: string; at: Moment }
  /** a bank transfer to an invoice: recorded on the receivable ("all" = what is due that day) */
  | { kind: "payment"; order: string; amount: number | "all"; at: Moment }
  | {
      kind: "outcome"
      order: string
      outcome: "return_debit" | "chargeback" | "cod_refused"
      reason_code: string | null
      /** "paid" = what was paid on the order */
      amount: number | "paid"
      fee: number
      /** the bank's, payment provider's or carrier's reference */
      external_id: string
      note: string
      at: Moment
    }
  /** the shopper complained: the merchant pauses the dunning */
  | { kind: "pause"; order: string; at: Moment }
  | { kind: "close"; order: string; as: "handed_over" | "written_off"; note: string; at: Moment }

/** Marks everything the history seed creates (customer and cart/order metadata key). */
export const HISTORY_MARK = "payment_risk_demo_history"

const at = (days_ago: number, time: string): Moment => ({ days_ago, time })

export const PEOPLE: Person[] = [
  { key: "anna", first_name: "Anna", last_name: "Schmidt", email: "anna.schmidt@example.com", phone: "+49 30 4471 2290", address_1: "Kastanienallee 12", postal_code: "10435", city: "Berlin", locale: "de-DE" },
  { key: "jonas", first_name: "Jonas", last_name: "Weber", email: "jonas.weber@example.com", phone: "+49 40 3861 5502", address_1: "Eppendorfer Weg 88", postal_code: "20259", city: "Hamburg", locale: "de-DE" },
  { key: "lea", first_name: "Lea", last_name: "Fischer", email: "lea.fischer@example.com", phone: "+49 89 2317 4460", address_1: "Türkenstraße 41", postal_code: "80799", city: "München", locale: "de-DE" },
  { key: "lukas", first_name: "Lukas", last_name: "Becker", company: "Gartenbau Becker", email: "einkauf@gartenbau-becker.example.com", phone: "+49 221 9402 318", address_1: "Neusser Straße 210", postal_code: "50733", city: "Köln", locale: "de-DE" },
  { key: "sophie", first_name: "Sophie", last_name: "Wagner", email: "sophie.wagner@example.com", phone: "+49 69 7130 9921", address_1: "Berger Straße 133", postal_code: "60316", city: "Frankfurt am Main", locale: "de-DE" },
  { key: "max", first_name: "Maximilian", last_name: "Hoffmann", email: "max.hoffmann@example.com", phone: "+49 711 6402 117", address_1: "Hauptstätter Straße 57", postal_code: "70178", city: "Stuttgart", locale: "de-DE" },
  { key: "mia", first_name: "Mia", last_name: "Schulz", email: "mia.schulz@example.com", phone: "+49 341 2250 873", address_1: "Karl-Liebknecht-Straße 96", postal_code: "04275", city: "Leipzig", locale: "de-DE" },
  { key: "paul", first_name: "Paul", last_name: "Koch", email: "paul.koch@example.com", phone: "+49 351 4108 652", address_1: "Louisenstraße 23", postal_code: "01099", city: "Dresden", locale: "de-DE" },
  { key: "emily", first_name: "Emily", last_name: "Clarke", email: "emily.clarke@example.com", phone: "+49 30 6098 1742", address_1: "Weserstraße 17", postal_code: "12047", city: "Berlin", locale: "en-GB" },
  { key: "felix", first_name: "Felix", last_name: "Richter", email: "felix.richter@example.com", phone: "+49 511 3362 095", address_1: "Limmerstraße 64", postal_code: "30451", city: "Hannover", locale: "de-DE" },
  { key: "hannah", first_name: "Hannah", last_name: "Klein", email: "hannah.klein@example.com", phone: "+49 421 7740 318", address_1: "Ostertorsteinweg 29", postal_code: "28203", city: "Bremen", locale: "de-DE" },
  { key: "tim", first_name: "Tim", last_name: "Wolf", email: "tim.wolf@example.com", phone: "+49 911 2764 530", address_1: "Gostenhofer Hauptstraße 45", postal_code: "90443", city: "Nürnberg", locale: "de-DE" },
  { key: "oliver", first_name: "Oliver", last_name: "Bennett", email: "oliver.bennett@example.com", phone: "+49 40 2284 6613", address_1: "Schanzenstraße 7", postal_code: "20357", city: "Hamburg", locale: "en-GB" },
  { key: "kevin", first_name: "Kevin", last_name: "Neumann", email: "kevin.neumann@example.com", phone: "+49 231 5518 204", address_1: "Rheinische Straße 118", postal_code: "44137", city: "Dortmund", locale: "de-DE" },
]

const shirt = (quantity = 1): Line => ({ handle: "baumwoll-t-shirt", quantity })
const backpack = (quantity = 1): Line => ({ handle: "wanderrucksack", quantity })
const mug = (quantity = 1): Line => ({ handle: "kaffeebecher", quantity })
const dish = (quantity = 1): Line => ({ handle: "satellitenschuessel", quantity })

/** A paying first order: cash on delivery, the money collected by the carrier three days later. */
const firstOrder = (person: string, daysAgo: number, lines: Line[], time = "10:20"): StoryEvent[] => [
  { kind: "order", order: `${person}-first`, person, lines, method: "cod", at: at(daysAgo, time) },
  { kind: "capture", order: `${person}-first`, at: at(daysAgo - 3, "14:05") },
]

const invoice = (person: string, suffix: string, daysAgo: number, lines: Line[], time: string): StoryEvent => ({
  kind: "order",
  order: `${person}-${suffix}`,
  person,
  lines,
  method: "invoice",
  at: at(daysAgo, time),
})

export const STORY: StoryEvent[] = [
  // open, not yet due
  ...firstOrder("anna", 41, [shirt(2)]),
  invoice("anna", "invoice", 6, [backpack(), mug(2)], "19:42"),

  // overdue: due two days ago, the reminder goes out tomorrow
  ...firstOrder("jonas", 66, [mug()]),
  invoice("jonas", "invoice", 16, [backpack()], "08:55"),

  // payment reminder (sent 7 days ago)
  ...firstOrder("lea", 80, [shirt()]),
  invoice("lea", "invoice", 24, [shirt(3), mug()], "21:13"),

  // a business debtor in the 1st dunning: 9 points above the base rate and the 40 EUR flat fee
  ...firstOrder("lukas", 95, [mug(4)], "07:48"),
  invoice("lukas", "invoice", 41, [dish(2)], "09:30"),

  // 2nd dunning
  ...firstOrder("sophie", 99, [shirt()]),
  invoice("sophie", "invoice", 57, [backpack(), shirt()], "20:04"),

  // final notice (sent 4 days ago, 7 days to pay)
  ...firstOrder("max", 110, [mug(2)]),
  invoice("max", "invoice", 72, [dish()], "12:37"),

  // handed over to collection after the final notice's deadline
  ...firstOrder("mia", 124, [shirt()]),
  invoice("mia", "invoice", 112, [backpack(2)], "18:26"),
  { kind: "close", order: "mia-invoice", as: "handed_over", note: "Keine Reaktion auf Erinnerung und drei Mahnungen; an Inkasso Nord übergeben.", at: at(30, "10:15") },

  // paid: the first invoice within its term, the second after the reminder (with a few cents of interest)
  ...firstOrder("paul", 123, [mug()]),
  invoice("paul", "invoice", 96, [backpack()], "17:51"),
  { kind: "payment", order: "paul-invoice", amount: "all", at: at(88, "09:40") },
  invoice("paul", "second-invoice", 52, [shirt(2), mug(2)], "11:18"),
  { kind: "payment", order: "paul-second-invoice", amount: "all", at: at(31, "08:25") },

  // partly paid (English-speaking customer): a first instalment after the reminder, the rest is dunned
  ...firstOrder("emily", 90, [shirt()], "16:30"),
  invoice("emily", "invoice", 45, [backpack(), shirt(2)], "22:07"),
  { kind: "payment", order: "emily-invoice", amount: 30, at: at(25, "10:02") },

  // written off: a small claim not worth the collection agency's fee
  ...firstOrder("felix", 126, [shirt()]),
  invoice("felix", "invoice", 118, [mug()], "13:12"),
  { kind: "close", order: "felix-invoice", as: "written_off", note: "Kleinbetrag nach letzter Mahnung unbezahlt; Inkasso lohnt sich nicht.", at: at(35, "15:30") },

  // paused: she reported the backpack damaged after the reminder; the dunning waits for the return
  ...firstOrder("hannah", 70, [mug()]),
  invoice("hannah", "invoice", 33, [backpack()], "14:44"),
  { kind: "pause", order: "hannah-invoice", at: at(12, "11:20") },

  // a SEPA return debit: the invoice was collected by direct debit, the bank returned it (AM04, no
  // funds) with its fee; the claim is open again and dunned anew
  ...firstOrder("tim", 100, [shirt()]),
  invoice("tim", "invoice", 62, [dish()], "10:33"),
  { kind: "payment", order: "tim-invoice", amount: "all", at: at(52, "09:00") },
  {
    kind: "outcome",
    order: "tim-invoice",
    outcome: "return_debit",
    reason_code: "AM04",
    amount: "paid",
    fee: 3.5,
    external_id: "RLS-2026-0417-AM04",
    note: "Rechnungsbetrag per SEPA-Lastschrift eingezogen; Rücklastschrift mangels Deckung, Bankgebühr 3,50 €.",
    at: at(45, "08:10"),
  },

  // a card chargeback for fraud (English-speaking customer): the cardholder did not recognise the
  // payment; the claim it opened is written off
  ...firstOrder("oliver", 84, [mug()]),
  { kind: "order", order: "oliver-card", person: "oliver", lines: [backpack(2)], method: "card", at: at(60, "23:41") },
  { kind: "capture", order: "oliver-card", at: at(60, "23:42") },
  {
    kind: "outcome",
    order: "oliver-card",
    outcome: "chargeback",
    reason_code: "10.4",
    amount: "paid",
    fee: 15,
    external_id: "CB-2026-88213",
    note: "Visa 10.4: Karteninhaber hat die Zahlung nicht autorisiert; Rückbelastungsgebühr 15,00 €.",
    at: at(38, "07:55"),
  },
  { kind: "close", order: "oliver-card", as: "written_off", note: "Betrug mit fremder Karte; Ware nicht zurückerhalten, Anzeige erstattet.", at: at(30, "16:40") },

  // a refused cash-on-delivery parcel: return postage and the COD fee are the shop's loss
  { kind: "order", order: "kevin-first", person: "kevin", lines: [backpack(2)], method: "cod", at: at(20, "18:03") },
  {
    kind: "outcome",
    order: "kevin-first",
    outcome: "cod_refused",
    reason_code: null,
    amount: "paid",
    fee: 12.9,
    external_id: "DHL-RETOURE-3391207",
    note: "Annahme verweigert; Rücksendung 6,90 € und Nachnahmegebühr 6,00 €.",
    at: at(15, "13:25"),
  },
]

/** The first day of the story (days ago). */
export const STORY_START = Math.max(...STORY.map((event) => event.at.days_ago))

/** The events of one day, in the order of their time. */
export function eventsOn(daysAgo: number): StoryEvent[] {
  return STORY.filter((event) => event.at.days_ago === daysAgo).sort((a, b) => a.at.time.localeCompare(b.at.time))
}

/** The moment as a date, counted back from `today` (YYYY-MM-DD, UTC). */
export function dateOf(moment: Moment, today: string): Date {
  const day = new Date(`${today}T00:00:00Z`)
  day.setUTCDate(day.getUTCDate() - moment.days_ago)
  return new Date(`${day.toISOString().slice(0, 10)}T${moment.time}:00Z`)
}

/** The calendar day `daysAgo` days before `today` (YYYY-MM-DD). */
export function dayOf(daysAgo: number, today: string): string {
  return dateOf({ days_ago: daysAgo, time: "00:00" }, today).toISOString().slice(0, 10)
}

import { ipMatches } from "../payment-data/ip"
import { parsePhoneNumberFromString, CountryCode, PhoneNumber } from "libphonenumber-js/max"
import { isPackingStation, sameAddress } from "./address-signals"
import { emailDomain, isDisposable, isFreeMail } from "./domains"
import type { ValueType } from "./operators"
import { OPERATORS_BY_TYPE } from "./operators"
import type { ConditionParams, Operator, RuleFacts, VelocitySubject } from "./types"
import { velocityKey } from "./velocity"
import { memoByTwoStrings } from "../memo"

/** Returned by `read` when the data is missing (e.g. no GeoIP database): the condition does not hold. */
export const UNAVAILABLE = Symbol("unavailable")

export type ConditionGroupName = "cart" | "customer" | "address" | "contact" | "network" | "velocity" | "time"
export type ValueSource =
  | "products" | "categories" | "tags" | "collections" | "sales_channels" | "customer_groups"
  | "countries" | "currencies" | "weekdays"
export type ParamName = "product_id" | "category_id" | "window_minutes" | "source"
export type Unit = "currency" | "multiple" | "count" | "days" | "hour" | "minutes"

export type ConditionDefinition = {
  attribute: string
  group: ConditionGroupName
  label: { de: string; en: string }
  type: ValueType
  operators: readonly Operator[]
  value_source?: ValueSource
  params?: ParamName[]
  unit?: Unit
  /** the actual value (shown in the explanation) or UNAVAILABLE */
  read(facts: RuleFacts, params: ConditionParams): unknown
  /** a comparison of its own, where the generic operators do not fit (IP ranges) */
  test?(actual: unknown, operator: Operator, expected: unknown): boolean
}

/** The catalogue entry the admin rule builder reads (everything but `read`). */
export type CatalogEntry = Omit<ConditionDefinition, "read" | "test">

const orUnavailable = <T>(value: T | undefined): T | typeof UNAVAILABLE => (value === undefined ? UNAVAILABLE : value)
const country = (value?: string | null) => value?.trim().toLowerCase() || null

type PhoneInfo = { type: ReturnType<PhoneNumber["getType"]>; country: string | null } | null

/**
 * Parsing with the full metadata costs 30–40 µs, and two conditions read the same number in every
 * decision: the (pure) result is kept per number and country, in a small cache emptied when full.
 * Keyed by the country as written (the parse reads it in capitals): no key string built per read.
 */
const PHONE_CACHE_SIZE = 500
const parsePhone = memoByTwoStrings<PhoneInfo>(PHONE_CACHE_SIZE, (fallback, phone) => {
  const parsed = parsePhoneNumberFromString(phone, fallback.toUpperCase() as CountryCode)
  return parsed?.isValid() ? { type: parsed.getType(), country: parsed.country?.toLowerCase() ?? null } : null
})

function phoneInfo(facts: RuleFacts): PhoneInfo {
  if (!facts.phone) return null
  return parsePhone(facts.billing_address?.country_code || facts.shipping_address?.country_code || "de", facts.phone)
}

const number = (
  attribute: string, group: ConditionGroupName, de: string, en: string,
  read: ConditionDefinition["read"], extra: Partial<ConditionDefinition> = {}
): ConditionDefinition => ({ attribute, group, label: { de, en }, type: "number", operators: OPERATORS_BY_TYPE.number, read, ...extra })

const flag = (attribute: string, group: ConditionGroupName, de: string, en: string, read: ConditionDefinition["read"]): ConditionDefinition =>
  ({ attribute, group, label: { de, en }, type: "boolean", operators: OPERATORS_BY_TYPE.boolean, read })

const ids = (
  attribute: string, group: ConditionGroupName, de: string, en: string, value_source: ValueSource,
  read: ConditionDefinition["read"]
): ConditionDefinition => ({ attribute, group, label: { de, en }, type: "id_list", operators: OPERATORS_BY_TYPE.id_list, value_source, read })

const text = (
  attribute: string, group: ConditionGroupName, de: string, en: string, operators: readonly Operator[],
  read: ConditionDefinition["read"], value_source?: ValueSource
): ConditionDefinition => ({ attribute, group, label: { de, en }, type: "text", operators, read, ...(value_source ? { value_source } : {}) })

const itemsWith = (facts: RuleFacts, pick: (item: NonNullable<RuleFacts["cart"]["items"]>[number]) => string[]) =>
  facts.cart.items === undefined ? UNAVAILABLE : [...new Set(facts.cart.items.flatMap(pick))]

/** Windows kept per velocity subject and source (a store's rules use a handful). */
const VELOCITY_KEYS_KEPT = 64

const velocity = (subject: VelocitySubject, de: string, en: string): ConditionDefinition => {
  // the count's key per source and window, built once (a condition reads it in every decision)
  const keys = { orders: new Map<number, string>(), carts: new Map<number, string>() }
  const keyOf = (source: "orders" | "carts", window_minutes: number) => {
    let key = keys[source].get(window_minutes)
    if (key === undefined) {
      if (keys[source].size >= VELOCITY_KEYS_KEPT) keys[source].clear()
      keys[source].set(window_minutes, (key = velocityKey({ subject, source, window_minutes })))
    }
    return key
  }
  return number(`velocity.${subject}`, "velocity", de, en, (facts, params) => {
    const key = keyOf(params.source === "carts" ? "carts" : "orders", Math.max(1, Math.round(params.window_minutes ?? 60)))
    return facts.velocity?.[key] ?? UNAVAILABLE
  }, { params: ["window_minutes", "source"], unit: "count", operators: ["gt", "gte", "lt", "lte", "eq", "between"] })
}

/**
 * Every condition a rule can use. Adding one = one entry here (plus the adapter fact if the
 * engine cannot derive it). The admin's rule builder reads this list through the API.
 */
export const CONDITIONS: readonly ConditionDefinition[] = [
  // cart
  number("cart.total", "cart", "Warenkorbsumme", "Cart total", (f) => f.cart.total, { unit: "currency" }),
  number("cart.total_vs_average", "cart", "Warenkorbsumme als Vielfaches des Durchschnittsbons", "Cart total as a multiple of the average order", (f) => orUnavailable(f.cart.total_vs_average), { unit: "multiple" }),
  number("cart.item_count", "cart", "Anzahl Artikel", "Number of items", (f) => f.cart.item_count, { unit: "count" }),
  number("cart.max_product_quantity", "cart", "Höchste Menge eines Produkts", "Highest quantity of one product", (f) => f.cart.max_product_quantity, { unit: "count" }),
  number("cart.product_quantity", "cart", "Menge eines bestimmten Produkts", "Quantity of a given product", (f, p) =>
    f.cart.items === undefined ? UNAVAILABLE : f.cart.items.filter((i) => i.product_id === p.product_id).reduce((s, i) => s + i.quantity, 0),
    { unit: "count", params: ["product_id"], value_source: "products" }),
  number("cart.category_quantity", "cart", "Menge aus einer Kategorie", "Quantity from a category", (f, p) =>
    f.cart.items === undefined ? UNAVAILABLE : f.cart.items.filter((i) => i.category_ids.includes(p.category_id ?? "")).reduce((s, i) => s + i.quantity, 0),
    { unit: "count", params: ["category_id"], value_source: "categories" }),
  ids("cart.products", "cart", "Produkt im Warenkorb", "Product in cart", "products", (f) => itemsWith(f, (i) => (i.product_id ? [i.product_id] : []))),
  ids("cart.categories", "cart", "Kategorie im Warenkorb", "Category in cart", "categories", (f) => itemsWith(f, (i) => i.category_ids)),
  ids("cart.tags", "cart", "Produkt-Tag im Warenkorb", "Product tag in cart", "tags", (f) => itemsWith(f, (i) => i.tag_ids)),
  ids("cart.collections", "cart", "Kollektion im Warenkorb", "Collection in cart", "collections", (f) => itemsWith(f, (i) => (i.collection_id ? [i.collection_id] : []))),
  text("cart.currency", "cart", "Währung", "Currency", ["in", "not_in"], (f) => f.cart.currency_code.toLowerCase(), "currencies"),
  text("cart.sales_channel", "cart", "Vertriebskanal", "Sales channel", ["in", "not_in"], (f) => orUnavailable(f.cart.sales_channel_id), "sales_channels"),
  // customer
  flag("customer.is_new", "customer", "Neukunde", "New customer", (f) => f.customer.is_new),
  number("customer.paid_order_count", "customer", "Anzahl bezahlter Bestellungen", "Number of paid orders", (f) => f.customer.paid_order_count, { unit: "count" }),
  number("customer.days_since_first_paid_order", "customer", "Tage seit der ersten bezahlten Bestellung", "Days since the first paid order", (f) => f.customer.days_since_first_paid_order ?? 0, { unit: "days" }),
  ids("customer.groups", "customer", "Kundengruppe", "Customer group", "customer_groups", (f) => orUnavailable(f.customer.group_ids)),
  flag("customer.has_unpaid_orders", "customer", "Hat unbezahlte Bestellungen", "Has unpaid orders", (f) => f.customer.has_unpaid_orders),
  flag("customer.has_overdue_orders", "customer", "Hat überfällige Bestellungen", "Has overdue orders", (f) => orUnavailable(f.customer.has_overdue_orders)),
  flag("customer.has_refused_cod", "customer", "Hat früher eine Nachnahme verweigert", "Refused a cash-on-delivery parcel before", (f) => orUnavailable(f.customer.has_refused_cod)),
  flag("customer.has_returned_debit", "customer", "Hatte eine Rücklastschrift", "Had a returned direct debit", (f) => orUnavailable(f.customer.has_returned_debit)),
  // what happened after checkout, counted over the shopper's earlier orders (account or email)
  number("customer.return_debits", "customer", "Anzahl Rücklastschriften", "Number of returned direct debits", (f) => orUnavailable(f.customer.return_debits), { unit: "count" }),
  number("customer.chargebacks", "customer", "Anzahl Chargebacks (nicht zurückgewiesen)", "Number of chargebacks (not reversed)", (f) => orUnavailable(f.customer.chargebacks), { unit: "count" }),
  number("customer.refused_cod_parcels", "customer", "Anzahl verweigerter Nachnahme-Pakete", "Number of refused cash-on-delivery parcels", (f) => orUnavailable(f.customer.refused_cod_parcels), { unit: "count" }),
  number("customer.open_dunning_amount", "customer", "Offener Betrag in der Mahnung", "Amount still owed in dunning", (f) => orUnavailable(f.customer.open_dunning_amount), { unit: "currency" }),
  number("customer.handed_over_orders", "customer", "An Inkasso übergebene Bestellungen", "Orders handed over to collection", (f) => orUnavailable(f.customer.handed_over_orders), { unit: "count" }),
  // addresses
  text("billing.country", "address", "Rechnungsland", "Billing country", ["in", "not_in"], (f) => orUnavailable(country(f.billing_address?.country_code) ?? undefined), "countries"),
  text("shipping.country", "address", "Lieferland", "Shipping country", ["in", "not_in"], (f) => orUnavailable(country(f.shipping_address?.country_code) ?? undefined), "countries"),
  flag("billing.country_in_risk_list", "address", "Rechnungsland auf der Risikoländerliste", "Billing country on the risk-country list", (f) =>
    f.billing_address ? f.settings.risk_countries.includes(country(f.billing_address.country_code) ?? "") : UNAVAILABLE),
  flag("shipping.country_in_risk_list", "address", "Lieferland auf der Risikoländerliste", "Shipping country on the risk-country list", (f) =>
    f.shipping_address ? f.settings.risk_countries.includes(country(f.shipping_address.country_code) ?? "") : UNAVAILABLE),
  text("billing.postcode", "address", "Postleitzahl (Rechnung)", "Billing postcode", ["starts_with", "not_starts_with", "between", "eq", "neq"], (f) => orUnavailable(f.billing_address?.postal_code?.replace(/\s+/g, "") || undefined)),
  text("shipping.postcode", "address", "Postleitzahl (Lieferung)", "Shipping postcode", ["starts_with", "not_starts_with", "between", "eq", "neq"], (f) => orUnavailable(f.shipping_address?.postal_code?.replace(/\s+/g, "") || undefined)),
  flag("address.shipping_differs", "address", "Lieferadresse weicht von der Rechnungsadresse ab", "Shipping address differs from billing", (f) =>
    f.billing_address && f.shipping_address ? !sameAddress(f.billing_address, f.shipping_address) : UNAVAILABLE),
  flag("shipping.is_packing_station", "address", "Lieferung an Packstation/Paketshop", "Shipping to a packing station or parcel shop", (f) =>
    f.shipping_address ? isPackingStation(f.shipping_address) : UNAVAILABLE),
  // contact
  text("contact.email_domain", "contact", "E-Mail-Domain", "Email domain", ["in", "not_in", "eq", "neq"], (f) => orUnavailable(emailDomain(f.email) ?? undefined)),
  flag("contact.email_free_mail", "contact", "Freemail-Adresse", "Free-mail address", (f) =>
    f.email ? isFreeMail(emailDomain(f.email), f.settings.extra_free_mail_domains) : UNAVAILABLE),
  flag("contact.email_disposable", "contact", "Wegwerf-E-Mail-Adresse", "Disposable email address", (f) =>
    f.email ? isDisposable(emailDomain(f.email), f.settings.extra_disposable_domains) : UNAVAILABLE),
  flag("contact.phone_mobile_only", "contact", "Nur Mobilnummer angegeben", "Only a mobile number given", (f) => {
    if (!f.phone) return UNAVAILABLE
    const info = phoneInfo(f)
    return info ? info.type === "MOBILE" : UNAVAILABLE
  }),
  flag("contact.phone_country_differs", "contact", "Telefonland weicht vom Rechnungsland ab", "Phone country differs from billing country", (f) => {
    const info = phoneInfo(f)
    const billing = country(f.billing_address?.country_code)
    return info?.country && billing ? info.country !== billing : UNAVAILABLE
  }),
  // network
  text("network.ip_country", "network", "Land der IP-Adresse", "IP address country", ["in", "not_in"], (f) => orUnavailable(f.ip_country ?? undefined), "countries"),
  flag("network.ip_country_differs_billing", "network", "IP-Land weicht vom Rechnungsland ab", "IP country differs from billing country", (f) =>
    f.ip_country && f.billing_address?.country_code ? f.ip_country !== country(f.billing_address.country_code) : UNAVAILABLE),
  flag("network.ip_country_differs_shipping", "network", "IP-Land weicht vom Lieferland ab", "IP country differs from shipping country", (f) =>
    f.ip_country && f.shipping_address?.country_code ? f.ip_country !== country(f.shipping_address.country_code) : UNAVAILABLE),
  {
    attribute: "network.ip_in_range", group: "network", label: { de: "IP-Adresse in Bereich", en: "IP address in range" },
    type: "text", operators: ["in", "not_in"],
    read: (f) => orUnavailable(f.ip ?? undefined),
    test: (ip, operator, ranges) => {
      const list = Array.isArray(ranges) ? ranges.map(String) : []
      if (!list.length) return true
      const inside = list.some((range) => ipMatches(String(ip), range))
      return operator === "in" ? inside : !inside
    },
  },
  // velocity
  velocity("email", "Bestellungen/Warenkörbe mit derselben E-Mail", "Orders/carts with the same email"),
  velocity("phone", "Bestellungen/Warenkörbe mit derselben Telefonnummer", "Orders/carts with the same phone"),
  velocity("shipping_address", "Bestellungen/Warenkörbe an dieselbe Lieferadresse", "Orders/carts to the same shipping address"),
  velocity("ip", "Bestellungen/Warenkörbe von derselben IP-Adresse", "Orders/carts from the same IP address"),
  velocity("customer", "Bestellungen/Warenkörbe desselben Kundenkontos", "Orders/carts of the same customer account"),
  // time
  ids("time.weekday", "time", "Wochentag", "Weekday", "weekdays", (f) => (f.local_time ? [String(f.local_time.weekday)] : UNAVAILABLE)),
  number("time.hour", "time", "Uhrzeit (Stunde)", "Hour of day", (f) => orUnavailable(f.local_time?.hour), { unit: "hour" }),
]

export const CONDITION_BY_ATTRIBUTE = new Map(CONDITIONS.map((c) => [c.attribute, c]))

export function conditionCatalog(): CatalogEntry[] {
  return CONDITIONS.map(({ read, test, ...entry }) => entry)
}

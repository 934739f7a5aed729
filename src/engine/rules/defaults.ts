import type { Condition, ConditionGroup, RiskRule, RuleAction } from "./types"

const all = (...children: Array<Condition | ConditionGroup>): ConditionGroup => ({ type: "group", combinator: "and", children })
const c = (attribute: string, operator: Condition["operator"], value?: unknown, params?: Condition["params"]): Condition => ({
  type: "condition", attribute, operator, ...(value !== undefined ? { value } : {}), ...(params ? { params } : {}),
})
const score = (points: number): RuleAction => ({ type: "add_score", points })

export type DefaultRule = Omit<RiskRule, "id"> & { default_key: string }

/**
 * The rules a store starts with, switched on, with conservative weights (the warning signs of
 * the merchant checklists: bulk orders to risk countries, throw-away addresses, many orders to
 * one address). Review from 50 points, prepayment only from 80 (rule settings). Each can be
 * edited or switched off. Names and descriptions are the English source texts: the admin shows
 * them in its language (keyed by `default_key`) while a stored rule still carries them.
 */
export const DEFAULT_RULES: DefaultRule[] = [
  {
    default_key: "bulk_to_risk_country",
    name: "Large quantity of one product to a risk country",
    description: "20 or more of one product shipped to a country on your risk-country list, like 30 satellite dishes to a country you do not usually deliver to.",
    priority: 10,
    enabled: true,
    conditions: all(c("cart.max_product_quantity", "gte", 20), c("shipping.country_in_risk_list", "is_true")),
    actions: [{ type: "allow_only_classes", classes: ["prepayment"] }, { type: "flag_review" }, score(40)],
  },
  {
    default_key: "new_customer_large_free_mail",
    name: "New customer, cart far above average, free-mail address",
    description: "A first order worth three times the average order from an address anyone can register without identity: no invoice.",
    priority: 20,
    enabled: true,
    conditions: all(c("customer.is_new", "is_true"), c("cart.total_vs_average", "gte", 3), c("contact.email_free_mail", "is_true")),
    actions: [{ type: "hide_classes", classes: ["invoice"] }, score(20)],
  },
  {
    default_key: "disposable_email",
    name: "Disposable email address",
    description: "Throw-away mailboxes cannot be reached for dunning: no invoice or direct debit.",
    priority: 30,
    enabled: true,
    conditions: all(c("contact.email_disposable", "is_true")),
    actions: [{ type: "hide_classes", classes: ["invoice", "direct_debit"] }, score(30)],
  },
  {
    default_key: "new_customer_packing_station",
    name: "New customer shipping to a packing station",
    description: "Goods on account to a pick-up point leave no address to collect from.",
    priority: 40,
    enabled: true,
    conditions: all(c("customer.is_new", "is_true"), c("shipping.is_packing_station", "is_true")),
    actions: [{ type: "hide_classes", classes: ["invoice"] }, score(10)],
  },
  {
    default_key: "shipping_differs_first_order",
    name: "First order to another address than the billing address",
    description: "A first order delivered somewhere else than the billing address adds a few points.",
    priority: 50,
    enabled: true,
    conditions: all(c("customer.is_new", "is_true"), c("address.shipping_differs", "is_true")),
    actions: [score(15)],
  },
  {
    default_key: "ip_country_differs",
    name: "IP country differs from the shipping country",
    description: "The shopper's internet connection is in another country than the delivery address. Needs a GeoIP database (plugin option geoip_database_path); without one the condition is reported unavailable.",
    priority: 60,
    enabled: true,
    conditions: all(c("network.ip_country_differs_shipping", "is_true")),
    actions: [score(20)],
  },
  {
    default_key: "many_orders_same_address",
    name: "Several orders to one shipping address within a day",
    description: "Three or more orders within a day to the same delivery address go to review.",
    priority: 70,
    enabled: true,
    conditions: all(c("velocity.shipping_address", "gte", 3, { window_minutes: 1440, source: "orders" })),
    actions: [{ type: "flag_review" }, score(30)],
  },
  {
    default_key: "many_carts_same_ip",
    name: "Many checkouts from one IP address within an hour",
    description: "Ten or more checkouts from one internet address within an hour add points. Offices and mobile networks share addresses, so this never holds an order by itself.",
    priority: 80,
    enabled: true,
    conditions: all(c("velocity.ip", "gte", 10, { window_minutes: 60, source: "carts" })),
    actions: [score(30)],
  },
  {
    default_key: "mobile_only_large_order",
    name: "Only a mobile number on a large first order",
    description: "A first order worth twice the average order with only a mobile phone number adds a few points.",
    priority: 90,
    enabled: true,
    conditions: all(c("customer.is_new", "is_true"), c("contact.phone_mobile_only", "is_true"), c("cart.total_vs_average", "gte", 2)),
    actions: [score(10)],
  },
]

/**
 * Texts earlier versions seeded, per default rule: a stored rule that still carries one of them
 * was never edited by the merchant, so the admin shows it in its language like the current text.
 */
export const FORMER_DEFAULT_TEXTS: Record<string, { name?: string[]; description?: string[] }> = {
  bulk_to_risk_country: {
    description: ["“30 satellite dishes to Belarus” (Checklist 5-3): 20 or more of one product shipped to a country on the risk list."],
  },
  many_orders_same_address: {
    description: ["Checklist 5-3: several orders in a short time with the same delivery address."],
  },
  ip_country_differs: {
    description: ["Needs a GeoIP database (plugin option geoip_database_path); without one the condition is reported unavailable."],
  },
}

/**
 * Whether a rule's stored name or description is still the text its default rule was seeded
 * with (the current one or an earlier version's), so it may be shown translated. An empty
 * description of a default rule that shipped without one counts as default too.
 */
export function isDefaultRuleText(defaultKey: string | null | undefined, field: "name" | "description", value: string | null | undefined): boolean {
  const rule = defaultKey ? DEFAULT_RULES.find((candidate) => candidate.default_key === defaultKey) : undefined
  if (!rule) return false
  const text = (value ?? "").trim()
  if (field === "description" && !text) return true
  return text === (rule[field] ?? "").trim() || !!FORMER_DEFAULT_TEXTS[rule.default_key]?.[field]?.includes(text)
}

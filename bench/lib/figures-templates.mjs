/**
 * Replayable inputs for the seeded assessments (issue 17): a few hundred varied templates of the
 * engine's `ReplayableInput` (src/engine/figures/replayable.ts, REPLAYABLE_VERSION), written from
 * its type with a seeded generator, each replayed with the store's stored rules and settings
 * (the engine's own `replayDecision`, built code) so the seeded figures (score, rules held,
 * review, restricted classes) are what the plugin would have recorded. The SQL seeding
 * (seed-figures.mjs) gives each order a template and its own total, time and average order
 * value — the average in proportion to the total (`ratio`), so the replay gives the same result
 * per row as per template.
 *
 * Most templates are unremarkable (a known customer, nothing held); some are new customers
 * (first-order rule), free-mail or throw-away addresses, packing stations, other shipping
 * addresses, bulk orders to a risk country, busy addresses or IPs, list matches and
 * plausibility findings, in the proportions a shop sees them.
 */
import { built } from "./host.mjs"
import { rng } from "./seed-list.mjs"

/** The bench store's providers (demo seed) plus a SEPA direct debit, as a shop with five classes. */
export const FIGURE_PROVIDERS = [
  { id: "pp_prepayment_manual", risk_class: "prepayment" },
  { id: "pp_cash-on-delivery_manual", risk_class: "cash_on_delivery" },
  { id: "pp_invoice_manual", risk_class: "invoice" },
  { id: "pp_system_default", risk_class: "card" },
  { id: "pp_stripe-sepa_stripe", risk_class: "direct_debit" },
]

const FREE_MAIL = ["gmail.com", "web.de", "gmx.de", "t-online.de", "yahoo.de"]
const DISPOSABLE = ["mailinator.com", "trashmail.com"]

/** A stored rule (admin API shape) as the module service hands it to the engine (as engine-alone.mjs). */
export const engineRule = (rule) => ({
  id: rule.id,
  name: rule.name,
  description: rule.description ?? null,
  priority: rule.priority,
  enabled: rule.enabled,
  valid_from: rule.valid_from ?? null,
  valid_until: rule.valid_until ?? null,
  conditions: rule.conditions,
  actions: rule.actions,
  default_key: rule.default_key ?? null,
})

function template(seed) {
  const r = rng(seed)
  const chance = (p) => r() < p
  const int = (min, max) => min + Math.floor(r() * (max - min + 1))
  const pick = (list) => list[Math.floor(r() * list.length)]

  const isNew = chance(0.22)
  const paid = isNew ? 0 : int(1, 14)
  const billingCountry = chance(0.9) ? "de" : chance(0.8) ? "at" : pick(["by", "ru"])
  const billing = { country_code: billingCountry, postcode_prefix: String(int(101, 999)) }
  const differs = chance(isNew ? 0.2 : 0.08)
  const bulk = chance(0.03)
  const shipping = differs || bulk
    ? { country_code: bulk && chance(0.6) ? pick(["by", "ru"]) : chance(0.9) ? billingCountry : pick(["by", "ru", "nl"]), postcode_prefix: String(int(101, 999)) }
    : { ...billing }
  const ratio = chance(0.1) ? Number((3 + r() * 4).toFixed(2)) : Number((0.2 + r() * 1.9).toFixed(2))
  const domain = chance(0.03) ? pick(DISPOSABLE) : chance(0.55) ? pick(FREE_MAIL) : null
  const input = {
    version: built("src/engine/index.js").REPLAYABLE_VERSION,
    evaluated_at: "2026-01-01T12:00:00.000Z", // per row: the order's time
    cart: {
      currency_code: "eur",
      total: 100, // per row: the order's amount
      item_count: bulk ? int(20, 40) : int(1, 6),
      max_product_quantity: bulk ? int(20, 40) : int(1, 3),
      average_order_value: 100 / ratio, // per row: amount / ratio
      sales_channel_id: "sc_bench",
      providers: FIGURE_PROVIDERS,
    },
    customer: {
      paid_order_count: paid,
      awaiting_payment_order_count: chance(0.05) ? 1 : 0,
      days_since_first_paid_order: paid ? int(5, 900) : null,
      has_overdue_orders: chance(0.02),
      has_refused_cod: chance(0.01),
      has_returned_debit: chance(0.01),
      outcome_counts: { return_debits: 0, chargebacks: 0, refused_cod: 0, handed_over: 0, open_dunning_amount: 0 },
    },
    billing,
    shipping,
    signals: {
      shipping_differs: shipping.country_code !== billing.country_code || shipping.postcode_prefix !== billing.postcode_prefix,
      packing_station: chance(0.05),
      phone_mobile_only: chance(0.3),
      phone_country_differs: chance(0.03),
      has_email: true,
      public_email_domain: domain,
      has_ip: true,
    },
    ip_country: chance(0.94) ? billingCountry : pick(["nl", "ru", "ng", "us"]),
    velocity: {
      "shipping_address:orders:1440": chance(0.03) ? int(3, 6) : int(0, 1),
      "ip:carts:60": chance(0.02) ? int(10, 16) : int(0, 3),
    },
    local_time: { weekday: int(0, 6), hour: int(0, 23) },
    negative_list: chance(0.02)
      ? [{ kind: pick(["person", "address", "email", "iban"]), certain: true, score: 1, matched_on: ["last_name", "postal_code"], source: pick(["dunning", "return_debit", "chargeback", "manual"]) }]
      : [],
    plausibility: chance(0.03) ? [{ field: "shipping_address.postal_code", code: "postcode_format" }] : [],
  }
  return { input, ratio }
}

/**
 * `count` templates with today's decision on each: { input, ratio, result, allowed_classes,
 * flagged_by } (rules held, score, review, hidden classes and causes in `result`).
 */
export function figureTemplates(count, { settings, storedRules }) {
  const engine = built("src/engine/index.js")
  const rules = storedRules.map(engineRule)
  const config = { rules, settings }
  const templates = []
  for (let i = 0; i < count; i++) {
    const { input, ratio } = template(9000 + i)
    if (!engine.isReplayable(input)) throw new Error(`bench template ${i} is not replayable: ${JSON.stringify(input)}`)
    const result = engine.replayDecision(input, config)
    const allowed = FIGURE_PROVIDERS.map((p) => p.risk_class).filter((c) => !result.hidden_classes.includes(c))
    // flagged: a holding rule with a review action, or (review by score) every holding rule with points
    const byScore = result.score >= settings.rules.review_score
    const flagged_by = rules
      .filter((rule) => result.rules_held.includes(rule.id))
      .filter((rule) => rule.actions.some((a) => a.type === "flag_review") || (byScore && rule.actions.some((a) => a.type === "add_score")))
      .map((rule) => rule.id)
    templates.push({ input, ratio, result, allowed_classes: allowed, flagged_by })
  }
  return templates
}

/** How varied the templates are: how many hold each rule, are restricted, go to review (asserted on by the bench). */
export function describeTemplates(templates, storedRules) {
  const held = Object.fromEntries(storedRules.map((rule) => [rule.default_key ?? rule.id, templates.filter((t) => t.result.rules_held.includes(rule.id)).length]))
  return {
    templates: templates.length,
    restricted: templates.filter((t) => t.result.restricted).length,
    review: templates.filter((t) => t.result.review).length,
    nothing_held: templates.filter((t) => !t.result.rules_held.length).length,
    held_per_rule: held,
  }
}

/**
 * The engine alone, in process (built code), on the inputs the plugin passes it in the bench
 * store: the stored settings and rules read from the admin API (the 9 default rules, enabled),
 * the region's four providers, a cart with addresses and a phone, three paid orders (every 5th
 * shopper is new), the adapter's rule facts (velocity counts of the rules' needs, average order,
 * local time) and every 10th cart with a certain negative-list match.
 */
import { built } from "./host.mjs"
import { timeInProcess } from "./measure.mjs"

const PROVIDER_IDS = ["pp_prepayment_manual", "pp_cash-on-delivery_manual", "pp_invoice_manual", "pp_system_default"]

/** A stored rule (admin API shape) as the module service hands it to the engine (toEngineRule). */
const engineRule = (rule) => ({
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

/**
 * `settings` and `storedRules` as GET /admin/payment-risk/settings and /rules return them;
 * `address` and `listed` (a person on the list and a spelling variant of them) come from run.mjs.
 */
export function engineAlone({ settings, storedRules, address, listed }) {
  const engine = built("src/engine/index.js")
  const rules = storedRules.map(engineRule)
  const providers = PROVIDER_IDS.map((id) => ({ id, risk_class: engine.defaultClassFor(id).risk_class }))
  const paid = (n) => ({ id: `o${n}`, status: "completed", total: 80 + n, captured_amount: 80 + n, refunded_amount: 0, created_at: new Date(Date.now() - n * 40 * 86400_000).toISOString() })
  const regular = { orders: [paid(1), paid(2), paid(3)] }
  const newcomer = { orders: [] }
  const velocity = Object.fromEntries(engine.velocityNeeds(rules).map((need, k) => [engine.velocityKey(need), k % 3]))
  const facts = (now) => ({
    sales_channel_id: "sc_1",
    average_order_value: 112.4,
    ip: "88.130.12.4",
    ip_country: undefined,
    velocity,
    local_time: { weekday: 3, hour: 14 },
    now,
    has_overdue_orders: false,
  })
  const shipping = { ...address, phone: "+49 151 23456789" }
  const cart = (i) => ({
    id: `cart_${i}`,
    currency_code: "eur",
    total: 40 + (i % 400),
    items: [
      { product_id: "prod_1", variant_id: "variant_1", title: "Satellitenschüssel", quantity: 1 + (i % 3), unit_price: 89 },
      { product_id: "prod_2", variant_id: "variant_2", title: "Kaffeebecher", quantity: 2, unit_price: 12.5 },
    ],
    email: `kunde${i}@gmx.de`,
    customer_id: i % 5 ? `cus_${i}` : null,
    region_id: "reg_1",
    billing_address: shipping,
    shipping_address: i % 7 ? shipping : { ...shipping, address_1: "Packstation 123", company: "" },
    providers,
  })
  const matches = [{ entry_id: listed.id, kind: "person", score: 0.95, certain: true, matched_on: ["last_name", "first_name", "address_1", "postal_code"] }]
  const input = (i, now) => ({
    cart: cart(i),
    history: i % 5 ? regular : newcomer,
    settings,
    negative_list_matches: i % 10 ? [] : matches,
    rules,
    rule_facts: facts(now),
  })

  // the input must exercise the rules: every one evaluated, and some hold (new shopper to a packing station)
  const now = new Date().toISOString()
  const sample = engine.decide(input(0, now))
  const evaluated = (sample.rules?.rules ?? []).filter((trace) => !trace.skipped)
  if (evaluated.length !== rules.length || !evaluated.some((trace) => trace.held)) {
    throw new Error(`the engine did not evaluate the stored rules as expected: ${JSON.stringify(sample.rules).slice(0, 500)}`)
  }
  // ~0.1-0.3 ms per call: 2,000 calls per round keep this part to seconds
  const decide_us = timeInProcess((i) => engine.decide(input(i, now)), 2000)
  // where the time goes: the same inputs without the rules, and without rules and plausibility checks
  const noRules = { ...settings, rules: { ...settings.rules, enabled: false } }
  const bare = { ...noRules, plausibility: { ...settings.plausibility, enabled: false } }
  const decide_without_rules_us = timeInProcess((i) => engine.decide({ ...input(i, now), settings: noRules, rules: [] }), 2000)
  const decide_without_rules_and_plausibility_us = timeInProcess((i) => engine.decide({ ...input(i, now), settings: bare, rules: [] }), 2000)

  const subject = engine.normaliseSubject({ addresses: [listed.variant], email: "a@b.de" }, "x".repeat(20))
  const candidates = [listed.entry, { ...listed.entry, id: "y", last_name: "Anders" }, { ...listed.entry, id: "x", postal_code: "99999" }]
  const match_3_candidates_us = timeInProcess(() => engine.matchEntries(subject, candidates), 5000)
  return {
    decide_us,
    decide_without_rules_us,
    decide_without_rules_and_plausibility_us,
    match_3_candidates_us,
    rules: rules.length,
    sample: { score: sample.rules.score, held: evaluated.filter((t) => t.held).map((t) => t.name), allowed: sample.allowed_provider_ids },
  }
}

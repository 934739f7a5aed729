import { CONSEQUENCE_KEYS } from "../../../src/engine/outcomes/consequences"
import { Field, RouteSpec } from "./fuzz-types"

/** Records of the seeded store the routes' valid requests refer to. */
export type FuzzFixtures = {
  cartId: string
  paymentCollectionId: string
  orderId: string
  /** the cart the order was placed from (the owner's proof for the payment instructions) */
  orderCartId: string
  entryId: string
  ruleId: string
  tipId: string
  providerId: string
}

const CLASSES = ["prepayment", "guaranteed", "cash_on_delivery", "invoice", "direct_debit", "card", "other"] as const
const KINDS = ["person", "address", "email", "email_domain", "phone", "iban", "card", "ip", "customer"] as const
const OUTCOME_KINDS = ["payment_received", "return_debit", "chargeback", "chargeback_reversed", "cod_refused", "dunning_stage", "handed_over", "written_off", "address_unknown"] as const
const SOURCES = ["manual", "chargeback", "return_debit", "dunning", "cod_refused", "fraud_review", "import"] as const
const PLACEMENTS = ["checkout", "payment", "account", "order_confirmation", "footer"] as const

const text = (max: number, more: Partial<Field> = {}): Field => ({ type: "text", max, ...more })
const int = (min: number, max: number, more: Partial<Field> = {}): Field => ({ type: "int", min, max, ...more })
const enumOf = (values: readonly string[], more: Partial<Field> = {}): Field => ({ type: "enum", values, ...more })
const bool: Field = { type: "bool" }
const paging = (max: number) => ({ limit: int(1, max), offset: int(0, 1_000_000_000, { max: undefined }) })
const dateBad = { "not a date": "fuzz", "impossible date": "2026-13-45T99:00:00Z", "year 10000": "+010000-01-01T00:00:00Z" }
const classList: Field = { type: "array", min: 1, max: CLASSES.length, valid: "prepayment", bad: { "unknown class": ["fuzz"], "class with injection": ["' OR 1=1 --"] } }
const listAction: Field = {
  type: "object",
  fields: { type: enumOf(["allow_only_classes", "hide_classes"], { required: true }), classes: { ...classList, required: true } },
}
const localized: Field = { type: "object", fields: { de: text(1000, { min: 1 }), en: text(1000, { min: 1 }) } }

/**
 * Every field of `AdminUpdatePaymentRiskSettings` (src/api/admin/payment-risk/validators.ts);
 * the route-table test compares the two, so a new setting without a description here fails it.
 */
export const SETTINGS_BODY: Record<string, Field> = {
  first_order: {
    type: "object",
    fields: {
      enabled: bool,
      paid_orders_required: int(0, 1000),
      allowed_classes: classList,
      cod_max_amount: { type: "number", min: 0, max: 1_000_000_000, nullable: true },
      pending_order_allowed_classes: classList,
    },
  },
  negative_list: {
    type: "object",
    fields: {
      enabled: bool,
      possible_match_action: listAction,
      actions: { type: "object", fields: Object.fromEntries(KINDS.map((kind) => [kind, listAction])) },
    },
  },
  plausibility: { type: "object", fields: { enabled: bool, action: listAction } },
  credit_check: {
    type: "object",
    fields: {
      enabled: bool,
      min_amount: { type: "number", min: 0, max: 1_000_000_000 },
      providers: { type: "array", max: 10, valid: { id: "sandbox", cost: 1 }, bad: { "provider without id": [{ cost: 1 }] } },
      unsafe_classes: classList,
      cache_days: int(0, 365),
      timeout_ms: int(100, 30000),
      soft_action: listAction,
      score_bands: {
        type: "array",
        max: 10,
        valid: { below: 100, action: { type: "allow_only_classes", classes: ["prepayment"] } },
        bad: { "band without action": [{ below: 100 }] },
      },
      traffic_light_actions: { type: "object", fields: { yellow: { ...listAction, nullable: true }, red: { ...listAction, nullable: true } } },
      failure_action: listAction,
      unknown_action: listAction,
      limits: {
        type: "object",
        fields: {
          queries_per_cart: int(1, 100),
          identities_per_cart: int(1, 100),
          identities_per_ip: int(1, 1000),
          identities_per_customer: int(1, 1000),
        },
      },
      breaker_failures: int(1, 100),
      breaker_cooldown_seconds: int(1, 86400),
      consent_notice: localized,
    },
  },
  rules: {
    type: "object",
    fields: {
      enabled: bool,
      review_score: int(1, 100000),
      prepayment_score: int(1, 100000),
      risk_countries: { type: "array", max: 250, valid: "ru", bad: { "not a country": ["' OR 1=1 --"] } },
      duplicate_window_minutes: int(0, 60 * 24 * 30),
      extra_free_mail_domains: { type: "array", max: 5000, valid: "example.com", bad: { "not a domain": ["<script>"] } },
      extra_disposable_domains: { type: "array", max: 5000, valid: "example.com", bad: { "not a domain": ["<script>"] } },
    },
  },
  retention: {
    type: "object",
    fields: {
      assessment_days: int(1, 3650, { nullable: true }),
      cart_signal_days: int(1, 3650),
      identity_observation_days: int(1, 3650),
      credit_query_days: int(1, 3650),
      review_event_days: int(1, 3650),
      outcome_days: int(1, 3650),
      list_entry_days: int(1, 3650),
      list_entry_grace_days: int(0, 365),
      list_audit_days: int(1, 3650),
      figures_days: int(1, 3650),
    },
  },
  protection: {
    type: "object",
    fields: {
      guest_recognition: enumOf(["email_and_address", "email"]),
      max_identities_per_cart: int(1, 100),
      max_identities_per_ip: int(1, 1000),
      identity_window_minutes: int(1, 60 * 24 * 7),
    },
  },
  shop: {
    type: "object",
    fields: {
      name: text(200),
      statement_descriptor: text(100),
      hotline: text(100),
      support_email: { type: "format" },
      default_locale: { type: "format", bad: { "three letters": "deu" } },
      account_holder: text(70),
      iban: { type: "format", bad: { "wrong checksum": "DE89370400440532013001", "not an IBAN": "fuzz" } },
      bic: { type: "format", bad: { "too short": "COBADE" } },
      bank_name: text(100),
      postal_address: text(300),
    },
  },
  dunning: {
    type: "object",
    fields: {
      enabled: bool,
      invoice_date: enumOf(["order_placed", "first_shipment"]),
      payment_term_days: int(0, 120),
      default_from: enumOf(["due_date", "first_dunning", "30_days_after_invoice"]),
      stages: {
        type: "array",
        min: 1,
        max: 6,
        valid: {
          kind: "reminder",
          wait_days: 3,
          deadline_days: 14,
          fee: 0,
          channel: "email",
          subject: { de: "Erinnerung", en: "Reminder" },
          body: { de: "Bitte zahlen", en: "Please pay" },
        },
        bad: { "stage without texts": [{ kind: "reminder", wait_days: 3, deadline_days: 14, fee: 0, channel: "email" }], "fee above 100": [{ kind: "dunning", wait_days: 3, deadline_days: 14, fee: 1000, channel: "email", subject: { de: "a", en: "a" }, body: { de: "a", en: "a" } }] },
      },
      base_rates: {
        type: "array",
        max: 200,
        valid: { valid_from: "2026-01-01", rate: 1.27 },
        bad: { "impossible date": [{ valid_from: "2026-02-30", rate: 1 }], "same date twice": [{ valid_from: "2026-01-01", rate: 1 }, { valid_from: "2026-01-01", rate: 2 }] },
      },
      consumer_points: { type: "number", min: 0, max: 20 },
      business_points: { type: "number", min: 0, max: 20 },
      business_flat_fee: { type: "number", min: 0, max: 1000 },
      business_customer_group_ids: { type: "array", max: 100, valid: "cusgroup_01", bad: { "empty id": [" "], "id of 101 characters": ["x".repeat(101)] } },
    },
  },
  outcomes: {
    type: "object",
    fields: {
      consequences: {
        type: "object",
        fields: Object.fromEntries(
          CONSEQUENCE_KEYS.map((key) => [
            key,
            {
              type: "object",
              nullable: true,
              fields: {
                list: { type: "array", required: true, max: 6, valid: "email", bad: { "unknown target": ["everything"] } },
                action: { ...listAction, required: true, nullable: true },
                expires_days: int(1, 3650, { required: true, nullable: true }),
              },
            } satisfies Field,
          ])
        ),
      },
    },
  },
  fallback_classes: classList,
  notice: localized,
  notice_restricted: localized,
  refusal_message: localized,
  evaluation_timeout_ms: int(50, 30000),
}

/** Person and address fields of the negative list (entries and the check route). */
const personFields = (nullable: boolean, more: Partial<Field> = {}): Record<string, Field> => ({
  first_name: text(100, { min: 1, nullable, ...more }),
  last_name: text(100, { min: 1, nullable, ...more }),
  company: text(200, { min: 1, nullable, ...more }),
  address_1: text(200, { min: 1, nullable, ...more }),
  address_2: text(200, { min: 1, nullable, ...more }),
  postal_code: text(20, { min: 1, nullable, ...more }),
  city: text(100, { min: 1, nullable, ...more }),
  country_code: { type: "format", nullable, bad: { "three letters": "deu", "one letter": "d" } },
})

/**
 * What the entry write routes refuse in the merchant's text (CSV injection: the list is exported
 * to spreadsheets); the check route stores nothing and takes such text as data.
 */
const FORMULAS = {
  "spreadsheet formula =HYPERLINK": '=HYPERLINK("http://evil.example","x")',
  "spreadsheet formula @SUM": "@SUM(1+1)*cmd|' /C calc'!A0",
  "spreadsheet formula +cmd": "+cmd|' /C calc'!A0",
  "spreadsheet formula -2+3": "-2+3+cmd|' /C calc'!A0",
}
/** In `value` a + or - belongs to phone numbers; = and @ are refused. */
const VALUE_FORMULAS = { "spreadsheet formula =x": "=x@example.com", "spreadsheet formula @x": "@SUM(1+1)" }
const refusesFormulas: Partial<Field> = { bad: FORMULAS }

const ruleFields = (create: boolean): Record<string, Field> => ({
  name: text(200, { min: 1, required: create }),
  description: text(2000, { nullable: true }),
  priority: int(-100000, 100000),
  enabled: bool,
  valid_from: { type: "format", nullable: true, bad: { ...dateBad, "date without time": "2026-01-01" } },
  valid_until: { type: "format", nullable: true, bad: { ...dateBad, "before valid_from": "2000-01-01T00:00:00Z" } },
  conditions: {
    type: "object",
    required: create,
    bad: {
      "unknown node type": { type: "fuzz" },
      "unknown combinator": { type: "group", combinator: "xor", children: [] },
      "unknown attribute": { type: "group", combinator: "and", children: [{ type: "condition", attribute: "' OR 1=1 --", operator: "eq", value: 1 }] },
      "unknown operator": { type: "group", combinator: "and", children: [{ type: "condition", attribute: "cart.total", operator: "fuzz", value: 1 }] },
      "value of the wrong type": { type: "group", combinator: "and", children: [{ type: "condition", attribute: "cart.total", operator: "gte", value: { a: 1 } }] },
      "nested 8 groups deep": JSON.parse(`${'{"type":"group","combinator":"and","children":['.repeat(8)}${"]}".repeat(8)}`),
      "51 conditions": { type: "group", combinator: "and", children: Array.from({ length: 51 }, () => ({ type: "condition", attribute: "cart.total", operator: "gte", value: 1 })) },
      "condition node with children": { type: "condition", attribute: "cart.total", operator: "gte", value: 1, children: [] },
    },
  },
  actions: {
    type: "array",
    max: 20,
    valid: { type: "flag_review" },
    bad: {
      "unknown action": [{ type: "fuzz" }],
      "hide_classes without classes": [{ type: "hide_classes" }],
      "points out of range": [{ type: "add_score", points: 1e9 }],
      "no action": [],
      "action is a string": ["flag_review"],
    },
  },
})

/** a figures period (issue 17): ISO dates, from before to (the query cases come without a currency, so only the dates' shape is fuzzed there) */
const figuresDateBad = { ...dateBad, "31 February": "2030-02-31", "hour 24": "2030-02-01T24:00:00Z" }
const timeZone: Field = { type: "format", max: 64, bad: { "unknown zone": "Mars/Olympus", "a city only": "Berlin" } }
const figuresQueryPeriod: Record<string, Field> = { from: { type: "format", bad: figuresDateBad }, to: { type: "format", bad: figuresDateBad }, tz: timeZone }
const figuresPeriod: Record<string, Field> = { ...figuresQueryPeriod, from: { type: "format", bad: { ...figuresDateBad, "after to (now)": "2999-01-01" } } }
const currencyCode: Field = { type: "format", max: 3, bad: { "two letters": "eu", digits: "978" } }

const ruleBase = {
  name: "Fuzz",
  valid_from: "2030-01-01T00:00:00Z",
  conditions: { type: "group", combinator: "and", children: [{ type: "condition", attribute: "cart.total", operator: "gte", value: 1 }] },
  actions: [{ type: "flag_review" }],
}

const tipFields = (create: boolean): Record<string, Field> => ({
  title: text(200, { min: 1, required: create }),
  body: text(5000, { min: 1, required: create }),
  locale: { type: "format", required: create, bad: { "three letters": "deu", "language tag": "de-DE" } },
  placement: enumOf(PLACEMENTS, { required: create }),
  rank: int(-100000, 100000),
  active: bool,
  valid_from: { type: "format", nullable: true, bad: dateBad },
  valid_until: { type: "format", nullable: true, bad: { ...dateBad, "before valid_from": "2000-01-01T00:00:00Z" } },
})

const tipBase = { title: "Fuzz", body: "Fuzz", locale: "de", placement: "checkout", valid_from: "2030-01-01T00:00:00Z" }

/**
 * Every plugin route and every Medusa route the plugin guards, with its valid request. The
 * coverage test compares this table with the route files under src/api.
 */
export function routeTable(fx: FuzzFixtures): RouteSpec[] {
  const admin = "/admin/payment-risk"
  return [
    // settings and providers
    { method: "GET", path: `${admin}/settings`, auth: "admin", query: {}, readOnly: true },
    {
      method: "POST",
      path: `${admin}/settings`,
      auth: "admin",
      json: true,
      // every consequence complete, so a variant of one of its fields is that field's only fault
      baseBody: { outcomes: { consequences: Object.fromEntries(CONSEQUENCE_KEYS.map((key) => [key, { list: [], action: null, expires_days: null }])) } },
      body: SETTINGS_BODY,
    },
    { method: "GET", path: `${admin}/providers`, auth: "admin", query: {}, readOnly: true },
    {
      method: "POST",
      path: `${admin}/providers/:id`,
      auth: "admin",
      json: true,
      params: { id: fx.providerId },
      body: { risk_class: enumOf(CLASSES, { required: true }) },
      baseBody: { risk_class: "prepayment" },
      bodyForBadIds: { risk_class: "prepayment" },
    },
    // assessments, erasure, credit checks
    {
      method: "GET",
      path: `${admin}/assessments`,
      auth: "admin",
      readOnly: true,
      query: { order_id: { type: "ref", max: 100, unknown: "2xx" }, cart_id: { type: "ref", max: 100, unknown: "2xx" }, ...paging(100) },
    },
    {
      method: "POST",
      path: `${admin}/erasure`,
      auth: "admin",
      json: true,
      body: { email: { type: "format", max: 320, required: true }, customer_id: { type: "ref", max: 100, unknown: "2xx" }, keep_negative_list: bool },
      baseBody: { email: "nobody-fuzz@example.com" },
    },
    { method: "GET", path: `${admin}/credit-checks`, auth: "admin", readOnly: true, query: { provider_id: { type: "ref", max: 100, unknown: "2xx" }, ...paging(100) } },
    { method: "GET", path: `${admin}/credit-providers`, auth: "admin", query: {}, readOnly: true },
    // key rotation
    { method: "GET", path: `${admin}/hash-keys`, auth: "admin", query: {}, readOnly: true },
    { method: "POST", path: `${admin}/hash-keys/rekey`, auth: "admin", json: true, body: {} },
    // negative list
    {
      method: "GET",
      path: `${admin}/negative-list`,
      auth: "admin",
      readOnly: true,
      query: { q: text(200), kind: enumOf(KINDS), source: enumOf(SOURCES), expired: enumOf(["true", "false"]), ...paging(200) },
    },
    {
      method: "POST",
      path: `${admin}/negative-list`,
      auth: "admin",
      json: true,
      body: {
        kind: enumOf(KINDS, { required: true }),
        ...personFields(true, refusesFormulas),
        value: text(200, { min: 1, nullable: true, bad: { "invalid email for kind email": "' OR 1=1 --", ...VALUE_FORMULAS } }),
        reason: text(500, { min: 1, required: true, ...refusesFormulas }),
        source: enumOf(SOURCES),
        expires_at: { type: "format", nullable: true, bad: { ...dateBad, "in the past": "2001-01-01T00:00:00Z", "a number": 42, "a boolean": true } },
        note: text(2000, { min: 1, nullable: true, ...refusesFormulas }),
      },
      baseBody: { kind: "email", value: "fuzz@example.com", reason: "Fuzz" },
    },
    { method: "GET", path: `${admin}/negative-list/:id`, auth: "admin", params: { id: fx.entryId }, query: {}, readOnly: true },
    {
      method: "POST",
      path: `${admin}/negative-list/:id`,
      auth: "admin",
      json: true,
      params: { id: fx.entryId },
      body: {
        ...personFields(true, refusesFormulas),
        value: text(200, { min: 1, nullable: true, bad: { "invalid email for kind email": "' OR 1=1 --", ...VALUE_FORMULAS } }),
        reason: text(500, { min: 1, ...refusesFormulas }),
        source: enumOf(SOURCES),
        expires_at: { type: "format", nullable: true, bad: { ...dateBad, "in the past": "2001-01-01T00:00:00Z", "a number": 42, "a boolean": true } },
        note: text(2000, { min: 1, nullable: true, ...refusesFormulas }),
        kind: { type: "enum", values: [], bad: { "kind cannot change": "email" } },
      },
      bodyForBadIds: { note: "Fuzz" },
    },
    { method: "DELETE", path: `${admin}/negative-list/:id`, auth: "admin", params: { id: fx.entryId } },
    {
      method: "POST",
      path: `${admin}/negative-list/check`,
      auth: "admin",
      json: true,
      readOnly: true,
      body: {
        ...personFields(true),
        email: text(320, { min: 1, nullable: true }),
        phone: text(40, { min: 1, nullable: true }),
        iban: text(50, { min: 1, nullable: true }),
        card_number: text(30, { min: 1, nullable: true }),
        card_fingerprint: text(100, { min: 1, nullable: true }),
        ip: text(60, { min: 1, nullable: true }),
        customer_id: text(100, { min: 1, nullable: true }),
      },
    },
    { method: "POST", path: `${admin}/negative-list/import`, auth: "admin", csv: true },
    { method: "GET", path: `${admin}/negative-list/imports`, auth: "admin", readOnly: true, query: { ...paging(100) } },
    {
      method: "GET",
      path: `${admin}/negative-list/export`,
      auth: "admin",
      readOnly: true,
      query: { q: text(200), kind: enumOf(KINDS), source: enumOf(SOURCES), expired: enumOf(["true", "false"]) },
    },
    {
      method: "GET",
      path: `${admin}/negative-list/matches`,
      auth: "admin",
      readOnly: true,
      query: { customer_id: { type: "ref", max: 100, unknown: "404" }, order_id: { type: "ref", max: 100, unknown: "404" } },
      validQuery: `order_id=${fx.orderId}`,
    },
    // outcomes after checkout
    {
      method: "GET",
      path: `${admin}/outcomes`,
      auth: "admin",
      readOnly: true,
      query: { order_id: { type: "ref", max: 100, unknown: "2xx" }, customer_id: { type: "ref", max: 100, unknown: "404" }, kind: enumOf(OUTCOME_KINDS), ...paging(200) },
    },
    {
      method: "POST",
      path: `${admin}/outcomes`,
      auth: "admin",
      json: true,
      body: {
        order_id: { type: "ref", max: 100, unknown: "404", required: true },
        kind: enumOf(OUTCOME_KINDS.filter((kind) => kind !== "dunning_stage"), { required: true }),
        reason_code: { type: "format", max: 40, nullable: true, bad: { "spaces and symbols": "AM 04!" } },
        amount: { type: "number", min: 0, max: 1_000_000_000, nullable: true },
        fee: { type: "number", min: 0, max: 1_000_000_000, nullable: true },
        occurred_at: { type: "format", nullable: true, bad: { ...dateBad, "in the future": "2999-01-01" } },
        note: text(2000, { nullable: true }),
        external_id: text(200, { nullable: true, min: 1 }),
      },
      baseBody: { order_id: fx.orderId, kind: "cod_refused" },
      bodyForBadIds: { kind: "cod_refused" },
    },
    // figures (issue 17): read only
    {
      method: "GET",
      path: `${admin}/analytics`,
      auth: "admin",
      readOnly: true,
      query: { ...figuresQueryPeriod, currency_code: { ...currencyCode, required: true } },
      validQuery: "currency_code=eur",
    },
    {
      method: "POST",
      path: `${admin}/backtest`,
      auth: "admin",
      json: true,
      readOnly: true,
      body: {
        ...figuresPeriod,
        currency_code: { ...currencyCode, required: true },
        rules: { type: "array", max: 200, valid: ruleBase, bad: { "rule without actions": [{ ...ruleBase, actions: [] }], "rule is a string": ["fuzz"] } },
        settings: {
          type: "object",
          fields: {
            rules: {
              type: "object",
              fields: { enabled: bool, review_score: int(1, 100000), prepayment_score: int(1, 100000) },
            },
          },
        },
        sample_size: int(1, 50),
      },
      baseBody: { currency_code: "eur" },
    },
    {
      method: "POST",
      path: `${admin}/simulate-thresholds`,
      auth: "admin",
      json: true,
      readOnly: true,
      body: {
        ...figuresPeriod,
        currency_code: { ...currencyCode, required: true },
        review_from: int(0, 100000),
        prepayment_from: int(0, 100000),
        margin: { type: "number", min: 0, max: 1, required: true },
        cost_per_default: { type: "number", min: 0, max: 1_000_000_000 },
        abandonment_rate: { type: "number", min: 0, max: 1 },
      },
      baseBody: { currency_code: "eur", margin: 0.3, abandonment_rate: 0.5 },
    },
    // rules
    { method: "GET", path: `${admin}/rules`, auth: "admin", readOnly: true, query: paging(200) },
    { method: "POST", path: `${admin}/rules`, auth: "admin", json: true, body: ruleFields(true), baseBody: ruleBase },
    { method: "GET", path: `${admin}/rules/conditions`, auth: "admin", query: {}, readOnly: true },
    { method: "GET", path: `${admin}/rules/:id`, auth: "admin", params: { id: fx.ruleId }, query: {}, readOnly: true },
    {
      method: "POST",
      path: `${admin}/rules/:id`,
      auth: "admin",
      json: true,
      params: { id: fx.ruleId },
      body: ruleFields(false),
      // a window start, so a lone early valid_until is refused
      baseBody: { valid_from: "2030-01-01T00:00:00Z" },
      bodyForBadIds: { name: "Fuzz" },
    },
    { method: "DELETE", path: `${admin}/rules/:id`, auth: "admin", params: { id: fx.ruleId } },
    // evaluate
    {
      method: "POST",
      path: `${admin}/evaluate`,
      auth: "admin",
      json: true,
      readOnly: true,
      body: { cart_id: { type: "ref", max: 100, unknown: "404", required: true }, ip: { type: "format", bad: { "not an ip": "999.1.1.1", cidr: "10.0.0.0/8" } } },
      baseBody: { cart_id: fx.cartId },
    },
    // reviews
    { method: "GET", path: `${admin}/reviews`, auth: "admin", readOnly: true, query: { status: enumOf(["pending", "approved", "cancelled", "all"]), ...paging(100) } },
    { method: "GET", path: `${admin}/reviews/:order_id`, auth: "admin", params: { order_id: fx.orderId }, query: {}, readOnly: true },
    ...(["approve", "cancel"] as const).map(
      (action): RouteSpec => ({
        method: "POST",
        path: `${admin}/reviews/:order_id/${action}`,
        auth: "admin",
        json: true,
        params: { order_id: fx.orderId },
        body: { note: text(2000, { nullable: true }) },
        bodyForBadIds: {},
      })
    ),
    {
      method: "POST",
      path: `${admin}/reviews/:order_id/list`,
      auth: "admin",
      json: true,
      params: { order_id: fx.orderId },
      body: { note: text(2000, { nullable: true, ...refusesFormulas }), reason: text(500, { min: 1, nullable: true, ...refusesFormulas }) },
      bodyForBadIds: {},
    },
    // security tips
    {
      method: "GET",
      path: `${admin}/security-tips`,
      auth: "admin",
      readOnly: true,
      query: { placement: enumOf(PLACEMENTS), locale: { type: "format", bad: { "three letters": "deu" } }, ...paging(200) },
    },
    { method: "POST", path: `${admin}/security-tips`, auth: "admin", json: true, body: tipFields(true), baseBody: tipBase },
    { method: "GET", path: `${admin}/security-tips/:id`, auth: "admin", params: { id: fx.tipId }, query: {}, readOnly: true },
    {
      method: "POST",
      path: `${admin}/security-tips/:id`,
      auth: "admin",
      json: true,
      params: { id: fx.tipId },
      body: tipFields(false),
      baseBody: { valid_from: "2030-01-01T00:00:00Z" },
      bodyForBadIds: { title: "Fuzz" },
    },
    { method: "DELETE", path: `${admin}/security-tips/:id`, auth: "admin", params: { id: fx.tipId } },
    {
      method: "POST",
      path: `${admin}/security-tips/preview`,
      auth: "admin",
      json: true,
      readOnly: true,
      body: { title: text(200), body: text(5000, { required: true }) },
      baseBody: { body: "Fuzz" },
    },
    // Medusa's fulfillment route with the plugin's review hold: ids and body shapes
    {
      method: "POST",
      path: "/admin/orders/:id/fulfillments",
      auth: "admin",
      json: true,
      core: true,
      params: { id: fx.orderId },
      body: { items: { type: "array", required: true, valid: { id: "fuzz", quantity: 1 }, bad: { "quantity -1": [{ id: "fuzz", quantity: -1 }] } } },
      baseBody: { items: [{ id: "fuzz_unknown_item", quantity: 1 }] },
      bodyForBadIds: { items: [{ id: "fuzz_unknown_item", quantity: 1 }] },
    },
    // store
    // Medusa's completion route, where the plugin only records the shopper's IP and account for
    // its validate hook: missing key and bad cart ids; Medusa's own body is not fuzzed (a valid
    // request would complete the fixture cart)
    { method: "POST", path: "/store/carts/:id/complete", auth: "store", core: true, params: { id: fx.cartId } },
    { method: "GET", path: "/store/carts/:id/payment-providers", auth: "store", params: { id: fx.cartId }, query: {} },
    {
      method: "POST",
      path: "/store/carts/:id/address-check",
      auth: "store",
      json: true,
      readOnly: true,
      params: { id: fx.cartId },
      body: {
        // an overlong value is a field warning (too_long), not a 400: only a field no address could
        // be (over 1,000 characters) is refused
        email: text(1000, { nullable: true }),
        billing_address: {
          type: "object",
          nullable: true,
          fields: { first_name: text(1000, { nullable: true }), address_1: text(1000, { nullable: true }), postal_code: text(1000, { nullable: true }), country_code: { type: "format", nullable: true, bad: { "three letters": "deu" } }, phone: text(1000, { nullable: true }) },
        },
        shipping_address: { type: "object", nullable: true, fields: { city: text(1000, { nullable: true }) } },
      },
      bodyForBadIds: {},
    },
    // receivables (the seed's returned debit opened one for the fixture order)
    {
      method: "GET",
      path: `${admin}/receivables`,
      auth: "admin",
      readOnly: true,
      query: {
        status: enumOf(["open", "overdue", "in_dunning", "paused", "paid", "handed_over", "written_off"]),
        stage: int(0, 50),
        overdue: enumOf(["true", "false"]),
        ...paging(200),
      },
    },
    {
      method: "GET",
      path: `${admin}/receivables/:order_id`,
      auth: "admin",
      readOnly: true,
      params: { order_id: fx.orderId },
      query: { as_of: { type: "format", bad: { ...dateBad, "30 February": "2026-02-30" } } },
    },
    {
      method: "GET",
      path: `${admin}/receivables/:order_id/letter`,
      auth: "admin",
      readOnly: true,
      params: { order_id: fx.orderId },
      validQuery: "stage=0",
      query: { stage: int(0, 50) },
    },
    { method: "GET", path: `${admin}/receivables/export`, auth: "admin", readOnly: true, query: { status: enumOf(["open", "overdue", "in_dunning", "paused", "paid", "handed_over", "written_off"]) } },
    ...(["advance", "pause", "resume"] as const).map(
      (action): RouteSpec => ({ method: "POST", path: `${admin}/receivables/:order_id/${action}`, auth: "admin", json: true, params: { order_id: fx.orderId }, body: {} })
    ),
    {
      method: "POST",
      path: `${admin}/receivables/:order_id/payment`,
      auth: "admin",
      json: true,
      params: { order_id: fx.orderId },
      baseBody: { amount: 1 },
      body: {
        amount: { type: "number", min: 0.01, max: 1e9, required: true, bad: { "three decimals": 1.005, zero: 0 } },
        paid_at: { type: "format", bad: { ...dateBad, "in the future": "2999-01-01" } },
      },
    },
    ...(["write-off", "hand-over"] as const).map(
      (action): RouteSpec => ({
        method: "POST",
        path: `${admin}/receivables/:order_id/${action}`,
        auth: "admin",
        json: true,
        params: { order_id: fx.orderId },
        body: { note: text(2000, { nullable: true, bad: { formula: "=HYPERLINK(1)" } }) },
      })
    ),
    // provider webhooks: the generic hook's cases are signed when sent (so its body validation is
    // what answers); Stripe's are not (nobody but Stripe can sign them: every one must be refused)
    {
      method: "POST",
      path: "/hooks/payment-risk/outcomes",
      auth: "hook",
      json: true,
      baseBody: { event_id: "fuzz-event-1", order_id: fx.orderId, kind: "return_debit" },
      body: {
        event_id: { type: "format", max: 150, required: true, bad: { "spaces and symbols": "event 1!", "injection": "' OR 1=1 --" } },
        order_id: { type: "format", max: 100, bad: { "spaces and symbols": "order 1!", "newline": "order_1\nforged log line" } },
        payment_id: { type: "format", max: 100, bad: { "spaces and symbols": "pay 1!" } },
        kind: enumOf(["payment_received", "return_debit", "chargeback", "chargeback_reversed"], { required: true, bad: { "merchant's own kind": "written_off" } }),
        reason_code: { type: "format", max: 40, nullable: true, bad: { "spaces and symbols": "AM 04!" } },
        amount: { type: "number", min: 0, max: 1_000_000_000, nullable: true },
        fee: { type: "number", min: 0, max: 1_000_000_000, nullable: true },
        occurred_at: { type: "format", nullable: true, bad: { ...dateBad, "in the future": "2999-01-01" } },
      },
    },
    {
      method: "POST",
      path: "/hooks/payment-risk/stripe",
      auth: "hook",
      json: true,
      baseBody: { id: "evt_fuzz", type: "charge.dispute.created", data: { object: { id: "dp_fuzz", payment_intent: "pi_fuzz" } } },
      body: { id: { type: "format", max: 100, required: true }, type: { type: "format", max: 100, required: true } },
    },
    // payment instructions of a prepayment order: only its owner (cart id or customer); anything else the same 404
    {
      method: "GET",
      path: "/store/orders/:id/payment-instructions",
      auth: "store",
      readOnly: true,
      params: { id: fx.orderId },
      validQuery: `cart_id=${fx.orderCartId}`,
      query: {
        cart_id: { type: "format", max: 100, bad: { "spaces and symbols": "cart 1!", "injection": "' OR 1=1 --" } },
        locale: { type: "format", bad: { "three letters then digits": "de-123456789" } },
      },
    },
    { method: "GET", path: "/store/security-tips", auth: "store", readOnly: true, query: { placement: enumOf(PLACEMENTS), locale: { type: "format", bad: { "three letters then digits": "de-123456789" } } } },
    {
      method: "POST",
      path: "/store/payment-collections/:id/payment-sessions",
      auth: "store",
      json: true,
      core: true,
      params: { id: fx.paymentCollectionId },
      body: { provider_id: { type: "ref", required: true, unknown: "404" } },
      baseBody: { provider_id: "pp_prepayment_manual" },
      bodyForBadIds: { provider_id: "pp_prepayment_manual" },
    },
  ]
}

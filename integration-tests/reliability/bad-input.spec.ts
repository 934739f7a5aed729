import { mkdirSync, writeFileSync } from "node:fs"
import { join } from "node:path"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { adminHeaders } from "../helpers/admin"
import { shopper } from "../helpers/checkout"
import { placeOrder, seedShipping } from "../helpers/review"
import { PROVIDERS, seedStore } from "../helpers/store"
import { AdminCreateNegativeListEntry, AdminUpdateNegativeListEntry } from "../../src/api/admin/payment-risk/negative-list/validators"
import { AdminListReviewOrder } from "../../src/api/admin/payment-risk/reviews/validators"
import { AdminUpdatePaymentRiskSettings } from "../../src/api/admin/payment-risk/validators"
import { fieldLeaves, pluginRoutes, schemaLeaves } from "./helpers/fuzz-coverage"
import { csvCases } from "./helpers/fuzz-csv"
import { diffSnapshots, snapshotDb, watchedTables } from "./helpers/fuzz-db"
import { EXCLUDED, generateCases, UNSIGNED } from "./helpers/fuzz-generate"
import { signRequest } from "../../src/risk/webhooks/signed-request"
import { FuzzFixtures, routeTable } from "./helpers/fuzz-routes"
import { FuzzCase, RouteSpec, routeName } from "./helpers/fuzz-types"
import { seededRandom } from "./helpers/fuzz-values"

jest.setTimeout(300 * 1000)

// the card_number fields are fuzzed as a store that accepts card numbers (PCI scope) sees them;
// without the option every card number is refused (integration-tests/http/key-rotation.spec.ts)
process.env.PAYMENT_RISK_ACCEPT_CARD_NUMBERS = "true"

const SEED = Number(process.env.FUZZ_SEED || 7)
const ROOT = join(__dirname, "..", "..")

/** Placeholder fixtures: enough to list the routes for the coverage test without a database. */
const NO_FIXTURES: FuzzFixtures = { cartId: "c", paymentCollectionId: "p", orderId: "o", orderCartId: "oc", entryId: "e", ruleId: "r", tipId: "t", providerId: "pp" }

describe("bad input: route table", () => {
  it("should cover every route file and guarded route under src/api", () => {
    const covered = new Set(routeTable(NO_FIXTURES).map(routeName))
    const missing = pluginRoutes(join(ROOT, "src", "api")).filter((route) => !covered.has(route))
    expect(missing).toEqual([])
  })

  // The table is written by hand (it says what must be refused, e.g. a formula in a name); this
  // keeps it complete: a field added to one of these validators must be described and fuzzed too.
  it.each([
    ["POST /admin/payment-risk/settings", AdminUpdatePaymentRiskSettings],
    ["POST /admin/payment-risk/negative-list", AdminCreateNegativeListEntry],
    ["POST /admin/payment-risk/negative-list/:id", AdminUpdateNegativeListEntry],
    ["POST /admin/payment-risk/reviews/:order_id/list", AdminListReviewOrder],
  ] as const)("should describe every body field of %s's validator", (route, schema) => {
    const spec = routeTable(NO_FIXTURES).find((s) => routeName(s) === route)
    const described = new Set(fieldLeaves(spec?.body ?? {}))
    expect(schemaLeaves(schema).filter((path) => !described.has(path))).toEqual([])
  })
})

type Response = { status: number; data: any }
type Outcome = { status: number; problem: string | null }
type RouteResult = { route: string; requests: number; c4xx: number; c5xx: number; c2xx: number; other: number; failures: string[]; dbChanges: string[] }

/** What is wrong with an answer, or null when it is what the case expects. */
function judge(c: FuzzCase, res: Response): string | null {
  const message = typeof res.data === "object" && res.data ? res.data.message : undefined
  if (c.expect === "2xx") {
    return res.status >= 200 && res.status < 300 ? null : `expected 2xx (valid hostile data), got ${res.status} ${JSON.stringify(res.data).slice(0, 200)}`
  }
  if (c.expect === "report") {
    const d = res.data
    if (res.status !== 200) return `expected 200 with a row report, got ${res.status} ${JSON.stringify(d).slice(0, 200)}`
    if (d.imported !== 0) return `imported ${d.imported} rows of a bad file`
    if (d.rejected_count !== c.rows) return `rejected ${d.rejected_count} of ${c.rows} rows: ${JSON.stringify(d.rejected).slice(0, 200)}`
    const unnamed = d.rejected.find((row: any) => typeof row.field !== "string" || !row.field || typeof row.message !== "string" || !row.message)
    if (unnamed) return `a rejected row without field or message: ${JSON.stringify(unnamed)}`
    if (c.field && d.rejected[0].field !== c.field) return `first rejected row names '${d.rejected[0].field}', expected '${c.field}'`
    return null
  }
  if (res.status < 400 || res.status >= 500) return `expected 4xx, got ${res.status} ${JSON.stringify(res.data).slice(0, 200)}`
  if (typeof message !== "string" || !message.trim()) return `${res.status} without a message: ${JSON.stringify(res.data).slice(0, 200)}`
  if (res.status === 400 && c.field && !message.toLowerCase().includes(c.field.toLowerCase())) {
    return `400 message does not name '${c.field}': ${message.slice(0, 200)}`
  }
  return null
}

const bucket = (status: number) => (status >= 500 ? "c5xx" : status >= 400 ? "c4xx" : status >= 200 && status < 300 ? "c2xx" : "other")

function writeReport(results: RouteResult[], seconds: number) {
  const dir = join(ROOT, ".test-results", "reliability")
  mkdirSync(dir, { recursive: true })
  const total = results.reduce((sum, r) => sum + r.requests, 0)
  const lines = [
    `Seed ${SEED}, ${total} malformed or hostile requests over ${results.length} routes in ${seconds.toFixed(0)} s. 2xx are hostile-but-valid probes of routes that store nothing (injection strings and unicode as plain data) and CSV files whose every row is refused (row report, nothing imported); each is asserted.`,
    "",
    "| route | requests | 4xx | 5xx | 2xx | unexpected answers | DB unchanged |",
    "|---|---:|---:|---:|---:|---:|---|",
    ...results.map(
      (r) => `| \`${r.route}\` | ${r.requests} | ${r.c4xx} | ${r.c5xx} | ${r.c2xx} | ${r.failures.length} | ${r.dbChanges.length ? `no: ${r.dbChanges.join(", ")}` : "yes"} |`
    ),
    "",
    ...EXCLUDED.map((reason) => `Not sent: ${reason}.`),
  ]
  writeFileSync(join(dir, "bad-input.json"), JSON.stringify({ title: "Bad input", lines }, null, 2))
}

// the provider webhooks answer only with their secrets configured (medusa-config.ts reads these)
const OUTCOMES_SECRET = "fuzz-outcomes-webhook-secret-of-enough-length"
process.env.PAYMENT_RISK_OUTCOMES_WEBHOOK_SECRET = OUTCOMES_SECRET
process.env.PAYMENT_RISK_STRIPE_WEBHOOK_SECRET = "whsec_fuzz_secret_of_enough_length"

medusaIntegrationTestRunner({
  inApp: true,
  env: {},
  testSuite: ({ api, getContainer }) => {
    let fixtures: FuzzFixtures
    let headers: { admin: Record<string, string>; store: Record<string, string> }

    /**
     * A request that never answers counts as status 0 (a failure), so one hang cannot stall the run.
     * Cases of the generic outcomes hook are signed over their exact body (except the unsigned
     * one), so the hook's validation, not its signature check, answers them.
     */
    const send = (c: Pick<FuzzCase, "method" | "url" | "headers" | "body"> & { label?: string }): Promise<Response> =>
      api
        .request({
          method: c.method,
          url: c.url,
          headers:
            c.url.startsWith("/hooks/payment-risk/outcomes") && c.label !== UNSIGNED
              ? { ...c.headers, ...signRequest(OUTCOMES_SECRET, typeof c.body === "string" ? c.body : "") }
              : c.headers,
          data: c.body,
          // the body goes out exactly as generated (malformed JSON included)
          transformRequest: [(data: unknown) => data],
          validateStatus: () => true,
          maxBodyLength: Infinity,
          maxContentLength: Infinity,
          timeout: 20000,
        })
        .catch((error: Error) => ({ status: 0, data: { error: error.message } }))

    /** One seeded store for all routes: a cart with a payment collection, an order, an entry, a rule, a tip. */
    async function seed() {
      const container = getContainer()
      const store = await seedStore(container)
      await seedShipping(container, store)
      const admin = await adminHeaders(container, api)
      headers = { admin: admin.headers, store: { "x-publishable-api-key": store.publishableKey } }
      const { orderId, cartId: orderCartId } = await placeOrder(api, store, { email: "fuzz-order@example.com" })
      const buyer = shopper(api, store)
      const cart = await buyer.createCart({ email: "fuzz-cart@example.com" })
      const collection = await buyer.paymentCollection(cart.id)
      // a returned debit (recorded only) opens the order's receivable for the receivables routes
      const returned = await api.post("/admin/payment-risk/outcomes", { order_id: orderId, kind: "return_debit", reason_code: "MS03", amount: 10 }, admin)
      if (returned.status !== 201) throw new Error(`seed outcome: ${returned.status}`)
      const entry = await api.post("/admin/payment-risk/negative-list", { kind: "email", value: "listed@example.com", reason: "seed" }, admin)
      const rule = await api.post(
        "/admin/payment-risk/rules",
        {
          name: "Fuzz seed",
          conditions: { type: "group", combinator: "and", children: [{ type: "condition", attribute: "cart.total", operator: "gte", value: 1e9 }] },
          actions: [{ type: "add_score", points: 1 }],
        },
        admin
      )
      const tip = await api.post("/admin/payment-risk/security-tips", { title: "Fuzz", body: "Fuzz", locale: "de", placement: "footer" }, admin)
      fixtures = {
        cartId: cart.id,
        paymentCollectionId: collection.id,
        orderId,
        orderCartId,
        entryId: entry.data.entry.id,
        ruleId: rule.data.rule.id,
        tipId: tip.data.tip.id,
        providerId: PROVIDERS.prepayment,
      }
    }

    /**
     * A valid request per GET route first: default rules and tips are seeded on first read and
     * the store providers route records the cart's signal; that must happen before the snapshots.
     */
    async function warmUp(specs: RouteSpec[]) {
      for (const spec of specs.filter((s) => s.method === "GET")) {
        const path = spec.path.replace(/:(\w+)/g, (_, name) => encodeURIComponent(spec.params![name]))
        const url = spec.validQuery ? `${path}?${spec.validQuery}` : path
        const res = await send({ method: "GET", url, headers: spec.auth === "admin" ? headers.admin : headers.store })
        if (res.status !== 200) throw new Error(`warm-up ${url}: ${res.status} ${JSON.stringify(res.data).slice(0, 300)}`)
      }
    }

    it("should answer every malformed request with 4xx and a message and change nothing in the database", async () => {
      const started = Date.now()
      await seed()
      // FUZZ_ROUTES=<regexp> fuzzes only the routes whose "METHOD /path" matches (a quick run while working on them)
      const only = process.env.FUZZ_ROUTES ? new RegExp(process.env.FUZZ_ROUTES) : null
      const specs = routeTable(fixtures).filter((spec) => !only || only.test(routeName(spec)))
      await warmUp(specs)
      const container = getContainer()
      const tables = await watchedTables(container)
      const random = seededRandom(SEED)
      const results: RouteResult[] = []

      for (const spec of specs) {
        const cases = spec.csv ? csvCases(headers.admin, random) : generateCases(spec, headers, random)
        const result: RouteResult = { route: routeName(spec), requests: 0, c4xx: 0, c5xx: 0, c2xx: 0, other: 0, failures: [], dbChanges: [] }
        const before = await snapshotDb(container, tables)
        for (const c of cases) {
          if (process.env.FUZZ_TRACE) writeFileSync(process.env.FUZZ_TRACE, `${c.route} ${c.label}\n`, { flag: "a" })
          const res = await send(c)
          const outcome: Outcome = { status: res.status, problem: judge(c, res) }
          result.requests++
          result[bucket(outcome.status)]++
          if (outcome.problem) result.failures.push(`${c.label}: ${outcome.problem}`)
        }
        result.dbChanges = diffSnapshots(before, await snapshotDb(container, tables))
        results.push(result)
      }

      writeReport(results, (Date.now() - started) / 1000)
      const problems = results.flatMap((r) => [
        ...r.failures.map((f) => `${r.route} — ${f}`),
        ...(r.dbChanges.length ? [`${r.route} — database changed: ${r.dbChanges.join(", ")}`] : []),
      ])
      expect(problems).toEqual([])
      expect(results.reduce((sum, r) => sum + r.c5xx, 0)).toBe(0)
    })
  },
})

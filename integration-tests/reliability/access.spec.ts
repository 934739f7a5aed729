import path from "node:path"
import { Logger } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { GERMAN_ADDRESS } from "../helpers/checkout"
import { createFlagEverythingRule, placeOrder, waitForReview } from "../helpers/review"
import { PROVIDERS } from "../helpers/store"
import { withTestStore } from "../helpers/test-store"
import { captureOutput } from "./helpers/access-capture"
import { fillParams, routeKeys, scanRoutes } from "./helpers/access-routes"
import { literal, Secret, secretsIn, spaced } from "./helpers/access-secrets"
import { writeReliabilityReport } from "./helpers/faults-report"

// Plugin options of this run (medusa-config.ts reads them at boot): values that must never leave the server.
const HASH_SECRET = "reliability-access-hash-secret-4b1e9d27c6"
const BUREAU_SECRET = "reliability-access-bureau-secret-93f0a1"
process.env.PAYMENT_RISK_HASH_SECRET = HASH_SECRET
process.env.PAYMENT_RISK_BUREAU_URL = "http://127.0.0.1:9/bureau-not-asked"
process.env.PAYMENT_RISK_BUREAU_SECRET = BUREAU_SECRET
// this store accepts full card numbers (PCI scope), so the no-leak check covers them too
process.env.PAYMENT_RISK_ACCEPT_CARD_NUMBERS = "true"

const IBAN = "DE89370400440532013000"
const CARD = "4111111111111111"
const ROOT = path.join(__dirname, "..", "..")
const ADMIN_ROUTES = scanRoutes(ROOT, "admin")
const STORE_ROUTES = scanRoutes(ROOT, "store")

type Res = { status: number; data: any; headers: Record<string, unknown> }
/** What the views compare: status and body (the shopper helper's replies carry no headers). */
type Reply = Pick<Res, "status" | "data">
type Call = { method: "get" | "post" | "delete"; url: string; body?: unknown; headers?: Record<string, string> }

const report: string[] = []
afterAll(() => writeReliabilityReport("access", "Access: authentication, store isolation, secrets", report))

withTestStore({ timeout: 170 * 1000 }, (ctx) => {
  const ok = { validateStatus: () => true }
  /** raw text, so the scan sees exactly the bytes sent */
  const raw = { ...ok, transformResponse: [(data: unknown) => data] }

  const send = (call: Call, config: Record<string, unknown> = ok): Promise<Res> => {
    const options = { ...config, headers: call.headers ?? {} }
    return call.method === "get"
      ? ctx.api.get(call.url, options)
      : call.method === "delete"
        ? (ctx.api as unknown as { delete: (url: string, config: unknown) => Promise<Res> }).delete(call.url, options)
        : ctx.api.post(call.url, call.body ?? {}, options)
  }

  /** What must never leave the server: payment numbers in clear, the hash secret, plugin options (Medusa adds the database URL). */
  const forbiddenSecrets = (): Secret[] => {
    const clientUrl = String(ctx.dbConfig.clientUrl)
    return [
      spaced("clear IBAN", IBAN),
      spaced("IBAN account digits", IBAN.slice(4)),
      spaced("clear card number", CARD),
      literal("hash_secret", HASH_SECRET),
      literal("bureau secret (plugin option)", BUREAU_SECRET),
      literal("database URL", clientUrl),
      { label: "a database URL", pattern: /postgres(ql)?:\/\//i },
      // an options object as JSON (the names alone appear in help texts, e.g. a rule description)
      { label: "plugin options object", pattern: /"(hash_secret|clientUrl|driverOptions|credit_check_providers|geoip_database_path)"\s*:/ },
      ...(process.env.DB_PASSWORD ? [literal("database password", process.env.DB_PASSWORD)] : []),
    ]
  }

  describe("when an admin route is called without admin authentication", () => {
    it("should answer 401 on every route file's every method, without a token, with a wrong token, with a publishable key and with a shopper's token", async () => {
      expect(ADMIN_ROUTES.length).toBeGreaterThanOrEqual(25)
      expect(ADMIN_ROUTES.filter((route) => !route.methods.length)).toEqual([])

      // a logged-in shopper: a valid customer token is no admin token
      const email = "kundin@example.com"
      const registered = await ctx.api.post("/auth/customer/emailpass/register", { email, password: "kundin-passwort-123" })
      await ctx.api.post("/store/customers", { email }, { headers: { ...ctx.shop.headers.headers, authorization: `Bearer ${registered.data.token}` } })
      const login = await ctx.api.post("/auth/customer/emailpass", { email, password: "kundin-passwort-123" })
      expect(login.data.token).toEqual(expect.any(String))

      const variants: Record<string, Record<string, string>> = {
        "no token": {},
        "wrong bearer token": { authorization: "Bearer eyJhbGciOiJIUzI1NiJ9.eyJhY3Rvcl90eXBlIjoidXNlciJ9.d3JvbmctdG9rZW4" },
        "publishable key only": { "x-publishable-api-key": ctx.store.publishableKey },
        "shopper's token": { "x-publishable-api-key": ctx.store.publishableKey, authorization: `Bearer ${login.data.token}` },
      }
      const failures: string[] = []
      let requests = 0
      for (const route of ADMIN_ROUTES) {
        for (const method of route.methods) {
          for (const [variant, headers] of Object.entries(variants)) {
            const call: Call = { method: method.toLowerCase() as Call["method"], url: fillParams(route.path), body: {}, headers }
            const res = await send(call)
            requests++
            if (res.status !== 401) failures.push(`${method} ${route.path} (${variant}): ${res.status}`)
          }
        }
      }
      // the admin session itself passes (so the 401s above are about authentication, not a broken route)
      const settings = await ctx.api.get("/admin/payment-risk/settings", { ...ctx.admin, ...ok })
      expect(settings.status).toBe(200)
      expect(failures).toEqual([])
      report.push(
        "### Admin routes without admin authentication",
        `- ${ADMIN_ROUTES.length} route files under src/api/admin, ${routeKeys(ADMIN_ROUTES).length} route methods, × ${Object.keys(variants).length} kinds of request (no token, wrong bearer token, publishable key only, a shopper's valid token): ${requests} requests, all 401`
      )
    })
  })

  describe("when shoppers use the store routes", () => {
    const LISTED = { email: "gelistet-b@example.com", reason: "Rücklastschrift nach Mahnung 4711", note: "Inkasso Akte 0815" }

    it("should not let one cart's shopper change another cart, and show a listed shopper nothing of the list", async () => {
      const cartA = await ctx.shop.createCart({ email: "kaeufer-a@example.com" })
      const cartB = await ctx.shop.createCart({ email: LISTED.email })
      // B chose cash on delivery before being listed: completion refuses it afterwards
      expect((await ctx.shop.createSession((await ctx.shop.paymentCollection(cartB.id)).id, PROVIDERS.cod)).status).toBe(200)
      const created = await Promise.all([
        ctx.api.post("/admin/payment-risk/negative-list", { kind: "email", value: LISTED.email, reason: LISTED.reason, source: "return_debit", note: LISTED.note }, ctx.admin),
        ctx.api.post("/admin/payment-risk/negative-list", { kind: "person", ...GERMAN_ADDRESS, first_name: "Berta", reason: LISTED.reason, source: "dunning" }, ctx.admin),
      ])
      const entryIds = created.map((res) => res.data.entry.id as string)
      const listCount = async () => (await ctx.api.get("/admin/payment-risk/negative-list", ctx.admin)).data.count as number
      expect(await listCount()).toBe(2)

      const storeHeaders = { ...ctx.shop.headers.headers }
      const storeCall = (call: Call) => send({ ...call, headers: { ...storeHeaders, ...call.headers } })
      const cartOf = async (id: string) => (await ctx.api.get(`/store/carts/${id}?fields=*items,*shipping_address,*billing_address,email,updated_at,metadata`, ctx.shop.headers)).data.cart

      // every store route the plugin serves, for one cart
      const storeCalls = (cartId: string): Record<string, Call> => ({
        "GET /store/carts/:id/payment-providers": { method: "get", url: `/store/carts/${cartId}/payment-providers?locale=de` },
        "POST /store/carts/:id/address-check": { method: "post", url: `/store/carts/${cartId}/address-check?locale=de`, body: {} },
        "GET /store/security-tips": { method: "get", url: "/store/security-tips?placement=checkout&locale=de" },
        // a cart id is no key to an order it did not become: the same 404 for every shopper
        "GET /store/orders/:id/payment-instructions": { method: "get", url: `/store/orders/order_01JZZZZZZZZZZZZZZZZZZZZZZZ/payment-instructions?cart_id=${cartId}` },
      })
      expect(Object.keys(storeCalls("x")).sort()).toEqual(routeKeys(STORE_ROUTES))

      // shopper A asks about cart B: the cart id is the capability (as in Medusa's own GET /store/carts/:id) —
      // A may read B's answer but changes nothing of B's cart
      const before = await cartOf(cartB.id)
      const byA = await storeCall({
        method: "post",
        url: `/store/carts/${cartB.id}/address-check`,
        body: { email: "angreifer@example.com", billing_address: { ...GERMAN_ADDRESS, first_name: "Mallory", address_1: "Andere Straße 1" }, shipping_address: { ...GERMAN_ADDRESS, address_1: "Packstation 105" } },
      })
      expect(byA.status).toBe(200)
      await storeCall({ method: "get", url: `/store/carts/${cartB.id}/payment-providers` })
      expect(await cartOf(cartB.id)).toEqual(before)

      // the listed shopper's and the unlisted shopper's view of every store route
      const views: Record<string, [Reply, Reply]> = {}
      for (const [key, call] of Object.entries(storeCalls(cartB.id))) {
        const other = storeCalls(cartA.id)[key]
        views[key] = [await storeCall(call), await storeCall(other)]
      }
      // a payment session for a method hidden for both (invoice: first order) is refused alike
      views["session for a hidden method"] = [
        await ctx.shop.createSession((await ctx.shop.paymentCollection(cartB.id)).id, PROVIDERS.invoice),
        await ctx.shop.createSession((await ctx.shop.paymentCollection(cartA.id)).id, PROVIDERS.invoice),
      ]
      const completionB = await ctx.shop.complete(cartB.id)

      const [listedProviders, unlistedProviders] = views["GET /store/carts/:id/payment-providers"]
      expect(listedProviders.data.payment_providers.map((p: { id: string }) => p.id)).toEqual([PROVIDERS.prepayment])
      expect(unlistedProviders.data.payment_providers.map((p: { id: string }) => p.id).sort()).toEqual([PROVIDERS.cod, PROVIDERS.prepayment].sort())
      const forbidden = [...entryIds, LISTED.reason, LISTED.note, "return_debit", "dunning", "Berta"]
      const leaks: string[] = []
      for (const [key, [listed, unlisted]] of Object.entries(views)) {
        const text = JSON.stringify(listed.data)
        for (const value of forbidden) if (text.includes(value)) leaks.push(`${key}: ${value}`)
        if (/negativ|matched_on|\bscore\b|certain|\bsource\b|\breason\b/i.test(text)) leaks.push(`${key}: ${text.slice(0, 200)}`)
        expect([key, listed.status]).toEqual([key, unlisted.status])
        if (key.startsWith("GET /store/carts/:id/payment-providers")) {
          const rest = ({ payment_providers, count, limit, notice, ...others }: Record<string, unknown>) => others
          expect(rest(listed.data)).toEqual(rest(unlisted.data))
        } else {
          expect([key, listed.data]).toEqual([key, unlisted.data])
        }
      }
      // the listed cart is refused at completion (its cash on delivery is now hidden) with the text any hidden method gets
      expect(completionB.status).toBe(400)
      expect(completionB.data.message).toBe(views["session for a hidden method"][1].data.message)
      for (const value of forbidden) if (JSON.stringify(completionB.data).includes(value)) leaks.push(`complete: ${value}`)
      expect(leaks).toEqual([])

      // no store route reads or writes the negative list, assessments, rules or settings
      const guesses = [
        "/store/payment-risk/negative-list",
        "/store/payment-risk/negative-list/check",
        `/store/payment-risk/negative-list/${entryIds[0]}`,
        "/store/negative-list",
        `/store/carts/${cartB.id}/negative-list`,
        `/store/carts/${cartB.id}/assessment`,
        `/store/carts/${cartB.id}/payment-risk`,
        "/store/payment-risk/assessments",
        "/store/payment-risk/evaluate",
        "/store/payment-risk/rules",
        "/store/payment-risk/settings",
        "/store/payment-risk/reviews",
      ]
      const reachable: string[] = []
      for (const url of guesses) {
        for (const method of ["get", "post", "delete"] as const) {
          const res = await storeCall({ method, url, body: { kind: "email", value: "neu-gelistet@example.com", reason: "x" } })
          if (res.status !== 404) reachable.push(`${method.toUpperCase()} ${url}: ${res.status}`)
        }
      }
      expect(reachable).toEqual([])
      expect(await listCount()).toBe(2)
      report.push(
        "### Store routes",
        `- ${STORE_ROUTES.length} store route files (${routeKeys(STORE_ROUTES).join(", ")}) plus the payment-session and completion refusals: a listed and an unlisted shopper see the same except the provider list; no entry id, reason, note, source, score or match in ${Object.keys(views).length * 2 + 1} responses`,
        `- another cart's shopper: address check and provider list for that cart leave it unchanged (email, addresses, items, updated_at)`,
        `- ${guesses.length * 3} requests to negative-list/assessment/rule/settings-like store paths: all 404, the list unchanged`
      )
    })
  })

  describe("when payment data is listed and every route is used", () => {
    it("should never put a clear IBAN or card number, the hash secret or any plugin option in a response or a log line", async () => {
      // a flagged order for the review routes, and a customer for the matches route
      expect((await createFlagEverythingRule(ctx.api, ctx.admin)).status).toBe(201)
      const { cartId, orderId } = await placeOrder(ctx.api, ctx.store, { email: "zahler@example.com" })
      await waitForReview(ctx.api, ctx.admin, orderId, "pending")
      const customerId = (await ctx.api.get(`/admin/orders/${orderId}?fields=customer_id`, ctx.admin)).data.order.customer_id as string

      const logs = captureOutput(ctx.container.resolve<Logger>(ContainerRegistrationKeys.LOGGER))
      const responses: Array<{ key: string; status: number; text: string }> = []
      const record = async (key: string, call: Call, headers = ctx.admin.headers) => {
        const res = await send({ ...call, headers: { ...headers, ...call.headers } }, raw)
        responses.push({ key, status: res.status, text: `${res.status}\n${JSON.stringify(res.headers)}\n${res.data ?? ""}` })
        return { ...res, json: () => JSON.parse(String(res.data)) }
      }
      let responseCount = 0
      try {
        // IBAN and card as a merchant types them (with spaces), through the admin API
        const iban = await record("POST /admin/payment-risk/negative-list", { method: "post", url: "/admin/payment-risk/negative-list", body: { kind: "iban", value: "DE89 3704 0044 0532 0130 00", reason: "Rücklastschrift", source: "return_debit" } })
        const card = await record("POST /admin/payment-risk/negative-list", { method: "post", url: "/admin/payment-risk/negative-list", body: { kind: "card", value: "4111 1111 1111 1111", reason: "Chargeback", source: "chargeback" } })
        expect([iban.status, card.status]).toEqual([201, 201])
        const ibanId = iban.json().entry.id as string
        const cardId = card.json().entry.id as string
        const tip = await record("POST /admin/payment-risk/security-tips", { method: "post", url: "/admin/payment-risk/security-tips", body: { title: "Sicher zahlen", body: "Wir fragen **nie** nach Ihrer PIN.", locale: "de", placement: "checkout" } })
        const rules = await record("GET /admin/payment-risk/rules", { method: "get", url: "/admin/payment-risk/rules" })
        const ruleId = rules.json().rules[0].id as string

        // every admin route method, with real ids where it takes one
        const adminCalls: Record<string, Call[]> = {
          "GET /admin/payment-risk/assessments": [{ method: "get", url: `/admin/payment-risk/assessments?cart_id=${cartId}` }],
          "GET /admin/payment-risk/outcomes": [{ method: "get", url: `/admin/payment-risk/outcomes?order_id=${orderId}` }],
          "POST /admin/payment-risk/outcomes": [
            { method: "post", url: "/admin/payment-risk/outcomes", body: { order_id: orderId, kind: "payment_received", amount: 49 } },
            // a returned debit reopens the order's receivable for the receivables routes below
            { method: "post", url: "/admin/payment-risk/outcomes", body: { order_id: orderId, kind: "return_debit", reason_code: "MS03", amount: 49, fee: 3.5 } },
          ],
          "GET /admin/payment-risk/receivables": [{ method: "get", url: "/admin/payment-risk/receivables?overdue=false" }],
          "GET /admin/payment-risk/receivables/:order_id": [{ method: "get", url: `/admin/payment-risk/receivables/${orderId}?as_of=2030-01-01` }],
          "GET /admin/payment-risk/receivables/:order_id/letter": [{ method: "get", url: `/admin/payment-risk/receivables/${orderId}/letter?stage=0` }],
          "POST /admin/payment-risk/receivables/:order_id/advance": [{ method: "post", url: `/admin/payment-risk/receivables/${orderId}/advance`, body: {} }],
          "POST /admin/payment-risk/receivables/:order_id/pause": [{ method: "post", url: `/admin/payment-risk/receivables/${orderId}/pause`, body: {} }],
          "POST /admin/payment-risk/receivables/:order_id/resume": [{ method: "post", url: `/admin/payment-risk/receivables/${orderId}/resume`, body: {} }],
          "POST /admin/payment-risk/receivables/:order_id/payment": [{ method: "post", url: `/admin/payment-risk/receivables/${orderId}/payment`, body: { amount: 1 } }],
          "POST /admin/payment-risk/receivables/:order_id/hand-over": [{ method: "post", url: `/admin/payment-risk/receivables/${orderId}/hand-over`, body: { note: "Inkasso" } }],
          "GET /admin/payment-risk/receivables/export": [{ method: "get", url: "/admin/payment-risk/receivables/export?status=handed_over" }],
          "POST /admin/payment-risk/receivables/:order_id/write-off": [{ method: "post", url: `/admin/payment-risk/receivables/${orderId}/write-off`, body: {} }],
          "GET /admin/payment-risk/credit-checks": [{ method: "get", url: "/admin/payment-risk/credit-checks" }],
          "GET /admin/payment-risk/credit-providers": [{ method: "get", url: "/admin/payment-risk/credit-providers" }],
          "GET /admin/payment-risk/hash-keys": [{ method: "get", url: "/admin/payment-risk/hash-keys" }],
          "POST /admin/payment-risk/hash-keys/rekey": [{ method: "post", url: "/admin/payment-risk/hash-keys/rekey", body: {} }],
          "POST /admin/payment-risk/erasure": [{ method: "post", url: "/admin/payment-risk/erasure", body: { email: "niemand@example.com" } }],
          "POST /admin/payment-risk/evaluate": [{ method: "post", url: "/admin/payment-risk/evaluate", body: { cart_id: cartId } }],
          "GET /admin/payment-risk/negative-list": [
            { method: "get", url: "/admin/payment-risk/negative-list" },
            { method: "get", url: `/admin/payment-risk/negative-list?q=${IBAN}` },
            { method: "get", url: "/admin/payment-risk/negative-list?kind=card" },
          ],
          "POST /admin/payment-risk/negative-list": [{ method: "post", url: "/admin/payment-risk/negative-list", body: { kind: "email", value: "zahler@example.com", reason: "Test" } }],
          "GET /admin/payment-risk/negative-list/:id": [
            { method: "get", url: `/admin/payment-risk/negative-list/${ibanId}` },
            { method: "get", url: `/admin/payment-risk/negative-list/${cardId}` },
          ],
          "POST /admin/payment-risk/negative-list/:id": [
            { method: "post", url: `/admin/payment-risk/negative-list/${ibanId}`, body: { value: "DE89 3704 0044 0532 0130 00", note: "bestätigt" } },
            { method: "post", url: `/admin/payment-risk/negative-list/${cardId}`, body: { value: CARD } },
          ],
          "POST /admin/payment-risk/negative-list/check": [
            { method: "post", url: "/admin/payment-risk/negative-list/check", body: { iban: IBAN, card_number: CARD } },
            { method: "post", url: "/admin/payment-risk/negative-list/check", body: { iban: "de89 3704 0044 0532 0130 00" } },
          ],
          "GET /admin/payment-risk/negative-list/export": [{ method: "get", url: "/admin/payment-risk/negative-list/export" }],
          "POST /admin/payment-risk/negative-list/import": [
            {
              method: "post",
              url: "/admin/payment-risk/negative-list/import",
              headers: { "content-type": "text/csv" },
              body: [
                "kind,first_name,last_name,company,address_1,address_2,postal_code,city,country_code,value,reason,source,expires_at,note",
                `iban,,,,,,,,,${IBAN},Import,,,`,
                `iban,,,,,,,,,DE89370400440532013001,Prüfziffer falsch,,,`,
                `card,,,,,,,,,${CARD},Import,,,`,
                `card,,,,,,,,,4111111111111112,Luhn falsch,,,`,
                `email,,,,,,,,,${IBAN},IBAN im falschen Feld,,,`,
              ].join("\n"),
            },
          ],
          // after the import above: its run, with no values of the file in it
          "GET /admin/payment-risk/negative-list/imports": [{ method: "get", url: "/admin/payment-risk/negative-list/imports?limit=5" }],
          "GET /admin/payment-risk/negative-list/matches": [
            { method: "get", url: `/admin/payment-risk/negative-list/matches?order_id=${orderId}` },
            { method: "get", url: `/admin/payment-risk/negative-list/matches?customer_id=${customerId}` },
          ],
          "GET /admin/payment-risk/providers": [{ method: "get", url: "/admin/payment-risk/providers" }],
          "POST /admin/payment-risk/providers/:id": [{ method: "post", url: `/admin/payment-risk/providers/${PROVIDERS.system}`, body: { risk_class: "other" } }],
          "GET /admin/payment-risk/reviews": [{ method: "get", url: "/admin/payment-risk/reviews?status=all" }],
          "GET /admin/payment-risk/reviews/:order_id": [{ method: "get", url: `/admin/payment-risk/reviews/${orderId}` }],
          "POST /admin/payment-risk/reviews/:order_id/list": [{ method: "post", url: `/admin/payment-risk/reviews/${orderId}/list`, body: { note: "geprüft" } }],
          "POST /admin/payment-risk/reviews/:order_id/approve": [{ method: "post", url: `/admin/payment-risk/reviews/${orderId}/approve`, body: { note: "ok" } }],
          "POST /admin/payment-risk/reviews/:order_id/cancel": [{ method: "post", url: `/admin/payment-risk/reviews/${orderId}/cancel`, body: {} }],
          "GET /admin/payment-risk/rules": [{ method: "get", url: "/admin/payment-risk/rules" }],
          "POST /admin/payment-risk/rules": [
            { method: "post", url: "/admin/payment-risk/rules", body: { name: "Domain-Regel", conditions: { type: "group", combinator: "and", children: [{ type: "condition", attribute: "contact.email_domain", operator: "eq", value: "example.com" }] }, actions: [{ type: "add_score", points: 1 }] } },
          ],
          "GET /admin/payment-risk/rules/:id": [{ method: "get", url: `/admin/payment-risk/rules/${ruleId}` }],
          "POST /admin/payment-risk/rules/:id": [{ method: "post", url: `/admin/payment-risk/rules/${ruleId}`, body: { enabled: false } }],
          "DELETE /admin/payment-risk/rules/:id": [{ method: "delete", url: `/admin/payment-risk/rules/${ruleId}` }],
          "GET /admin/payment-risk/rules/conditions": [{ method: "get", url: "/admin/payment-risk/rules/conditions" }],
          "GET /admin/payment-risk/security-tips": [{ method: "get", url: "/admin/payment-risk/security-tips" }],
          "POST /admin/payment-risk/security-tips": [],
          "GET /admin/payment-risk/security-tips/:id": [{ method: "get", url: `/admin/payment-risk/security-tips/${tip.json().tip.id}` }],
          "POST /admin/payment-risk/security-tips/:id": [{ method: "post", url: `/admin/payment-risk/security-tips/${tip.json().tip.id}`, body: { rank: 3 } }],
          "DELETE /admin/payment-risk/security-tips/:id": [{ method: "delete", url: `/admin/payment-risk/security-tips/${tip.json().tip.id}` }],
          "POST /admin/payment-risk/security-tips/preview": [{ method: "post", url: "/admin/payment-risk/security-tips/preview", body: { body: "Sicher **zahlen**" } }],
          "GET /admin/payment-risk/settings": [{ method: "get", url: "/admin/payment-risk/settings" }],
          "POST /admin/payment-risk/settings": [{ method: "post", url: "/admin/payment-risk/settings", body: { evaluation_timeout_ms: 3000 } }],
          // figures (issue 17): aggregates and replays, no personal data in the answers
          "GET /admin/payment-risk/analytics": [{ method: "get", url: "/admin/payment-risk/analytics?currency_code=eur" }],
          "POST /admin/payment-risk/backtest": [{ method: "post", url: "/admin/payment-risk/backtest", body: { currency_code: "eur", sample_size: 5 } }],
          "POST /admin/payment-risk/simulate-thresholds": [
            { method: "post", url: "/admin/payment-risk/simulate-thresholds", body: { currency_code: "eur", margin: 0.3, abandonment_rate: 0.5 } },
          ],
          "DELETE /admin/payment-risk/negative-list/:id": [
            { method: "delete", url: `/admin/payment-risk/negative-list/${cardId}` },
            { method: "delete", url: `/admin/payment-risk/negative-list/${ibanId}` },
          ],
        }
        // a route added without a call here fails the test
        expect(Object.keys(adminCalls).sort()).toEqual(routeKeys(ADMIN_ROUTES))

        for (const [key, calls] of Object.entries(adminCalls)) for (const call of calls) await record(key, call)

        // errors and edge cases: bad bodies and values (status expected), unknown ids, malformed CSV, numbers that are no IBAN/card
        const errorCalls: Array<[Call, number | null]> = [
          [{ method: "post", url: "/admin/payment-risk/negative-list", body: { kind: "iban", value: "DE89370400440532013001", reason: "Prüfziffer" } }, 400],
          [{ method: "post", url: "/admin/payment-risk/negative-list", body: { kind: "card", value: "4111111111111112", reason: "Luhn" } }, 400],
          [{ method: "post", url: "/admin/payment-risk/negative-list", body: { kind: "email", value: IBAN, reason: "falsches Feld" } }, 400],
          [{ method: "post", url: "/admin/payment-risk/negative-list", body: { kind: "iban", value: IBAN, reason: "x".repeat(600) } }, 400],
          [{ method: "post", url: "/admin/payment-risk/negative-list", body: { kind: "iban", value: IBAN, reason: "unbekanntes Feld", card: CARD } }, 400],
          [{ method: "post", url: "/admin/payment-risk/negative-list/check", body: { iban: "DE89370400440532013001", card_number: "4111111111111112" } }, null],
          [{ method: "post", url: "/admin/payment-risk/evaluate", body: { cart_id: IBAN } }, 404],
          [{ method: "post", url: "/admin/payment-risk/erasure", body: { email: `${CARD}@example` } }, 400],
          [{ method: "post", url: "/admin/payment-risk/negative-list/import", headers: { "content-type": "text/csv" }, body: `kind,value,reason\niban,"${IBAN}\n` }, null],
          [{ method: "post", url: "/admin/payment-risk/negative-list/import", headers: { "content-type": "text/csv" }, body: `kind,value,reason,extra\niban,${IBAN},x,${CARD}` }, null],
        ]
        const unexpected: string[] = []
        for (const [call, status] of errorCalls) {
          const res = await record(`error ${call.method.toUpperCase()} ${call.url.split("?")[0]}`, call)
          if (status !== null && res.status !== status) unexpected.push(`${call.method} ${call.url}: ${res.status}, expected ${status}`)
        }
        expect(unexpected).toEqual([])

        // the store side: a cart that carries the IBAN and card number where a shopper might type them
        const cart = await ctx.shop.createCart({ email: "zahler@example.com" })
        const storeHeaders = ctx.shop.headers.headers
        const storeCalls: Call[] = [
          { method: "get", url: `/store/carts/${cart.id}/payment-providers` },
          { method: "post", url: `/store/carts/${cart.id}/address-check`, body: { billing_address: { ...GERMAN_ADDRESS, address_2: IBAN, company: CARD } } },
          { method: "post", url: `/store/carts/${cart.id}/address-check`, body: { billing_address: { address_1: IBAN } } },
          { method: "post", url: `/store/carts/${cart.id}/address-check`, body: { email: `${CARD}@example` } },
          { method: "get", url: "/store/security-tips?placement=checkout" },
          { method: "get", url: `/store/carts/${IBAN}/payment-providers` },
        ]
        for (const call of storeCalls) await record(`store ${call.method.toUpperCase()} ${call.url.split("?")[0]}`, call, storeHeaders)
        const collection = await ctx.shop.paymentCollection(cart.id)
        await record("store POST payment-sessions (hidden method)", { method: "post", url: `/store/payment-collections/${collection.id}/payment-sessions`, body: { provider_id: PROVIDERS.invoice, data: { iban: IBAN, card_number: CARD } } }, storeHeaders)
        await record("store POST payment-sessions", { method: "post", url: `/store/payment-collections/${collection.id}/payment-sessions`, body: { provider_id: PROVIDERS.cod, data: { iban: IBAN } } }, storeHeaders)
        await record("store POST complete", { method: "post", url: `/store/carts/${cart.id}/complete` }, storeHeaders)
        responseCount = responses.length
      } finally {
        logs.stop()
      }

      const secrets = forbiddenSecrets()
      const leaks = responses.flatMap((r) => secretsIn(r.text, secrets).map((label) => `${r.key} (${r.status}): ${label}`))
      const lines = logs.lines()
      const logLeaks = lines.flatMap((line) => secretsIn(line, secrets).map((label) => `${label} in log: ${line.slice(0, 300)}`))
      report.push(
        "### Secrets in responses and logs",
        `- ${responseCount} responses scanned (status, headers, body): every admin route method (${routeKeys(ADMIN_ROUTES).length}) with real ids, ${responses.filter((r) => r.key.startsWith("error")).length} error cases, ${responses.filter((r) => r.key.startsWith("store")).length} store requests; ${lines.length} log lines / output writes scanned`,
        `- searched for: ${secrets.map((s) => s.label).join(", ")}; found in responses: ${leaks.length}, in logs: ${logLeaks.length}`
      )
      expect(leaks).toEqual([])
      expect(logLeaks).toEqual([])
      // the scan saw the listed data: the hint of the IBAN entry is there, so the responses were the real ones
      expect(responses.some((r) => r.text.includes("3000"))).toBe(true)
    })

    it("should not echo an IBAN or card number typed into the wrong field in a 400/404 message or the log", async () => {
      const logs = captureOutput(ctx.container.resolve<Logger>(ContainerRegistrationKeys.LOGGER))
      const found: string[] = []
      const calls: Array<[string, Call, number, Record<string, string>]> = [
        ["card number as entry kind", { method: "post", url: "/admin/payment-risk/negative-list", body: { kind: CARD, value: IBAN, reason: "Art unbekannt" } }, 400, ctx.admin.headers],
        ["card number as a number in `iban`", { method: "post", url: "/admin/payment-risk/negative-list/check", body: { iban: 4111111111111111 } }, 400, ctx.admin.headers],
        ["card number in a list in `card_number`", { method: "post", url: "/admin/payment-risk/negative-list/check", body: { card_number: [CARD] } }, 400, ctx.admin.headers],
        ["card number as `?kind=`", { method: "get", url: `/admin/payment-risk/negative-list?kind=${CARD}` }, 400, ctx.admin.headers],
        ["IBAN as entry id", { method: "get", url: `/admin/payment-risk/negative-list/${IBAN}` }, 404, ctx.admin.headers],
        ["IBAN as `evaluation_timeout_ms`", { method: "post", url: "/admin/payment-risk/settings", body: { evaluation_timeout_ms: IBAN } }, 400, ctx.admin.headers],
        ["IBAN as `?placement=` (store)", { method: "get", url: `/store/security-tips?placement=${IBAN}` }, 400, ctx.shop.headers.headers],
      ]
      try {
        for (const [what, call, status, headers] of calls) {
          const logged = logs.lines().length
          const res = await send({ ...call, headers }, raw)
          // Medusa logs a 4xx message before it answers: the lines since the request are this request's
          const inResponse = secretsIn(`${JSON.stringify(res.headers)}\n${res.data ?? ""}`, forbiddenSecrets())
          const inLog = logs.lines().slice(logged).filter((line) => secretsIn(line, forbiddenSecrets()).length).length
          if (res.status !== status || inResponse.length || inLog) {
            found.push(`${what} (${call.method.toUpperCase()} ${call.url.split("?")[0].replace(IBAN, "<IBAN>")}): ${res.status}${res.status !== status ? ` (expected ${status})` : ""}; in the response: ${inResponse.join(", ") || "nothing"}; log lines with it: ${inLog}`)
          }
        }
      } finally {
        logs.stop()
      }
      report.push(
        "### Payment numbers typed into the wrong field",
        `- ${calls.length} requests (an IBAN/card number of the wrong type or not one of the allowed values, an IBAN as an entry id); requests whose answer or log line quotes it: ${found.length}`,
        ...found.map((line) => `  - ${line}`)
      )
      expect(found).toEqual([])
    })
  })
})

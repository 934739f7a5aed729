import http from "node:http"
import { createHmac } from "node:crypto"
import { captureOrderPayment, GERMAN_ADDRESS } from "../helpers/checkout"
import { PROVIDERS } from "../helpers/store"
import { withTestStore } from "../helpers/test-store"

// A real HTTP server on loopback standing in for the merchant's bureau endpoint.
const SECRET = "bureau-test-secret-0123456789"
const PORT = 20000 + (process.pid % 20000)
process.env.PAYMENT_RISK_BUREAU_URL = `http://127.0.0.1:${PORT}/check`
process.env.PAYMENT_RISK_BUREAU_SECRET = SECRET

type Mode = "soft" | "none" | "unknown" | "slow" | "error" | "malformed" | "bad_signature" | "client_error" | "invalid" | "replay"
const bureau = {
  mode: "soft" as Mode,
  calls: 0,
  validSignatures: 0,
  bodies: [] as any[],
  /** the last answer sent (body and signature), for the replay mode */
  last: null as { text: string; signature: string } | null,
}
const sign = (payload: string) => `sha256=${createHmac("sha256", SECRET).update(payload).digest("hex")}`
const server = http.createServer((req, res) => {
  let body = ""
  req.on("data", (chunk) => (body += chunk))
  req.on("end", () => {
    bureau.calls++
    const request = JSON.parse(body)
    bureau.bodies.push(request)
    if (req.headers["x-payment-risk-signature"] === sign(`${req.headers["x-payment-risk-timestamp"]}.${body}`)) bureau.validSignatures++
    // wire format: the answer is signed over "<request_id>.<body>", so it belongs to this request only
    const answer = (status: number, text: string, signature = sign(`${request.request_id}.${text}`)) => {
      bureau.last = { text, signature }
      res.writeHead(status, { "content-type": "application/json", "x-payment-risk-signature": signature })
      res.end(text)
    }
    switch (bureau.mode) {
      case "soft":
        return answer(200, JSON.stringify({ result: "soft", score: 610, reference: "B-123" }))
      case "none":
        return answer(200, JSON.stringify({ result: "none", score: 900, traffic_light: "green", reference: `B-${bureau.calls}` }))
      case "unknown":
        return answer(200, JSON.stringify({ result: "unknown", reference: "B-404" }))
      case "client_error":
        return answer(400, JSON.stringify({ message: "street not accepted" }))
      case "invalid":
        return answer(200, JSON.stringify({ result: "maybe", reference: "B-?" }))
      case "replay": {
        // an answer validly signed by the bureau, but for an earlier request
        const { text, signature } = bureau.last!
        res.writeHead(200, { "content-type": "application/json", "x-payment-risk-signature": signature })
        return void res.end(text)
      }
      case "slow":
        return void setTimeout(() => answer(200, JSON.stringify({ result: "none" })), 1500)
      case "error":
        return answer(500, JSON.stringify({ message: "down" }))
      case "malformed":
        return answer(200, "{ not json")
      case "bad_signature":
        return answer(200, JSON.stringify({ result: "none" }), sign("something else"))
    }
  })
})

beforeAll(() => new Promise<void>((resolve) => server.listen(PORT, "127.0.0.1", resolve)))
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())))

withTestStore((ctx) => {
  beforeEach(async () => {
    Object.assign(bureau, { mode: "soft", calls: 0, validSignatures: 0, bodies: [], last: null })
  })

  const enable = (credit_check: Record<string, unknown>) =>
    ctx.api.post("/admin/payment-risk/settings", { credit_check: { enabled: true, min_amount: 1, ...credit_check } }, ctx.admin)

  /**
   * A known customer (one paid order placed as the same person at the same address, so the guest
   * is recognised by email and address) with a new cart for `lastName`.
   */
  const knownCart = async (email: string, lastName = "Meier") => {
    const person = { ...GERMAN_ADDRESS, last_name: lastName }
    const first = await ctx.shop.createCart({ email })
    await ctx.api.post(`/store/carts/${first.id}`, { billing_address: person, shipping_address: person }, ctx.shop.headers)
    const firstCollection = await ctx.shop.paymentCollection(first.id)
    expect((await ctx.shop.createSession(firstCollection.id, PROVIDERS.prepayment)).status).toBe(200)
    const completion = await ctx.shop.complete(first.id)
    await captureOrderPayment(ctx.api, ctx.admin, completion.data.order.id)
    const cart = await ctx.shop.createCart({ email })
    await ctx.api.post(
      `/store/carts/${cart.id}`,
      { billing_address: person, shipping_address: person, metadata: { birth_date: "1980-05-17" } },
      ctx.shop.headers
    )
    return cart.id
  }
  const queries = async () => (await ctx.api.get("/admin/payment-risk/credit-checks?limit=50", ctx.admin)).data
  /** The shopper changes the cart's billing person (same address). */
  const setBillingPerson = (cartId: string, lastName: string) =>
    ctx.api.post(`/store/carts/${cartId}`, { billing_address: { ...GERMAN_ADDRESS, last_name: lastName } }, ctx.shop.headers)
  /**
   * The oracle at its widest: a guest is recognised by the email alone, and the separate probing
   * limits (issue 13 §2) are out of the way, so only the credit check's own limits are tested.
   */
  const widestOracle = () =>
    ctx.api.post(
      "/admin/payment-risk/settings",
      { protection: { guest_recognition: "email", max_identities_per_cart: 100, max_identities_per_ip: 1000 } },
      ctx.admin
    )

  describe("when the cart names nobody the bureau could be asked about", () => {
    it("should not leave invoice on: no last name or company → the failure action, nothing asked", async () => {
      await widestOracle()
      await enable({ providers: [{ id: "sandbox", cost: 0.45 }] })
      const cartId = await knownCart("nameless@example.com")
      expect((await ctx.shop.allowedProviders(cartId)).data.payment_providers.map((p: { id: string }) => p.id)).toContain(PROVIDERS.invoice)
      const before = (await queries()).queries.length
      const nameless = { ...GERMAN_ADDRESS, last_name: "" }
      await ctx.api.post(`/store/carts/${cartId}`, { billing_address: nameless, shipping_address: nameless }, ctx.shop.headers)
      const ids = (await ctx.shop.allowedProviders(cartId)).data.payment_providers.map((p: { id: string }) => p.id)
      expect(ids).not.toContain(PROVIDERS.invoice)
      expect((await queries()).queries.length).toBe(before)
    })
  })

  describe("when the sandbox bureau is asked", () => {
    it("should allow only prepayment after a hard negative feature, record the query and its cost, and reuse it from the cache", async () => {
      await enable({ providers: [{ id: "sandbox", cost: 0.45 }] })
      const cartId = await knownCart("hart@example.com", "Hart")
      const res = await ctx.shop.allowedProviders(cartId, "?locale=de")
      expect(res.data.payment_providers.map((p: { id: string }) => p.id)).toEqual([PROVIDERS.prepayment])
      // the general credit-check information (the same for every shopper at this amount), nothing about the answer
      const { credit_check_notice, ...rest } = res.data
      expect(credit_check_notice).toMatch(/^Bei Zahlung auf Rechnung/)
      expect(JSON.stringify(rest)).not.toMatch(/hard|credit|sandbox|bureau/i)

      let data = await queries()
      expect(data.queries).toEqual([expect.objectContaining({ provider_id: "sandbox", result: "hard", cost: 0.45, cached: false, error: null })])
      expect(JSON.stringify(data)).not.toMatch(/Hart|Hauptstra/)

      // the next page load for the same person costs nothing
      await ctx.shop.allowedProviders(cartId)
      data = await queries()
      expect(data.queries.map((q: { cached: boolean; cost: number }) => [q.cached, q.cost])).toEqual([[true, 0], [false, 0.45]])
      expect(data.month).toMatchObject({ spend: 0.45, queries: 1, cache_hits: 1, failures: 0 })

      // the order's assessment tells the merchant what the bureau said, and that it came from the cache
      const collection = await ctx.shop.paymentCollection(cartId)
      expect((await ctx.shop.createSession(collection.id, PROVIDERS.prepayment)).status).toBe(200)
      const completion = await ctx.shop.complete(cartId)
      expect(completion.data.type).toBe("order")
      const { assessments } = (await ctx.api.get(`/admin/payment-risk/assessments?cart_id=${cartId}`, ctx.admin)).data
      expect(assessments).toHaveLength(1)
      expect(assessments[0].signals).toEqual({
        plausibility: [],
        credit: { status: "answered", provider_id: "sandbox", cached: true, result: "hard", score: null, traffic_light: null },
      })
    })

    it("should not ask for a cart below the threshold, and not show the credit-check information there", async () => {
      const cartId = await knownCart("small@example.com", "Hart")
      await enable({ providers: [{ id: "sandbox", cost: 0.45 }], min_amount: 100000 })
      expect(await ctx.shop.allowedIds(cartId)).toContain(PROVIDERS.invoice)
      expect((await queries()).count).toBe(0)
      expect((await ctx.shop.allowedProviders(cartId, "?locale=de")).data.credit_check_notice).toBeNull()
    })

    it("should show the same credit-check information to a listed and an unlisted shopper at the threshold", async () => {
      const listed = await knownCart("listed-notice@example.com", "Hart")
      const unlisted = await knownCart("unlisted-notice@example.com", "Weich")
      await ctx.api.post("/admin/payment-risk/negative-list", { kind: "email", value: "listed-notice@example.com", reason: "Betrug", source: "fraud_review" }, ctx.admin)
      await enable({ providers: [{ id: "sandbox", cost: 0.45 }], consent_notice: { de: "Wir prüfen ab 1 € Ihre Bonität." } })
      const [a, b] = [(await ctx.shop.allowedProviders(listed, "?locale=de")).data, (await ctx.shop.allowedProviders(unlisted, "?locale=de")).data]
      expect(a.credit_check_notice).toBe("Wir prüfen ab 1 € Ihre Bonität.")
      expect(b.credit_check_notice).toBe(a.credit_check_notice)
      expect((await ctx.shop.allowedProviders(unlisted, "?locale=en")).data.credit_check_notice).toMatch(/creditworthiness/)
      // off → no information
      await enable({ enabled: false })
      expect((await ctx.shop.allowedProviders(unlisted, "?locale=de")).data.credit_check_notice).toBeNull()
    })

    it("should not ask for a listed person: internal data first", async () => {
      const cartId = await knownCart("listed@example.com", "Hart")
      await ctx.api.post("/admin/payment-risk/negative-list", { kind: "email", value: "listed@example.com", reason: "Betrug", source: "fraud_review" }, ctx.admin)
      await enable({ providers: [{ id: "sandbox", cost: 0.45 }] })
      expect(await ctx.shop.allowedIds(cartId)).toEqual([PROVIDERS.prepayment])
      expect((await queries()).count).toBe(0)
    })
  })

  describe("when the merchant's own endpoint is asked (generic HTTP provider)", () => {
    it("should send a signed request and map a soft answer to no invoice", async () => {
      await enable({ providers: [{ id: "bureau", cost: 1.2 }] })
      const cartId = await knownCart("soft@example.com")
      const ids = await ctx.shop.allowedIds(cartId)
      expect(ids).not.toContain(PROVIDERS.invoice)
      expect(ids).toContain(PROVIDERS.cod)
      expect(bureau.calls).toBe(1)
      expect(bureau.validSignatures).toBe(1)
      expect(bureau.bodies[0]).toMatchObject({ person: { last_name: "Meier", birth_date: "1980-05-17" }, address: { postal_code: "10115" }, currency_code: "eur" })
      // data minimisation: the email goes out only where the provider's options ask for it (send_email)
      expect(bureau.bodies[0]).not.toHaveProperty("email")
      expect(JSON.stringify(bureau.bodies[0])).not.toContain("soft@example.com")
      expect((await queries()).queries[0]).toMatchObject({ provider_id: "bureau", result: "soft", score: 610, reference: "B-123" })
    })

    it.each<[Mode, RegExp]>([
      ["slow", /within 300 ms/],
      ["error", /500/],
      ["malformed", /not JSON/],
      ["bad_signature", /signature/],
    ])("should fall back to hiding the unsafe classes when the answer is %s, and record why", async (mode, why) => {
      bureau.mode = mode
      await enable({ providers: [{ id: "bureau", cost: 1.2 }], timeout_ms: 300 })
      const cartId = await knownCart(`${mode}@example.com`)
      const started = Date.now()
      const res = await ctx.shop.allowedProviders(cartId)
      expect(res.status).toBe(200)
      expect(Date.now() - started).toBeLessThan(1500)
      const ids = res.data.payment_providers.map((p: { id: string }) => p.id)
      expect(ids).not.toContain(PROVIDERS.invoice)
      expect(ids).toContain(PROVIDERS.cod)
      expect((await queries()).queries[0]).toMatchObject({ provider_id: "bureau", result: null, error: expect.stringMatching(why) })
    })

    it("should skip a failing bureau after repeated failures (circuit breaker) and ask the next one", async () => {
      bureau.mode = "error"
      // the cache is off and one cart reloads three times: above the default query limit per cart
      await enable({ providers: [{ id: "bureau", cost: 0.2 }, { id: "sandbox", cost: 0.9 }], breaker_failures: 2, cache_days: 0, limits: { queries_per_cart: 10 } })
      const cartId = await knownCart("breaker@example.com")
      for (let i = 0; i < 3; i++) await ctx.shop.allowedIds(cartId)
      // two real calls, then the circuit is open: the third page load goes straight to the sandbox
      expect(bureau.calls).toBe(2)
      const data = await queries()
      expect(data.queries.filter((q: { provider_id: string }) => q.provider_id === "bureau")).toHaveLength(2)
      expect(data.queries.filter((q: { provider_id: string; result: string }) => q.provider_id === "sandbox" && q.result === "none")).toHaveLength(3)
    })
  })

  describe("when a shopper uses the credit check as an oracle", () => {
    it("should stop asking the bureau at the limit of persons per cart, apply the failure action and show the limit event to the admin", async () => {
      bureau.mode = "none"
      await widestOracle()
      await enable({ providers: [{ id: "bureau", cost: 1.2 }] })
      const cartId = await knownCart("oracle@example.com")
      expect(await ctx.shop.allowedIds(cartId)).toContain(PROVIDERS.invoice)
      await setBillingPerson(cartId, "Fremd")
      expect(await ctx.shop.allowedIds(cartId)).toContain(PROVIDERS.invoice)
      expect(bureau.calls).toBe(2)

      // every further stranger: no query, no cost, the failure action (no invoice), nothing learnt
      for (const stranger of ["Nachbar", "Kollege", "Schwager"]) {
        await setBillingPerson(cartId, stranger)
        const ids = await ctx.shop.allowedIds(cartId)
        expect(ids).not.toContain(PROVIDERS.invoice)
        expect(ids).toContain(PROVIDERS.cod)
      }
      expect(bureau.calls).toBe(2)
      // a person already asked about on this cart still gets the cached answer (nothing new learnt)
      await setBillingPerson(cartId, "Meier")
      expect(await ctx.shop.allowedIds(cartId)).toContain(PROVIDERS.invoice)
      expect(bureau.calls).toBe(2)

      const data = await queries()
      expect(data.queries.filter((q: { cached: boolean }) => !q.cached)).toHaveLength(2)
      expect(data.limit_events).toHaveLength(3)
      expect(data.limit_events_count).toBe(3)
      expect(data.limit_events[0]).toEqual({ id: expect.any(String), cart_id: cartId, limit_name: "identities_per_cart", max: 2, created_at: expect.any(String) })
      expect(data.month).toMatchObject({ queries: 2, limit_hits: 3 })
      // which limit, which cart, when — no person, address, email or IP
      expect(JSON.stringify(data.limit_events)).not.toMatch(/Nachbar|Kollege|Schwager|Meier|Hauptstra|oracle@|127\.0\.0\.1/)
    })

    it("should hold the limit of persons per IP exactly when several carts ask at the same moment", async () => {
      bureau.mode = "none"
      await widestOracle()
      await enable({ providers: [{ id: "bureau", cost: 1.2 }], limits: { identities_per_ip: 2 } })
      const carts: string[] = []
      for (const name of ["Adler", "Brandt", "Claus", "Dorn"]) carts.push(await knownCart(`${name.toLowerCase()}@example.com`, name))
      const answers = await Promise.all(carts.map((id) => ctx.shop.allowedIds(id)))
      expect(answers.filter((ids) => ids.includes(PROVIDERS.invoice))).toHaveLength(2)
      expect(answers.every((ids) => ids.includes(PROVIDERS.cod))).toBe(true)
      expect(bureau.calls).toBe(2)
      const data = await queries()
      expect(data.limit_events.map((e: { limit_name: string }) => e.limit_name)).toEqual(["identities_per_ip", "identities_per_ip"])
      // a person this IP already asked about still gets its answer on another of its carts
      const asked = carts[answers.findIndex((ids) => ids.includes(PROVIDERS.invoice))]
      expect(await ctx.shop.allowedIds(asked)).toContain(PROVIDERS.invoice)
      expect(bureau.calls).toBe(2)
    })
  })

  describe("when a shopper sends input the bureau rejects", () => {
    it.each<[Mode, string]>([
      ["client_error", "client_error"],
      ["invalid", "invalid_answer"],
    ])("should not open the circuit breaker with %s answers: other carts are still checked", async (mode, kind) => {
      bureau.mode = mode
      await enable({
        providers: [{ id: "bureau", cost: 0.2 }],
        breaker_failures: 2,
        cache_days: 0,
        limits: { queries_per_cart: 100, identities_per_cart: 100, identities_per_ip: 1000, identities_per_customer: 1000 },
      })
      const attacker = await knownCart(`attacker-${mode}@example.com`)
      for (let i = 0; i < 5; i++) {
        const ids = await ctx.shop.allowedIds(attacker)
        expect(ids).not.toContain(PROVIDERS.invoice)
      }
      expect(bureau.calls).toBe(5)
      const failures = (await queries()).queries
      expect(failures).toHaveLength(5)
      expect(failures.map((q: { failure_kind: string }) => q.failure_kind)).toEqual(Array(5).fill(kind))

      bureau.mode = "none"
      const other = await knownCart(`other-${mode}@example.com`)
      expect(await ctx.shop.allowedIds(other)).toContain(PROVIDERS.invoice)
      expect(bureau.calls).toBe(6)
    })
  })

  describe("when the bureau does not know the person", () => {
    it("should apply the unknown action (no invoice), also from the cache, never as if nothing negative were known", async () => {
      bureau.mode = "unknown"
      await enable({ providers: [{ id: "bureau", cost: 1.2 }] })
      const cartId = await knownCart("unknown@example.com")
      for (let i = 0; i < 2; i++) {
        const ids = await ctx.shop.allowedIds(cartId)
        expect(ids).not.toContain(PROVIDERS.invoice)
        expect(ids).toContain(PROVIDERS.cod)
      }
      expect(bureau.calls).toBe(1)
      const data = await queries()
      expect(data.queries.map((q: { result: string; cached: boolean }) => [q.result, q.cached])).toEqual([["unknown", true], ["unknown", false]])
    })
  })

  describe("when an attacker replays a bureau answer", () => {
    it("should refuse an answer validly signed by the bureau for another request", async () => {
      bureau.mode = "none"
      await widestOracle()
      await enable({ providers: [{ id: "bureau", cost: 1.2 }] })
      const first = await knownCart("first@example.com")
      expect(await ctx.shop.allowedIds(first)).toContain(PROVIDERS.invoice)

      bureau.mode = "replay"
      const second = await knownCart("second@example.com", "Schulz")
      const ids = await ctx.shop.allowedIds(second)
      expect(ids).not.toContain(PROVIDERS.invoice)
      expect(ids).toContain(PROVIDERS.cod)
      expect(bureau.calls).toBe(2)
      expect((await queries()).queries[0]).toMatchObject({
        provider_id: "bureau",
        cart_id: second,
        result: null,
        failure_kind: "invalid_answer",
        error: expect.stringMatching(/signature/),
      })
    })
  })

  describe("when the admin reads settings and queries", () => {
    it("should never return provider credentials, and require admin auth", async () => {
      await enable({ providers: [{ id: "bureau", cost: 1 }] })
      const settings = await ctx.api.get("/admin/payment-risk/settings", ctx.admin)
      expect(JSON.stringify(settings.data)).not.toContain(SECRET)
      expect(JSON.stringify(await queries())).not.toContain(SECRET)
      const res = await ctx.api.get("/admin/payment-risk/credit-checks", { validateStatus: () => true })
      expect(res.status).toBe(401)
    })

    it("should refuse bad credit settings naming the field", async () => {
      const res = await ctx.api.post(
        "/admin/payment-risk/settings",
        { credit_check: { providers: [{ id: "bureau", cost: -1 }] } },
        { ...ctx.admin, validateStatus: () => true }
      )
      expect(res.status).toBe(400)
      expect(res.data.message).toContain("cost")
    })
  })
})

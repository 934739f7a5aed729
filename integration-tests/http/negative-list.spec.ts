import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { captureOrderPayment, GERMAN_ADDRESS } from "../helpers/checkout"
import { placeOrder } from "../helpers/review"
import { PROVIDERS } from "../helpers/store"
import { withTestStore } from "../helpers/test-store"

/** The shopper of the checkout helpers (Hans Meier at GERMAN_ADDRESS) as a listed person. */
const MEIER = {
  kind: "person",
  ...GERMAN_ADDRESS,
  reason: "Rechnung nach zweiter Mahnung nicht bezahlt",
  source: "dunning",
}

withTestStore((ctx) => {
  const bad = () => ({ ...ctx.admin, validateStatus: () => true })

  describe("when the merchant manages entries", () => {
    it("should create, read, search, update and delete an entry with an audit trail", async () => {
      const created = await ctx.api.post("/admin/payment-risk/negative-list", MEIER, ctx.admin)
      expect(created.status).toBe(201)
      const id = created.data.entry.id
      expect(created.data.entry).toMatchObject({ kind: "person", last_name: "Meier", source: "dunning" })
      expect(created.data.entry.lookup_keys).toBeUndefined()

      const found = await ctx.api.get("/admin/payment-risk/negative-list?q=meier", ctx.admin)
      expect(found.data.count).toBe(1)
      expect(found.data.entries[0].id).toBe(id)
      expect((await ctx.api.get("/admin/payment-risk/negative-list?q=schulz", ctx.admin)).data.count).toBe(0)
      expect((await ctx.api.get("/admin/payment-risk/negative-list?kind=email", ctx.admin)).data.count).toBe(0)

      const updated = await ctx.api.post(`/admin/payment-risk/negative-list/${id}`, { note: "Inkasso beauftragt" }, ctx.admin)
      expect(updated.data.entry.note).toBe("Inkasso beauftragt")

      const detail = await ctx.api.get(`/admin/payment-risk/negative-list/${id}`, ctx.admin)
      expect(detail.data.audit.map((a: { action: string }) => a.action)).toEqual(["update", "create"])
      // the audit keeps a masked hint of a changed text (first character and length), not the text
      expect(detail.data.audit[0].changes).toEqual({ note: [null, "I… (18)"] })

      const deleted = await ctx.api.delete(`/admin/payment-risk/negative-list/${id}`, ctx.admin)
      expect(deleted.data).toEqual({ id, object: "negative_list_entry", deleted: true })
      expect((await ctx.api.get("/admin/payment-risk/negative-list", ctx.admin)).data.count).toBe(0)
    })

    it.each([
      [{ ...MEIER, kind: "planet" }, "kind"],
      [{ ...MEIER, reason: undefined }, "reason"],
      [{ kind: "iban", value: "DE89370400440532013001", reason: "Rücklastschrift" }, "value"],
      [{ kind: "ip", value: "300.1.1.1/33", reason: "Betrug" }, "value"],
      [{ ...MEIER, expires_at: "2001-01-01T00:00:00Z" }, "expires_at"],
      [{ kind: "email", value: "not-an-email", reason: "Betrug" }, "value"],
      [{ kind: "person", reason: "x", first_name: "Hans" }, "last_name"],
    ])("should answer 400 naming the field for %j", async (body, field) => {
      const res = await ctx.api.post("/admin/payment-risk/negative-list", body, bad())
      expect(res.status).toBe(400)
      expect(res.data.message).toContain(field)
      expect((await ctx.api.get("/admin/payment-risk/negative-list", ctx.admin)).data.count).toBe(0)
    })
  })

  describe("when many entries share one lookup key with the listed person", () => {
    /**
     * 250 entries at the same postcode and house number (another street) before the real entry
     * and 250 after it: each shares one key with the subject, the real entry two. Without an
     * order the candidate query's limit of 200 returned the first 200 crowd rows in the order
     * they lie on disk (the real match was never scored); ordered by creation alone the newest
     * crowd would push it out just the same.
     */
    const crowd = (from: number) =>
      [
        "kind,first_name,last_name,address_1,postal_code,city,country_code,reason",
        ...Array.from({ length: 250 }, (_, i) => `person,Max,Nachbar${from + i},Nebenweg 5,10115,Berlin,de,Crowd`),
      ].join("\n")
    const importCrowd = async (from: number) => {
      const res = await ctx.api.post("/admin/payment-risk/negative-list/import", crowd(from), {
        headers: { ...ctx.admin.headers, "content-type": "text/csv" },
      })
      expect(res.data).toMatchObject({ imported: 250, rejected_count: 0 })
    }

    it("should still find the real match in a check and restrict the person's cart", async () => {
      await importCrowd(0)
      const real = await ctx.api.post("/admin/payment-risk/negative-list", MEIER, ctx.admin)
      await importCrowd(250)
      expect((await ctx.api.get("/admin/payment-risk/negative-list?limit=1", ctx.admin)).data.count).toBe(501)

      const check = await ctx.api.post("/admin/payment-risk/negative-list/check", MEIER_CHECK, ctx.admin)
      expect(check.data.matches.map((m: { entry: { id: string } }) => m.entry.id)).toEqual([real.data.entry.id])

      const cart = await ctx.shop.createCart({ email: "crowded@example.com" }) // address: Hans Meier, Hauptstraße 5, 10115 Berlin
      const { data } = await ctx.api.post("/admin/payment-risk/evaluate", { cart_id: cart.id }, ctx.admin)
      const reasons = (data.decision.hidden as Array<{ reasons: Array<{ check: string; values: { entry_id: string } }> }>).flatMap((h) => h.reasons)
      expect([...new Set(reasons.filter((r) => r.check === "negative_list").map((r) => r.values.entry_id))]).toEqual([real.data.entry.id])
      expect(await ctx.shop.allowedIds(cart.id)).toEqual([PROVIDERS.prepayment])
    })
  })

  describe("when an IBAN or card is listed", () => {
    it("should store only a keyed hash and a display hint, and match the clear number in a check", async () => {
      const res = await ctx.api.post(
        "/admin/payment-risk/negative-list",
        { kind: "iban", value: "DE89 3704 0044 0532 0130 00", reason: "Rücklastschrift", source: "return_debit" },
        ctx.admin
      )
      const text = JSON.stringify(res.data)
      expect(text).not.toContain("370400440532013000")
      expect(res.data.entry.display_hint).toContain("3000")
      const list = JSON.stringify((await ctx.api.get("/admin/payment-risk/negative-list", ctx.admin)).data)
      expect(list).not.toContain("0532013000")

      const check = await ctx.api.post("/admin/payment-risk/negative-list/check", { iban: "de89370400440532013000" }, ctx.admin)
      expect(check.data.matches).toHaveLength(1)
      expect(check.data.matches[0]).toMatchObject({ certain: true, matched_on: ["iban"] })
      expect(JSON.stringify(check.data)).not.toContain("0532013000")
    })
  })

  describe("when customer service checks data", () => {
    it("should find a spelling variant with score and fields, and an initial only as possible", async () => {
      await ctx.api.post("/admin/payment-risk/negative-list", MEIER, ctx.admin)

      const variant = await ctx.api.post(
        "/admin/payment-risk/negative-list/check",
        { first_name: "hans", last_name: "Meyer", address_1: "Hauptstr. 5", postal_code: "10115", city: "Berlin", country_code: "de" },
        ctx.admin
      )
      expect(variant.data.matches).toHaveLength(1)
      expect(variant.data.matches[0]).toMatchObject({ certain: true, entry: { last_name: "Meier" } })
      expect(variant.data.matches[0].score).toBeGreaterThan(0)

      const initial = await ctx.api.post(
        "/admin/payment-risk/negative-list/check",
        { first_name: "H.", last_name: "Meier", address_1: "Hauptstraße 5", postal_code: "10115", city: "Berlin", country_code: "de" },
        ctx.admin
      )
      expect(initial.data.matches[0]).toMatchObject({ certain: false })

      const neighbour = await ctx.api.post(
        "/admin/payment-risk/negative-list/check",
        { first_name: "Hans", last_name: "Meier", address_1: "Hauptstraße 7", postal_code: "10115", city: "Berlin", country_code: "de" },
        ctx.admin
      )
      expect(neighbour.data.matches).toEqual([])
    })
  })

  describe("when a listed person shops", () => {
    it("should offer only prepayment with the same neutral notice an unlisted new customer gets", async () => {
      // both would be new customers; make them known so only the list differs (a guest's
      // earlier order counts for the same person at the same address)
      const { completion } = await ctx.shop.checkout({ email: "listed@example.com", providerId: PROVIDERS.prepayment })
      await captureOrderPayment(ctx.api, ctx.admin, completion.data.order.id)
      const earlier = await placeOrder(ctx.api, ctx.store, { email: "clean@example.com", address: EVA })
      await captureOrderPayment(ctx.api, ctx.admin, earlier.orderId)
      await ctx.api.post("/admin/payment-risk/negative-list", { ...MEIER, last_name: "Mayer" }, ctx.admin)

      const listed = await ctx.shop.createCart({ email: "listed@example.com" }) // address: Hans Meier, Hauptstraße 5
      const clean = await ctx.api.post(
        "/store/carts",
        {
          region_id: ctx.store.regionId,
          email: "clean@example.com",
          items: [{ variant_id: ctx.store.cheapVariantId, quantity: 1 }],
          billing_address: EVA,
        },
        ctx.shop.headers
      )
      const listedRes = await ctx.shop.allowedProviders(listed.id, "?locale=de")
      const cleanRes = await ctx.shop.allowedProviders(clean.data.cart.id, "?locale=de")

      expect(listedRes.data.payment_providers.map((p: { id: string }) => p.id)).toEqual([PROVIDERS.prepayment])
      expect(cleanRes.data.payment_providers.map((p: { id: string }) => p.id).sort()).toEqual(
        Object.values(PROVIDERS).sort()
      )
      // only the provider list and the notice differ: same keys, no reason, no entry data
      expect(Object.keys(listedRes.data).sort()).toEqual(Object.keys(cleanRes.data).sort())
      expect(listedRes.data.notice).toEqual(expect.any(String))
      const text = JSON.stringify(listedRes.data)
      expect(text).not.toMatch(/negative|Mahnung|dunning|prnle_|score|Mayer/i)

      const collection = await ctx.shop.paymentCollection(listed.id)
      expect((await ctx.shop.createSession(collection.id, PROVIDERS.invoice)).status).toBe(400)
    })

    it("should no longer match once the entry has expired", async () => {
      const { data } = await ctx.api.post(
        "/admin/payment-risk/negative-list",
        { ...MEIER, expires_at: new Date(Date.now() + 60_000).toISOString() },
        ctx.admin
      )
      const pg = ctx.container.resolve(ContainerRegistrationKeys.PG_CONNECTION)
      await pg.raw(
        "UPDATE payment_risk_negative_list_entry SET expires_at = now() - interval '1 minute' WHERE id = ?",
        [data.entry.id]
      )
      const check = await ctx.api.post("/admin/payment-risk/negative-list/check", MEIER_CHECK, ctx.admin)
      expect(check.data.matches).toEqual([])
    })
  })

  describe("when a payment provider exposes a listed card", () => {
    it("should refuse the completion of a cart whose session carries the listed card fingerprint", async () => {
      const { completion } = await ctx.shop.checkout({ email: "known@example.com", providerId: PROVIDERS.prepayment })
      await captureOrderPayment(ctx.api, ctx.admin, completion.data.order.id)
      await ctx.api.post(
        "/admin/payment-risk/negative-list",
        { kind: "card", value: "fp_Xt5EWLLDS7FJjR1c", reason: "Rückbuchung", source: "chargeback" },
        ctx.admin
      )
      const cart = await ctx.shop.createCart({ email: "known@example.com" })
      expect(await ctx.shop.allowedIds(cart.id)).toContain(PROVIDERS.invoice)
      const collection = await ctx.shop.paymentCollection(cart.id)
      const session = await ctx.api.post(
        `/store/payment-collections/${collection.id}/payment-sessions`,
        { provider_id: PROVIDERS.invoice, data: { card_fingerprint: "fp_Xt5EWLLDS7FJjR1c" } },
        { ...ctx.shop.headers, validateStatus: () => true }
      )
      expect(session.status).toBe(200)
      const refused = await ctx.shop.complete(cart.id)
      expect(refused.status).toBe(400)
      expect(JSON.stringify(refused.data)).not.toMatch(/negative|Rückbuchung|chargeback|prnle_|fp_/i)
      expect(await ctx.shop.allowedIds(cart.id)).toEqual([PROVIDERS.prepayment])
    })
  })

  describe("when a request has no admin authentication", () => {
    it.each([
      ["get", "/admin/payment-risk/negative-list", null],
      ["post", "/admin/payment-risk/negative-list", MEIER],
      ["get", "/admin/payment-risk/negative-list/prnle_x", null],
      ["post", "/admin/payment-risk/negative-list/prnle_x", { note: "x" }],
      ["delete", "/admin/payment-risk/negative-list/prnle_x", null],
      ["post", "/admin/payment-risk/negative-list/check", { last_name: "Meier" }],
    ] as Array<[string, string, unknown]>)("should answer 401 to %s %s", async (method, url, body) => {
      const config = { validateStatus: () => true }
      const res =
        method === "get"
          ? await ctx.api.get(url, config)
          : method === "delete"
            ? await ctx.api.delete(url, config)
            : await ctx.api.post(url, body, config)
      expect(res.status).toBe(401)
    })
  })
})

const EVA = { first_name: "Eva", last_name: "Schulz", address_1: "Ringstraße 9", postal_code: "80331", city: "München", country_code: "de" }

const MEIER_CHECK = { ...GERMAN_ADDRESS }

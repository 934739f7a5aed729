import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { adminHeaders } from "../helpers/admin"
import { seedStore, TestStore } from "../helpers/store"

jest.setTimeout(120 * 1000)

const TIPS = "/admin/payment-risk/security-tips"
const SHOP = {
  name: "Kaffee & Co",
  statement_descriptor: "KAFFEE*CO SHOP",
  hotline: "+49 30 123456",
  support_email: "hilfe@kaffee.example",
}
const DAY = 86_400_000

/** A valid tip; override what the test is about. */
const tip = (overrides: Record<string, unknown> = {}) => ({
  title: "Sicher bezahlen",
  body: "Wir fragen **nie** nach Ihrer TAN.",
  locale: "de",
  placement: "checkout",
  ...overrides,
})

/** Any tag carrying a script, an image, an event handler, or a javascript:/data: link. */
const DANGEROUS = /<\s*(script|iframe|img|svg)\b|<[^>]*\son[a-z]+\s*=|href\s*=\s*"\s*(javascript|data):/i

medusaIntegrationTestRunner({
  inApp: true,
  env: {},
  testSuite: ({ api, getContainer }) => {
    let store: TestStore
    let admin: { headers: Record<string, string> }
    const bad = () => ({ ...admin, validateStatus: () => true })
    const storeTips = (query: string, headers: Record<string, string> = {}) =>
      api.get(`/store/security-tips${query}`, {
        headers: { "x-publishable-api-key": store.publishableKey, ...headers },
        validateStatus: () => true,
      })
    const create = async (overrides: Record<string, unknown> = {}) => {
      const res = await api.post(TIPS, tip(overrides), admin)
      expect(res.status).toBe(201)
      return res.data.tip as { id: string; title: string; updated_at: string }
    }
    const setShop = (shop: Record<string, string>) => api.post("/admin/payment-risk/settings", { shop }, admin)

    beforeEach(async () => {
      const container = getContainer()
      store = await seedStore(container)
      admin = await adminHeaders(container, api)
      // the first admin read seeds the default tips of the (recreated) database
      await api.get(TIPS, admin)
    })

    describe("when the merchant manages tips", () => {
      it("should create, read, filter, update and delete a tip", async () => {
        const created = await create({ locale: "fr", placement: "footer", rank: 5, valid_until: new Date(Date.now() + DAY).toISOString() })
        expect(created).toMatchObject({ title: "Sicher bezahlen", locale: "fr", placement: "footer", rank: 5, active: true, default_key: null })

        const detail = await api.get(`${TIPS}/${created.id}`, admin)
        expect(detail.data.tip.body).toBe("Wir fragen **nie** nach Ihrer TAN.")

        const filtered = await api.get(`${TIPS}?placement=footer&locale=fr`, admin)
        expect(filtered.data.count).toBe(1)
        expect(filtered.data.tips[0].id).toBe(created.id)
        expect((await api.get(`${TIPS}?placement=payment&locale=fr`, admin)).data.count).toBe(0)

        const updated = await api.post(`${TIPS}/${created.id}`, { title: "Neu", active: false, valid_until: null }, admin)
        expect(updated.data.tip).toMatchObject({ id: created.id, title: "Neu", active: false, valid_until: null, rank: 5 })

        const deleted = await api.delete(`${TIPS}/${created.id}`, admin)
        expect(deleted.data).toEqual({ id: created.id, object: "security_tip", deleted: true })
        expect((await api.get(`${TIPS}/${created.id}`, bad())).status).toBe(404)
        expect((await api.get(`${TIPS}?locale=fr`, admin)).data.count).toBe(0)
      })

      it("should answer 400 naming the field, and create nothing, for each invalid body", async () => {
        const cases: Array<[string, Record<string, unknown>, string]> = [
          ["an empty title", { title: "" }, "title"],
          ["a title of 201 characters", { title: "x".repeat(201) }, "title"],
          ["no title", { title: undefined }, "title"],
          ["a blank body", { body: "   " }, "body"],
          ["a body of 5001 characters", { body: "x".repeat(5001) }, "body"],
          ["a three-letter locale", { locale: "deu" }, "locale"],
          ["an unknown placement", { placement: "header" }, "placement"],
          ["a fractional rank", { rank: 1.5 }, "rank"],
          ["a text rank", { rank: "first" }, "rank"],
          ["a text active flag", { active: "yes" }, "active"],
          ["an invalid date", { valid_from: "not a date" }, "valid_from"],
          ["a window ending before it starts", { valid_from: "2030-02-01T00:00:00Z", valid_until: "2030-01-01T00:00:00Z" }, "valid_until"],
          ["an unknown field", { colour: "red" }, "colour"],
        ]
        const before = (await api.get(TIPS, admin)).data.count
        for (const [label, overrides, field] of cases) {
          const res = await api.post(TIPS, tip(overrides), bad())
          expect({ label, status: res.status, message: res.data.message }).toEqual({
            label,
            status: 400,
            message: expect.stringContaining(`'${field}'`),
          })
        }
        expect((await api.get(TIPS, admin)).data.count).toBe(before)
      })

      it("should check an update's validity window against the stored bound", async () => {
        const created = await create({ valid_from: "2030-01-01T00:00:00Z" })
        const res = await api.post(`${TIPS}/${created.id}`, { valid_until: "2029-12-31T00:00:00Z" }, bad())
        expect(res.status).toBe(400)
        expect(res.data.message).toBe("Invalid request: Value for field 'valid_until': must be after valid_from")
        const wrongPlacement = await api.post(`${TIPS}/${created.id}`, { placement: "sidebar" }, bad())
        expect(wrongPlacement.status).toBe(400)
        expect(wrongPlacement.data.message).toContain("placement")
        expect((await api.get(`${TIPS}/${created.id}`, admin)).data.tip.valid_until).toBeNull()
      })

      it("should reject list filters the model does not have", async () => {
        const res = await api.get(`${TIPS}?placement=sidebar`, bad())
        expect(res.status).toBe(400)
        expect(res.data.message).toContain("placement")
      })

      it("should preview a text as the shopper would see it, placeholders filled", async () => {
        const empty = await api.post(`${TIPS}/preview`, { title: "{shop_name}", body: "Anruf: {hotline}" }, admin)
        expect(empty.data.missing_placeholders).toEqual(["shop_name", "hotline"])

        await setShop(SHOP)
        const res = await api.post(
          `${TIPS}/preview`,
          { title: "Hilfe bei {shop_name}", body: "Anruf: **{hotline}**\n\n<script>alert(1)</script>" },
          admin
        )
        expect(res.status).toBe(200)
        expect(res.data).toEqual({
          title: "Hilfe bei Kaffee & Co",
          html: "<p>Anruf: <strong>+49 30 123456</strong></p>\n<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>",
          missing_placeholders: [],
        })
        const tooLong = await api.post(`${TIPS}/preview`, { body: "x".repeat(5001) }, bad())
        expect(tooLong.status).toBe(400)
        expect(tooLong.data.message).toContain("body")
      })

      it("should answer 401 without admin authentication", async () => {
        const anonymous = { validateStatus: () => true }
        expect((await api.get(TIPS, anonymous)).status).toBe(401)
        expect((await api.post(TIPS, tip(), anonymous)).status).toBe(401)
        expect((await api.post(`${TIPS}/preview`, { body: "x" }, anonymous)).status).toBe(401)
        const [one] = (await api.get(TIPS, admin)).data.tips
        expect((await api.delete(`${TIPS}/${one.id}`, anonymous)).status).toBe(401)
        expect((await api.get(`${TIPS}/${one.id}`, admin)).status).toBe(200)
      })
    })

    describe("when the store starts with the default tips", () => {
      it("should seed German and English tips for every placement once, and a deleted one stays deleted", async () => {
        const first = await api.get(`${TIPS}?limit=200`, admin)
        const defaults = first.data.tips.filter((t: { default_key: string | null }) => t.default_key)
        expect(defaults.length).toBe(first.data.count)
        expect(new Set(defaults.map((t: { locale: string }) => t.locale))).toEqual(new Set(["de", "en"]))
        expect(new Set(defaults.map((t: { placement: string }) => t.placement))).toEqual(
          new Set(["checkout", "payment", "account", "order_confirmation", "footer"])
        )
        // the statement tip waits for the merchant's statement descriptor
        const statement = defaults.find((t: { default_key: string }) => t.default_key === "statement_descriptor.payment.de")
        expect(statement.missing_placeholders).toEqual(["statement_descriptor"])

        const gone = defaults.find((t: { default_key: string }) => t.default_key === "first_order_methods.checkout.de")
        await api.delete(`${TIPS}/${gone.id}`, admin)
        expect((await api.get(`${TIPS}?limit=200`, admin)).data.count).toBe(first.data.count - 1)
        const checkout = await storeTips("?placement=checkout&locale=de")
        expect(checkout.data.tips.map((t: { id: string }) => t.id)).not.toContain(gone.id)
        const again = await api.get(`${TIPS}?limit=200`, admin)
        expect(again.data.count).toBe(first.data.count - 1)
        expect(again.data.tips.map((t: { default_key: string }) => t.default_key)).not.toContain("first_order_methods.checkout.de")
      })

      it("should show an edited default tip to shoppers", async () => {
        const { data } = await api.get(`${TIPS}?placement=checkout&locale=en`, admin)
        const first = data.tips[0]
        await api.post(`${TIPS}/${first.id}`, { title: "Our own words", body: "Edited _body_" }, admin)
        const res = await storeTips("?placement=checkout&locale=en")
        expect(res.data.tips[0]).toEqual({ id: first.id, title: "Our own words", html: "<p>Edited <em>body</em></p>", placement: "checkout", locale: "en" })
      })
    })

    describe("when a storefront asks for tips", () => {
      it("should answer only the placement's active tips in the requested language, by rank", async () => {
        const later = await create({ locale: "fr", placement: "footer", rank: 20, title: "Deuxième" })
        const earlier = await create({ locale: "fr", placement: "footer", rank: 10, title: "Premier" })
        await create({ locale: "fr", placement: "account", rank: 1, title: "Compte" })
        const res = await storeTips("?placement=footer&locale=fr")
        expect(res.status).toBe(200)
        expect(res.data.tips.map((t: { id: string }) => t.id)).toEqual([earlier.id, later.id])
        expect(res.data.tips[0]).toEqual({ id: earlier.id, title: "Premier", html: "<p>Wir fragen <strong>nie</strong> nach Ihrer TAN.</p>", placement: "footer", locale: "fr" })
      })

      it("should fall back to the shop's default language, then English", async () => {
        const requested = await storeTips("?placement=checkout&locale=en")
        expect(requested.data.tips.length).toBeGreaterThan(0)
        expect(requested.data.tips.every((t: { locale: string }) => t.locale === "en")).toBe(true)

        const shopDefault = await storeTips("?placement=checkout&locale=fr")
        expect(shopDefault.data.tips.length).toBeGreaterThan(0)
        expect(shopDefault.data.tips.every((t: { locale: string }) => t.locale === "de")).toBe(true)

        await setShop({ default_locale: "it" })
        const english = await storeTips("?placement=checkout&locale=fr")
        expect(english.data.tips.map((t: { locale: string }) => t.locale)).toEqual(requested.data.tips.map(() => "en"))

        const french = await create({ locale: "fr", placement: "checkout" })
        const own = await storeTips("?placement=checkout&locale=fr-CH")
        expect(own.data.tips.map((t: { id: string }) => t.id)).toEqual([french.id])
        // Medusa's locale header works like the query parameter
        const header = await storeTips("?placement=checkout", { "x-medusa-locale": "fr" })
        expect(header.data.tips.map((t: { id: string }) => t.id)).toEqual([french.id])
        // no locale at all: the shop's default (it, no tips), then English
        const none = await storeTips("?placement=checkout")
        expect(none.data.tips.every((t: { locale: string }) => t.locale === "en")).toBe(true)
      })

      it("should hide inactive tips and tips outside their validity window", async () => {
        const now = Date.now()
        const shown = await create({ locale: "fr", placement: "payment", valid_from: new Date(now - DAY).toISOString(), valid_until: new Date(now + DAY).toISOString() })
        await create({ locale: "fr", placement: "payment", active: false })
        await create({ locale: "fr", placement: "payment", valid_until: new Date(now - 1000).toISOString() })
        await create({ locale: "fr", placement: "payment", valid_from: new Date(now + DAY).toISOString() })
        const res = await storeTips("?placement=payment&locale=fr")
        expect(res.data.tips.map((t: { id: string }) => t.id)).toEqual([shown.id])

        await api.post(`${TIPS}/${shown.id}`, { active: false }, admin)
        const after = await storeTips("?placement=payment&locale=fr")
        expect(after.data.tips.every((t: { locale: string }) => t.locale !== "fr")).toBe(true)
      })

      it("should never pass scripts, event handlers or javascript: links from a body", async () => {
        const bodies = [
          "<script>alert(1)</script>",
          '<img src=x onerror="alert(1)">',
          "[x](javascript:alert(1))",
          '<a href="javascript:alert(1)" onclick="alert(1)">klick</a>',
          "[y](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
        ]
        for (const [rank, body] of bodies.entries()) {
          await create({ locale: "fr", placement: "account", rank, body })
        }
        const res = await storeTips("?placement=account&locale=fr")
        expect(res.data.tips).toHaveLength(bodies.length)
        for (const t of res.data.tips) {
          expect(t.html).not.toMatch(DANGEROUS)
        }
        expect(res.data.tips[0].html).toBe("<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>")
        expect(res.data.tips[2].html).toBe("<p>[x](javascript:alert(1))</p>")
      })

      it("should fill the placeholders from the shop details and show waiting tips once they are set", async () => {
        const before = await storeTips("?placement=payment&locale=de")
        expect(JSON.stringify(before.data)).not.toContain("{statement_descriptor}")
        expect(before.data.tips.some((t: { html: string }) => t.html.includes("Kontoauszug"))).toBe(false)

        await setShop(SHOP)
        const after = await storeTips("?placement=payment&locale=de")
        expect(after.data.tips).toHaveLength(before.data.tips.length + 1)
        expect(after.data.tips.map((t: { html: string }) => t.html).join("\n")).toContain("<strong>KAFFEE*CO SHOP</strong>")

        const footer = await storeTips("?placement=footer&locale=en")
        const contact = footer.data.tips.map((t: { html: string }) => t.html).join("\n")
        expect(contact).toContain("+49 30 123456")
        expect(contact).toContain("hilfe@kaffee.example")

        const titled = await create({ locale: "fr", placement: "footer", title: "Chez {shop_name}", body: "Écrivez à [nous](mailto:{support_email})" })
        const fr = await storeTips("?placement=footer&locale=fr")
        expect(fr.data.tips).toEqual([
          { id: titled.id, title: "Chez Kaffee & Co", html: '<p>Écrivez à <a href="mailto:hilfe@kaffee.example">nous</a></p>', placement: "footer", locale: "fr" },
        ])
      })

      it("should be cacheable: strong ETag, Cache-Control, 304 on If-None-Match, new ETag after a change", async () => {
        const first = await storeTips("?placement=checkout&locale=de")
        const etag = first.headers.etag
        expect(etag).toMatch(/^"[A-Za-z0-9_-]+"$/)
        expect(first.headers["cache-control"]).toBe("public, max-age=60")

        const again = await storeTips("?placement=checkout&locale=de", { "if-none-match": etag })
        expect(again.status).toBe(304)
        expect(again.headers.etag).toBe(etag)
        expect(again.data).toBeFalsy()

        const [one] = first.data.tips
        await api.post(`${TIPS}/${one.id}`, { body: "Geändert" }, admin)
        const changed = await storeTips("?placement=checkout&locale=de", { "if-none-match": etag })
        expect(changed.status).toBe(200)
        expect(changed.headers.etag).not.toBe(etag)
        expect(changed.data.tips[0].html).toBe("<p>Geändert</p>")
      })

      it("should answer 400 naming the field for an unknown placement, a malformed locale or an unknown parameter", async () => {
        const cases = [
          ["?placement=sidebar", "placement"],
          ["?placement=checkout&locale=deutsch", "locale"],
          ["?placement=checkout&colour=red", "colour"],
        ]
        for (const [query, field] of cases) {
          const res = await storeTips(query)
          expect({ query, status: res.status, message: res.data.message }).toEqual({
            query,
            status: 400,
            message: expect.stringContaining(`'${field}'`),
          })
        }
      })
    })
  },
})

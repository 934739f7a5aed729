import { PAYMENT_RISK_MODULE } from "../../src/modules/payment-risk"
import PaymentRiskModuleService from "../../src/modules/payment-risk/service"
import { defaultTipRows } from "../../src/modules/payment-risk/tips"
import { withTestStore } from "../helpers/test-store"

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

type ShopperTip = { id: string; title: string; html: string; placement: string; locale: string }
const PLACEMENTS = ["checkout", "payment", "account", "order_confirmation", "footer"]

/**
 * A tip a shopper can read: no unfilled `{placeholder}`, no empty emphasis, link, paragraph or
 * list item, no gap before punctuation, and every paragraph and list item ends a sentence (a
 * sentence cut at an empty value would end in a colon, a dash or nothing).
 */
function expectReadable(tip: ShopperTip) {
  const where = `${tip.placement}/${tip.locale}: ${tip.title}`
  expect({ where, title: tip.title }).toEqual({ where, title: expect.stringMatching(/\S/) })
  expect({ where, text: `${tip.title}\n${tip.html}` }).toEqual({ where, text: expect.not.stringMatching(/\{[a-z_]+\}/) })
  expect({ where, html: tip.html }).toEqual({ where, html: expect.not.stringMatching(/<(strong|em|a|p|li)\b[^>]*>\s*<\/\1>/) })
  const blocks = Array.from(tip.html.matchAll(/<(p|li)>([\s\S]*?)<\/\1>/g), (match) => match[2].replace(/<[^>]+>/g, "").trim())
  expect({ where, blocks: blocks.length > 0 }).toEqual({ where, blocks: true })
  for (const block of blocks) {
    expect({ where, block }).toEqual({ where, block: expect.stringMatching(/[.!?)]$/) })
    expect({ where, block }).toEqual({ where, block: expect.not.stringMatching(/\s[.,;:!?]|\s{2}|\(\s*\)/) })
  }
}

/** Texts the first edition of the default set stored (German), kept to simulate a store seeded then. */
const EDITION_1 = {
  statement_descriptor: {
    title: "So erscheint Ihre Zahlung auf dem Kontoauszug",
    body:
      "Auf Ihrem Konto- oder Kartenauszug steht bei Zahlungen an uns: **{statement_descriptor}**. " +
      "Finden Sie eine Abbuchung mit diesem Namen, die Sie nicht zuordnen können, sprechen Sie uns zuerst an – " +
      "meist klärt sich das schnell.",
  },
  something_wrong: {
    title: "Kommt Ihnen etwas verdächtig vor?",
    body:
      "Eine seltsame E-Mail, eine unbekannte Abbuchung oder eine Bestellung, die Sie nicht aufgegeben haben? " +
      "Melden Sie sich bei uns: telefonisch unter {hotline} oder per E-Mail an {support_email}. " +
      "Nutzen Sie dafür nur diese Kontaktdaten, nicht die aus einer verdächtigen Nachricht. " +
      "Haben Sie Zahlungsdaten preisgegeben, lassen Sie Karte oder Zugang zusätzlich bei Ihrer Bank sperren.",
  },
}
/** The keys the first edition seeded: seven topics' placements, German and English. */
const EDITION_1_KEYS = [
  "first_order_methods.checkout",
  "real_shop.checkout",
  "real_shop.account",
  "never_ask_secrets.payment",
  "never_ask_secrets.account",
  "phishing_mails.account",
  "statement_descriptor.payment",
  "statement_descriptor.order_confirmation",
  "something_wrong.footer",
  "something_wrong.order_confirmation",
  "tracking_links.order_confirmation",
].flatMap((key) => [`${key}.de`, `${key}.en`])

withTestStore((ctx) => {
  const bad = () => ({ ...ctx.admin, validateStatus: () => true })
  const storeTips = (query: string, headers: Record<string, string> = {}) =>
    ctx.api.get(`/store/security-tips${query}`, {
      headers: { "x-publishable-api-key": ctx.store.publishableKey, ...headers },
      validateStatus: () => true,
    })
  const create = async (overrides: Record<string, unknown> = {}) => {
    const res = await ctx.api.post(TIPS, tip(overrides), ctx.admin)
    expect(res.status).toBe(201)
    return res.data.tip as { id: string; title: string; updated_at: string }
  }
  const setShop = (shop: Record<string, string>) => ctx.api.post("/admin/payment-risk/settings", { shop }, ctx.admin)
  beforeEach(async () => {
    // the first admin read seeds the default tips of the (recreated) database
    await ctx.api.get(TIPS, ctx.admin)
  })

  describe("when the merchant manages tips", () => {
    it("should create, read, filter, update and delete a tip", async () => {
      const created = await create({ locale: "fr", placement: "footer", rank: 5, valid_until: new Date(Date.now() + DAY).toISOString() })
      expect(created).toMatchObject({ title: "Sicher bezahlen", locale: "fr", placement: "footer", rank: 5, active: true, default_key: null })

      const detail = await ctx.api.get(`${TIPS}/${created.id}`, ctx.admin)
      expect(detail.data.tip.body).toBe("Wir fragen **nie** nach Ihrer TAN.")

      const filtered = await ctx.api.get(`${TIPS}?placement=footer&locale=fr`, ctx.admin)
      expect(filtered.data.count).toBe(1)
      expect(filtered.data.tips[0].id).toBe(created.id)
      expect((await ctx.api.get(`${TIPS}?placement=payment&locale=fr`, ctx.admin)).data.count).toBe(0)

      const updated = await ctx.api.post(`${TIPS}/${created.id}`, { title: "Neu", active: false, valid_until: null }, ctx.admin)
      expect(updated.data.tip).toMatchObject({ id: created.id, title: "Neu", active: false, valid_until: null, rank: 5 })

      const deleted = await ctx.api.delete(`${TIPS}/${created.id}`, ctx.admin)
      expect(deleted.data).toEqual({ id: created.id, object: "security_tip", deleted: true })
      expect((await ctx.api.get(`${TIPS}/${created.id}`, bad())).status).toBe(404)
      expect((await ctx.api.get(`${TIPS}?locale=fr`, ctx.admin)).data.count).toBe(0)
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
      const before = (await ctx.api.get(TIPS, ctx.admin)).data.count
      for (const [label, overrides, field] of cases) {
        const res = await ctx.api.post(TIPS, tip(overrides), bad())
        expect({ label, status: res.status, message: res.data.message }).toEqual({
          label,
          status: 400,
          message: expect.stringContaining(`'${field}'`),
        })
      }
      expect((await ctx.api.get(TIPS, ctx.admin)).data.count).toBe(before)
    })

    it("should check an update's validity window against the stored bound", async () => {
      const created = await create({ valid_from: "2030-01-01T00:00:00Z" })
      const res = await ctx.api.post(`${TIPS}/${created.id}`, { valid_until: "2029-12-31T00:00:00Z" }, bad())
      expect(res.status).toBe(400)
      expect(res.data.message).toBe("Invalid request: Value for field 'valid_until': must be after valid_from")
      const wrongPlacement = await ctx.api.post(`${TIPS}/${created.id}`, { placement: "sidebar" }, bad())
      expect(wrongPlacement.status).toBe(400)
      expect(wrongPlacement.data.message).toContain("placement")
      expect((await ctx.api.get(`${TIPS}/${created.id}`, ctx.admin)).data.tip.valid_until).toBeNull()
    })

    it("should reject list filters the model does not have", async () => {
      const res = await ctx.api.get(`${TIPS}?placement=sidebar`, bad())
      expect(res.status).toBe(400)
      expect(res.data.message).toContain("placement")
    })

    it("should preview a text as the shopper would see it, placeholders filled", async () => {
      const empty = await ctx.api.post(`${TIPS}/preview`, { title: "{shop_name}", body: "Anruf: {hotline}" }, ctx.admin)
      expect(empty.data).toEqual({ title: "", html: "", missing_placeholders: ["shop_name", "hotline"], display: "hidden" })

      await setShop(SHOP)
      const res = await ctx.api.post(
        `${TIPS}/preview`,
        { title: "Hilfe bei {shop_name}", body: "Anruf: **{hotline}**\n\n<script>alert(1)</script>" },
        ctx.admin
      )
      expect(res.status).toBe(200)
      expect(res.data).toEqual({
        title: "Hilfe bei Kaffee & Co",
        html: "<p>Anruf: <strong>+49 30 123456</strong></p>\n<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>",
        missing_placeholders: [],
        display: "full",
      })
      const tooLong = await ctx.api.post(`${TIPS}/preview`, { body: "x".repeat(5001) }, bad())
      expect(tooLong.status).toBe(400)
      expect(tooLong.data.message).toContain("body")
    })

    it("should answer 401 without admin authentication", async () => {
      const anonymous = { validateStatus: () => true }
      expect((await ctx.api.get(TIPS, anonymous)).status).toBe(401)
      expect((await ctx.api.post(TIPS, tip(), anonymous)).status).toBe(401)
      expect((await ctx.api.post(`${TIPS}/preview`, { body: "x" }, anonymous)).status).toBe(401)
      const [one] = (await ctx.api.get(TIPS, ctx.admin)).data.tips
      expect((await ctx.api.delete(`${TIPS}/${one.id}`, anonymous)).status).toBe(401)
      expect((await ctx.api.get(`${TIPS}/${one.id}`, ctx.admin)).status).toBe(200)
    })
  })

  describe("when the store starts with the default tips", () => {
    it("should seed German and English tips for every placement once, and a deleted one stays deleted", async () => {
      const first = await ctx.api.get(`${TIPS}?limit=200`, ctx.admin)
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
      await ctx.api.delete(`${TIPS}/${gone.id}`, ctx.admin)
      expect((await ctx.api.get(`${TIPS}?limit=200`, ctx.admin)).data.count).toBe(first.data.count - 1)
      const checkout = await storeTips("?placement=checkout&locale=de")
      expect(checkout.data.tips.map((t: { id: string }) => t.id)).not.toContain(gone.id)
      const again = await ctx.api.get(`${TIPS}?limit=200`, ctx.admin)
      expect(again.data.count).toBe(first.data.count - 1)
      expect(again.data.tips.map((t: { default_key: string }) => t.default_key)).not.toContain("first_order_methods.checkout.de")
    })

    it("should show an edited default tip to shoppers", async () => {
      const { data } = await ctx.api.get(`${TIPS}?placement=checkout&locale=en`, ctx.admin)
      const first = data.tips[0]
      await ctx.api.post(`${TIPS}/${first.id}`, { title: "Our own words", body: "Edited _body_" }, ctx.admin)
      const res = await storeTips("?placement=checkout&locale=en")
      expect(res.data.tips[0]).toEqual({ id: first.id, title: "Our own words", html: "<p>Edited <em>body</em></p>", placement: "checkout", locale: "en" })
    })
  })

  describe("when the merchant has not filled in the shop details yet", () => {
    it("should show at least three checkout tips in German and English and tips at every placement, all readable", async () => {
      for (const locale of ["de", "en"]) {
        const checkout = await storeTips(`?placement=checkout&locale=${locale}`)
        expect({ locale, count: checkout.data.tips.length >= 3 }).toEqual({ locale, count: true })
        for (const placement of PLACEMENTS) {
          const res = await storeTips(`?placement=${placement}&locale=${locale}`)
          expect({ placement, locale, shown: res.data.tips.length > 0 }).toEqual({ placement, locale, shown: true })
          for (const t of res.data.tips as ShopperTip[]) {
            expect(t.locale).toBe(locale)
            expectReadable(t)
          }
        }
      }
      const confirmation = await storeTips("?placement=order_confirmation&locale=de")
      expect(confirmation.data.tips.length).toBeGreaterThanOrEqual(1)
    })

    it("should answer an unknown language in the shop's default language, then English, then German, then any", async () => {
      for (const placement of PLACEMENTS) {
        const german = await storeTips(`?placement=${placement}&locale=de`)
        const unknown = await storeTips(`?placement=${placement}&locale=xx`)
        expect({ placement, tips: unknown.data.tips }).toEqual({ placement, tips: german.data.tips })
        expect(unknown.data.tips.length).toBeGreaterThan(0)
        const header = await storeTips(`?placement=${placement}`, { "x-medusa-locale": "xx-YY" })
        expect({ placement, tips: header.data.tips }).toEqual({ placement, tips: german.data.tips })
      }

      // the shop's default language has no tips: English
      await setShop({ default_locale: "it" })
      for (const placement of PLACEMENTS) {
        const english = await storeTips(`?placement=${placement}&locale=en`)
        const unknown = await storeTips(`?placement=${placement}&locale=xx`)
        expect({ placement, tips: unknown.data.tips }).toEqual({ placement, tips: english.data.tips })
        expect(unknown.data.tips.length).toBeGreaterThan(0)
      }

      // no English checkout tips either: German
      const { data } = await ctx.api.get(`${TIPS}?placement=checkout&limit=200`, ctx.admin)
      const byLocale = (locale: string) => data.tips.filter((t: { locale: string }) => t.locale === locale)
      for (const t of byLocale("en")) await ctx.api.post(`${TIPS}/${t.id}`, { active: false }, ctx.admin)
      const german = await storeTips("?placement=checkout&locale=xx")
      expect(german.data.tips.length).toBe(byLocale("de").length)
      expect(german.data.tips.every((t: ShopperTip) => t.locale === "de")).toBe(true)

      // only a French tip left: it is shown rather than nothing
      for (const t of byLocale("de")) await ctx.api.post(`${TIPS}/${t.id}`, { active: false }, ctx.admin)
      const french = await create({ locale: "fr", placement: "checkout", title: "Payer en sécurité", body: "Nous ne demandons **jamais** votre code." })
      const any = await storeTips("?placement=checkout&locale=xx")
      expect(any.data.tips.map((t: ShopperTip) => t.id)).toEqual([french.id])
    })

    it("should drop only the sentence an empty value is needed for, and mark the tip in the admin", async () => {
      const sentence = await create({
        locale: "fr",
        placement: "footer",
        rank: 1,
        title: "Wir helfen",
        body: "Wir helfen gern. Anruf: **{hotline}**. Antwort z. B. binnen eines Tages.\n\n- Sicher zahlen.\n- Schreiben Sie an {support_email}.\n- Nie die TAN nennen.",
      })
      const titled = await create({ locale: "fr", placement: "footer", rank: 2, title: "Hilfe bei {shop_name}", body: "Wir sind da." })
      const plain = await create({ locale: "fr", placement: "footer", rank: 3, title: "Ohne Platzhalter", body: "Nichts fehlt." })

      const before = await storeTips("?placement=footer&locale=fr")
      expect(before.data.tips).toEqual([
        {
          id: sentence.id,
          title: "Wir helfen",
          html: "<p>Wir helfen gern. Antwort z. B. binnen eines Tages.</p>\n<ul>\n<li>Sicher zahlen.</li>\n<li>Nie die TAN nennen.</li>\n</ul>",
          placement: "footer",
          locale: "fr",
        },
        { id: plain.id, title: "Ohne Platzhalter", html: "<p>Nichts fehlt.</p>", placement: "footer", locale: "fr" },
      ])
      const display = async () => {
        const { data } = await ctx.api.get(`${TIPS}?placement=footer&locale=fr`, ctx.admin)
        return Object.fromEntries(data.tips.map((t: { id: string; display: string; missing_placeholders: string[] }) => [t.id, [t.display, t.missing_placeholders]]))
      }
      expect(await display()).toEqual({
        [sentence.id]: ["shortened", ["hotline", "support_email"]],
        [titled.id]: ["hidden", ["shop_name"]],
        [plain.id]: ["full", []],
      })
      const preview = await ctx.api.post(`${TIPS}/preview`, { title: "Wir helfen", body: "Wir helfen gern. Anruf: {hotline}." }, ctx.admin)
      expect(preview.data).toEqual({ title: "Wir helfen", html: "<p>Wir helfen gern.</p>", missing_placeholders: ["hotline"], display: "shortened" })

      await setShop(SHOP)
      const after = await storeTips("?placement=footer&locale=fr", { "if-none-match": before.headers.etag })
      expect(after.status).toBe(200)
      expect(after.headers.etag).not.toBe(before.headers.etag)
      expect(after.data.tips.map((t: ShopperTip) => [t.id, t.title, t.html])).toEqual([
        [
          sentence.id,
          "Wir helfen",
          "<p>Wir helfen gern. Anruf: <strong>+49 30 123456</strong>. Antwort z. B. binnen eines Tages.</p>\n" +
            "<ul>\n<li>Sicher zahlen.</li>\n<li>Schreiben Sie an hilfe@kaffee.example.</li>\n<li>Nie die TAN nennen.</li>\n</ul>",
        ],
        [titled.id, "Hilfe bei Kaffee & Co", "<p>Wir sind da.</p>"],
        [plain.id, "Ohne Platzhalter", "<p>Nichts fehlt.</p>"],
      ])
      expect(await display()).toEqual({
        [sentence.id]: ["full", []],
        [titled.id]: ["full", []],
        [plain.id]: ["full", []],
      })
    })
  })

  describe("when the store seeded the earlier default tips", () => {
    const service = () => ctx.container.resolve<PaymentRiskModuleService>(PAYMENT_RISK_MODULE)

    /** The state a store seeded by the first edition is in: its keys, its texts, and the merchant's changes. */
    async function seedFirstEdition() {
      const tips = await service().listSecurityTips({}, { select: ["id"] })
      await service().deleteSecurityTips(tips.map((t) => t.id))
      const markers = await service().listRiskSettings({ scope: ["tips_seeded", "tips_seeded.2"] }, { select: ["id"] })
      if (markers.length) await service().deleteRiskSettings(markers.map((m) => m.id))

      const rows = defaultTipRows()
        .filter((row) => EDITION_1_KEYS.includes(row.default_key))
        .map((row) => {
          const topic = row.default_key.split(".")[0]
          const earlier = row.locale === "de" ? EDITION_1[topic as keyof typeof EDITION_1] : undefined
          return earlier ? { ...row, ...earlier } : row
        })
      expect(rows).toHaveLength(EDITION_1_KEYS.length)
      await service().createRiskSettings({ scope: "tips_seeded", values: { at: "2026-01-01T00:00:00.000Z", keys: EDITION_1_KEYS } })
      const created = await service().createSecurityTips(rows)
      const byKey = (key: string) => created.find((t) => t.default_key === key)!
      // the merchant rewrote one default, and deleted another
      await service().updateSecurityTips({
        id: byKey("something_wrong.footer.de").id,
        body: "Fragen? Rufen Sie uns an: {hotline}. Wir helfen gern.",
      })
      await service().deleteSecurityTips(byKey("real_shop.checkout.de").id)
      return byKey
    }

    it("should bring unedited default texts up to date, keep the merchant's, and offer new defaults once", async () => {
      const byKey = await seedFirstEdition()
      // a restarted server checks the defaults on its first read (the admin list always does)
      const first = await ctx.api.get(`${TIPS}?limit=200`, ctx.admin)
      const stored = new Map<string, { id: string; title: string; body: string }>(
        first.data.tips.map((t: { default_key: string }) => [t.default_key, t])
      )
      const current = new Map(defaultTipRows().map((row) => [row.default_key, row]))

      // unedited texts of the first edition now read as the current ones
      for (const key of ["statement_descriptor.payment.de", "statement_descriptor.order_confirmation.de", "something_wrong.order_confirmation.de"]) {
        expect({ key, id: stored.get(key)?.id, title: stored.get(key)?.title, body: stored.get(key)?.body }).toEqual({
          key,
          id: byKey(key).id,
          title: current.get(key)!.title,
          body: current.get(key)!.body,
        })
      }
      // the merchant's text stays, the deleted tip stays deleted, defaults new since then are added
      expect(stored.get("something_wrong.footer.de")?.body).toBe("Fragen? Rufen Sie uns an: {hotline}. Wir helfen gern.")
      expect(stored.has("real_shop.checkout.de")).toBe(false)
      const added = [...current.keys()].filter((key) => !EDITION_1_KEYS.includes(key))
      expect(added.length).toBeGreaterThan(0)
      for (const key of added) expect({ key, stored: stored.has(key) }).toEqual({ key, stored: true })
      expect(first.data.count).toBe(current.size - 1)

      const footer = await storeTips("?placement=footer&locale=de")
      expect(footer.data.tips.map((t: ShopperTip) => [t.id, t.html])).toEqual([[byKey("something_wrong.footer.de").id, "<p>Fragen? Wir helfen gern.</p>"]])
      for (const locale of ["de", "en"]) {
        for (const placement of PLACEMENTS) {
          const res = await storeTips(`?placement=${placement}&locale=${locale}`)
          expect({ placement, locale, shown: res.data.tips.length > 0 }).toEqual({ placement, locale, shown: true })
          for (const t of res.data.tips as ShopperTip[]) expectReadable(t)
        }
      }
      expect((await storeTips("?placement=checkout&locale=en")).data.tips.length).toBeGreaterThanOrEqual(3)

      // nothing is added or changed twice; a deleted new default does not come back
      const addedTip = stored.get(added[0])!
      await ctx.api.delete(`${TIPS}/${addedTip.id}`, ctx.admin)
      const again = await ctx.api.get(`${TIPS}?limit=200`, ctx.admin)
      expect(again.data.count).toBe(current.size - 2)
      expect(again.data.tips.map((t: { default_key: string }) => t.default_key)).not.toContain(added[0])
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

      await ctx.api.post(`${TIPS}/${shown.id}`, { active: false }, ctx.admin)
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

    it("should fill the placeholders from the shop details, and show a tip with an empty one without that sentence", async () => {
      const { data: listed } = await ctx.api.get(`${TIPS}?placement=payment&locale=de`, ctx.admin)
      const statement = listed.tips.find((t: { default_key: string }) => t.default_key === "statement_descriptor.payment.de")
      const before = await storeTips("?placement=payment&locale=de")
      expect(JSON.stringify(before.data)).not.toContain("{statement_descriptor}")
      // the statement tip is there, without the sentence naming the descriptor
      const waiting = before.data.tips.find((t: ShopperTip) => t.id === statement.id)
      expect(waiting).toBeDefined()
      expectReadable(waiting)
      expect(waiting.html).not.toContain("<strong>")

      await setShop(SHOP)
      const after = await storeTips("?placement=payment&locale=de", { "if-none-match": before.headers.etag })
      expect(after.status).toBe(200)
      expect(after.headers.etag).not.toBe(before.headers.etag)
      expect(after.data.tips.map((t: ShopperTip) => t.id)).toEqual(before.data.tips.map((t: ShopperTip) => t.id))
      const filled = after.data.tips.find((t: ShopperTip) => t.id === statement.id)
      expect(filled.html).toContain("<strong>KAFFEE*CO SHOP</strong>")
      expect(filled.html.length).toBeGreaterThan(waiting.html.length)

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
      await ctx.api.post(`${TIPS}/${one.id}`, { body: "Geändert" }, ctx.admin)
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
})

import { parse } from "csv-parse/sync"
import { prepareEntryData } from "../../src/engine"
import { PAYMENT_RISK_MODULE } from "../../src/modules/payment-risk"
import PaymentRiskModuleService from "../../src/modules/payment-risk/service"
import { startsLikeFormula } from "../../src/engine/csv-cell"
import { GERMAN_ADDRESS, shopper } from "../helpers/checkout"
import { createFlagEverythingRule, placeOrder, waitForReview } from "../helpers/review"
import { PROVIDERS } from "../helpers/store"
import { withTestStore } from "../helpers/test-store"

/** What a shopper types as his name so that a spreadsheet opening the export follows a link. */
const HYPERLINK = '=HYPERLINK("http://x","y")'
const MEIER = { kind: "person" as const, ...GERMAN_ADDRESS, reason: "Rechnung nicht bezahlt", source: "dunning" as const }

type Row = Record<string, string>

withTestStore({ timeout: 180 * 1000 }, (ctx) => {
  const lenient = () => ({ ...ctx.admin, validateStatus: () => true })
  const service = () => ctx.container.resolve<PaymentRiskModuleService>(PAYMENT_RISK_MODULE)
  const count = async () => (await ctx.api.get("/admin/payment-risk/negative-list?limit=1", ctx.admin)).data.count as number

  const exportText = async () => {
    const res = await ctx.api.get("/admin/payment-risk/negative-list/export", { ...ctx.admin, responseType: "text" })
    expect(res.status).toBe(200)
    return String(res.data)
  }
  const exportRows = async (): Promise<Row[]> => parse(await exportText(), { columns: true, bom: true })
  /** Every cell of the export that a spreadsheet would run as a formula (`column: value`). */
  const formulaCells = (rows: Row[]) =>
    rows.flatMap((row) => Object.entries(row).filter(([, cell]) => startsLikeFormula(cell)).map(([column, cell]) => `${column}: ${cell}`))
  /** The negative-list entries a cart's decision names (evaluate route, nothing stored). */
  const listedEntryIds = async (cartId: string) => {
    const { data } = await ctx.api.post("/admin/payment-risk/evaluate", { cart_id: cartId }, ctx.admin)
    const reasons = (data.decision.hidden as Array<{ reasons: Array<{ check: string; values: { entry_id: string } }> }>).flatMap((h) => h.reasons)
    return [...new Set(reasons.filter((r) => r.check === "negative_list").map((r) => r.values.entry_id))]
  }

  describe("when the merchant lists an order whose shopper named himself like a spreadsheet formula", () => {
    it("should list the person with the formula neutralised, export no formula, and restrict his next cart", async () => {
      expect((await createFlagEverythingRule(ctx.api, ctx.admin)).status).toBe(201)
      const { orderId } = await placeOrder(ctx.api, ctx.store, {
        email: "hyperlink@example.com",
        address: { first_name: "Eve", last_name: HYPERLINK },
      })
      await waitForReview(ctx.api, ctx.admin, orderId, "pending")

      const res = await ctx.api.post(`/admin/payment-risk/reviews/${orderId}/list`, { note: "Ware nie bezahlt" }, lenient())
      expect(res.status).toBe(200)
      const entries = res.data.entries as Array<Record<string, string>>
      expect(entries.map((e) => e.kind).sort()).toEqual(["email", "person", "phone"])
      const person = entries.find((e) => e.kind === "person")!
      expect(person).toMatchObject({ first_name: "Eve", last_name: 'HYPERLINK("http://x","y")', address_1: "Hauptstraße 5" })
      // a phone number keeps its +
      expect(entries.find((e) => e.kind === "phone")).toMatchObject({ value: "+49301234567" })

      const rows = await exportRows()
      expect(rows).toHaveLength(3)
      expect(formulaCells(rows)).toEqual([])
      expect(rows.find((row) => row.kind === "person")).toMatchObject({ last_name: 'HYPERLINK("http://x","y")' })
      // the phone number stays readable: one quote in front, which spreadsheets show as text
      expect(rows.find((row) => row.kind === "phone")).toMatchObject({ value: "'+49301234567" })

      // his next cart (another email, no phone, the same name with the formula) is still caught by the person entry
      const next = await ctx.api.post(
        "/store/carts",
        {
          region_id: ctx.store.regionId,
          email: "new-address@example.com",
          items: [{ variant_id: ctx.store.cheapVariantId, quantity: 1 }],
          shipping_address: { ...GERMAN_ADDRESS, first_name: "Eve", last_name: HYPERLINK },
          billing_address: { ...GERMAN_ADDRESS, first_name: "Eve", last_name: HYPERLINK },
        },
        shopper(ctx.api, ctx.store).headers
      )
      const cartId = next.data.cart.id as string
      expect(await listedEntryIds(cartId)).toEqual([person.id])
      expect(await shopper(ctx.api, ctx.store).allowedIds(cartId)).toEqual([PROVIDERS.prepayment])
    })

    it("should refuse a reason or note of the merchant that starts like a formula, naming the field, and list nothing", async () => {
      const { orderId } = await placeOrder(ctx.api, ctx.store, { email: "reason@example.com" })
      for (const [body, field] of [
        [{ reason: "=cmd|' /C calc'!A0" }, "reason"],
        [{ note: "@SUM(1+1)" }, "note"],
      ] as const) {
        const res = await ctx.api.post(`/admin/payment-risk/reviews/${orderId}/list`, body, lenient())
        expect(res.status).toBe(400)
        expect(res.data.message).toContain(`'${field}'`)
        expect(res.data.message).toMatch(/spreadsheet/i)
      }
      expect(await count()).toBe(0)
    })
  })

  describe("when entries stored before the write paths refused formulas are exported", () => {
    it("should put a quote in front of every cell that starts like a formula and re-import the file as it was", async () => {
      const secret = service().getHashKeys()
      const legacy = prepareEntryData(
        { ...MEIER, first_name: "@SUM(1+1)", last_name: HYPERLINK, reason: "-1+1", note: "+cmd|' /C calc'!A0" },
        secret
      )
      const phone = prepareEntryData({ kind: "phone", value: "+49 30 1234567", reason: "Betrug", source: "manual" }, secret)
      if (!legacy.ok || !phone.ok) throw new Error("fixture not valid")
      await service().createListEntry(legacy.entry, null)
      await service().createListEntry(phone.entry, null)

      const text = await exportText()
      const rows: Row[] = parse(text, { columns: true, bom: true })
      expect(formulaCells(rows)).toEqual([])
      expect(rows.find((row) => row.kind === "person")).toMatchObject({
        first_name: "'@SUM(1+1)",
        last_name: `'${HYPERLINK}`,
        reason: "'-1+1",
        note: "'+cmd|' /C calc'!A0",
      })
      expect(rows.find((row) => row.kind === "phone")).toMatchObject({ value: "'+49301234567" })
      // no line of the file starts a cell with a formula character, quoted or not
      expect(text).not.toMatch(/(^|,)"?[=+\-@]/m)
      // every cell is quoted, so a spreadsheet splitting on ";" or tabs keeps a cell whole
      for (const line of text.trim().split("\n")) expect(line).toMatch(/^("[^"]*(""[^"]*)*"|)(,("[^"]*(""[^"]*)*"|))*$/)

      // importing the export again: the phone number comes back as it was (the same entry, so it
      // is updated, not doubled), the formula name is refused
      const again = await ctx.api.post("/admin/payment-risk/negative-list/import", text, {
        headers: { ...ctx.admin.headers, "content-type": "text/csv" },
        validateStatus: () => true,
      })
      expect(again.data).toMatchObject({ imported: 0, updated: 1, rejected_count: 1, rejected: [expect.objectContaining({ field: "first_name" })] })
      const check = await ctx.api.post("/admin/payment-risk/negative-list/check", { phone: "+49 30 1234567" }, ctx.admin)
      expect(check.data.matches).toHaveLength(1)
    })
  })

  describe("when the merchant types a value that starts like a formula", () => {
    it.each([
      ["last_name", { ...MEIER, last_name: HYPERLINK }],
      ["first_name", { ...MEIER, first_name: "@SUM(1+1)" }],
      ["company", { ...MEIER, company: "-2+3" }],
      ["address_1", { ...MEIER, address_1: "+cmd|' /C calc'!A0" }],
      ["city", { ...MEIER, city: "=1+1" }],
      ["postal_code", { ...MEIER, postal_code: "=10115" }],
      ["reason", { ...MEIER, reason: "=cmd" }],
      ["note", { ...MEIER, note: "\t=cmd" }],
      ["value", { kind: "email", value: "=x@example.com", reason: "Betrug" }],
    ] as Array<[string, Record<string, unknown>]>)("should answer 400 naming %s on create and store nothing", async (field, body) => {
      const res = await ctx.api.post("/admin/payment-risk/negative-list", body, lenient())
      expect(res.status).toBe(400)
      expect(res.data.message).toContain(`'${field}'`)
      expect(res.data.message).toMatch(/spreadsheet/i)
      expect(await count()).toBe(0)
    })

    it("should answer 400 naming the field on update and leave the entry as it was", async () => {
      const created = await ctx.api.post("/admin/payment-risk/negative-list", MEIER, ctx.admin)
      const id = created.data.entry.id
      for (const [body, field] of [
        [{ last_name: HYPERLINK }, "last_name"],
        [{ note: "@SUM(1+1)" }, "note"],
        [{ value: "=x" }, "value"],
      ] as const) {
        const res = await ctx.api.post(`/admin/payment-risk/negative-list/${id}`, body, lenient())
        expect(res.status).toBe(400)
        expect(res.data.message).toContain(`'${field}'`)
      }
      const detail = await ctx.api.get(`/admin/payment-risk/negative-list/${id}`, ctx.admin)
      expect(detail.data.entry).toMatchObject({ last_name: "Meier", note: null })
      expect(detail.data.audit.map((a: { action: string }) => a.action)).toEqual(["create"])
    })

    it("should still accept phone numbers with +, and names with a hyphen or quote inside", async () => {
      const phone = await ctx.api.post("/admin/payment-risk/negative-list", { kind: "phone", value: "+49 30 1234567", reason: "Betrug" }, lenient())
      expect(phone.status).toBe(201)
      expect(phone.data.entry.value).toBe("+49301234567")
      const person = await ctx.api.post("/admin/payment-risk/negative-list", { ...MEIER, last_name: "Müller-Lüdenscheidt", company: "O'Brien & Co" }, lenient())
      expect(person.status).toBe(201)
      const updated = await ctx.api.post(`/admin/payment-risk/negative-list/${phone.data.entry.id}`, { value: "+49 30 7654321" }, lenient())
      expect(updated.status).toBe(200)
      expect(updated.data.entry.value).toBe("+49307654321")
    })
  })
})

import { shopper } from "../helpers/checkout"
import { PROVIDERS } from "../helpers/store"
import { withTestStore } from "../helpers/test-store"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import type { Knex } from "@medusajs/framework/mikro-orm/knex"

const HEADER = "kind,first_name,last_name,company,address_1,address_2,postal_code,city,country_code,value,reason,source,expires_at,note"
const CSV = [
  HEADER,
  'person,Hans,Meier,,"Hauptstraße 5",,10115,Berlin,de,,Mahnstufe 3,dunning,,',
  "iban,,,,,,,,,DE89 3704 0044 0532 0130 00,Rücklastschrift,return_debit,,",
  "email,,,,,,,,,Betrug@Example.DE,Betrugsverdacht,,,aus Altsystem",
  "iban,,,,,,,,,DE89 3704 0044 0532 0130 01,Prüfziffer falsch,return_debit,,",
  "planet,,,,,,,,,x,unbekannt,,,",
  "email,,,,,,,,,a@b.de,,,,",
  "ip,,,,,,,,,10.0.0.0/33,Bot,,,",
  "email,,,,,,,,,old@example.de,abgelaufen,,2020-01-01,",
].join("\n")

withTestStore((ctx) => {
  const csvHeaders = () => ({ headers: { ...ctx.admin.headers, "content-type": "text/csv" }, validateStatus: () => true })
  const importCsv = (csv: string) => ctx.api.post("/admin/payment-risk/negative-list/import", csv, csvHeaders())
  const count = async () => (await ctx.api.get("/admin/payment-risk/negative-list?limit=1", ctx.admin)).data.count

  describe("when a CSV with good and bad rows is imported", () => {
    it("should import the good rows and report each bad one with its line and field", async () => {
      const res = await importCsv(CSV)
      expect(res.status).toBe(200)
      expect(res.data).toEqual({
        imported: 3,
        updated: 0,
        rejected_count: 5,
        rejected: [
          // code (+ params): the admin words each reason in its language; message: the API's English
          { line: 5, field: "value", message: expect.stringContaining("IBAN"), code: "value_invalid", params: { kind: "iban" } },
          { line: 6, field: "kind", message: expect.any(String), code: "one_of", params: { values: expect.stringContaining("email") } },
          { line: 7, field: "reason", message: expect.any(String), code: "required" },
          { line: 8, field: "value", message: expect.stringContaining("CIDR"), code: "value_invalid", params: { kind: "ip" } },
          { line: 9, field: "expires_at", message: expect.stringContaining("future"), code: "expires_past" },
        ],
      })
      expect(JSON.stringify(res.data)).not.toContain("0532013001")

      // a row without source is recorded as an import
      const imported = await ctx.api.get("/admin/payment-risk/negative-list?source=import", ctx.admin)
      expect(imported.data.entries).toEqual([expect.objectContaining({ kind: "email", value: "betrug@example.de", note: "aus Altsystem" })])
      const iban = (await ctx.api.get("/admin/payment-risk/negative-list?kind=iban", ctx.admin)).data.entries[0]
      expect(iban).toMatchObject({ source: "return_debit", display_hint: "DE …3000", value: expect.stringMatching(/^[0-9a-f]{64}$/) })
      const person = (await ctx.api.get("/admin/payment-risk/negative-list?kind=person", ctx.admin)).data.entries[0]
      expect(person).toMatchObject({ last_name: "Meier", source: "dunning" })
      const detail = await ctx.api.get(`/admin/payment-risk/negative-list/${person.id}`, ctx.admin)
      expect(detail.data.audit).toEqual([expect.objectContaining({ action: "create", actor_id: expect.any(String) })])

      // the imported person is checked at checkout like any other entry
      const shop = shopper(ctx.api, ctx.store)
      const cart = await shop.createCart({ email: "someone@example.com" })
      expect(await shop.allowedIds(cart.id)).toEqual([PROVIDERS.prepayment])
    })

    it("should commit many rows in batches", async () => {
      const rows = Array.from({ length: 2500 }, (_, i) => `email,,,,,,,,,user${i}@bulk.example,Bulk,,,`)
      const res = await importCsv([HEADER, ...rows, "email,,,,,,,,,kaputt,Bulk,,,"].join("\r\n"))
      expect(res.data).toMatchObject({ imported: 2500, rejected_count: 1, rejected: [{ line: 2502, field: "value" }] })
      expect(await count()).toBe(2500)
    })
  })

  describe("when the CSV cannot be read as a list", () => {
    it.each([
      ["an unknown column", "kind,reason,colour\nemail,x,red", "colour"],
      ["a missing reason column", "kind,value\nemail,a@b.de", "reason"],
    ])("should answer 400 for %s naming it and write nothing", async (_, csv, name) => {
      const res = await importCsv(csv)
      expect(res.status).toBe(400)
      expect(res.data.message).toContain(`'${name}'`)
      expect(await count()).toBe(0)
    })

    it("should answer 400 when the body is not sent as CSV", async () => {
      const res = await ctx.api.post("/admin/payment-risk/negative-list/import", { kind: "email" }, { ...ctx.admin, validateStatus: () => true })
      expect(res.status).toBe(400)
      expect(res.data.message).toContain("text/csv")
    })

    // text/plain and the form encodings are what a foreign page can send with the merchant's
    // cookie without a CORS preflight; the other types are no CSV content type either
    it.each([
      "text/plain",
      "text/plain; charset=utf-8",
      "application/x-www-form-urlencoded",
      "multipart/form-data; boundary=fuzz",
      "application/octet-stream",
      "application/csv",
      "text/csv-schema",
    ])("should refuse a CSV sent as %s with 400 naming text/csv and write nothing", async (type) => {
      const res = await ctx.api.post("/admin/payment-risk/negative-list/import", CSV, {
        headers: { ...ctx.admin.headers, "content-type": type },
        validateStatus: () => true,
      })
      expect(res.status).toBe(400)
      expect(res.data.message).toContain("text/csv")
      expect(await count()).toBe(0)
    })

    it.each(["text/csv; charset=utf-8", "Text/CSV"])("should import a CSV sent as %s", async (type) => {
      const res = await ctx.api.post("/admin/payment-risk/negative-list/import", `${HEADER}\nemail,,,,,,,,,a@example.de,Betrug,,,`, {
        headers: { ...ctx.admin.headers, "content-type": type },
        validateStatus: () => true,
      })
      expect(res.data).toMatchObject({ imported: 1, rejected_count: 0 })
    })
  })

  describe("when the list is exported", () => {
    it("should write hashes and display hints, never clear IBANs, and re-import what it exported", async () => {
      await importCsv(CSV)
      const res = await ctx.api.get("/admin/payment-risk/negative-list/export", { ...ctx.admin, responseType: "text" })
      expect(res.headers["content-type"]).toContain("text/csv")
      const text = String(res.data)
      const lines = text.trim().split("\n")
      // every cell quoted (a spreadsheet splitting on ";" keeps each cell whole)
      expect(lines[0]).toBe(
        "id,kind,first_name,last_name,company,address_1,address_2,postal_code,city,country_code,value,display_hint,reason,source,expires_at,note,created_at,created_by,key_id"
          .split(",")
          .map((column) => `"${column}"`)
          .join(",")
      )
      expect(lines).toHaveLength(4)
      expect(text).not.toMatch(/370400440532013000|0532 0130 00/)
      expect(text).toMatch(/"iban",+"[0-9a-f]{64}","DE …3000"/)

      const filtered = await ctx.api.get("/admin/payment-risk/negative-list/export?kind=email", { ...ctx.admin, responseType: "text" })
      expect(String(filtered.data).trim().split("\n")).toHaveLength(2)

      // the export imported again into the same store (same secret) updates the entries it holds instead of doubling them
      const again = await importCsv(text)
      expect(again.data).toMatchObject({ imported: 0, updated: 3, rejected_count: 0 })
      expect(await count()).toBe(3)
      const check = await ctx.api.post("/admin/payment-risk/negative-list/check", { iban: "DE89370400440532013000" }, ctx.admin)
      expect(check.data.matches).toHaveLength(1)

      // restored into an emptied list, the hashed IBAN comes back with the id of its secret and matches the clear IBAN
      const all = (await ctx.api.get("/admin/payment-risk/negative-list?limit=100", ctx.admin)).data.entries as Array<{ id: string }>
      for (const entry of all) await ctx.api.delete(`/admin/payment-risk/negative-list/${entry.id}`, ctx.admin)
      const restored = await importCsv(text)
      expect(restored.data).toMatchObject({ imported: 3, updated: 0, rejected_count: 0 })
      const restoredCheck = await ctx.api.post("/admin/payment-risk/negative-list/check", { iban: "DE89370400440532013000" }, ctx.admin)
      expect(restoredCheck.data.matches).toHaveLength(1)
      const ibans = (await ctx.api.get("/admin/payment-risk/negative-list?kind=iban", ctx.admin)).data.entries as Array<{ key_id: string }>
      expect(ibans).toHaveLength(1)
      expect(ibans[0].key_id).toMatch(/^hk_[0-9a-f]{12}$/)
    })
  })

  describe("when the admin opens a customer or an order", () => {
    it("should list the matches of the customer's addresses and of the order's data", async () => {
      await importCsv(CSV)
      const customer = await ctx.api.post(
        "/admin/customers",
        { email: "hans.meyer@example.com", first_name: "Hans", last_name: "Meyer" },
        ctx.admin
      )
      const id = customer.data.customer.id
      await ctx.api.post(
        `/admin/customers/${id}/addresses`,
        { address_1: "Hauptstr. 5", postal_code: "10115", city: "Berlin", country_code: "de" },
        ctx.admin
      )
      const matches = await ctx.api.get(`/admin/payment-risk/negative-list/matches?customer_id=${id}`, ctx.admin)
      expect(matches.data.matches).toEqual([
        expect.objectContaining({
          certain: true,
          entry: expect.objectContaining({ kind: "person", last_name: "Meier" }),
          matched_on: expect.arrayContaining(["last_name", "first_name", "street", "house_number", "postal_code"]),
        }),
      ])

      const shop = shopper(ctx.api, ctx.store)
      const { completion } = await shop.checkout({ email: "betrug@example.de", providerId: PROVIDERS.prepayment })
      const order = await ctx.api.get(`/admin/payment-risk/negative-list/matches?order_id=${completion.data.order.id}`, ctx.admin)
      expect(order.data.matches.map((m: { entry: { kind: string } }) => m.entry.kind).sort()).toEqual(["email", "person"])
    })

    it.each([
      ["", "customer_id"],
      ["?customer_id=cus_1&order_id=order_1", "customer_id"],
      ["?foo=1", "foo"],
    ])("should answer 400 for %s naming %s", async (query, field) => {
      const res = await ctx.api.get(`/admin/payment-risk/negative-list/matches${query}`, { ...ctx.admin, validateStatus: () => true })
      expect(res.status).toBe(400)
      expect(res.data.message).toContain(field)
    })

    it("should answer 404 for an unknown customer", async () => {
      const res = await ctx.api.get("/admin/payment-risk/negative-list/matches?customer_id=cus_nope", { ...ctx.admin, validateStatus: () => true })
      expect(res.status).toBe(404)
    })
  })

  describe("when a request has no admin authentication", () => {
    it.each([
      ["post", "/admin/payment-risk/negative-list/import"],
      ["get", "/admin/payment-risk/negative-list/export"],
      ["get", "/admin/payment-risk/negative-list/matches?customer_id=cus_1"],
    ])("should answer 401 to %s %s", async (method, url) => {
      const config = { validateStatus: () => true, headers: { "content-type": "text/csv" } }
      const res = method === "get" ? await ctx.api.get(url, config) : await ctx.api.post(url, HEADER, config)
      expect(res.status).toBe(401)
    })
  })
  describe("when an import runs (issue 18: bulk load in batches, how far it got)", () => {
    const sql = async (text: string, bindings: Knex.RawBinding[] = []) =>
      (await ctx.container.resolve<Knex>(ContainerRegistrationKeys.PG_CONNECTION).raw(text, bindings)).rows as Array<Record<string, unknown>>
    const imports = async (query = "") => ctx.api.get(`/admin/payment-risk/negative-list/imports${query}`, { ...ctx.admin, validateStatus: () => true })

    it("should commit batches with their audit rows and record the run with its last line and counts", async () => {
      const rows = Array.from({ length: 12_000 }, (_, i) => `email,,,,,,,,,run${i}@bulk.example,Bulk,,,`)
      const res = await importCsv([HEADER, ...rows, "email,,,,,,,,,kaputt,Bulk,,,"].join("\n"))
      expect(res.data).toMatchObject({ imported: 12_000, updated: 0, rejected_count: 1 })
      const runId = res.headers["x-import-run-id"]
      expect(runId).toMatch(/^prnli_/)

      const list = await imports()
      expect(list.status).toBe(200)
      expect(list.data).toMatchObject({ count: 1, limit: 20, offset: 0 })
      expect(list.data.imports).toEqual([
        expect.objectContaining({ id: runId, status: "finished", last_line: 12_002, batches: 3, batch_size: 5000, imported: 12_000, updated: 0, rejected: 1, error: null, finished_at: expect.any(String) }),
      ])
      const [counts] = await sql(
        `select (select count(*) from payment_risk_negative_list_entry)::int as entries,
                (select count(*) from payment_risk_negative_list_audit where action = 'create')::int as audits`
      )
      expect(counts).toEqual({ entries: 12_000, audits: 12_000 })

      // imported again: every row updates its entry (one audit row each), nothing is doubled
      const again = await importCsv([HEADER, ...rows.slice(0, 6000)].join("\n"))
      expect(again.data).toMatchObject({ imported: 0, updated: 6000, rejected_count: 0 })
      expect(await count()).toBe(12_000)
      expect((await imports()).data.imports[0]).toMatchObject({ id: again.headers["x-import-run-id"], status: "finished", last_line: 6001, batches: 2, updated: 6000 })
    })

    it("should keep text with tabs, backslashes and quotes as typed through the bulk load", async () => {
      const res = await importCsv(`${HEADER}\nperson,"Hans\\Karl","O'Meier ""Hansi""",,"Hauptstraße\t5",,10115,Berlin,de,,"Grund\\n mit ""Zitat""",,,"Notiz\r\nzweite Zeile"`)
      expect(res.data).toMatchObject({ imported: 1, rejected_count: 0 })
      const [entry] = (await ctx.api.get("/admin/payment-risk/negative-list?kind=person", ctx.admin)).data.entries
      expect(entry).toMatchObject({ first_name: "Hans\\Karl", last_name: 'O\'Meier "Hansi"', address_1: "Hauptstraße\t5", reason: 'Grund\\n mit "Zitat"', note: "Notiz\r\nzweite Zeile" })
      const check = await ctx.api.post("/admin/payment-risk/negative-list/check", { first_name: "Hans", last_name: "O'Meier", address_1: "Hauptstr. 5", postal_code: "10115", city: "Berlin", country_code: "de" }, ctx.admin)
      expect(check.status).toBe(200)
    })

    it("should record no run for an import that stores nothing", async () => {
      const res = await importCsv(`${HEADER}\nemail,,,,,,,,,kaputt,Bulk,,,`)
      expect(res.data).toMatchObject({ imported: 0, rejected_count: 1 })
      expect(res.headers["x-import-run-id"]).toBeUndefined()
      expect((await imports()).data).toMatchObject({ imports: [], count: 0 })
    })

    it("should read a run left running by a session that is gone as interrupted, with the line it reached", async () => {
      // a run row as the import writes it, from the session that runs the statement (alive: the pool keeps it)
      const insert = (id: string, session: string, startedAt: string) =>
        sql(
          `insert into payment_risk_negative_list_import (id, status, batch_size, last_line, batches, imported, rejected, backend_pid, backend_start, started_at)
           select ?, 'running', 5000, 10001, 2, 10000, 0, ${session}, ? from pg_stat_activity where pid = pg_backend_pid()`,
          [id, startedAt]
        )
      await insert("prnli_dead", "2000000000, backend_start", "2026-12-01T10:00:00Z")
      // the same pid with another start time is another session (pids are reused)
      await insert("prnli_reused", "pid, backend_start - interval '1 day'", "2026-12-01T11:00:00Z")
      await insert("prnli_alive", "pid, backend_start", "2026-12-01T12:00:00Z")
      const res = await imports()
      expect(res.data.imports.map((run: { id: string; status: string; last_line: number }) => [run.id, run.status, run.last_line])).toEqual([
        ["prnli_alive", "running", 10001],
        ["prnli_reused", "interrupted", 10001],
        ["prnli_dead", "interrupted", 10001],
      ])
      expect((await imports("?limit=1&offset=1")).data).toMatchObject({ count: 3, imports: [expect.objectContaining({ id: "prnli_reused" })] })
    })

    it.each([
      ["?foo=1", "foo"],
      ["?limit=0", "limit"],
      ["?limit=101", "limit"],
      ["?offset=-1", "offset"],
    ])("should answer 400 to GET imports%s naming %s", async (query, field) => {
      const res = await imports(query)
      expect(res.status).toBe(400)
      expect(res.data.message).toContain(field)
    })

    it("should answer 401 to GET imports without admin authentication", async () => {
      const res = await ctx.api.get("/admin/payment-risk/negative-list/imports", { validateStatus: () => true })
      expect(res.status).toBe(401)
    })
  })
})

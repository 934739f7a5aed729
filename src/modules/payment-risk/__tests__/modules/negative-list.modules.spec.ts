import { DAY, paymentRiskModuleSuite, preparedEntry, rows } from "./runner"

jest.setTimeout(60_000)

const LIST_ENTRY_DAYS = 1095

paymentRiskModuleSuite(({ service, db }) => {
  const entries = () => rows(db(), `select id, kind, value, first_name, city, reason, note, created_by, updated_by, expires_at from payment_risk_negative_list_entry order by value`)
  const audits = () => rows(db(), `select entry_id, action, actor_id, changes from payment_risk_negative_list_audit order by created_at, id`)

  describe("insertListEntries", () => {
    it("should insert every entry with one 'create' audit row of masked values, and give entries without an expiry the default one", async () => {
      const fixed = new Date("2031-05-06T00:00:00.000Z")
      const before = Date.now()
      const inserted = await service.insertListEntries(
        [
          preparedEntry({ value: "anna@example.com", lookup_keys: ["email:anna@example.com"] }),
          preparedEntry({ value: "bert@example.com", lookup_keys: ["email:bert@example.com"], expires_at: fixed }),
          preparedEntry({ value: "carl@example.com", lookup_keys: ["email:carl@example.com"], note: "lone \ud800 surrogate" }),
        ],
        "user_1"
      )
      expect(inserted).toEqual({ inserted: 3, updated: 0 })

      const stored = await entries()
      expect(stored.map((e) => [e.value, e.created_by])).toEqual([
        ["anna@example.com", "user_1"],
        ["bert@example.com", "user_1"],
        ["carl@example.com", "user_1"],
      ])
      expect(stored.every((e) => String(e.id).startsWith("prnle_"))).toBe(true)
      expect(stored[2].note).toBe("lone \ufffd surrogate")
      expect(new Date(stored[1].expires_at as string).toISOString()).toBe(fixed.toISOString())
      const defaultExpiry = new Date(stored[0].expires_at as string).getTime()
      expect(defaultExpiry).toBeGreaterThanOrEqual(before + LIST_ENTRY_DAYS * DAY - 1000)
      expect(defaultExpiry).toBeLessThanOrEqual(Date.now() + LIST_ENTRY_DAYS * DAY)

      const trail = await audits()
      expect(trail).toHaveLength(3)
      expect(new Set(trail.map((a) => a.entry_id))).toEqual(new Set(stored.map((e) => e.id)))
      const anna = trail.find((a) => a.entry_id === stored[0].id)!
      expect(anna).toMatchObject({ action: "create", actor_id: "user_1" })
      expect(anna.changes).toMatchObject({ kind: [null, "email"], value: [null, "a… (16)"], reason: [null, "c… (10)"] })
    })

    it("should write nothing for an empty batch", async () => {
      expect(await service.insertListEntries([], "user_1")).toEqual({ inserted: 0, updated: 0 })
      expect(await entries()).toEqual([])
    })

    it("should update an entry equal to a stored one instead of adding it twice, and store rows repeated within a batch once", async () => {
      const person = (overrides: Partial<Parameters<typeof preparedEntry>[0]> = {}) =>
        preparedEntry({
          kind: "person",
          value: null,
          first_name: "Kunigunde",
          last_name: "Meier",
          address_1: "Hauptstr. 5",
          postal_code: "10115",
          city: "Berlin",
          country_code: "de",
          lookup_keys: ["person:meier|10115", "addr:hauptstr|5|10115"],
          search_text: "kunigunde meier hauptstr. 5 10115 berlin",
          ...overrides,
        })
      expect(await service.insertListEntries([preparedEntry(), person()], "user_1")).toEqual({ inserted: 2, updated: 0 })
      const again = await service.insertListEntries(
        [preparedEntry({ reason: "changed in the file" }), person({ first_name: " kunigunde ", city: "BERLIN", note: "re-imported" }), person({ first_name: "Kuni" })],
        "user_2"
      )
      expect(again).toEqual({ inserted: 1, updated: 2 })
      const stored = await entries()
      expect(stored).toHaveLength(3)
      expect(stored.find((e) => e.kind === "email")).toMatchObject({ reason: "changed in the file", updated_by: "user_2", created_by: "user_1" })
      expect(stored.find((e) => e.first_name === "Kunigunde")).toMatchObject({ note: "re-imported", city: "Berlin" })
      expect((await audits()).map((a) => a.action).sort()).toEqual(["create", "create", "create", "update", "update"])

      const repeated = await service.insertListEntries([preparedEntry({ value: "twice@example.com" }), preparedEntry({ value: "twice@example.com", note: "second" })], null)
      expect(repeated).toEqual({ inserted: 1, updated: 1 })
      expect((await entries()).filter((e) => e.value === "twice@example.com")).toEqual([expect.objectContaining({ note: "second" })])
    })

    it("should write nothing of a batch one of whose rows is refused", async () => {
      await expect(
        service.insertListEntries([preparedEntry(), preparedEntry({ kind: "bogus" as "email", value: "x" })], "user_1")
      ).rejects.toThrow()
      expect(await entries()).toEqual([])
      expect(await audits()).toEqual([])
    })
  })

  describe("createListEntry, updateListEntry and deleteListEntry", () => {
    it("should record who changed which field, masked, and delete the entry for good", async () => {
      const expires_at = new Date("2031-01-01T00:00:00.000Z")
      const entry = await service.createListEntry(preparedEntry({ note: null, expires_at }), "user_1", { order_id: "order_1" })
      const [created] = await rows(db(), `select order_id, created_by from payment_risk_negative_list_entry`)
      expect(created).toEqual({ order_id: "order_1", created_by: "user_1" })

      await service.updateListEntry(entry.id, preparedEntry({ note: "Irrelevant", expires_at }), "user_2")
      await service.deleteListEntry(entry.id, "user_3")

      expect(await entries()).toEqual([])
      const trail = await audits()
      expect(trail.map((a) => [a.action, a.actor_id])).toEqual([
        ["create", "user_1"],
        ["update", "user_2"],
        ["delete", "user_3"],
      ])
      expect(trail[1].changes).toEqual({ note: [null, "I… (10)"] })
      expect(trail[2].changes).toEqual({})
    })
  })

  describe("findListCandidates", () => {
    it("should return live entries sharing a key, those sharing more keys first, within the limit", async () => {
      await service.insertListEntries(
        [
          preparedEntry({ value: "one-key", lookup_keys: ["k1", "x"] }),
          preparedEntry({ value: "two-keys", lookup_keys: ["k1", "k2"] }),
          preparedEntry({ value: "expired", lookup_keys: ["k1", "k2"], expires_at: new Date(Date.now() - DAY) }),
          preparedEntry({ value: "deleted", lookup_keys: ["k1", "k2"] }),
          preparedEntry({ value: "unrelated", lookup_keys: ["k9"] }),
        ],
        null
      )
      await db().raw(`update payment_risk_negative_list_entry set deleted_at = now() where value = 'deleted'`)

      expect((await service.findListCandidates(["k1", "k2"])).map((e) => e.value)).toEqual(["two-keys", "one-key"])
      expect((await service.findListCandidates(["k1", "k2"], 1)).map((e) => e.value)).toEqual(["two-keys"])
      expect(await service.findListCandidates([])).toEqual([])
    })
  })

  describe("streamListEntries", () => {
    it("should read every live entry matching the filters, a page at a time", async () => {
      await service.insertListEntries(
        ["a", "b", "c", "d", "e"].map((v) => preparedEntry({ value: `${v}@example.com`, search_text: `${v}@example.com` })),
        null
      )
      await service.insertListEntries([preparedEntry({ kind: "phone", value: "+4930123456", search_text: "+4930123456" })], null)
      const pages: unknown[][] = []
      for await (const page of service.streamListEntries({ kind: "email" }, 2)) pages.push(page.map((e) => e.value))
      expect(pages).toHaveLength(3)
      expect(pages.flat().sort()).toEqual(["a", "b", "c", "d", "e"].map((v) => `${v}@example.com`))

      const found: unknown[] = []
      for await (const page of service.streamListEntries({ q: "3012" })) found.push(...page.map((e) => e.kind))
      expect(found).toEqual(["phone"])
    })
  })

  describe("rekeyListEntries", () => {
    it("should move live entries onto the new key and leave deleted ones alone", async () => {
      await service.insertListEntries(
        [
          preparedEntry({ kind: "iban", value: "old-hash-1", key_id: "k_old", lookup_keys: ["iban:old-hash-1"] }),
          preparedEntry({ kind: "iban", value: "old-hash-2", key_id: "k_old", lookup_keys: ["iban:old-hash-2"] }),
        ],
        null
      )
      const stored = await rows<{ id: string; value: string }>(db(), `select id, value from payment_risk_negative_list_entry order by value`)
      await db().raw(`update payment_risk_negative_list_entry set deleted_at = now() where id = ?`, [stored[1].id])
      const moved = await service.rekeyListEntries(
        stored.map((e) => ({ id: e.id, value: e.value.replace("old", "new"), key_id: "k_new", lookup_keys: [`iban:${e.value.replace("old", "new")}`] }))
      )
      expect(moved).toBe(1)
      expect(await service.countHashKeyUse()).toEqual({ list_entries: { k_new: 1 }, credit_queries: {} })
    })
  })
})

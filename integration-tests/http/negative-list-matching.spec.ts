import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { entryKeys } from "../../src/engine/list-matching/keys"
import { recomputeListKeys } from "../../src/migration-scripts/negative-list-lookup-keys"
import { PROVIDERS } from "../helpers/store"
import { withTestStore } from "../helpers/test-store"

/** Issue 14 §1: the new kinds of spelling variants end to end, and the keys of entries stored before. */
const place = (address_1: string, postal_code: string, city: string) => ({ address_1, postal_code, city, country_code: "de" })
const STEFAN = { first_name: "Stefan", last_name: "Becker", ...place("Hauptstraße 7", "10115", "Berlin") }
const MEHMET = { first_name: "Mehmet", last_name: "Yılmaz", ...place("Keupstraße 40", "51063", "Köln") }
const JORG = { first_name: "Jörg", last_name: "Schulz", ...place("Ringstraße 8", "20095", "Hamburg") }
const JAN = { first_name: "Jan", last_name: "Burg", ...place("Mühlenstraße 9", "30159", "Hannover") }

type Match = { entry: { id: string; last_name: string }; certain: boolean; matched_on: string[] }

withTestStore((ctx) => {
  const list = async (person: Record<string, string>) => {
    const { data } = await ctx.api.post("/admin/payment-risk/negative-list", { kind: "person", reason: "Rücklastschrift", ...person }, ctx.admin)
    return data.entry.id as string
  }
  const check = async (body: Record<string, string>) =>
    (await ctx.api.post("/admin/payment-risk/negative-list/check", body, ctx.admin)).data.matches as Match[]

  describe("when customer service checks a spelling variant of a listed person", () => {
    it.each<[string, Record<string, string>, Record<string, string>, boolean | null]>([
      ["the house number glued to the abbreviated street", STEFAN, { ...STEFAN, address_1: "Hauptstr.7" }, true],
      ["the house number after Nr.", STEFAN, { ...STEFAN, address_1: "Hauptstraße Nr. 7" }, true],
      ["the house number in address_2", STEFAN, { ...STEFAN, address_1: "Hauptstraße", address_2: "7" }, true],
      ["Stephan for Stefan, glued", STEFAN, { ...STEFAN, first_name: "Stephan", address_1: "Hauptstraße7" }, true],
      ["Yilmaz for Yılmaz, Keupstr without a dot", MEHMET, { ...MEHMET, last_name: "Yilmaz", address_1: "Keupstr 40" }, true],
      ["a typing error in the first name and in the street (possible)", JORG, { ...JORG, first_name: "Jrg", address_1: "Rinngstraße 8" }, false],
      ["Berg for Burg (possible only)", JAN, { ...JAN, last_name: "Berg" }, false],
      ["Jana for Jan (another person)", JAN, { ...JAN, first_name: "Jana" }, null],
      ["Daniela for Stefan's neighbour Daniel (another person)", { ...STEFAN, first_name: "Daniel" }, { ...STEFAN, first_name: "Daniela" }, null],
      ["the neighbour, glued", STEFAN, { ...STEFAN, address_1: "Hauptstraße8" }, null],
    ])("should answer for %s", async (_, listed, typed, certain) => {
      const id = await list(listed)
      const matches = await check(typed)
      if (certain === null) {
        expect(matches).toEqual([])
      } else {
        expect(matches).toHaveLength(1)
        expect(matches[0]).toMatchObject({ entry: { id }, certain })
      }
    })
  })

  describe("when a listed person shops with the house number glued to the street", () => {
    it("should offer only prepayment, and the unlisted neighbour more", async () => {
      await list(STEFAN)
      const cart = async (address_1: string, first_name = "Stephan") => {
        const address = { ...STEFAN, first_name, address_1 }
        const { data } = await ctx.api.post(
          "/store/carts",
          {
            region_id: ctx.store.regionId,
            email: `${address_1.replace(/\W/g, "")}@example.com`,
            items: [{ variant_id: ctx.store.cheapVariantId, quantity: 1 }],
            billing_address: address,
            shipping_address: address,
          },
          { headers: { "x-publishable-api-key": ctx.store.publishableKey } }
        )
        const res = await ctx.api.get(`/store/carts/${data.cart.id}/payment-providers`, {
          headers: { "x-publishable-api-key": ctx.store.publishableKey },
        })
        return (res.data.payment_providers as Array<{ id: string }>).map((p) => p.id).sort()
      }
      expect(await cart("Hauptstr.7")).toEqual([PROVIDERS.prepayment])
      expect(await cart("Hauptstr.9")).toEqual(expect.arrayContaining([PROVIDERS.prepayment, PROVIDERS.cod]))
    })
  })

  describe("when entries were stored with the keys of the earlier matching", () => {
    it("should recompute their lookup keys and search text in batches, once", async () => {
      const pg = ctx.container.resolve(ContainerRegistrationKeys.PG_CONNECTION)
      const old = [
        // an import of "Hauptstr.7" had no house number in its keys
        { id: "prnle_old_glued", first_name: "Stefan", last_name: "Becker", address_1: "Hauptstr.7", postal_code: "10115", city: "Berlin", keys: ["pc:de:10115:", "st:de:127:0182878:"], text: "stefan becker" },
        // "Łukasz" was folded to "ukasz"
        { id: "prnle_old_polish", first_name: "Łukasz", last_name: "Nowak", address_1: "Bahnhofstraße 15b", postal_code: "60311", city: "Frankfurt am Main", keys: ["pc:de:60311:15b"], text: "łukasz ukasz nowak nowak" },
      ]
      for (const row of old) {
        await pg.raw(
          `insert into payment_risk_negative_list_entry
             (id, kind, first_name, last_name, address_1, postal_code, city, country_code, reason, source, lookup_keys, search_text)
           values (?, 'person', ?, ?, ?, ?, ?, 'de', 'Rücklastschrift', 'return_debit', ?::text[], ?)`,
          [row.id, row.first_name, row.last_name, row.address_1, row.postal_code, row.city, row.keys, row.text]
        )
      }
      const typed = { ...STEFAN, address_1: "Hauptstraße 7" }
      expect(await check(typed)).toEqual([])

      expect(await recomputeListKeys(pg, 1)).toEqual({ read: 2, updated: 2 })

      const { rows } = await pg.raw("select id, lookup_keys, search_text from payment_risk_negative_list_entry order by id")
      const glued = rows.find((r: { id: string }) => r.id === "prnle_old_glued")
      expect(glued.lookup_keys).toEqual(entryKeys({ kind: "person", ...old[0] }))
      expect(glued.lookup_keys).toContain("pc:de:10115:7")
      const polish = rows.find((r: { id: string }) => r.id === "prnle_old_polish")
      expect(polish.search_text).toContain("lukasz")
      expect((await check(typed)).map((m) => m.entry.id)).toEqual(["prnle_old_glued"])
      expect((await check({ first_name: "Lukasz", last_name: "Nowak", ...place("Bahnhofstr. 15 b", "60311", "Frankfurt am Main") })).map((m) => m.certain)).toEqual([true])

      // idempotent: nothing left to rewrite
      expect(await recomputeListKeys(pg)).toEqual({ read: 2, updated: 0 })
    })
  })
})

import { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { creditIdentity, EntryInput, hashKeyId, hashKeys, HashKeys, LEGACY_KEY_ID, legacyKeyedHash, prepareEntryData } from "../../src/engine"
import { PAYMENT_RISK_MODULE } from "../../src/modules/payment-risk"
import PaymentRiskModuleService from "../../src/modules/payment-risk/service"
import { hashKeyStatus } from "../../src/risk/hash-keys/rekey"
import { checkNegativeList } from "../../src/risk/negative-list/check-negative-list"
import { GERMAN_ADDRESS, shopper } from "../helpers/checkout"
import { withTestStore } from "../helpers/test-store"

// The app of this spec runs after a rotation: secret B is current, A is kept for matching
// (medusa-config.ts reads both at boot).
const SECRET_A = "rotation-secret-a-1f2e3d4c5b6a"
const SECRET_B = "rotation-secret-b-6a5b4c3d2e1f"
process.env.PAYMENT_RISK_HASH_SECRET = SECRET_B
process.env.PAYMENT_RISK_PREVIOUS_HASH_SECRETS = SECRET_A

const IBAN_CHECKED = "DE89370400440532013000"
const IBAN_UNSEEN = "GB82WEST12345698765432"
const IBAN_LEGACY = "NL91ABNA0417164300"
const PERSON = { first_name: "Kunigunde", last_name: "Quastenberg", address_1: "Zwetschgenallee 17", postal_code: "39261", city: "Zerbst", country_code: "de" }
const EMAIL = "kunigunde@quastenberg.example"
const listed = { reason: "Rücklastschrift", source: "return_debit" as const }

type Pg = { raw: (sql: string, bindings?: unknown[]) => Promise<{ rows: any[] }> }

/**
 * The module's own service with other configured secrets: the same instance (same repositories
 * and SQL), only `getHashKeys` answers as a server started with these plugin options would.
 */
function withKeys(container: MedusaContainer, keys: HashKeys): MedusaContainer {
  const service = container.resolve<PaymentRiskModuleService>(PAYMENT_RISK_MODULE)
  const rotated = Object.create(service, { getHashKeys: { value: () => keys } }) as PaymentRiskModuleService
  return { ...container, resolve: ((name: string) => (name === PAYMENT_RISK_MODULE ? rotated : container.resolve(name))) as MedusaContainer["resolve"] } as MedusaContainer
}

withTestStore((ctx) => {
  const lenient = () => ({ ...ctx.admin, validateStatus: () => true })
  const service = () => ctx.container.resolve<PaymentRiskModuleService>(PAYMENT_RISK_MODULE)
  const pg = () => ctx.container.resolve<Pg>(ContainerRegistrationKeys.PG_CONNECTION)

  /** An entry as a server with only secret A stored it (the admin route's preparation). */
  const listUnderA = async (input: Omit<EntryInput, "reason" | "source">) => {
    const prepared = prepareEntryData({ ...listed, ...input } as EntryInput, hashKeys(SECRET_A))
    if (!prepared.ok) throw new Error(`fixture not valid: ${prepared.message}`)
    return (await service().createListEntry(prepared.entry, null)).id as string
  }
  const keyIdOf = async (id: string) => (await pg().raw("select key_id, value from payment_risk_negative_list_entry where id = ?", [id])).rows[0]
  const checkHttp = async (body: Record<string, unknown>) =>
    (await ctx.api.post("/admin/payment-risk/negative-list/check", body, ctx.admin)).data.matches.map((m: { entry: { id: string } }) => m.entry.id)
  const checkWith = async (keys: HashKeys, subject: Parameters<typeof checkNegativeList>[1]) =>
    (await checkNegativeList(withKeys(ctx.container, keys), subject)).matches.map(({ entry }) => entry.id)

  describe("when entries were listed under secret A and the app runs with B and previous [A]", () => {
    it("should keep matching IBAN, person and email entries, before and after re-keying", async () => {
      const iban = await listUnderA({ kind: "iban", value: IBAN_CHECKED })
      const person = await listUnderA({ kind: "person", ...PERSON })
      const email = await listUnderA({ kind: "email", value: EMAIL })
      expect(await keyIdOf(iban)).toMatchObject({ key_id: hashKeyId(SECRET_A) })

      const subject = { iban: IBAN_CHECKED, first_name: PERSON.first_name, last_name: PERSON.last_name, address_1: PERSON.address_1, postal_code: PERSON.postal_code, city: PERSON.city, country_code: "de", email: EMAIL }
      expect((await checkHttp(subject)).sort()).toEqual([iban, person, email].sort())

      // the check saw the clear IBAN: its entry now carries B's hash and key id
      expect(await keyIdOf(iban)).toMatchObject({ key_id: hashKeyId(SECRET_B), value: hashKeys(SECRET_B).hash("iban", IBAN_CHECKED) })

      const rekey = await ctx.api.post("/admin/payment-risk/hash-keys/rekey", {}, ctx.admin)
      expect(rekey.status).toBe(200)
      expect(rekey.data.rekey).toMatchObject({ current_key_id: hashKeyId(SECRET_B), active_key_ids: [hashKeyId(SECRET_B), hashKeyId(SECRET_A)], list_entries_on_earlier_keys: 0, list_entries_unmatchable: 0 })
      expect(JSON.stringify(rekey.data)).not.toContain(SECRET_A)
      expect(JSON.stringify(rekey.data)).not.toContain(SECRET_B)

      expect((await checkHttp(subject)).sort()).toEqual([iban, person, email].sort())
      // and once A is dropped from the options as well: every one of them was moved to B or holds no keyed hash
      const withoutA = { addresses: [PERSON], iban: IBAN_CHECKED, email: EMAIL }
      expect((await checkWith(hashKeys(SECRET_B), withoutA)).sort()).toEqual([iban, person, email].sort())
    })
  })

  describe("when an IBAN entry under A was never seen again by a check", () => {
    it("should match it only while A is among the previous secrets, and report it", async () => {
      const iban = await listUnderA({ kind: "iban", value: IBAN_UNSEEN })

      const status = await ctx.api.get("/admin/payment-risk/hash-keys", ctx.admin)
      expect(status.data.hash_keys).toMatchObject({ list_entries: { [hashKeyId(SECRET_A)]: 1 }, list_entries_on_earlier_keys: 1, list_entries_unmatchable: 0 })

      // re-keying cannot recompute it (no clear IBAN is stored): it stays on A and still matches
      const rekey = await ctx.api.post("/admin/payment-risk/hash-keys/rekey", {}, ctx.admin)
      expect(rekey.data.rekey).toMatchObject({ list_entries_on_earlier_keys: 1 })
      expect(await keyIdOf(iban)).toMatchObject({ key_id: hashKeyId(SECRET_A) })

      // a server with B alone does not find it; with B and previous [A] it does (and, having
      // seen the clear IBAN, moves the entry to B)
      expect(await checkWith(hashKeys(SECRET_B), { addresses: [], iban: IBAN_UNSEEN })).toEqual([])
      expect(await checkWith(hashKeys(SECRET_B, [SECRET_A]), { addresses: [], iban: IBAN_UNSEEN })).toEqual([iban])
      expect(await keyIdOf(iban)).toMatchObject({ key_id: hashKeyId(SECRET_B) })
    })

    it("should count it as unmatchable once A is dropped", async () => {
      await listUnderA({ kind: "iban", value: IBAN_UNSEEN })
      const status = await hashKeyStatus(withKeys(ctx.container, hashKeys(SECRET_B)).resolve(PAYMENT_RISK_MODULE))
      expect(status).toMatchObject({ list_entries_unmatchable: 1, list_entries_on_earlier_keys: 0 })
    })
  })

  describe("when an entry was stored before per-purpose keys (HMAC with secret A itself)", () => {
    it("should still match while A is configured and move to B when a check sees it", async () => {
      const prepared = prepareEntryData({ ...listed, kind: "iban", value: IBAN_LEGACY }, hashKeys(SECRET_A))
      if (!prepared.ok) throw new Error("fixture not valid")
      const stored = { ...prepared.entry, value: legacyKeyedHash(SECRET_A, "iban", IBAN_LEGACY), key_id: LEGACY_KEY_ID }
      const id = (await service().createListEntry({ ...stored, lookup_keys: [`ib:${stored.value}`] }, null)).id as string

      expect(await checkWith(hashKeys(SECRET_B), { addresses: [], iban: IBAN_LEGACY })).toEqual([])
      expect(await checkHttp({ iban: IBAN_LEGACY })).toEqual([id])
      expect(await keyIdOf(id)).toMatchObject({ key_id: hashKeyId(SECRET_B) })
      expect(await checkWith(hashKeys(SECRET_B), { addresses: [], iban: IBAN_LEGACY })).toEqual([id])
    })
  })

  describe("when a credit answer was cached under A", () => {
    it("should be found under B with previous [A], and re-keyed to B from the cart's address", async () => {
      const shop = shopper(ctx.api, ctx.store)
      const cart = await shop.createCart({ email: "credit@example.com" })
      const identity = creditIdentity(GERMAN_ADDRESS)!
      const underA = hashKeys(SECRET_A).hash("credit_identity", identity)
      await service().createCreditQueries({ provider_id: "sandbox", identity_hash: underA, key_id: hashKeyId(SECRET_A), cart_id: cart.id, result: "none", cost: 1 })

      const candidates = (keys: HashKeys) => keys.candidates("credit_identity", identity).map((c) => c.hash)
      expect(await service().findCachedCreditAnswer(candidates(hashKeys(SECRET_B, [SECRET_A])), 30)).toMatchObject({ identity_hash: underA })
      expect(await service().findCachedCreditAnswer(candidates(hashKeys(SECRET_B)), 30)).toBeNull()

      const rekey = await ctx.api.post("/admin/payment-risk/hash-keys/rekey", {}, ctx.admin)
      expect(rekey.data.rekey).toMatchObject({ credit_queries_read: 1, credit_queries_rekeyed: 1, credit_queries: { [hashKeyId(SECRET_B)]: 1 } })
      expect(await service().findCachedCreditAnswer(candidates(hashKeys(SECRET_B)), 30)).toMatchObject({
        identity_hash: hashKeys(SECRET_B).hash("credit_identity", identity),
        key_id: hashKeyId(SECRET_B),
      })
    })
  })

  describe("when the merchant has not accepted card numbers (accept_card_numbers unset)", () => {
    it("should refuse a card number with a 400 naming the field, and accept a card fingerprint", async () => {
      const check = await ctx.api.post("/admin/payment-risk/negative-list/check", { card_number: "4242 4242 4242 4242" }, lenient())
      expect(check.status).toBe(400)
      expect(check.data.message).toContain("'card_number'")
      expect(check.data.message).toMatch(/PCI DSS/)
      expect(check.data.message).not.toContain("4242424242424242")

      const entry = await ctx.api.post("/admin/payment-risk/negative-list", { kind: "card", value: "4242 4242 4242 4242", ...listed }, lenient())
      expect(entry.status).toBe(400)
      expect(entry.data.message).toContain("'value'")
      expect(entry.data.message).toMatch(/accept_card_numbers/)

      const fingerprint = await ctx.api.post("/admin/payment-risk/negative-list", { kind: "card", value: "fp_Xt5EWLLDS7FJjR1c", ...listed }, lenient())
      expect(fingerprint.status).toBe(201)
      expect(fingerprint.data.entry.key_id).toBe(hashKeyId(SECRET_B))
      expect(await checkHttp({ card_fingerprint: "fp_Xt5EWLLDS7FJjR1c" })).toEqual([fingerprint.data.entry.id])
    })
  })
})

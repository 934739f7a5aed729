import { createHmac } from "node:crypto"
import { derivePurposeKey, HashPurpose, hashKeyId, hashKeys, keyedHash, LEGACY_KEY_ID, legacyKeyedHash } from "../payment-data"

const SECRET_A = "secret-a-0123456789abcdef"
const SECRET_B = "secret-b-0123456789abcdef"
const PURPOSES: HashPurpose[] = [
  "iban", "card", "card_fingerprint", "credit_identity", "signal_email", "signal_phone", "signal_address", "signal_ip", "probing_identity",
]

/** RFC 5869 written out with HMAC only, to check the derivation is plain HKDF-SHA256. */
function rfc5869(ikm: string, salt: string, info: string, length: number): Buffer {
  const prk = createHmac("sha256", salt).update(ikm).digest()
  const t1 = createHmac("sha256", prk).update(Buffer.concat([Buffer.from(info), Buffer.from([1])])).digest()
  return t1.subarray(0, length)
}

describe("hash keys", () => {
  describe("when a key is derived for a purpose", () => {
    it("should be HKDF-SHA256 of the secret with the plugin's salt and the purpose as info", () => {
      for (const purpose of PURPOSES) {
        expect(derivePurposeKey(SECRET_A, purpose).equals(rfc5869(SECRET_A, "medusa-payment-risk", `medusa-payment-risk:v1:${purpose}`, 32))).toBe(true)
      }
    })

    it("should be stable: the same secret and purpose always give the same key and hash", () => {
      expect(derivePurposeKey(SECRET_A, "iban").toString("hex")).toBe(derivePurposeKey(SECRET_A, "iban").toString("hex"))
      expect(keyedHash(SECRET_A, "iban", "DE89370400440532013000")).toBe(keyedHash(SECRET_A, "iban", "DE89370400440532013000"))
      // pinned: a change of salt, info or algorithm would make every stored hash unmatchable
      expect(keyedHash(SECRET_A, "iban", "DE89370400440532013000")).toBe(
        createHmac("sha256", rfc5869(SECRET_A, "medusa-payment-risk", "medusa-payment-risk:v1:iban", 32)).update("DE89370400440532013000").digest("hex")
      )
    })

    it("should give every purpose its own key, and every secret its own keys", () => {
      const keys = PURPOSES.map((purpose) => derivePurposeKey(SECRET_A, purpose).toString("hex"))
      expect(new Set(keys).size).toBe(PURPOSES.length)
      expect(keys).not.toContain(derivePurposeKey(SECRET_B, "iban").toString("hex"))
      const hashes = PURPOSES.map((purpose) => keyedHash(SECRET_A, purpose, "same value"))
      expect(new Set(hashes).size).toBe(PURPOSES.length)
    })

    it("should differ from the legacy scheme (HMAC with the secret itself over purpose:value)", () => {
      expect(legacyKeyedHash(SECRET_A, "iban", "X")).toBe(createHmac("sha256", SECRET_A).update("iban:X").digest("hex"))
      expect(keyedHash(SECRET_A, "iban", "X")).not.toBe(legacyKeyedHash(SECRET_A, "iban", "X"))
    })
  })

  describe("when a secret is named by its key id", () => {
    it("should give a stable id per secret that does not contain the secret", () => {
      expect(hashKeyId(SECRET_A)).toMatch(/^hk_[0-9a-f]{12}$/)
      expect(hashKeyId(SECRET_A)).toBe(hashKeyId(SECRET_A))
      expect(hashKeyId(SECRET_B)).not.toBe(hashKeyId(SECRET_A))
      expect(hashKeyId(SECRET_A)).not.toContain("secret")
    })
  })

  describe("when the secret was rotated (current B, previous A)", () => {
    const keys = hashKeys(SECRET_B, [SECRET_A])

    it("should hash new values with the current secret and name it", () => {
      expect(keys.current_id).toBe(hashKeyId(SECRET_B))
      expect(keys.active_ids).toEqual([hashKeyId(SECRET_B), hashKeyId(SECRET_A)])
      expect(keys.hash("iban", "X")).toBe(keyedHash(SECRET_B, "iban", "X"))
    })

    it("should offer the hashes under every configured secret and the legacy scheme, current first", () => {
      expect(keys.candidates("iban", "X")).toEqual([
        { key_id: hashKeyId(SECRET_B), hash: keyedHash(SECRET_B, "iban", "X") },
        { key_id: hashKeyId(SECRET_A), hash: keyedHash(SECRET_A, "iban", "X") },
        { key_id: LEGACY_KEY_ID, hash: legacyKeyedHash(SECRET_B, "iban", "X") },
        { key_id: LEGACY_KEY_ID, hash: legacyKeyedHash(SECRET_A, "iban", "X") },
      ])
    })

    it("should offer nothing of a secret that is no longer configured", () => {
      const hashes = hashKeys(SECRET_B).candidates("iban", "X").map((candidate) => candidate.hash)
      expect(hashes).not.toContain(keyedHash(SECRET_A, "iban", "X"))
      expect(hashes).not.toContain(legacyKeyedHash(SECRET_A, "iban", "X"))
    })

    it("should ignore the current secret listed again among the previous ones", () => {
      expect(hashKeys(SECRET_B, [SECRET_B]).active_ids).toEqual([hashKeyId(SECRET_B)])
    })
  })
})

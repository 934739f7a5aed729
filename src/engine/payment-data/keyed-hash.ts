import { createHmac, hkdfSync } from "node:crypto"

/**
 * What a keyed hash is for. Each purpose gets its own key, derived from the plugin's
 * `hash_secret` with HKDF (RFC 5869, SHA-256), so a hash made for one purpose never equals a
 * hash of the same digits made for another, and no table's hashes can be tested against
 * another's.
 */
export type HashPurpose =
  | "iban"
  | "card"
  | "card_fingerprint"
  | "credit_identity"
  | "signal_email"
  | "signal_phone"
  | "signal_address"
  | "signal_ip"
  | "probing_identity"

/**
 * Key id of values stored before per-purpose keys (HMAC-SHA256 keyed with the secret itself over
 * `purpose:value`). Such values still match under whichever configured secret made them.
 */
export const LEGACY_KEY_ID = "legacy"

const SALT = "medusa-payment-risk"
const INFO = "medusa-payment-risk:v1:"

/** The 32-byte key of one purpose: HKDF-SHA256(secret, salt "medusa-payment-risk", info "…:v1:<purpose>"). */
export function derivePurposeKey(secret: string, purpose: HashPurpose | "key_id"): Buffer {
  return Buffer.from(hkdfSync("sha256", secret, SALT, `${INFO}${purpose}`, 32))
}

/**
 * Public id of a secret (`hk_` + 12 hex digits, derived with HKDF under its own purpose), stored
 * next to a hashed value so the merchant sees which entries still depend on an earlier secret.
 * It reveals no more about the secret than any stored hash does.
 */
export function hashKeyId(secret: string): string {
  return `hk_${derivePurposeKey(secret, "key_id").subarray(0, 6).toString("hex")}`
}

/** Keyed hash of a normalised value: HMAC-SHA256 with the purpose's derived key. */
export function keyedHash(secret: string, purpose: HashPurpose, value: string): string {
  return createHmac("sha256", derivePurposeKey(secret, purpose)).update(value).digest("hex")
}

/** The scheme before per-purpose keys: HMAC-SHA256 with the secret over `purpose:value`. */
export function legacyKeyedHash(secret: string, purpose: HashPurpose, value: string): string {
  return createHmac("sha256", secret).update(`${purpose}:${value}`).digest("hex")
}

export type KeyedValue = { key_id: string; hash: string }

/**
 * The configured secrets: the current one hashes everything new; earlier ones (plugin option
 * `previous_hash_secrets`, at most two) only match what they hashed before.
 */
export type HashKeys = {
  /** id of the current secret, stored with every newly hashed long-lived value */
  current_id: string
  /** ids of the current and the earlier secrets */
  active_ids: string[]
  /** hash under the current secret */
  hash(purpose: HashPurpose, value: string): string
  /**
   * hashes under every configured secret, current first, then each earlier secret, then the
   * legacy scheme of each secret (deduplicated): what a stored value may equal
   */
  candidates(purpose: HashPurpose, value: string): KeyedValue[]
}

/** Keys from the current secret and the earlier ones kept for matching (derived keys are cached). */
export function hashKeys(secret: string, previous: readonly string[] = []): HashKeys {
  const secrets = [secret, ...previous.filter((other) => other !== secret)]
  const ids = secrets.map(hashKeyId)
  const derived = new Map<string, Buffer>()
  const keyOf = (index: number, purpose: HashPurpose) => {
    const name = `${index}:${purpose}`
    let key = derived.get(name)
    if (!key) derived.set(name, (key = derivePurposeKey(secrets[index], purpose)))
    return key
  }
  const hashWith = (index: number, purpose: HashPurpose, value: string) => createHmac("sha256", keyOf(index, purpose)).update(value).digest("hex")
  return {
    current_id: ids[0],
    active_ids: ids,
    hash: (purpose, value) => hashWith(0, purpose, value),
    candidates: (purpose, value) => [
      ...secrets.map((_, index) => ({ key_id: ids[index], hash: hashWith(index, purpose, value) })),
      ...secrets.map((other) => ({ key_id: LEGACY_KEY_ID, hash: legacyKeyedHash(other, purpose, value) })),
    ],
  }
}

const IBAN_LIKE = /\b[A-Z]{2}\d{2}(?:[ ]?[A-Z0-9]{4}){2,7}(?:[ ]?[A-Z0-9]{1,3})?\b/gi
const CARD_LIKE = /\b(?:\d[ -]?){12,18}\d\b/g

/** Masks anything that looks like an IBAN or a card number (for logs and error messages). */
export function redactPaymentData(text: string): string {
  return text.replace(IBAN_LIKE, "[iban]").replace(CARD_LIKE, "[card]")
}

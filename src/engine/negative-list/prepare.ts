import { entryKeys, searchText } from "../list-matching/keys"
import { checkCardNumber, checkEmail, checkEmailDomain, checkIban, checkIpOrCidr, checkPhone, HashKeys, hashKeys, isCardFingerprint } from "../payment-data"
import type { ListAction } from "../types"
import { NegativeListKind, NegativeListSource, PersonAddress, StoredPersonAddress } from "./types"

/** An entry as typed by the merchant (admin form, API body or CSV row). */
export type EntryInput = PersonAddress & {
  kind: NegativeListKind
  /** email, domain, phone, IBAN, card number or fingerprint, IP/CIDR, customer id */
  value?: string | null
  reason: string
  source: NegativeListSource
  expires_at?: Date | string | null
  note?: string | null
}

/** Validated, normalised and hashed: what is stored. No clear IBAN or card number survives. */
export type PreparedEntryData = StoredPersonAddress & {
  kind: NegativeListKind
  value: string | null
  display_hint: string | null
  /** id of the secret a hashed value (IBAN, card) was made with; null for clear values */
  key_id: string | null
  reason: string
  source: NegativeListSource
  note: string | null
  expires_at: Date | null
  lookup_keys: string[]
  search_text: string
  /** the entry's own action (outcomes' consequences); absent or null: the list's action for its kind */
  action?: ListAction | null
}

/**
 * Why an entry is refused, for texts in the merchant's language (the admin words each code in
 * German and English; `message` is the API's English text).
 */
export type EntryProblem =
  | "reason_required"
  | "date_invalid"
  | "country_code"
  | "person_name"
  | "street_required"
  | "place_required"
  | "value_required"
  | "value_invalid"
  | "card_number_refused"

export type Prepared =
  | { ok: true; entry: PreparedEntryData }
  | { ok: false; field: string; message: string; code: EntryProblem }

/** A hashed value kept as it is on update (the clear value is not known any more), with the id of its secret. */
export type KeptHash = { value: string; display_hint: string | null; key_id: string | null }

/** What the merchant's plugin options allow an entry to hold. */
export type EntryPolicy = {
  /**
   * full card numbers (PAN) may be typed, imported and checked: only for a merchant whose PCI DSS
   * scope covers card numbers passing its server (plugin option `accept_card_numbers`)
   */
  accept_card_numbers: boolean
}

/** Why a full card number is refused where the merchant has not accepted that PCI scope. */
export function cardNumberRefusal(field: string): string {
  return (
    `${field} is a full card number, which this store does not accept: card numbers would pass through the server ` +
    "and put it in PCI DSS scope. Use the card fingerprint of your payment provider instead, or set the plugin option " +
    "accept_card_numbers: true if your PCI compliance covers card numbers."
  )
}

const clean = (value?: string | null): string | null => {
  const trimmed = (value ?? "").trim()
  return trimmed ? trimmed : null
}

type Value =
  | { value: string; display_hint: string | null; key_id?: string }
  | { field: string; message: string; code: EntryProblem }

/** Checks and normalises the single value of a kind; hashes IBANs and cards with the current key. */
function prepareValue(kind: NegativeListKind, raw: string, keys: HashKeys, country: string | null, policy: EntryPolicy): Value {
  const invalid = (message: string) => ({ field: "value", message: `value ${message}`, code: "value_invalid" as const })
  switch (kind) {
    case "email": {
      const r = checkEmail(raw)
      return r.ok ? { value: r.email, display_hint: null } : invalid(r.message)
    }
    case "email_domain": {
      const r = checkEmailDomain(raw)
      return r.ok ? { value: r.domain, display_hint: null } : invalid(r.message)
    }
    case "phone": {
      const r = checkPhone(raw, country ?? "DE")
      return r.ok ? { value: r.e164, display_hint: null } : invalid(r.message)
    }
    case "iban": {
      const r = checkIban(raw)
      return r.ok
        ? { value: keys.hash("iban", r.iban), display_hint: `${r.country} …${r.last4}`, key_id: keys.current_id }
        : invalid(r.message)
    }
    case "card": {
      const trimmed = raw.trim()
      if (isCardFingerprint(trimmed)) {
        return { value: keys.hash("card_fingerprint", trimmed), display_hint: `fingerprint …${trimmed.slice(-4)}`, key_id: keys.current_id }
      }
      if (!policy.accept_card_numbers) return { field: "value", message: cardNumberRefusal("value"), code: "card_number_refused" }
      const r = checkCardNumber(trimmed)
      return r.ok
        ? { value: keys.hash("card", r.number), display_hint: `${r.brand} …${r.last4}`, key_id: keys.current_id }
        : invalid(r.message)
    }
    case "ip": {
      const r = checkIpOrCidr(raw)
      return r.ok ? { value: r.value, display_hint: null } : invalid(r.message)
    }
    case "customer":
      return /^[A-Za-z0-9_]{3,100}$/.test(raw.trim())
        ? { value: raw.trim(), display_hint: null }
        : invalid("is not a customer id")
    default:
      return invalid(`is not used by kind ${kind}`)
  }
}

/**
 * Validates an entry for its kind and computes what is stored: person entries need a last name
 * or a company plus street and postcode or city; address entries street and postcode or city;
 * all other kinds a `value`. Errors name the field. IBANs and cards are hashed with the current
 * key (`keys`; a bare secret string is read as keys without earlier secrets); a full card number
 * only where `policy.accept_card_numbers` (default: refused, card fingerprints only).
 */
export function prepareEntryData(
  input: EntryInput,
  keys: HashKeys | string,
  kept?: KeptHash,
  policy: EntryPolicy = { accept_card_numbers: false }
): Prepared {
  const ring = typeof keys === "string" ? hashKeys(keys) : keys
  const fields = {
    first_name: clean(input.first_name),
    last_name: clean(input.last_name),
    company: clean(input.company),
    address_1: clean(input.address_1),
    address_2: clean(input.address_2),
    postal_code: clean(input.postal_code),
    city: clean(input.city),
    country_code: clean(input.country_code)?.toLowerCase() ?? null,
  }
  const reason = clean(input.reason)
  if (!reason) return { ok: false, field: "reason", message: "reason is required", code: "reason_required" }
  const expires = input.expires_at ? new Date(input.expires_at) : null
  if (expires && Number.isNaN(expires.getTime())) {
    return { ok: false, field: "expires_at", message: "expires_at is not a date", code: "date_invalid" }
  }
  if (fields.country_code && !/^[a-z]{2}$/.test(fields.country_code)) {
    return { ok: false, field: "country_code", message: "country_code must be a two-letter ISO code", code: "country_code" }
  }

  let value: string | null = null
  let display_hint: string | null = null
  let key_id: string | null = null
  if (input.kind === "person" || input.kind === "address") {
    if (input.kind === "person" && !fields.last_name && !fields.company) {
      return { ok: false, field: "last_name", message: "last_name (or company) is required for a person", code: "person_name" }
    }
    if (!fields.address_1) {
      return {
        ok: false,
        field: "address_1",
        message: `address_1 (street and house number) is required for ${input.kind === "person" ? "a person" : "an address"}`,
        code: "street_required",
      }
    }
    if (!fields.postal_code && !fields.city) {
      return { ok: false, field: "postal_code", message: "postal_code or city is required", code: "place_required" }
    }
  } else if (kept && (input.kind === "iban" || input.kind === "card") && !clean(input.value)) {
    value = kept.value
    display_hint = kept.display_hint
    key_id = kept.key_id
  } else {
    const raw = clean(input.value)
    if (!raw) return { ok: false, field: "value", message: `value is required for kind ${input.kind}`, code: "value_required" }
    const result = prepareValue(input.kind, raw, ring, fields.country_code, policy)
    if ("field" in result) return { ok: false, ...result }
    value = result.value
    display_hint = result.display_hint
    key_id = result.key_id ?? null
  }

  const stored = { kind: input.kind, ...fields, value }
  return {
    ok: true,
    entry: {
      ...stored,
      display_hint,
      key_id,
      reason,
      source: input.source,
      note: clean(input.note),
      expires_at: expires,
      lookup_keys: entryKeys(stored),
      search_text: searchText({ ...stored, display_hint }),
    },
  }
}

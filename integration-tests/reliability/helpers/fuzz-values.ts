/**
 * The hostile values the bad-input generator draws from. Everything is fixed or derived from a
 * seeded PRNG, so a run can be repeated exactly (`FUZZ_SEED`).
 */

/** mulberry32: small, fast, good enough to pick values and garbage bytes reproducibly. */
export function seededRandom(seed: number) {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

export type Random = ReturnType<typeof seededRandom>

export const pick = <T>(random: Random, items: readonly T[]): T => items[Math.floor(random() * items.length)]

/** 1 MB: far above every field's limit; used a few times per route only (run time). */
export const HUGE_STRING = "x".repeat(1024 * 1024)

/** Unicode that breaks naive code: storage (NUL, lone surrogates), display (RTL, zero-width), length (emoji, combining marks). */
export const UNICODE_EDGE = {
  nul: "fu\u0000zz",
  lone_surrogate: "fu\uD800zz",
  rtl_override: "\u202Efuzz",
  zero_width: "fu\u200Bzz",
  emoji: "🙂👩‍👩‍👧‍👦",
  combining: "e\u0301\u0302\u0303\u0304",
} as const

/** Injection probes: each must be treated as plain data. */
export const INJECTION = {
  sql: "' OR 1=1 --",
  script: "<script>alert(1)</script>",
  template: "${7*7}",
  path: "../../etc/passwd",
  json: '{"$ne":null}',
  proto: "__proto__",
} as const

/** Unicode that can never be stored as text (NUL) or is not well-formed (lone surrogate): always invalid. */
export const UNSTORABLE = { nul: UNICODE_EDGE.nul, lone_surrogate: UNICODE_EDGE.lone_surrogate } as const

/** One value of every JSON type, keyed by the type name. */
export const JSON_TYPES = {
  number: 42,
  string: "fuzz",
  array: ["fuzz"],
  object: { fuzz: 1 },
  null: null,
  boolean: true,
} as const

/** Malformed JSON documents and bodies that are JSON but not an object. */
export const MALFORMED_JSON = {
  truncated: '{"a":',
  trailing_comma: '{"a":1,}',
  single_quotes: "{'a':1}",
  not_json: "fuzz",
  bare_array: "[]",
  bare_string: '"fuzz"',
  bare_number: "42",
  bare_null: "null",
} as const

/** Bytes that are not text, reproducible from the seed. */
export function garbageBytes(random: Random, length: number): Buffer {
  const bytes = Buffer.alloc(length)
  for (let i = 0; i < length; i++) bytes[i] = Math.floor(random() * 256)
  return bytes
}

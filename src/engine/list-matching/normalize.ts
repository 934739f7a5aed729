import latinize from "talisman/keyers/normalize"

const NON_ASCII = /[^\x00-\x7f]/
const NON_ALPHANUMERIC = /[^a-z0-9]+/g

/**
 * Folding for tolerant matching of German names and addresses. Two levels:
 * - `fold`: lowercase, ß→ss, ä/ö/ü→ae/oe/ue, letters of other languages to their Latin base
 *   letter (talisman's normaliser, i.e. lodash's `deburr`: Turkish ı/İ/ş/ğ/ç, Polish ł/ś/ż,
 *   Scandinavian å and æ→ae, Czech ř/č/š, José→jose; ø→oe as German writes it: Søren = Soeren),
 *   punctuation to spaces;
 * - `foldLoose`: `fold` plus ae/oe/ue→a/o/u, so Müller, Mueller and Muller all become "muller"
 *   (and Søren, Soeren and Soren "soren"). Applied to both sides alike, it only ever makes
 *   spellings converge.
 */
export function fold(value?: string | null): string {
  const lower = (value ?? "").toLowerCase()
  // plain ASCII (most input) has no German letters to write out, nothing to transliterate, and
  // NFKD leaves it as it is: only the punctuation step applies (the decision folds several
  // names and streets per cart, and the list check every candidate's)
  if (!NON_ASCII.test(lower)) return lower.replace(NON_ALPHANUMERIC, " ").trim()
  // each letter looked for before a replace runs (a search is cheaper than a regex pass)
  let german = lower
  if (german.includes("ß")) german = german.replace(/ß/g, "ss")
  if (german.includes("ä")) german = german.replace(/ä/g, "ae")
  if (german.includes("ö")) german = german.replace(/ö/g, "oe")
  if (german.includes("ü")) german = german.replace(/ü/g, "ue")
  if (german.includes("ø")) german = german.replace(/ø/g, "oe")
  // ASCII once umlauts and ß are written out (most German input): the same short way
  if (!NON_ASCII.test(german)) return german.replace(NON_ALPHANUMERIC, " ").trim()
  return latinize(german)
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(NON_ALPHANUMERIC, " ")
    .trim()
}

const loosen = (folded: string) =>
  folded.includes("e") ? folded.replace(/ae/g, "a").replace(/oe/g, "o").replace(/ue/g, "u") : folded

export function foldLoose(value?: string | null): string {
  return loosen(fold(value))
}

const TITLES = new Set(["dr", "prof", "herr", "frau", "hr", "fr", "dipl", "ing", "von", "van", "der", "de"])

/**
 * A name token in both folds: `loose` (Müller, Mueller, Muller → "muller") and `strict`
 * ("mueller", "muller"). The loose fold also shortens letters that were never an umlaut
 * (Bauer → "baur", Michael → "michal"), which can turn one typing error into two, so the
 * matcher compares both.
 */
export type NameToken = { loose: string; strict: string }

/** Name tokens in both folds: hyphenated and double names split, titles and particles dropped. */
export function nameTokenForms(...parts: Array<string | null | undefined>): NameToken[] {
  return parts
    .flatMap((part) => fold(part).split(" "))
    .map((strict) => ({ strict, loose: loosen(strict) }))
    .filter((token) => token.loose && !TITLES.has(token.loose))
}

/** Name tokens (loose fold): hyphenated and double names split, titles and particles dropped. */
export function nameTokens(...parts: Array<string | null | undefined>): string[] {
  return nameTokenForms(...parts).map((token) => token.loose)
}

export type Street = { name: string; number: string }

/** Abbreviations written out, so "Hauptstr." and "Hauptstraße" (and a typing error in either) compare alike. */
const ABBREVIATIONS: Array<[RegExp, string]> = [
  [/str\b/g, "strasse"],
  [/pl\b/g, "platz"],
  [/\bst\b/g, "sankt"],
]

/** "7", "7a", "7 a", "12-14", "12/1" (the letter or second number optional). */
const NUMBER = /(\d+(?:\s?[a-z])?(?:\s?\d+(?:\s?[a-z])?)?)/
const TRAILING_NUMBER = new RegExp(`^(.*?)\\s+${NUMBER.source}$`)
const ONLY_NUMBER = new RegExp(`^${NUMBER.source}$`)
/** "Nr.", "No.", "Hausnr.", "Hausnummer" before a number: not part of the street's name. */
const NUMBER_WORD = /(^|\s)(?:nr|no|hausnr|hausnummer)\s+(?=\d)/g

const cleanNumber = (number: string) => number.replace(/\s+/g, "").replace(/^0+(?=\d)/, "")

/**
 * Street name and house number: "Hauptstraße 5", "Hauptstr. 5", "hauptstrasse 5a",
 * "Str. des 17. Juni 12-14" → name with abbreviations written out and spaces removed
 * ("hauptstrasse"), number "5", "5a", "1214". Writing "str" out (instead of shortening
 * "strasse") keeps a typing error in the suffix at one edit.
 * Also read: a number glued to the street ("Hauptstraße7", "Hauptstr.7", "Am Markt1"), "Nr." before
 * it ("Hauptstraße Nr. 7"), the letter apart or in capitals ("7 a", "7 A" → "7a"), leading zeros
 * ("07" → "7"), and — when `address_1` has none — a number alone in `address_2` ("7", "Nr. 7a";
 * "2. OG" or "Hinterhaus" is no house number).
 */
export function parseStreet(address?: string | null, address2?: string | null): Street {
  const folded = fold(address)
    .replace(/([a-z])(\d)/g, "$1 $2")
    .replace(NUMBER_WORD, "$1")
    .trim()
  const match = folded.match(TRAILING_NUMBER)
  let number = match ? cleanNumber(match[2]) : ""
  if (!number && address2) {
    const second = fold(address2).replace(NUMBER_WORD, "$1").trim().match(ONLY_NUMBER)
    if (second) number = cleanNumber(second[1])
  }
  const name = ABBREVIATIONS.reduce((text, [pattern, full]) => text.replace(pattern, full), match ? match[1] : folded)
    .replace(/\s+/g, "")
  return { name: foldLoose(name), number }
}

export function normalizePostcode(postcode?: string | null): string {
  return (postcode ?? "").replace(/\s+/g, "").toUpperCase()
}

export function normalizeCountry(country?: string | null): string {
  return (country ?? "").trim().toLowerCase()
}

/**
 * Folding for tolerant matching of German names and addresses. Two levels:
 * - `fold`: lowercase, ß→ss, ä/ö/ü→ae/oe/ue, other diacritics removed (José→jose), punctuation
 *   to spaces;
 * - `foldLoose`: `fold` plus ae/oe/ue→a/o/u, so Müller, Mueller and Muller all become "muller".
 *   Applied to both sides alike, it only ever makes spellings converge.
 */
export function fold(value?: string | null): string {
  return (value ?? "")
    .toLowerCase()
    .replace(/ß/g, "ss")
    .replace(/ä/g, "ae")
    .replace(/ö/g, "oe")
    .replace(/ü/g, "ue")
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^a-z0-9]+/g, " ")
    .trim()
}

export function foldLoose(value?: string | null): string {
  return fold(value).replace(/ae/g, "a").replace(/oe/g, "o").replace(/ue/g, "u")
}

const TITLES = new Set(["dr", "prof", "herr", "frau", "hr", "fr", "dipl", "ing", "von", "van", "der", "de"])

/** Name tokens: hyphenated and double names split, titles and particles dropped. */
export function nameTokens(...parts: Array<string | null | undefined>): string[] {
  return parts
    .flatMap((part) => foldLoose(part).split(" "))
    .filter((token) => token && !TITLES.has(token))
}

export type Street = { name: string; number: string }

/**
 * Street name and house number: "Hauptstraße 5", "Hauptstr. 5", "hauptstrasse 5a",
 * "Str. des 17. Juni 12-14" → name with abbreviations written out and spaces removed
 * ("hauptstrasse"), number "5", "5a", "1214". Writing "str" out (instead of shortening
 * "strasse") keeps a typing error in the suffix at one edit.
 */
export function parseStreet(address?: string | null): Street {
  const folded = fold(address)
  const match = folded.match(/^(.*?)\s+(\d+(?:\s?[a-z])?(?:\s?\d+(?:\s?[a-z])?)?)$/)
  const name = (match ? match[1] : folded)
    .replace(/str\b/g, "strasse")
    .replace(/pl\b/g, "platz")
    .replace(/\s+/g, "")
  const number = match ? match[2].replace(/\s+/g, "") : ""
  return { name: foldLoose(name), number }
}

export function normalizePostcode(postcode?: string | null): string {
  return (postcode ?? "").replace(/\s+/g, "").toUpperCase()
}

export function normalizeCountry(country?: string | null): string {
  return (country ?? "").trim().toLowerCase()
}

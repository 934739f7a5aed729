import cologne from "talisman/phonetics/german/cologne"
import damerauLevenshtein from "talisman/metrics/damerau-levenshtein"

/** Kölner Phonetik of a folded token ("" for an empty one). */
export function phonetic(token: string): string {
  return token ? cologne(token) : ""
}

/**
 * Typing errors tolerated for a token of this length: 0 up to 3 letters, 1 up to 7, else 2.
 * First names (`strict`) one letter longer each: Lena/Lina or Paul/Saul are other people.
 */
export function allowedEdits(length: number, strict = false): number {
  const n = strict ? length - 1 : length
  return n <= 3 ? 0 : n <= 7 ? 1 : 2
}

/**
 * How alike two folded tokens are: 1 identical, 0.9 same German pronunciation (Meier/Meyer/
 * Maier, Schmidt/Schmitt), below that 1 − 0.1·edits within the allowed typing errors, else 0.
 * First names are compared `strict`, without the phonetic step: it ignores vowels, and Jan/Jana
 * or Jonas/Janis are different people.
 */
export function tokenSimilarity(a: string, b: string, options: { phonetic?: boolean; strict?: boolean } = {}): number {
  if (!a || !b) return 0
  if (a === b) return 1
  if (options.phonetic !== false && a.length > 1 && b.length > 1) {
    const code = phonetic(a)
    if (code && code === phonetic(b)) return 0.9
  }
  const edits = damerauLevenshtein(a, b)
  return edits <= allowedEdits(Math.min(a.length, b.length), options.strict) ? 1 - 0.1 * edits : 0
}

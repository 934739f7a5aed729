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

/** A name compared: how alike (0..1) and whether that is certain or only possible (for review). */
export type Likeness = { score: number; certain: boolean }

/**
 * The first sound of a folded token, spelling unified: Ph→F, Th→T, Ch/C→K (C before e/i/y → Z),
 * V→F, Y→I. Kölner Phonetik ignores H, J and vowels, so without this Jana/Hanna or Anna/Hanna
 * would sound alike.
 */
export function initialSound(token: string): string {
  return token
    .replace(/^ph/, "f")
    .replace(/^th/, "t")
    .replace(/^ch/, "k")
    .replace(/^c(?=[eiy])/, "z")
    .replace(/^c/, "k")
    .replace(/^v/, "f")
    .replace(/^y/, "i")
    .charAt(0)
}

/**
 * The vowels of a folded token in order, spelling unified: y and j→i (Maja/Maya), ai/ei one
 * sound (Meier, Maier, Meyer, Mayer), a doubled vowel once. Kölner Phonetik drops vowels (and J);
 * this keeps them, so Burg/Berg, Lena/Lina, Anna/Anja or Jens/Jonas do not count as the same sound.
 */
export function vowelSkeleton(token: string): string {
  return token
    .replace(/[jy]/g, "i")
    .replace(/ai/g, "ei")
    .replace(/([aeiou])\1+/g, "$1")
    .replace(/[^aeiou]/g, "")
}

/**
 * Spelled differently, said alike: the same Kölner Phonetik code (talisman), the same first
 * sound and the same vowels — Stefan/Stephan, Karl/Carl, Christoph/Kristof, Meier/Meyer/Maier,
 * Schmidt/Schmitt; not Burg/Berg, Jan/Jana, Hans/Heinz or Jana/Hanna.
 */
export function sameSound(a: string, b: string): boolean {
  if (a.length < 2 || b.length < 2) return false
  return phonetic(a) === phonetic(b) && initialSound(a) === initialSound(b) && vowelSkeleton(a) === vowelSkeleton(b)
}

/** A final y is no ending of its own: Kay/Kai, Anny/Anna (a nickname, possible for review). */
const VOWELS = new Set(["a", "e", "i", "o", "u"])
/** Endings that make another given name: Jan/Jana, Christian/Christiane, Andrea/Andreas, Stefan/Stefanie, Sven/Svenja. */
const NAME_SUFFIXES = new Set(["a", "e", "i", "o", "s", "ia", "ie", "ja", "ina", "ine", "ela", "ette"])

/**
 * Whether two folded first names differ by the ending that makes another name: a suffix added
 * (Jan/Jana, Paul/Paula, Daniel/Daniela, Andrea/Andreas, Stefan/Stefanie — a doubled last letter
 * is a typing error instead), another final vowel (Maria/Mario, Anna/Anne, Heike/Heiko) or a
 * final "n" swapped with the vowel before it (Christian/Christina). Written by hand: no library
 * knows German given-name endings; the table in list-matching.unit.spec.ts pins it.
 */
export function otherNameEnding(a: string, b: string): boolean {
  const [short, long] = a.length <= b.length ? [a, b] : [b, a]
  if (long.startsWith(short) && short.length >= 2) {
    const suffix = long.slice(short.length)
    return NAME_SUFFIXES.has(suffix) && suffix !== short.charAt(short.length - 1)
  }
  if (a.length !== b.length) return false
  const [endA, endB] = [a.charAt(a.length - 1), b.charAt(b.length - 1)]
  if (endA === endB) return false
  if (VOWELS.has(endA) && VOWELS.has(endB)) return true
  // Christian/Christina, Kristian/Kristina: "…an" against "…na"
  const swapped = (x: string, y: string) => /[aeiou]n$/.test(x) && y === x.slice(0, -2) + "n" + x.charAt(x.length - 2)
  return swapped(a, b) || swapped(b, a)
}

/**
 * How alike two folded name tokens (or street names) are, and how sure:
 * - identical → 1, certain;
 * - `first` names with another ending (Jan/Jana, Daniel/Daniela, Maria/Mario) → null: other people;
 * - the same sound (`sameSound`: Stefan/Stephan, Meier/Meyer, Mülller/Müller) → 0.9, certain;
 * - typing errors (Damerau-Levenshtein, talisman) are certain only where they rarely make another
 *   name: a `first` name of 7+ letters with one edit (Christian/Christain); a `last` name of 5+
 *   letters with its letters only swapped (Mustermann/Mustremann, Schneider/Schnieder) — not
 *   Schmitt/Schmitz or Schneider/Schreiber; a `street` of 5+ letters within `allowedEdits` and
 *   with the same vowels (Hauptsraße, Rinngstraße; not Bergstraße/Burgstraße);
 * - otherwise one letter apart (two in a long last name or street) → possible only, for review
 *   (certain: false): Burg/Berg, Lena/Lina, Jrg/Jörg, Schulz/Scholz;
 * - anything further → null.
 */
export function nameLikeness(a: string, b: string, kind: "first" | "last" | "street"): Likeness | null {
  if (!a || !b) return null
  if (a === b) return { score: 1, certain: true }
  if (kind === "first" && otherNameEnding(a, b)) return null
  if (sameSound(a, b)) return { score: 0.9, certain: true }
  const shorter = Math.min(a.length, b.length)
  const longer = Math.max(a.length, b.length)
  const edits = damerauLevenshtein(a, b)
  const allowed = kind === "first" ? 1 : Math.max(1, allowedEdits(shorter))
  if (edits > allowed || longer < 3) return null
  const sorted = (s: string) => [...s].sort().join("")
  const certain =
    kind === "first"
      ? shorter >= 7
      : kind === "last"
        ? shorter >= 5 && sorted(a) === sorted(b)
        : shorter >= 5 && edits <= allowedEdits(shorter) && vowelSkeleton(a) === vowelSkeleton(b)
  return certain ? { score: 1 - 0.1 * edits, certain: true } : { score: 0.9 - 0.1 * edits, certain: false }
}

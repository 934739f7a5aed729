declare module "talisman/phonetics/german/cologne" {
  /** Kölner Phonetik code of a word. */
  export default function cologne(word: string): string
}
declare module "talisman/metrics/damerau-levenshtein" {
  /** Damerau-Levenshtein edit distance (transpositions count as one edit). */
  export default function damerauLevenshtein(a: string, b: string): number
}
declare module "talisman/keyers/normalize" {
  /** Lowercases, unifies quotes, hyphens and spaces, æ→ae, œ→oe, ß→ss, and strips diacritics (lodash `deburr`). */
  export default function normalize(value: string): string
}

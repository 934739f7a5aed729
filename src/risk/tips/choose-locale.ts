/**
 * The language to show tips in: the requested one if there are tips in it, else the shop's default
 * language, else English, else German, else the first (alphabetically) that has tips — never none
 * while there are tips. Null only when `available` is empty.
 */
export function chooseTipLocale(
  available: Iterable<string>,
  requested: string | readonly string[] | null | undefined,
  shopDefault: string | null | undefined
): string | null {
  const have = new Set(available)
  for (const candidate of tipLocaleCandidates(requested, shopDefault)) {
    if (have.has(candidate)) {
      return candidate
    }
  }
  return [...have].sort()[0] ?? null
}

/** Requested (one language or the shopper's preferences, best first), shop default, English, German — normalised to two lower-case letters, each once. */
export function tipLocaleCandidates(
  requested: string | readonly string[] | null | undefined,
  shopDefault: string | null | undefined
): string[] {
  const normalise = (value: string | null | undefined) => value?.trim().toLowerCase().slice(0, 2) || ""
  const wanted = typeof requested === "string" || !requested ? [requested] : requested
  return [...new Set([...wanted.map(normalise), normalise(shopDefault), "en", "de"].filter((value) => /^[a-z]{2}$/.test(value)))]
}

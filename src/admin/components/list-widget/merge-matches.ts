import type { ListMatch } from "../../lib/negative-list-types"

/** One match per entry: the most certain and highest score wins. */
export function mergeMatches(lists: Array<ListMatch[] | undefined>): ListMatch[] {
  const best = new Map<string, ListMatch>()
  for (const match of lists.flatMap((list) => list ?? [])) {
    const seen = best.get(match.entry.id)
    if (!seen || Number(match.certain) > Number(seen.certain) || (match.certain === seen.certain && match.score > seen.score)) {
      best.set(match.entry.id, match)
    }
  }
  return [...best.values()].sort((a, b) => Number(b.certain) - Number(a.certain) || b.score - a.score)
}

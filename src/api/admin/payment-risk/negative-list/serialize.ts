/** What the admin API shows of an entry: never the lookup keys (they hold hashes and phonetic codes). */
export function toEntryResponse(row: Record<string, unknown>) {
  const { lookup_keys, search_text, deleted_at, ...entry } = row
  return entry
}

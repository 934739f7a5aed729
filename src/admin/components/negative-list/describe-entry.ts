import { ADDRESS_KINDS, NegativeListEntry } from "../../lib/negative-list-types"

/** One line for an entry: name · address, or the value (display hint for hashed values). */
export function describeEntry(entry: NegativeListEntry): string {
  if (ADDRESS_KINDS.includes(entry.kind)) {
    const name = [entry.first_name, entry.last_name].filter(Boolean).join(" ") || entry.company || ""
    const place = [entry.address_1, [entry.postal_code, entry.city].filter(Boolean).join(" ")].filter(Boolean).join(", ")
    return [name, place].filter(Boolean).join(" · ")
  }
  return entry.display_hint ?? entry.value ?? ""
}

import type { NegativeListEntry } from "../../lib/negative-list-types"
import { nameLine, placeLine } from "./candidates"

/**
 * One line for a listed entry: "Hans Müller · Hauptstraße 5, 10115 Berlin, DE" for a person or
 * an address, else the value (the display hint for IBANs and cards, stored only as a hash).
 */
export function entryLabel(entry: NegativeListEntry): string {
  if (entry.kind === "person" || entry.kind === "address") {
    return [nameLine(entry), placeLine(entry)].filter(Boolean).join(" · ")
  }
  return entry.display_hint || entry.value || "–"
}

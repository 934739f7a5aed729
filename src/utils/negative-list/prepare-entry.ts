import { MedusaError } from "@medusajs/framework/utils"
import { EntryInput, KeptHash, prepareEntryData, PreparedEntryData } from "../../engine"

/** The engine's entry preparation, with its field error as Medusa's 400 (message names the field). */
export function prepareEntry(input: EntryInput, secret: string, kept?: KeptHash): PreparedEntryData {
  const result = prepareEntryData(input, secret, kept)
  if (!result.ok) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, `Invalid request: Value for field '${result.field}': ${result.message}`)
  }
  return result.entry
}

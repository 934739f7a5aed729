import { MedusaError } from "@medusajs/framework/utils"
import { EntryInput, KeptHash, prepareEntryData, PreparedEntryData } from "../../engine"
import PaymentRiskModuleService from "../../modules/payment-risk/service"

/**
 * The engine's entry preparation with the module's current hash key and the merchant's card
 * policy (plugin option `accept_card_numbers`), its field error as Medusa's 400 (message names
 * the field).
 */
export function prepareEntry(input: EntryInput, service: PaymentRiskModuleService, kept?: KeptHash): PreparedEntryData {
  const result = prepareEntryData(input, service.getHashKeys(), kept, { accept_card_numbers: service.acceptsCardNumbers() })
  if (!result.ok) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, `Invalid request: Value for field '${result.field}': ${result.message}`)
  }
  return result.entry
}

import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { rekeyHashedData } from "../../../../../risk/hash-keys/rekey"

/**
 * After a rotation of `hash_secret`: re-keys what can be recomputed (in batches) and reports
 * what still depends on an earlier secret. Safe to repeat.
 */
export const POST = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  res.json({ rekey: await rekeyHashedData(req.scope) })
}

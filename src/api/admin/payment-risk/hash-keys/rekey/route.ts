import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { rekeyHashedDataWorkflow } from "../../../../../workflows/hash-keys/rekey-hashed-data"

/**
 * After a rotation of `hash_secret`: re-keys what can be recomputed (in batches) and reports
 * what still depends on an earlier secret. Safe to repeat.
 */
export const POST = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const { result } = await rekeyHashedDataWorkflow(req.scope).run()
  res.json({ rekey: result })
}

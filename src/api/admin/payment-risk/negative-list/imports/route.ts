import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { listNegativeListImports } from "../../../../../risk/negative-list/import-store"
import { AdminListNegativeListImportsType } from "./validators"

/**
 * The last CSV import runs, newest first: status (running, finished, failed, or interrupted — the
 * server died mid-way), the last line stored (every line up to it is in the list or rejected),
 * batches committed, imported / updated / rejected counts. An import that stored nothing has no run.
 */
export const GET = async (req: AuthenticatedMedusaRequest<unknown, AdminListNegativeListImportsType>, res: MedusaResponse) => {
  const { limit, offset } = req.validatedQuery as AdminListNegativeListImportsType
  const { runs, count } = await listNegativeListImports(req.scope, limit, offset)
  res.json({ imports: runs, count, limit, offset })
}

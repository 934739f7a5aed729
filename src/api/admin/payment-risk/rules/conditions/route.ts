import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { conditionCatalog } from "../../../../../engine"

/** The condition registry the admin rule builder reads (attribute, labels de/en, type, operators…). */
export const GET = async (_req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  res.json({ conditions: conditionCatalog() })
}

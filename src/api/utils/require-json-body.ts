import { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"

const JSON_TYPE = /^application\/([\w.+-]+\+)?json\b/i

/**
 * A body in another format than JSON is not parsed, so the route would see an empty body and
 * act on it (an all-optional update saves nothing new but still writes). Refuse it instead
 * with a 400 and a message. Requests without a body stay allowed (e.g. approve without a note).
 * The CSV import takes its file as the body and is left out.
 */
export function requireJsonBody(req: MedusaRequest, _res: MedusaResponse, next: MedusaNextFunction) {
  if (req.originalUrl.split("?")[0].endsWith("/negative-list/import")) return next()
  const hasBody = Number(req.headers["content-length"] ?? 0) > 0 || req.headers["transfer-encoding"] !== undefined
  const type = String(req.headers["content-type"] ?? "")
  if (hasBody && !JSON_TYPE.test(type)) {
    return next(
      new MedusaError(MedusaError.Types.INVALID_DATA, `Invalid request: Content-Type must be application/json, got '${type || "none"}'`)
    )
  }
  next()
}

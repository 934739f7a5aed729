import { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"

/**
 * The plugin's routes and the Medusa routes it guards (raw paths); Medusa's other routes are
 * left alone. Case-insensitive like Express's routing: `/STORE/carts/…` reaches the same route.
 */
const PLUGIN_PATHS = [
  /^\/admin\/payment-risk(\/|$)/i,
  /^\/admin\/orders\/[^/]+\/fulfillments\/?$/i,
  /^\/store\/carts\/[^/]+\/(payment-providers|address-check|complete)\/?$/i,
  /^\/store\/security-tips\/?$/i,
  /^\/store\/payment-collections\/[^/]+\/payment-sessions\/?$/i,
  /^\/store\/orders\/[^/]+\/payment-instructions\/?$/i,
]

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/

/** NUL cannot be stored in PostgreSQL text or jsonb; an unpaired surrogate is not Unicode text. */
export const isUnstorable = (value: string) => value.includes("\u0000") || LONE_SURROGATE.test(value)

/** The path of the first unstorable string (or object key) in a parsed body or query, Medusa-style ("a, b"). */
function findUnstorable(value: unknown, path: string[] = [], depth = 0): string[] | null {
  if (typeof value === "string") return isUnstorable(value) ? path : null
  if (depth > 64 || value === null || typeof value !== "object") return null
  for (const [key, child] of Object.entries(value)) {
    const childPath = [...path, key]
    if (isUnstorable(key)) return childPath
    const found = findUnstorable(child, childPath, depth + 1)
    if (found) return found
  }
  return null
}

function pathIssue(rawPath: string): string | null {
  for (const segment of rawPath.split("/")) {
    let decoded: string
    try {
      decoded = decodeURIComponent(segment)
    } catch {
      return "Invalid request: the URL path is not valid percent-encoded UTF-8"
    }
    if (isUnstorable(decoded)) return "Invalid request: the URL path contains a NUL character or invalid Unicode"
  }
  return null
}

/**
 * Refuses text the database cannot store (NUL) or that is not well-formed Unicode (lone
 * surrogates) in the path, the query and the JSON body, with a 400 naming the field — instead
 * of a database error (500) deep inside a route.
 */
export function refuseUnstorableText(req: MedusaRequest, _res: MedusaResponse, next: MedusaNextFunction) {
  // originalUrl: under a mount point `req.path` is relative to it
  const rawPath = req.originalUrl.split("?")[0]
  if (!PLUGIN_PATHS.some((pattern) => pattern.test(rawPath))) return next()
  const inPath = pathIssue(rawPath)
  if (inPath) return next(new MedusaError(MedusaError.Types.INVALID_DATA, inPath))
  // Medusa's query normalizer refuses such keys with INVALID_ARGUMENT, which its error handler answers with 500
  const deep = Object.keys(req.query ?? {}).find((key) => key.split(".").length > 2)
  if (deep !== undefined) {
    return next(new MedusaError(MedusaError.Types.INVALID_DATA, `Invalid request: query field '${deep}' is nested more than two levels deep`))
  }
  for (const source of [req.query, req.body]) {
    const path = findUnstorable(source)
    if (path) {
      const field = path.length ? `Value for field '${path.join(", ")}'` : "The request body"
      return next(
        new MedusaError(MedusaError.Types.INVALID_DATA, `Invalid request: ${field} must not contain NUL characters or unpaired surrogates`)
      )
    }
  }
  next()
}

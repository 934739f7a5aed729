import { readdirSync, readFileSync } from "node:fs"
import path from "node:path"

export type RouteFile = {
  /** relative to the repository, e.g. src/api/admin/payment-risk/rules/[id]/route.ts */
  file: string
  /** the URL pattern Medusa serves it under, e.g. /admin/payment-risk/rules/:id */
  path: string
  methods: string[]
}

const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "HEAD"]
const EXPORTED = new RegExp(`export\\s+(?:const|let|var|async\\s+function|function)\\s+(${METHODS.join("|")})\\b`, "g")

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name)
    return entry.isDirectory() ? walk(full) : /^route\.[jt]s$/.test(entry.name) ? [full] : []
  })
}

/**
 * Every route file under `src/api/<area>` with the HTTP methods it exports, so a new route is
 * covered by the access tests the day it is added.
 */
export function scanRoutes(root: string, area: "admin" | "store"): RouteFile[] {
  const base = path.join(root, "src", "api")
  return walk(path.join(base, area))
    .map((file) => {
      const relative = path.relative(base, path.dirname(file)).split(path.sep)
      const methods = [...readFileSync(file, "utf8").matchAll(EXPORTED)].map((m) => m[1])
      return {
        file: path.relative(root, file),
        path: `/${relative.map((part) => part.replace(/^\[(\w+)\]$/, ":$1")).join("/")}`,
        methods: [...new Set(methods)].sort(),
      }
    })
    .sort((a, b) => a.path.localeCompare(b.path))
}

/** `METHOD /path/:param` for every exported method. */
export function routeKeys(routes: RouteFile[]): string[] {
  return routes.flatMap((route) => route.methods.map((method) => `${method} ${route.path}`)).sort()
}

/** The URL with each `:param` replaced from `values` (or a fake id of the param's name). */
export function fillParams(pattern: string, values: Record<string, string> = {}): string {
  return pattern.replace(/:(\w+)/g, (_, name: string) => encodeURIComponent(values[name] ?? `fake_${name}_01J0000000000000000000000`))
}

import { readdirSync, readFileSync, statSync } from "node:fs"
import { join, relative, sep } from "node:path"
import { Field } from "./fuzz-types"

/** `src/api/admin/x/[id]/route.ts` → `/admin/x/:id` */
const toPath = (file: string, apiDir: string) =>
  "/" +
  relative(apiDir, file)
    .split(sep)
    .slice(0, -1)
    .map((part) => part.replace(/^\[(.+)\]$/, ":$1"))
    .join("/")

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name)
    return statSync(full).isDirectory() ? files(full) : [full]
  })
}

/**
 * Every route the plugin serves or guards, as `METHOD /path`: the methods exported by each
 * route.ts, and the matcher/methods pairs of every middlewares.ts (which include Medusa routes
 * the plugin guards, e.g. the fulfillment hold).
 */
export function pluginRoutes(apiDir: string): string[] {
  const found = new Set<string>()
  for (const file of files(apiDir)) {
    const source = readFileSync(file, "utf8")
    if (file.endsWith(`${sep}route.ts`)) {
      for (const [, method] of source.matchAll(/export const (GET|POST|PUT|PATCH|DELETE)\b/g)) {
        found.add(`${method} ${toPath(file, apiDir)}`)
      }
    }
    if (file.endsWith("middlewares.ts")) {
      for (const [, matcher, methods] of source.matchAll(/matcher:\s*"([^"]+)",\s*methods:\s*\[([^\]]*)\]/g)) {
        for (const [, method] of methods.matchAll(/"(\w+)"/g)) found.add(`${method} ${matcher}`)
      }
    }
  }
  return [...found].sort()
}

/** The parts of a zod (v4) schema the walk below looks at. */
type SchemaNode = {
  _zod: { def: { type: string; shape?: Record<string, SchemaNode>; innerType?: SchemaNode; in?: SchemaNode } }
}

/** Dot paths of a zod object schema's leaves (objects are walked, arrays and scalars are leaves). */
export function schemaLeaves(schema: SchemaNode, prefix: string[] = []): string[] {
  const def = schema._zod.def
  if (def.type === "object" && def.shape) {
    return Object.entries(def.shape).flatMap(([key, child]) => schemaLeaves(child, [...prefix, key]))
  }
  if (def.innerType) return schemaLeaves(def.innerType, prefix) // optional, nullable, default, …
  if (def.type === "pipe" && def.in) return schemaLeaves(def.in, prefix)
  return [prefix.join(".")]
}

/** Dot paths of a route description's leaves. */
export function fieldLeaves(fields: Record<string, Field>, prefix: string[] = []): string[] {
  return Object.entries(fields).flatMap(([key, field]) =>
    field.type === "object" && field.fields ? fieldLeaves(field.fields, [...prefix, key]) : [[...prefix, key].join(".")]
  )
}

/**
 * A small description of a route's valid request, from which the generator derives malformed
 * variants. Types mirror the zod validators in src/api, loosely: enough to know which values
 * must be refused.
 */
export type Field = {
  /**
   * text: free text (any string is valid up to `max`); enum: one of `values`; format: a string
   * with a fixed shape (email, country code, date, IP…); int/number/bool; object: nested
   * `fields`; array; ref: the id of another record (`unknown` says what an unknown id gives).
   */
  type: "text" | "enum" | "format" | "int" | "number" | "bool" | "object" | "array" | "ref"
  required?: boolean
  nullable?: boolean
  /** text: max length; int/number: max value; array: max items */
  max?: number
  /** text: min length (after trim); int/number: min value; array: min items */
  min?: number
  values?: readonly string[]
  fields?: Record<string, Field>
  /** a valid value, used for array items */
  valid?: unknown
  /** further invalid values for this field (label → value) */
  bad?: Record<string, unknown>
  /** ref only: an unknown id answers 404, or is a filter that finds nothing (2xx) */
  unknown?: "404" | "2xx"
}

export type Method = "GET" | "POST" | "DELETE"

export type RouteSpec = {
  method: Method
  /** the route path with `:params`, as in Medusa's middleware matchers */
  path: string
  /** hook: a provider webhook, authenticated by a signature over the body (see bad-input.spec's send) */
  auth: "admin" | "store" | "hook"
  /** valid values of the path params (fixtures of the seeded store) */
  params?: Record<string, string>
  query?: Record<string, Field>
  body?: Record<string, Field>
  /** a valid body the body variants start from (never sent as is) */
  baseBody?: Record<string, unknown>
  /** a valid body sent with the bad ids, so only the id is at fault */
  bodyForBadIds?: unknown
  /** the route stores nothing: injection and unicode in free text must be answered 2xx (probes) */
  readOnly?: boolean
  /** the body is JSON (POST routes other than the CSV import) */
  json?: boolean
  /** Medusa core route with a plugin middleware: its body validation is Medusa's, only ids and a few shapes are fuzzed */
  core?: boolean
  /** the CSV import (its cases come from fuzz-csv.ts) */
  csv?: boolean
  /** query string of a valid request, for the warm-up (default none) */
  validQuery?: string
}

/**
 * One generated request. `expect`: `4xx` for malformed input; `2xx` for hostile but valid input
 * on a route that stores nothing (injection strings as plain data); `report` for a well-formed CSV
 * whose every row is bad (200 with a row report naming each row's field, nothing imported).
 */
export type FuzzCase = {
  route: string
  label: string
  method: Method
  url: string
  headers: Record<string, string>
  body?: string | Buffer
  expect: "4xx" | "2xx" | "report"
  /** a 400's message must name this field */
  field?: string
  /** rows a `report` case must reject */
  rows?: number
}

export const routeName = (spec: Pick<RouteSpec, "method" | "path">) => `${spec.method} ${spec.path}`

/** A JSON object as stored in a `model.json()` column (not null, not an array). */
export function isJsonObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value)
}

/**
 * JSON for PostgreSQL: a lone surrogate (JSON.stringify writes it as a `\udXXX` escape) becomes
 * U+FFFD, as it did when the values were bound as text parameters; PostgreSQL would refuse the
 * escape and with it the whole batch.
 */
export function wellFormedJson(value: unknown): string {
  const json = JSON.stringify(value)
  if (!json.includes("\\ud")) return json
  return json.replace(/\\(\\|ud[89a-f][0-9a-f]{2})/g, (escape, tail: string) => (tail === "\\" ? escape : "\ufffd"))
}

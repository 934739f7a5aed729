/**
 * Medusa's 400 messages name the field as `for field 'first_order, cod_max_amount'` or
 * `Value for field 'notice, de'`: turn them into dotted paths for the form.
 */
export function fieldsFromMessage(message: string): string[] {
  const fields: string[] = []
  for (const match of message.matchAll(/field '([^']+)'/g)) {
    fields.push(match[1].split(/,\s*/).join("."))
  }
  const unrecognized = message.match(/Unrecognized fields?: ([^\n]+)/)
  if (unrecognized) {
    fields.push(...unrecognized[1].split(/,\s*/).map((f) => f.replace(/['"]/g, "").trim()))
  }
  return fields
}

export function errorMessage(error: unknown): string {
  if (error && typeof error === "object" && "message" in error) {
    return String((error as { message: unknown }).message)
  }
  return String(error)
}

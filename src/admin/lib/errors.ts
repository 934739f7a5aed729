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

/**
 * A backtest's or simulation's error in the admin's language: the server runs one at a time
 * (429) and stops one that takes too long (503); anything else keeps the server's message.
 */
export function figureRunError(error: unknown, t: (key: string) => string): string {
  const status = error && typeof error === "object" && "status" in error ? Number((error as { status: unknown }).status) : null
  if (status === 429) return t("paymentRisk.figures.runBusy")
  if (status === 503) return t("paymentRisk.figures.runTooLong")
  return errorMessage(error)
}

export type Secret = { label: string; pattern: RegExp }

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")

/** A literal that must never appear (case-insensitive). */
export const literal = (label: string, text: string): Secret => ({ label, pattern: new RegExp(escape(text), "i") })

/** An IBAN or card number in clear, with or without the spaces or dashes people type. */
export function spaced(label: string, digits: string): Secret {
  const chars = digits.replace(/\s/g, "").split("").map(escape)
  return { label, pattern: new RegExp(chars.join("[\\s-]?"), "i") }
}

/** Labels of the secrets found in `text`. */
export function secretsIn(text: string, secrets: Secret[]): string[] {
  return secrets.filter((secret) => secret.pattern.test(text)).map((secret) => secret.label)
}

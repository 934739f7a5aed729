/**
 * CSV injection ("formula injection", OWASP): a spreadsheet program runs a cell that starts with
 * `=`, `+`, `-` or `@` (or a tab or carriage return in front of one) as a formula, e.g.
 * `=HYPERLINK("http://evil.example","click")`. Shoppers' names reach the negative list, and the
 * list is exported to CSV and opened in a spreadsheet: every exported cell goes through
 * `escapeCsvCell`, every write path refuses or neutralises such values before they are stored.
 *
 * Pure functions without imports, so the admin bundle can use them too.
 */

/** Characters that make a spreadsheet read a cell as a formula. */
export const FORMULA_CHARACTERS = ["=", "+", "-", "@", "\t", "\r"] as const

/** A value whose start a spreadsheet reads as a formula (also behind leading spaces or line breaks). */
const FORMULA_START = /^[\t\r]|^\s*[=+\-@]/
/** The same behind any number of quotes already put in front (see `escapeCsvCell`). */
const ESCAPED_FORMULA_START = /^'+(?:[\t\r]|\s*[=+\-@])/

/** True when a spreadsheet would run this text as a formula. */
export function startsLikeFormula(value: string): boolean {
  return FORMULA_START.test(value)
}

/**
 * One cell of a CSV export: a text a spreadsheet would run as a formula gets a single quote in
 * front (OWASP's advice), which spreadsheets show as text: `'=HYPERLINK(…)`, `'+49301234567`
 * (a phone number stays readable). A text that already starts with quotes in front of a formula
 * gets one more, so `unescapeCsvCell` restores every value exactly. Anything else is unchanged.
 */
export function escapeCsvCell<T>(value: T): T | string {
  if (typeof value !== "string") return value
  return FORMULA_START.test(value) || ESCAPED_FORMULA_START.test(value) ? `'${value}` : value
}

/**
 * The reverse for a CSV import: removes the one quote `escapeCsvCell` added, so an exported file
 * can be imported again (`'+49301234567` is the phone number again). The result is then validated
 * like any other cell: a formula in a name is still refused.
 */
export function unescapeCsvCell(value: string): string {
  return ESCAPED_FORMULA_START.test(value) ? value.slice(1) : value
}

/**
 * Removes what makes a text a formula at its start (`=`, `+`, `-`, `@`, spaces, tabs, line
 * breaks): `=HYPERLINK("http://x","y")` → `HYPERLINK("http://x","y")`. For data a shopper typed
 * that the merchant adds to the list as it is; name and address matching ignores punctuation, so
 * the entry still matches the same shopper. Not for values matched exactly (email, phone).
 */
export function neutraliseFormula(value: string): string
export function neutraliseFormula(value: string | null | undefined): string | null | undefined
export function neutraliseFormula(value: string | null | undefined): string | null | undefined {
  return typeof value === "string" ? value.replace(/^[\s=+\-@]+/, "") : value
}

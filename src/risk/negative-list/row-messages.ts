import type { EntryProblem } from "../../engine/negative-list/prepare"

/** A zod issue as the import sees it (only what the wording needs). */
type Issue = { code: string; path: PropertyKey[]; message: string; input?: unknown; maximum?: unknown; values?: unknown[]; expected?: unknown }

/**
 * What a merchant reads about a rejected CSV cell: the field and what to change, never a
 * validator's internals ("Invalid input: expected string, received undefined"). Messages the
 * schema words itself (formulas, encoding, dates) start with "Value for field" and pass as they are.
 */
export function rowIssueMessage(issue: Issue): string {
  const field = issue.path.map(String).join(".") || "row"
  if (issue.message.startsWith("Value for field")) return issue.message
  const say = (text: string) => `Value for field '${field}': ${text}`
  if (issue.code === "invalid_type" && (issue.input === undefined || issue.input === null || /received undefined/.test(issue.message))) {
    return say("is required but the cell is empty")
  }
  if (issue.code === "invalid_value" || issue.code === "invalid_enum_value") {
    const values = (issue.values ?? []).map(String)
    return say(values.length ? `must be one of ${values.join(", ")}` : "is not one of the allowed values")
  }
  if (issue.code === "too_big" && issue.maximum !== undefined) return say(`must be at most ${String(issue.maximum)} characters long`)
  if (issue.code === "too_small") return say("is required but the cell is empty")
  if (issue.code === "unrecognized_keys") return say("is not a column of the negative list")
  return say(issue.message.replace(/^Invalid input:?\s*/i, "").toLowerCase() || "is not valid")
}

/** What a merchant reads about a line the CSV reader could not split into cells. */
export function parserMessage(error: { code?: string; message: string }, delimiter: string): string {
  const separator = delimiter === "\t" ? "tab" : `'${delimiter}'`
  switch (error.code) {
    case "CSV_RECORD_INCONSISTENT_COLUMNS":
    case "CSV_RECORD_INCONSISTENT_FIELDS_LENGTH":
    case "CSV_RECORD_DONT_MATCH_COLUMNS_LENGTH": {
      const got = /got (\d+)/.exec(error.message)?.[1]
      const expected = /columns length is (\d+)/.exec(error.message)?.[1]
      return `the line has ${got ?? "a different number of"} cells, the header has ${expected ?? "another number"}: check the separator (${separator}) and that cells containing it are in double quotes`
    }
    case "CSV_QUOTE_NOT_CLOSED":
      return "a double quote opened on this line is never closed: the rest of the file could not be read"
    case "CSV_INVALID_CLOSING_QUOTE":
      return "a double quote in this line ends a cell too early: put the whole cell in double quotes and write a quote inside it as two quotes (\"\")"
    default:
      return "this line could not be read as CSV"
  }
}

/**
 * Why a CSV row was rejected, as a code the admin words in the merchant's language (German or
 * English; the `message` stays the API's English text). Every rejection has one.
 */
export type RowProblem =
  | EntryProblem
  | "required"
  | "one_of"
  | "too_long"
  | "not_a_column"
  | "invalid"
  | "formula"
  | "not_utf8"
  | "expires_past"
  | "columns"
  | "quote_open"
  | "quote_close"
  | "unreadable"
  | "not_saved"

export type RowProblemInfo = { code: RowProblem; params?: Record<string, string | number> }

/** The code of a zod issue of the import's row schema (the same cases `rowIssueMessage` words). */
export function rowIssueProblem(issue: Issue): RowProblemInfo {
  if (issue.message.startsWith("Value for field")) {
    if (/not UTF-8/.test(issue.message)) return { code: "not_utf8" }
    if (/must not start with/.test(issue.message)) return { code: "formula" }
    if (/must be in the future/.test(issue.message)) return { code: "expires_past" }
    if (/date/.test(issue.message)) return { code: "date_invalid" }
    return { code: "invalid" }
  }
  if (issue.code === "invalid_type" && (issue.input === undefined || issue.input === null || /received undefined/.test(issue.message))) {
    return { code: "required" }
  }
  if (issue.code === "invalid_value" || issue.code === "invalid_enum_value") {
    return { code: "one_of", params: { values: (issue.values ?? []).map(String).join(", ") } }
  }
  if (issue.code === "too_big" && issue.maximum !== undefined) return { code: "too_long", params: { max: Number(issue.maximum) } }
  if (issue.code === "too_small") return { code: "required" }
  if (issue.code === "unrecognized_keys") return { code: "not_a_column" }
  return { code: "invalid" }
}

/** The code of a line the CSV reader could not split (the same cases `parserMessage` words). */
export function parserProblem(error: { code?: string; message: string }, delimiter: string): RowProblemInfo {
  switch (error.code) {
    case "CSV_RECORD_INCONSISTENT_COLUMNS":
    case "CSV_RECORD_INCONSISTENT_FIELDS_LENGTH":
    case "CSV_RECORD_DONT_MATCH_COLUMNS_LENGTH":
      return {
        code: "columns",
        params: {
          got: /got (\d+)/.exec(error.message)?.[1] ?? "?",
          expected: /columns length is (\d+)/.exec(error.message)?.[1] ?? "?",
          separator: delimiter === "\t" ? "Tab" : delimiter,
        },
      }
    case "CSV_QUOTE_NOT_CLOSED":
      return { code: "quote_open" }
    case "CSV_INVALID_CLOSING_QUOTE":
      return { code: "quote_close" }
    default:
      return { code: "unreadable" }
  }
}

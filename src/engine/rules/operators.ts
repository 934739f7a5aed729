import type { Operator } from "./types"

export type ValueType = "number" | "boolean" | "text" | "id_list"

/** Operators allowed per value type (an attribute may narrow them further). */
export const OPERATORS_BY_TYPE: Record<ValueType, readonly Operator[]> = {
  number: ["eq", "neq", "gt", "gte", "lt", "lte", "between"],
  boolean: ["is_true", "is_false"],
  text: ["eq", "neq", "in", "not_in", "starts_with", "not_starts_with", "between"],
  id_list: ["in", "not_in"],
}

const lower = (value: unknown) => String(value).trim().toLowerCase()

function asNumber(value: unknown): number | null {
  const n = typeof value === "number" ? value : typeof value === "string" && value.trim() !== "" ? Number(value) : NaN
  return Number.isFinite(n) ? n : null
}

/** Postcodes and similar: numerically when both sides are digits, else by text. */
function compareText(a: string, b: string): number {
  if (/^\d+$/.test(a) && /^\d+$/.test(b)) return Number(a) - Number(b)
  return a.localeCompare(b)
}

function compareNumbers(operator: Operator, actual: number, expected: unknown): boolean {
  if (operator === "between") {
    const [min, max] = Array.isArray(expected) ? expected.map(asNumber) : [null, null]
    return min !== null && max !== null && actual >= min && actual <= max
  }
  const value = asNumber(expected)
  if (value === null) return false
  switch (operator) {
    case "eq": return actual === value
    case "neq": return actual !== value
    case "gt": return actual > value
    case "gte": return actual >= value
    case "lt": return actual < value
    case "lte": return actual <= value
    default: return false
  }
}

function list(expected: unknown): string[] {
  return (Array.isArray(expected) ? expected : expected === undefined || expected === null ? [] : [expected]).map(lower)
}

/**
 * Whether `actual` satisfies `operator expected`. Numbers compare as numbers (strings holding
 * numbers included); text case-insensitively; for in/not_in an empty list means "no restriction"
 * and the condition holds; a list actual (e.g. the cart's categories) is "in" when any element is.
 */
export function applyOperator(type: ValueType, operator: Operator, actual: unknown, expected: unknown): boolean {
  switch (type) {
    case "boolean":
      return operator === "is_true" ? actual === true : operator === "is_false" ? actual === false : false
    case "number": {
      const value = asNumber(actual)
      return value !== null && compareNumbers(operator, value, expected)
    }
    case "id_list":
    case "text": {
      const actuals = (Array.isArray(actual) ? actual : [actual]).filter((v) => v !== null && v !== undefined).map(lower)
      const wanted = list(expected)
      switch (operator) {
        case "in":
          return !wanted.length || actuals.some((v) => wanted.includes(v))
        case "not_in":
          return !wanted.length || !actuals.some((v) => wanted.includes(v))
        case "eq":
          return actuals.length > 0 && actuals.every((v) => v === lower(expected))
        case "neq":
          return actuals.every((v) => v !== lower(expected))
        case "starts_with":
          return !wanted.length || actuals.some((v) => wanted.some((prefix) => v.startsWith(prefix)))
        case "not_starts_with":
          return !wanted.length || !actuals.some((v) => wanted.some((prefix) => v.startsWith(prefix)))
        case "between": {
          const [min, max] = Array.isArray(expected) ? expected.map(lower) : []
          return (
            min !== undefined && max !== undefined && actuals.length > 0 &&
            actuals.every((v) => compareText(v, min) >= 0 && compareText(v, max) <= 0)
          )
        }
        default:
          return false
      }
    }
  }
}

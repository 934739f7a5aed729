/**
 * A date that passed through a workflow as it was given or as its JSON (an ISO string: data
 * between steps may be serialised), as a Date again; null stays null, undefined undefined.
 */
export function asDate(value: Date | string | null): Date | null
export function asDate(value: Date | string | null | undefined): Date | null | undefined
export function asDate(value: Date | string | null | undefined): Date | null | undefined {
  if (value === null || value === undefined) return value
  return value instanceof Date ? value : new Date(value)
}

import { fieldsFromMessage } from "../../lib/errors"
import type { SimulateBody } from "./types"

/** What the merchant typed into the threshold simulator, as typed (percentages as percent). */
export type SimulatorInputs = {
  days: number
  review_from: string
  prepayment_from: string
  margin_percent: string
  cost_per_default: string
  abandonment_percent: string
}

export const SIMULATOR_FIELDS = ["days", "review_from", "prepayment_from", "margin_percent", "cost_per_default", "abandonment_percent"] as const
export type SimulatorField = (typeof SIMULATOR_FIELDS)[number] | "currency" | "form"

export const STORAGE_KEY = "payment-risk.threshold-simulator"

export const emptyInputs = (): SimulatorInputs => ({
  days: 90, review_from: "", prepayment_from: "", margin_percent: "", cost_per_default: "", abandonment_percent: "",
})

/** The inputs saved in this browser, what is missing or broken filled from `emptyInputs`. */
export function loadInputs(storage: Pick<Storage, "getItem"> | undefined): SimulatorInputs {
  const base = emptyInputs()
  try {
    const saved = JSON.parse(storage?.getItem(STORAGE_KEY) ?? "null")
    if (!saved || typeof saved !== "object") return base
    for (const field of SIMULATOR_FIELDS) {
      const value = saved[field]
      if (field === "days") base.days = typeof value === "number" && value > 0 ? value : base.days
      else if (typeof value === "string") base[field] = value
    }
  } catch {
    // a broken entry: start from the defaults
  }
  return base
}

export function saveInputs(storage: Pick<Storage, "setItem"> | undefined, inputs: SimulatorInputs): void {
  try {
    storage?.setItem(STORAGE_KEY, JSON.stringify(inputs))
  } catch {
    // private mode or full storage: the inputs are just not kept
  }
}

/** A number as typed in German or English ("12,5" or "12.5"); null when empty, NaN when not a number. */
export function parseNumber(text: string): number | null {
  const trimmed = text.trim()
  if (!trimmed) return null
  return /^-?\d+([.,]\d+)?$/.test(trimmed) ? Number(trimmed.replace(",", ".")) : NaN
}

export type InputErrors = Partial<Record<SimulatorField, string>>
type Messages = { number: string; percent: string; required: string }

/**
 * The request body from the inputs, or the fields to fix (in the admin's words). Margin and
 * abandonment are typed as percent and sent as shares; empty optional fields are left out so the
 * server uses today's thresholds, the documented cost per default and the measured abandonment.
 */
export function bodyOf(inputs: SimulatorInputs, period: { from: string; to: string; currency_code: string }, messages: Messages):
  { body: SimulateBody; errors: null } | { body: null; errors: InputErrors } {
  const errors: InputErrors = {}
  const body: SimulateBody = { ...period }
  const whole = (field: "review_from" | "prepayment_from") => {
    const value = parseNumber(inputs[field])
    if (value === null) return
    if (!Number.isInteger(value) || value < 0) errors[field] = messages.number
    else body[field] = value
  }
  whole("review_from")
  whole("prepayment_from")
  const margin = parseNumber(inputs.margin_percent)
  if (margin === null) errors.margin_percent = messages.required
  else if (!(margin >= 0 && margin <= 100)) errors.margin_percent = messages.percent
  else body.margin = Math.round(margin * 100) / 10000
  const cost = parseNumber(inputs.cost_per_default)
  if (cost !== null) {
    if (!(cost >= 0)) errors.cost_per_default = messages.number
    else body.cost_per_default = cost
  }
  const abandonment = parseNumber(inputs.abandonment_percent)
  if (abandonment !== null) {
    if (!(abandonment >= 0 && abandonment <= 100)) errors.abandonment_percent = messages.percent
    else body.abandonment_rate = Math.round(abandonment * 100) / 10000
  }
  return Object.keys(errors).length ? { body: null, errors } : { body, errors: null }
}

const API_FIELDS: Record<string, SimulatorField> = {
  margin: "margin_percent",
  cost_per_default: "cost_per_default",
  abandonment_rate: "abandonment_percent",
  review_from: "review_from",
  prepayment_from: "prepayment_from",
  from: "days",
  to: "days",
  currency_code: "currency",
}

/** A 400 of the simulator → the input it names ("margin: …", or Medusa's "field 'margin'"); "form" when it names none. */
export function fieldOfError(message: string): SimulatorField {
  const named = [message.match(/^\s*(?:Invalid request:\s*)?([a-z_]+)\s*:/)?.[1], ...fieldsFromMessage(message)]
  for (const name of named) if (name && API_FIELDS[name]) return API_FIELDS[name]
  for (const [name, field] of Object.entries(API_FIELDS)) if (new RegExp(`\\b${name}\\b`).test(message) && name.includes("_")) return field
  return "form"
}

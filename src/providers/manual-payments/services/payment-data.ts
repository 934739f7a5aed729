import { randomInt } from "crypto"

/**
 * What the manual providers keep in a payment session's / payment's `data`.
 *
 * Everything a merchant needs to reconcile a manual payment lives here: the method, the
 * reference the shopper puts on the bank transfer (or the carrier's payout slip), and the
 * lifecycle timestamps. No bank account or card data is ever stored.
 *
 * The lifecycle is derived from the timestamps only (see `statusOf`), so there is exactly one
 * source of truth.
 */
export type ManualPaymentMethod = "prepayment" | "cash-on-delivery" | "invoice"

export type ManualCaptureEntry = {
  /** Medusa's capture id (the provider call's idempotency key), when Medusa sent one. */
  capture_id: string | null
  captured_at: string
}

export type ManualRefundEntry = {
  /** Medusa's refund id (the provider call's idempotency key), when Medusa sent one. */
  refund_id: string | null
  amount: number
  refunded_at: string
}

export type ManualPaymentData = {
  method: ManualPaymentMethod
  /** Human-readable payment reference, e.g. `PR-7KQ4M2XC`. */
  reference: string
  authorized_at: string | null
  /** When the merchant last recorded an incoming payment (Medusa capture). */
  captured_at: string | null
  captures: ManualCaptureEntry[]
  /** Sum of all refunds recorded through Medusa, in the payment's currency (major units). */
  refunded_amount: number
  refunds: ManualRefundEntry[]
  canceled_at: string | null
}

export type ManualLifecycleStatus = "pending" | "authorized" | "captured" | "canceled"

/** Letters and digits that cannot be confused when typed from paper (no 0/O, 1/I/L, 5/S, 8/B). */
const REFERENCE_ALPHABET = "ACDEFGHJKMNPQRTUVWXYZ2345679"
const REFERENCE_LENGTH = 8

/** A short reference such as `PR-7KQ4M2XC`: easy to read out, type and match on a bank statement. */
export function generateReference(prefix: string): string {
  let code = ""
  for (let i = 0; i < REFERENCE_LENGTH; i++) {
    code += REFERENCE_ALPHABET[randomInt(REFERENCE_ALPHABET.length)]
  }
  return `${prefix}-${code}`
}

/** Derives the lifecycle from the timestamps in `data`; cancel wins over capture over authorize. */
export function statusOf(data: ManualPaymentData): ManualLifecycleStatus {
  if (data.canceled_at) {
    return "canceled"
  }
  if (data.captured_at) {
    return "captured"
  }
  if (data.authorized_at) {
    return "authorized"
  }
  return "pending"
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value)
}

function readString(data: Record<string, unknown>, key: string): string | null {
  const value = data[key]
  return typeof value === "string" && value.length > 0 ? value : null
}

function readNumber(data: Record<string, unknown>, key: string): number | null {
  const value = data[key]
  if (typeof value === "number" && Number.isFinite(value)) {
    return value
  }
  if (typeof value === "string" && value.trim() !== "" && Number.isFinite(Number(value))) {
    return Number(value)
  }
  return null
}

function readRecords(data: Record<string, unknown>, key: string): Record<string, unknown>[] {
  const value = data[key]
  return Array.isArray(value) ? value.filter(isRecord) : []
}

function readCaptures(data: Record<string, unknown>): ManualCaptureEntry[] {
  return readRecords(data, "captures").flatMap((entry) => {
    const capturedAt = readString(entry, "captured_at")
    return capturedAt ? [{ capture_id: readString(entry, "capture_id"), captured_at: capturedAt }] : []
  })
}

function readRefunds(data: Record<string, unknown>): ManualRefundEntry[] {
  return readRecords(data, "refunds").flatMap((entry) => {
    const amount = readNumber(entry, "amount")
    const refundedAt = readString(entry, "refunded_at")
    return amount !== null && refundedAt
      ? [{ refund_id: readString(entry, "refund_id"), amount, refunded_at: refundedAt }]
      : []
  })
}

/**
 * Reads our fields from a stored `data` object, tolerating missing or malformed values.
 * `method` and `reference` are taken from the provider when the stored value is absent.
 */
export function readPaymentData(
  data: Record<string, unknown> | undefined,
  fallback: { method: ManualPaymentMethod; reference: () => string }
): ManualPaymentData {
  const source = data ?? {}
  return {
    method: fallback.method,
    reference: readString(source, "reference") ?? fallback.reference(),
    authorized_at: readString(source, "authorized_at"),
    captured_at: readString(source, "captured_at"),
    captures: readCaptures(source),
    refunded_amount: readNumber(source, "refunded_amount") ?? 0,
    refunds: readRefunds(source),
    canceled_at: readString(source, "canceled_at"),
  }
}

/** A fresh record for a new session: every lifecycle field is set explicitly (see initiatePayment). */
export function newPaymentData(method: ManualPaymentMethod, reference: string): ManualPaymentData {
  return {
    method,
    reference,
    authorized_at: null,
    captured_at: null,
    captures: [],
    refunded_amount: 0,
    refunds: [],
    canceled_at: null,
  }
}

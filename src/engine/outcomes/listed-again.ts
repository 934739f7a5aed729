import { readEntryAction } from "../negative-list/entry-action"
import { PAYMENT_CLASSES, type ListAction, type PaymentClass } from "../types"

/** The payment classes an action leaves a listed shopper. */
export function classesLeftBy(action: ListAction): PaymentClass[] {
  return action.type === "allow_only_classes"
    ? PAYMENT_CLASSES.filter((c) => action.classes.includes(c))
    : PAYMENT_CLASSES.filter((c) => !action.classes.includes(c))
}

const sameClasses = (a: readonly PaymentClass[], b: readonly PaymentClass[]) => a.length === b.length && a.every((c) => b.includes(c))

/**
 * The action of an entry that a second outcome lists again: what both leave the shopper (each
 * restriction applies). Null is the list's action for the entry's kind (`kindAction`). The
 * stored action is kept when it is already as strict (so an entry that follows the list's
 * action keeps following it); else the added one where it covers both; else both together
 * (hide what either hides; allow only what both allow; nothing allowed = every class hidden).
 */
export function stricterAction(stored: unknown, added: unknown, kindAction: ListAction): ListAction | null {
  const a = readEntryAction(stored)
  const b = readEntryAction(added)
  const effectiveA = a ?? kindAction
  const effectiveB = b ?? kindAction
  const allowedB = classesLeftBy(effectiveB)
  const allowed = classesLeftBy(effectiveA).filter((c) => allowedB.includes(c))
  if (sameClasses(allowed, classesLeftBy(effectiveA))) return a
  if (sameClasses(allowed, allowedB)) return b
  if (effectiveA.type === "hide_classes" && effectiveB.type === "hide_classes") {
    return { type: "hide_classes", classes: PAYMENT_CLASSES.filter((c) => !allowed.includes(c)) }
  }
  return allowed.length ? { type: "allow_only_classes", classes: allowed } : { type: "hide_classes", classes: [...PAYMENT_CLASSES] }
}

/** What an active entry becomes when another outcome lists the same data. */
export type ListedAgain = { action: ListAction | null; expires_at: Date | null; changed: boolean }

const time = (value: Date | string | null | undefined) => (value ? new Date(value).getTime() : Number.NaN)

/**
 * An entry listed again by another outcome (a chargeback after a return debit of the same
 * shopper, the same kind on a second order) is not added twice: the stored entry keeps the
 * stricter action (stricterAction) and the later expiry. `changed` tells whether it must be
 * written.
 */
export function listedAgain(
  stored: { action?: unknown; expires_at?: Date | string | null },
  added: { action?: unknown; expires_at: Date | string | null },
  kindAction: ListAction
): ListedAgain {
  const storedAction = readEntryAction(stored.action)
  const action = stricterAction(storedAction, added.action, kindAction)
  const before = time(stored.expires_at)
  const after = time(added.expires_at)
  const later = Number.isNaN(before) || (!Number.isNaN(after) && after > before)
  const expires_at = later && !Number.isNaN(after) ? new Date(after) : stored.expires_at ? new Date(stored.expires_at) : null
  const sameAction = JSON.stringify(action) === JSON.stringify(storedAction)
  return { action, expires_at, changed: !sameAction || time(expires_at) !== before }
}

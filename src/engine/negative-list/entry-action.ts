import { PAYMENT_CLASSES, type ListAction, type PaymentClass } from "../types"

/**
 * An entry's own action as stored (json column `action`), read defensively: anything that is not
 * a well-formed action with at least one known payment class is null, so the list's action for the
 * entry's kind applies (fail safe: a damaged value never lets a listed shopper through unchecked).
 */
export function readEntryAction(value: unknown): ListAction | null {
  if (!value || typeof value !== "object" || Array.isArray(value)) return null
  const { type, classes } = value as { type?: unknown; classes?: unknown }
  if (type !== "hide_classes" && type !== "allow_only_classes") return null
  if (!Array.isArray(classes)) return null
  const known = [...new Set(classes.filter((c): c is PaymentClass => PAYMENT_CLASSES.includes(c as PaymentClass)))]
  if (!known.length) return null
  return { type, classes: known }
}

/** The action a certain match applies: the entry's own when it has one, else the list's for its kind. */
export function certainMatchAction(own: ListAction | null | undefined, kindAction: ListAction): ListAction {
  return readEntryAction(own) ?? kindAction
}

import type { ReceivableAction, ReceivableDTO } from "./types"

export type SimpleAction = Exclude<ReceivableAction, "payment">

const CLOSED = ["paid", "handed_over", "written_off"]

/** Which actions fit the claim's state (the server answers 409 for the others anyway). */
export function availableActions(receivable: ReceivableDTO, stageCount: number | undefined): SimpleAction[] {
  const { status } = receivable
  const actions: SimpleAction[] = []
  const lastSent = receivable.stage ?? -1
  const hasNext = stageCount === undefined || lastSent + 1 < stageCount
  if (!CLOSED.includes(status) && status !== "paused" && hasNext) actions.push("advance")
  if (!CLOSED.includes(status) && status !== "paused") actions.push("pause")
  if (status === "paused") actions.push("resume")
  if (!CLOSED.includes(status)) actions.push("hand-over")
  if (status !== "paid" && status !== "written_off") actions.push("write-off")
  return actions
}

/**
 * An amount as a merchant types it, read in the admin's language: "12,50" and "12.50" always;
 * with thousands separators "1.234,56" in German and "1,234.56" in English; at most two decimals.
 * Anything else is NaN.
 */
export function parseAmount(text: string, language: string): number {
  const cleaned = text.trim().replace(/\s|€/g, "")
  const [thousands, decimal] = language.startsWith("de") ? [".", ","] : [",", "."]
  const grouped = new RegExp(`^\\d{1,3}(\\${thousands}\\d{3})+(\\${decimal}\\d{1,2})?$`)
  if (grouped.test(cleaned)) return Number(cleaned.split(thousands).join("").replace(decimal, "."))
  if (!/^\d+([.,]\d{1,2})?$/.test(cleaned)) return Number.NaN
  return Number(cleaned.replace(",", "."))
}

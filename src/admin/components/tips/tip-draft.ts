import { SecurityTip, SecurityTipInput, TipPlacement } from "../../lib/tips-hooks"

/** The editor's form state: text inputs as strings, dates as YYYY-MM-DD. */
export type TipDraft = {
  title: string
  body: string
  locale: string
  placement: TipPlacement
  rank: string
  active: boolean
  valid_from: string
  valid_until: string
}

const day = (iso: string | null) => (iso ? toLocalDay(new Date(iso)) : "")

function toLocalDay(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, "0")
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`
}

export function emptyDraft(locale = "de", placement: TipPlacement = "checkout"): TipDraft {
  return { title: "", body: "", locale, placement, rank: "0", active: true, valid_from: "", valid_until: "" }
}

export function draftOf(tip: SecurityTip): TipDraft {
  return {
    title: tip.title,
    body: tip.body,
    locale: tip.locale,
    placement: tip.placement,
    rank: String(tip.rank),
    active: tip.active,
    valid_from: day(tip.valid_from),
    valid_until: day(tip.valid_until),
  }
}

/** The request body: a window runs from the start of its first day to the end of its last (local time). */
export function inputOf(draft: TipDraft): SecurityTipInput {
  const rank = Number(draft.rank.trim())
  return {
    title: draft.title.trim(),
    body: draft.body,
    locale: draft.locale.trim().toLowerCase(),
    placement: draft.placement,
    // an invalid number goes to the server as is, so its 400 names the field
    rank: draft.rank.trim() === "" ? 0 : rank,
    active: draft.active,
    valid_from: draft.valid_from ? new Date(`${draft.valid_from}T00:00:00`).toISOString() : null,
    valid_until: draft.valid_until ? new Date(`${draft.valid_until}T23:59:59`).toISOString() : null,
  }
}

import {
  PlaceholderValues,
  escapeMarkdown,
  fillPlaceholders,
  missingPlaceholders,
  omitUnfilledSentences,
  renderTipMarkdown,
} from "../../modules/payment-risk/tips"

export type RenderableTip = { id?: string; title: string; body: string; updated_at?: Date | string | null }
/**
 * How shoppers get a tip with the shop details as they are: `full`; `shortened` (the sentences
 * needing an empty value are left out); `hidden` (its title, or every sentence, needs one).
 */
export type TipDisplay = "full" | "shortened" | "hidden"
export type RenderedTip = { title: string; html: string; display: TipDisplay }

type Text = Pick<RenderableTip, "title" | "body">

/** The tip's text as shoppers get it before the placeholders are filled, and how much of it that is. */
function fitToShopDetails(tip: Text, values: PlaceholderValues): Text & { display: TipDisplay } {
  if (!hasMissingPlaceholders(tip, values)) {
    return { title: tip.title, body: tip.body, display: "full" }
  }
  const title = omitUnfilledSentences(tip.title, values)
  const body = omitUnfilledSentences(tip.body, values)
  const emptied = (before: string, after: string) => before.trim() !== "" && after.trim() === ""
  if (emptied(tip.title, title) || emptied(tip.body, body)) {
    return { title: "", body: "", display: "hidden" }
  }
  return { title, body, display: "shortened" }
}

/**
 * Title as plain text and body as safe HTML, placeholders filled (Markdown-escaped in the body).
 * A sentence needing a placeholder the merchant left empty is left out, never shown with a gap;
 * a hidden tip renders as empty title and HTML.
 */
export function renderTip(tip: Text, values: PlaceholderValues): RenderedTip {
  const fitted = fitToShopDetails(tip, values)
  if (fitted.display === "hidden") {
    return { title: "", html: "", display: "hidden" }
  }
  return {
    title: fillPlaceholders(fitted.title, values),
    html: renderTipMarkdown(fillPlaceholders(fitted.body, values, escapeMarkdown)),
    display: fitted.display,
  }
}

/** How shoppers get the tip with these shop details (without rendering it). */
export function tipDisplay(tip: Text, values: PlaceholderValues): TipDisplay {
  return fitToShopDetails(tip, values).display
}

/** True when the tip uses a placeholder the merchant has not filled in (a sentence of it is left out). */
export function hasMissingPlaceholders(tip: Text, values: PlaceholderValues): boolean {
  return missingPlaceholders(`${tip.title}\n${tip.body}`, values).length > 0
}

const MAX_ENTRIES = 1000
const cache = new Map<string, RenderedTip>()

const stamp = (value: RenderableTip["updated_at"]) =>
  value instanceof Date ? value.getTime() : value ? new Date(value).getTime() : 0

/**
 * `renderTip` once per tip version and placeholder values: keyed by id + updated_at + values, so
 * an edit of the tip or of the shop details renders anew. Bounded; the oldest entry goes first.
 */
export function renderTipCached(tip: RenderableTip & { id: string }, values: PlaceholderValues): RenderedTip {
  const key = `${tip.id}\u0000${stamp(tip.updated_at)}\u0000${JSON.stringify(values)}`
  const hit = cache.get(key)
  if (hit) {
    return hit
  }
  const rendered = renderTip(tip, values)
  if (cache.size >= MAX_ENTRIES) {
    cache.delete(cache.keys().next().value as string)
  }
  cache.set(key, rendered)
  return rendered
}

/** For tests: how many renderings are cached. */
export const renderedTipCacheSize = () => cache.size

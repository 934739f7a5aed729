import {
  PlaceholderValues,
  escapeMarkdown,
  fillPlaceholders,
  missingPlaceholders,
  renderTipMarkdown,
} from "../../modules/payment-risk/tips"

export type RenderableTip = { id?: string; title: string; body: string; updated_at?: Date | string | null }
export type RenderedTip = { title: string; html: string }

/** Title as plain text and body as safe HTML, placeholders filled (Markdown-escaped in the body). */
export function renderTip(tip: Pick<RenderableTip, "title" | "body">, values: PlaceholderValues): RenderedTip {
  return {
    title: fillPlaceholders(tip.title, values),
    html: renderTipMarkdown(fillPlaceholders(tip.body, values, escapeMarkdown)),
  }
}

/** True when the tip uses a placeholder the merchant has not filled in (it would show a gap). */
export function hasMissingPlaceholders(tip: Pick<RenderableTip, "title" | "body">, values: PlaceholderValues): boolean {
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

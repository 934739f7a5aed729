/** The placeholders a merchant may use in tip titles and bodies, filled from the shop details. */
export const TIP_PLACEHOLDERS = ["shop_name", "statement_descriptor", "hotline", "support_email"] as const
export type TipPlaceholder = (typeof TIP_PLACEHOLDERS)[number]
export type PlaceholderValues = Record<TipPlaceholder, string>

/** The shop details as stored in the settings (`shop` section). */
export type ShopDetailsLike = { name?: string; statement_descriptor?: string; hotline?: string; support_email?: string }

const PATTERN = /\{(shop_name|statement_descriptor|hotline|support_email)\}/g

export function placeholderValues(shop: ShopDetailsLike): PlaceholderValues {
  return {
    shop_name: shop.name?.trim() ?? "",
    statement_descriptor: shop.statement_descriptor?.trim() ?? "",
    hotline: shop.hotline?.trim() ?? "",
    support_email: shop.support_email?.trim() ?? "",
  }
}

/** The known placeholders a text uses, each once, in order of appearance. */
export function usedPlaceholders(text: string): TipPlaceholder[] {
  return [...new Set(Array.from(text.matchAll(PATTERN), (match) => match[1] as TipPlaceholder))]
}

/** The placeholders a text uses that have no value yet (the tip would show a gap). */
export function missingPlaceholders(text: string, values: PlaceholderValues): TipPlaceholder[] {
  return usedPlaceholders(text).filter((name) => !values[name])
}

/** True when the text uses a placeholder that has no value. */
const needsEmptyValue = (text: string, values: PlaceholderValues) => missingPlaceholders(text, values).length > 0

/** A list item, heading or quote marker at the start of a line: kept in front of what is left of the line. */
const BLOCK_MARKER = /^[ \t]{0,3}(?:[-*+]|\d{1,9}[.)]|#{1,6}|>)(?:[ \t]+|$)/
const HEADING = /^[ \t]{0,3}#{1,6}(?:[ \t]|$)/
/** Closing marks that may follow the end of a sentence: emphasis, brackets, quotes. */
const CLOSERS = new Set(["*", "_", "~", "`", ")", "]", '"', "'", "“", "”", "„", "»", "«", "‘", "’"])
/** Words that end in a full stop without ending the sentence (lower case, without the last dot). */
const ABBREVIATIONS = new Set([
  "bzw", "ca", "etc", "evtl", "ggf", "inkl", "max", "min", "nr", "str", "tel", "usw", "vgl", "zzgl", "bspw", "sog",
  "mr", "mrs", "ms", "dr", "prof", "st", "no", "vs", "approx", "incl",
])

/**
 * Where a sentence ends: at whitespace after `.`, `!`, `?` or `…` (and any closing marks), outside
 * brackets and parentheses (a link's text and target stay whole), not after an abbreviation, a
 * single letter (`z. B.`, `e.g.`) or a number (`1. Mai`), and only before a word that does not start
 * in lower case. When unsure it does not split: too much is left out rather than a fragment left.
 */
function endsSentence(text: string, start: number, at: number): boolean {
  let k = at - 1
  while (k >= start && CLOSERS.has(text[k])) k--
  const mark = text[k]
  if (mark === "!" || mark === "?" || mark === "…") {
    return true
  }
  if (mark !== ".") {
    return false
  }
  if (/\d/.test(text[k - 1] ?? "")) {
    return false
  }
  let m = k - 1
  while (m >= start && /[\p{L}.]/u.test(text[m])) m--
  const word = text.slice(m + 1, k)
  return !(word.length === 1 || word.includes(".") || ABBREVIATIONS.has(word.toLowerCase()))
}

function startsSentence(text: string, at: number): boolean {
  const next = text.slice(at).match(/\S/)?.[0]
  return next !== undefined && !/\p{Ll}/u.test(next)
}

/** The sentences of a text, each with the whitespace that follows it. */
export function splitSentences(text: string): Array<{ sentence: string; gap: string }> {
  const parts: Array<{ sentence: string; gap: string }> = []
  let start = 0
  let depth = 0
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]
    if (ch === "[" || ch === "(") {
      depth++
    } else if ((ch === "]" || ch === ")") && depth > 0) {
      depth--
    } else if (depth === 0 && /\s/.test(ch) && endsSentence(text, start, i) && startsSentence(text, i)) {
      let end = i
      while (end < text.length && /\s/.test(text[end])) end++
      parts.push({ sentence: text.slice(start, i), gap: text.slice(i, end) })
      start = end
      i = end - 1
    }
  }
  parts.push({ sentence: text.slice(start), gap: "" })
  return parts
}

/** Lines grouped into Markdown blocks: a paragraph, one list item with its continuation, a heading, a blank line. */
function blocksOf(lines: string[]): string[][] {
  const blocks: string[][] = []
  let open: string[] | null = null
  for (const line of lines) {
    if (!line.trim()) {
      blocks.push([line])
      open = null
    } else if (open && !BLOCK_MARKER.test(line)) {
      open.push(line)
    } else {
      open = [line]
      blocks.push(open)
      if (HEADING.test(line)) open = null
    }
  }
  return blocks
}

/**
 * The text without the sentences that need a placeholder with no value, so a tip reads well
 * before the merchant fills in the shop details: a list item, paragraph or heading left empty goes
 * as a whole. A text that needs no empty value comes back unchanged.
 */
export function omitUnfilledSentences(text: string, values: PlaceholderValues): string {
  if (!needsEmptyValue(text, values)) {
    return text
  }
  const kept = blocksOf(text.split(/\r?\n/)).flatMap((block) => {
    const source = block.join("\n")
    if (!needsEmptyValue(source, values)) {
      return [source]
    }
    const marker = source.match(BLOCK_MARKER)?.[0] ?? ""
    const sentences = splitSentences(source.slice(marker.length)).filter(({ sentence }) => !needsEmptyValue(sentence, values))
    const rest = sentences.map(({ sentence, gap }) => sentence + gap).join("").trimEnd()
    return rest ? [marker + rest] : []
  })
  // blank lines around a block left out collapse into one
  return kept.join("\n").replace(/\n[ \t]*(?:\n[ \t]*)+\n/g, "\n\n").trim()
}

/** Backslash-escapes Markdown punctuation so a value is shown as typed, never as formatting. */
export function escapeMarkdown(value: string): string {
  return value.replace(/[\\`*_{}[\]()#+\-.!|<>~&"']/g, "\\$&").replace(/\r?\n/g, " ")
}

/**
 * Replaces the known placeholders; unknown `{words}` stay as they are. `escape` prepares a value
 * for its surroundings (Markdown for bodies; titles are plain text).
 */
export function fillPlaceholders(text: string, values: PlaceholderValues, escape: (value: string) => string = (v) => v): string {
  return text.replace(PATTERN, (_, name: TipPlaceholder) => escape(values[name]))
}

import MarkdownIt from "markdown-it"

/** Link targets a tip may point to: web pages, mail, phone, and paths or anchors of the shop. */
const SAFE_LINK = /^(https?:\/\/|mailto:|tel:|\/(?!\/)|#)/i

/**
 * Markdown for shopper-facing tips: raw HTML is escaped (`html: false`), images are off (a tip is
 * text), and links only go to http(s), mailto, tel or the shop's own paths — `javascript:`,
 * `data:` and anything else stays plain text. Single line breaks are kept.
 */
const markdown = new MarkdownIt({ html: false, linkify: false, typographer: false, breaks: true })
markdown.disable(["image"])

const defaultValidate = markdown.validateLink.bind(markdown)
markdown.validateLink = (url: string) => defaultValidate(url) && SAFE_LINK.test(url.trim())

const defaultLinkOpen =
  markdown.renderer.rules.link_open ?? ((tokens, idx, options, _env, self) => self.renderToken(tokens, idx, options))
markdown.renderer.rules.link_open = (tokens, idx, options, env, self) => {
  const href = tokens[idx].attrGet("href") ?? ""
  if (/^https?:/i.test(href)) {
    tokens[idx].attrSet("rel", "noopener noreferrer nofollow")
  }
  return defaultLinkOpen(tokens, idx, options, env, self)
}

/** Safe HTML for a tip body written in Markdown. */
export function renderTipMarkdown(body: string): string {
  return markdown.render(body).trim()
}

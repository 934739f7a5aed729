/**
 * Defence in depth for the tips' HTML: the server already renders Markdown without raw HTML, but
 * a storefront should not trust any HTML blindly. Keeps a small set of formatting elements and
 * http(s)/mailto/tel links; drops everything else (scripts, styles, event handlers, images).
 */
const ALLOWED = new Set(["P", "BR", "STRONG", "EM", "B", "I", "UL", "OL", "LI", "A", "CODE", "BLOCKQUOTE", "H3", "H4", "H5", "H6"])
const DROP_WITH_CONTENT = new Set(["SCRIPT", "STYLE", "IFRAME", "OBJECT", "EMBED", "TEMPLATE", "SVG", "MATH", "NOSCRIPT"])
const SAFE_URL = /^(https?:|mailto:|tel:|#|\/)/i

function clean(node: Node, into: Node): void {
  node.childNodes.forEach((child) => {
    if (child.nodeType === Node.TEXT_NODE) {
      into.appendChild(document.createTextNode(child.textContent ?? ""))
      return
    }
    if (child.nodeType !== Node.ELEMENT_NODE) return
    const el = child as Element
    if (DROP_WITH_CONTENT.has(el.tagName)) return
    if (!ALLOWED.has(el.tagName)) {
      clean(el, into) // keep the text of unknown elements
      return
    }
    const copy = document.createElement(el.tagName.toLowerCase())
    if (el.tagName === "A") {
      const href = el.getAttribute("href")?.trim() ?? ""
      if (SAFE_URL.test(href)) {
        copy.setAttribute("href", href)
        if (/^https?:/i.test(href)) {
          copy.setAttribute("rel", "noopener noreferrer")
          copy.setAttribute("target", "_blank")
        }
      }
    }
    clean(el, copy)
    into.appendChild(copy)
  })
}

export function safeFragment(html: string): DocumentFragment {
  const parsed = new DOMParser().parseFromString(`<body>${html}</body>`, "text/html")
  const fragment = document.createDocumentFragment()
  clean(parsed.body, fragment)
  return fragment
}

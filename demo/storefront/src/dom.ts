/** Tiny DOM helpers: no framework, so the page stays small and fast. */

/** The element with this id; throws when index.html lacks it (a programming error). */
export function byId<T extends HTMLElement = HTMLElement>(id: string): T {
  const el = document.getElementById(id)
  if (!el) throw new Error(`#${id} missing in index.html`)
  return el as T
}

type Attrs = Record<string, string | number | boolean | null | undefined>

/** Creates an element; `text` children become text nodes (never HTML). */
export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Attrs = {},
  ...children: Array<Node | string | null | undefined | false>
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag)
  for (const [name, value] of Object.entries(attrs)) {
    if (value === null || value === undefined || value === false) continue
    if (name === "class") el.className = String(value)
    else el.setAttribute(name, value === true ? "" : String(value))
  }
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue
    el.append(typeof child === "string" ? document.createTextNode(child) : child)
  }
  return el
}

/** Replaces the children of `el`. */
export function render(el: Element, ...children: Array<Node | string | null | undefined | false>): void {
  el.replaceChildren(...(children.filter((c) => c !== null && c !== undefined && c !== false) as Array<Node | string>))
}

export function show(el: HTMLElement, visible: boolean): void {
  el.hidden = !visible
}

/** A polite announcement for screen readers (the page has one shared live region). */
export function announce(message: string): void {
  const region = byId("announcer")
  region.textContent = ""
  // a fresh text node after a tick makes screen readers repeat identical messages too
  window.setTimeout(() => (region.textContent = message), 50)
}

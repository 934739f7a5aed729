import { defaultTipRows, placeholderValues, renderTipMarkdown, usedPlaceholders } from "../../../modules/payment-risk/tips"
import { hasMissingPlaceholders, renderTip, renderTipCached, renderedTipCacheSize } from "../render-tip"

const SHOP = placeholderValues({
  name: "Kaffee & Co",
  statement_descriptor: "KAFFEE*CO SHOP",
  hotline: "+49 30 123456",
  support_email: "hilfe@kaffee.example",
})
const EMPTY = placeholderValues({})

/** Any tag carrying an event handler, a script or an inline frame, or a javascript: target. */
const DANGEROUS = /<\s*(script|iframe|object|embed|img|svg|style)\b|<[^>]*\son[a-z]+\s*=|href\s*=\s*"\s*(javascript|data|vbscript):/i

describe("renderTipMarkdown", () => {
  it("should render the Markdown a tip needs", () => {
    expect(renderTipMarkdown("**fett** und *kursiv*\n\n- eins\n- zwei")).toBe(
      "<p><strong>fett</strong> und <em>kursiv</em></p>\n<ul>\n<li>eins</li>\n<li>zwei</li>\n</ul>"
    )
  })

  it("should keep single line breaks", () => {
    expect(renderTipMarkdown("Zeile eins\nZeile zwei")).toBe("<p>Zeile eins<br>\nZeile zwei</p>")
  })

  it.each([
    ["a script tag", "<script>alert(1)</script>"],
    ["an image with onerror", '<img src=x onerror="alert(1)">'],
    ["an inline event handler", '<a href="https://x.example" onclick="alert(1)">x</a>'],
    ["an iframe", '<iframe src="https://evil.example"></iframe>'],
    ["a javascript: link", "[klick](javascript:alert(1))"],
    ["a javascript: link in capitals and with an entity", "[klick](JaVaScRiPt&#58;alert(1))"],
    ["a data: link", "[klick](data:text/html;base64,PHNjcmlwdD4=)"],
    ["a vbscript: link", "[klick](vbscript:msgbox(1))"],
    ["a Markdown image", "![x](https://evil.example/pixel.png)"],
    ["an autolink to javascript:", "<javascript:alert(1)>"],
  ])("should not let %s through", (_, body) => {
    const html = renderTipMarkdown(body)
    expect(html).not.toMatch(DANGEROUS)
    expect(html).not.toContain("<a href=\"javascript")
  })

  it("should show raw HTML as text", () => {
    expect(renderTipMarkdown("<b>hi</b>")).toBe("<p>&lt;b&gt;hi&lt;/b&gt;</p>")
  })

  it("should keep web, mail and phone links, with rel on web links", () => {
    expect(renderTipMarkdown("[Impressum](https://shop.example/impressum)")).toBe(
      '<p><a href="https://shop.example/impressum" rel="noopener noreferrer nofollow">Impressum</a></p>'
    )
    expect(renderTipMarkdown("[Mail](mailto:hilfe@shop.example)")).toContain('<a href="mailto:hilfe@shop.example">')
    expect(renderTipMarkdown("[Anrufen](tel:+4930123456)")).toContain('<a href="tel:+4930123456">')
    expect(renderTipMarkdown("[Konto](/account)")).toContain('<a href="/account">')
  })

  it("should not link protocol-relative or unknown schemes", () => {
    expect(renderTipMarkdown("[x](//evil.example)")).not.toContain("<a")
    expect(renderTipMarkdown("[x](ftp://files.example)")).not.toContain("<a")
  })
})

describe("renderTip", () => {
  it("should fill the placeholders in title and body", () => {
    const rendered = renderTip(
      { title: "Zahlungen an {shop_name}", body: "Abbuchung als **{statement_descriptor}**, Fragen: {hotline}, {support_email}" },
      SHOP
    )
    expect(rendered.title).toBe("Zahlungen an Kaffee & Co")
    expect(rendered.html).toBe(
      "<p>Abbuchung als <strong>KAFFEE*CO SHOP</strong>, Fragen: +49 30 123456, hilfe@kaffee.example</p>"
    )
  })

  it("should show a placeholder value as typed, never as Markdown or HTML", () => {
    const values = { ...SHOP, shop_name: "<script>x</script> _Shop_ [x](javascript:alert(1))" }
    const { html } = renderTip({ title: "t", body: "Willkommen bei {shop_name}" }, values)
    expect(html).toBe(
      "<p>Willkommen bei &lt;script&gt;x&lt;/script&gt; _Shop_ [x](javascript:alert(1))</p>"
    )
  })

  it("should fill a placeholder inside a mail link", () => {
    const { html } = renderTip({ title: "t", body: "[Schreiben Sie uns](mailto:{support_email})" }, SHOP)
    expect(html).toBe('<p><a href="mailto:hilfe@kaffee.example">Schreiben Sie uns</a></p>')
  })

  it("should leave unknown placeholders alone", () => {
    expect(renderTip({ title: "{unknown}", body: "{unknown}" }, SHOP)).toEqual({ title: "{unknown}", html: "<p>{unknown}</p>" })
  })

  it("should report tips that use a placeholder without a value", () => {
    expect(hasMissingPlaceholders({ title: "t", body: "Anruf: {hotline}" }, EMPTY)).toBe(true)
    expect(hasMissingPlaceholders({ title: "t", body: "Anruf: {hotline}" }, SHOP)).toBe(false)
    expect(hasMissingPlaceholders({ title: "t", body: "ohne Platzhalter" }, EMPTY)).toBe(false)
  })
})

describe("renderTipCached", () => {
  it("should render once per tip version and placeholder values", () => {
    const tip = { id: "prtip_cache", title: "t", body: "Anruf: {hotline}", updated_at: new Date("2026-01-01") }
    const before = renderedTipCacheSize()
    const first = renderTipCached(tip, SHOP)
    expect(renderTipCached({ ...tip }, SHOP)).toBe(first)
    expect(renderedTipCacheSize()).toBe(before + 1)

    const edited = renderTipCached({ ...tip, body: "Neu: {hotline}", updated_at: new Date("2026-01-02") }, SHOP)
    expect(edited.html).toBe("<p>Neu: +49 30 123456</p>")
    const otherHotline = renderTipCached(tip, { ...SHOP, hotline: "0800 1" })
    expect(otherHotline.html).toBe("<p>Anruf: 0800 1</p>")
    expect(renderedTipCacheSize()).toBe(before + 3)
  })
})

describe("the default tips", () => {
  const rows = defaultTipRows()

  it("should come in German and English for every topic and placement", () => {
    const keys = new Set(rows.map((row) => row.default_key))
    expect(keys.size).toBe(rows.length)
    for (const row of rows.filter((r) => r.locale === "de")) {
      expect(keys.has(row.default_key.replace(/\.de$/, ".en"))).toBe(true)
    }
  })

  it("should cover every placement", () => {
    expect(new Set(rows.map((row) => row.placement))).toEqual(
      new Set(["checkout", "payment", "account", "order_confirmation", "footer"])
    )
  })

  it("should fit the admin's limits and render without raw HTML", () => {
    for (const row of rows) {
      expect(row.title.length).toBeLessThanOrEqual(200)
      expect(row.body.length).toBeLessThanOrEqual(5000)
      const html = renderTip(row, SHOP).html
      expect(html).not.toMatch(DANGEROUS)
      expect(html).not.toMatch(/\{[a-z_]+\}/)
    }
  })

  it("should use the statement descriptor and the contact placeholders", () => {
    const used = new Set(rows.flatMap((row) => usedPlaceholders(row.body)))
    expect(used).toEqual(new Set(["statement_descriptor", "hotline", "support_email"]))
  })
})

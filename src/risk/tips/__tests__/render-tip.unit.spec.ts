import {
  DEFAULT_TIP_TOPICS,
  currentDefaultText,
  defaultTipRows,
  renderTipMarkdown,
  usedPlaceholders,
} from "../../../modules/payment-risk/tips"
import { hasMissingPlaceholders, renderTip, renderTipCached, renderedTipCacheSize } from "../render-tip"
import { EMPTY, SHOP } from "./shop-values"

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
    expect(renderTip({ title: "t", body: "Anruf: {hotline}" }, SHOP).display).toBe("full")
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
    expect(renderTip({ title: "{unknown}", body: "{unknown}" }, SHOP)).toEqual({ title: "{unknown}", html: "<p>{unknown}</p>", display: "full" })
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

  it("should give a fresh store at least three checkout tips and tips at every placement, in German and English", () => {
    for (const locale of ["de", "en"]) {
      const mine = rows.filter((row) => row.locale === locale)
      expect(mine.filter((row) => row.placement === "checkout").length).toBeGreaterThanOrEqual(3)
      expect(new Set(mine.map((row) => row.placement))).toEqual(new Set(["checkout", "payment", "account", "order_confirmation", "footer"]))
    }
  })

  it("should read well with empty shop details: shortened by whole sentences, never hidden", () => {
    for (const row of rows) {
      const rendered = renderTip(row, EMPTY)
      const where = row.default_key
      expect({ where, display: rendered.display }).toEqual({ where, display: usedPlaceholders(row.body).length ? "shortened" : "full" })
      expect({ where, title: rendered.title }).toEqual({ where, title: row.title })
      expect(rendered.html).not.toMatch(/\{[a-z_]+\}|<(strong|em|a|p|li)\b[^>]*>\s*<\/\1>/)
      const blocks = Array.from(rendered.html.matchAll(/<(p|li)>([\s\S]*?)<\/\1>/g), (m) => m[2].replace(/<[^>]+>/g, "").trim())
      expect(blocks.length).toBeGreaterThan(0)
      for (const block of blocks) {
        expect({ where, block }).toEqual({ where, block: expect.stringMatching(/[.!?)]$/) })
        expect({ where, block }).toEqual({ where, block: expect.not.stringMatching(/\s[.,;:!?]|\s{2}/) })
      }
      expect(renderTip(row, SHOP).display).toBe("full")
    }
  })

  it("should keep each sentence that needs a shop detail on its own, so the rest needs nothing from it", () => {
    // a sentence that refers back to the value ("this name", "these details") would dangle without it
    const refersBack = /\b(diesem Namen|diese Kontaktdaten|this name|these contact details|those contact details)\b/i
    for (const row of rows) {
      expect({ key: row.default_key, text: renderTip(row, EMPTY).html }).toEqual({ key: row.default_key, text: expect.not.stringMatching(refersBack) })
    }
  })
})

describe("currentDefaultText", () => {
  const EARLIER = {
    de: {
      statement_descriptor: {
        title: "So erscheint Ihre Zahlung auf dem Kontoauszug",
        body:
          "Auf Ihrem Konto- oder Kartenauszug steht bei Zahlungen an uns: **{statement_descriptor}**. " +
          "Finden Sie eine Abbuchung mit diesem Namen, die Sie nicht zuordnen können, sprechen Sie uns zuerst an – " +
          "meist klärt sich das schnell.",
      },
      something_wrong: {
        title: "Kommt Ihnen etwas verdächtig vor?",
        body:
          "Eine seltsame E-Mail, eine unbekannte Abbuchung oder eine Bestellung, die Sie nicht aufgegeben haben? " +
          "Melden Sie sich bei uns: telefonisch unter {hotline} oder per E-Mail an {support_email}. " +
          "Nutzen Sie dafür nur diese Kontaktdaten, nicht die aus einer verdächtigen Nachricht. " +
          "Haben Sie Zahlungsdaten preisgegeben, lassen Sie Karte oder Zugang zusätzlich bei Ihrer Bank sperren.",
      },
    },
    en: {
      statement_descriptor: {
        title: "How your payment appears on your statement",
        body:
          "Payments to us appear on your bank or card statement as **{statement_descriptor}**. " +
          "If you find a charge under this name that you cannot place, please contact us first – " +
          "usually it is cleared up quickly.",
      },
      something_wrong: {
        title: "Does something look wrong?",
        body:
          "A strange email, an unknown charge or an order you did not place? Get in touch with us: by phone at " +
          "{hotline} or by email at {support_email}. Use only these contact details, never those from a " +
          "suspicious message. If you have given away payment details, also ask your bank to block the card or access.",
      },
    },
  } as const
  const current = (topic: string, locale: "de" | "en") => {
    const found = DEFAULT_TIP_TOPICS.find((t) => t.key === topic)!
    return { title: found[locale].title, body: found[locale].body }
  }

  it.each([
    ["statement_descriptor.payment.de", "de", "statement_descriptor"],
    ["statement_descriptor.order_confirmation.en", "en", "statement_descriptor"],
    ["something_wrong.footer.de", "de", "something_wrong"],
    ["something_wrong.order_confirmation.en", "en", "something_wrong"],
  ] as const)("should bring the unedited earlier text of %s up to date", (key, locale, topic) => {
    expect(currentDefaultText({ default_key: key, ...EARLIER[locale][topic] })).toEqual(current(topic, locale))
  })

  it("should leave the merchant's words, current texts and the merchant's own tips alone", () => {
    const earlier = EARLIER.de.something_wrong
    expect(currentDefaultText({ default_key: "something_wrong.footer.de", title: earlier.title, body: `${earlier.body} Danke.` })).toBeNull()
    expect(currentDefaultText({ default_key: "something_wrong.footer.de", title: "Eigener Titel", body: earlier.body })).toBeNull()
    expect(currentDefaultText({ default_key: "something_wrong.footer.de", ...current("something_wrong", "de") })).toBeNull()
    expect(currentDefaultText({ default_key: null, ...earlier })).toBeNull()
    // the German text under an English key is not the English default
    expect(currentDefaultText({ default_key: "something_wrong.footer.en", ...earlier })).toBeNull()
  })
})

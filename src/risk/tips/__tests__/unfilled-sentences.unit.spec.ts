import { omitUnfilledSentences } from "../../../modules/payment-risk/tips"
import { renderTip, tipDisplay } from "../render-tip"
import { EMPTY, SHOP } from "./shop-values"

describe("omitUnfilledSentences", () => {
  it.each([
    ["a sentence in the middle", "Wir helfen gern. Anruf: {hotline}. Antwort binnen eines Tages.", "Wir helfen gern. Antwort binnen eines Tages."],
    ["the last sentence", "Wir helfen gern. Anruf: {hotline}.", "Wir helfen gern."],
    ["the first sentence", "Anruf: {hotline}. Wir helfen gern.", "Wir helfen gern."],
    ["a sentence using two empty values", "Eins. Anruf {hotline} oder {support_email}. Drei.", "Eins. Drei."],
    ["a question and an exclamation", "Fragen? Anruf: {hotline}! Gern.", "Fragen? Gern."],
    ["a sentence with German abbreviations", "Rufen Sie z. B. unter {hotline} an, d. h. tagsüber. Danke.", "Danke."],
    ["a sentence with an English abbreviation", "Call us, e.g. at {hotline}. Thanks!", "Thanks!"],
    ["a sentence with an ordinal number", "Ab dem 1. Mai erreichen Sie uns unter {hotline}. Sonst per Post.", "Sonst per Post."],
    ["a sentence ending in emphasis", "**Anruf: {hotline}.** Danke.", "Danke."],
    ["a sentence in quotes", "„Anruf: {hotline}.“ Danke.", "Danke."],
    ["a sentence ending in an ellipsis", "Anruf: {hotline} … Danke.", "Danke."],
    ["a sentence spanning two lines", "Rufen Sie uns\nunter {hotline} an. Danke.", "Danke."],
    ["a line break kept between other sentences", "Eins.\nAnruf: {hotline}.\nZwei.", "Eins.\nZwei."],
    ["a mail link", "[Schreiben Sie uns](mailto:{support_email}). Danke.", "Danke."],
    [
      "a sentence next to a link with dots in it",
      "Mehr im [Impressum. Hier](https://shop.example/a.b). Anruf: {hotline}.",
      "Mehr im [Impressum. Hier](https://shop.example/a.b).",
    ],
    ["a list item", "- Eins.\n- Anruf: {hotline}\n- Drei.", "- Eins.\n- Drei."],
    ["a sentence of a list item", "- Eins. Anruf: {hotline}.\n- Zwei.", "- Eins.\n- Zwei."],
    ["an ordered list item", "1. Eins.\n2. Anruf: {hotline}.\n3. Drei.", "1. Eins.\n3. Drei."],
    ["a paragraph", "Eins.\n\nAnruf: {hotline}.\n\nDrei.", "Eins.\n\nDrei."],
    ["a heading", "## Hotline {hotline}\n\nWir helfen.", "Wir helfen."],
    ["Windows line breaks", "Eins.\r\n\r\nAnruf: {hotline}.\r\nZwei.", "Eins.\n\nZwei."],
    ["everything", "Anruf: {hotline}.", ""],
  ])("should leave out %s that needs an empty value", (_, text, expected) => {
    expect(omitUnfilledSentences(text, EMPTY)).toBe(expected)
  })

  it("should not split a sentence where the next word starts in lower case (better too much left out than a fragment)", () => {
    expect(omitUnfilledSentences("Anruf unter {hotline}. danach weiter. Ende.", EMPTY)).toBe("Ende.")
  })

  it("should leave a text unchanged when every value it uses is filled in, or it uses none", () => {
    const text = "Anruf: **{hotline}**.  Mail: {support_email}\r\n\r\n- {shop_name}"
    expect(omitUnfilledSentences(text, SHOP)).toBe(text)
    expect(omitUnfilledSentences("Ohne Platzhalter.  {unknown}.", EMPTY)).toBe("Ohne Platzhalter.  {unknown}.")
  })

  it("should leave out only the sentences whose value is empty", () => {
    const values = { ...SHOP, hotline: "" }
    expect(omitUnfilledSentences("Anruf: {hotline}. Mail: {support_email}.", values)).toBe("Mail: {support_email}.")
  })
})

describe("renderTip with empty shop details", () => {
  it("should show the tip without the sentence that needs the value, and say it is shortened", () => {
    const tip = { title: "Hilfe", body: "Wir helfen gern. Anruf: **{hotline}**." }
    expect(renderTip(tip, EMPTY)).toEqual({ title: "Hilfe", html: "<p>Wir helfen gern.</p>", display: "shortened" })
    expect(renderTip(tip, SHOP)).toEqual({ title: "Hilfe", html: "<p>Wir helfen gern. Anruf: <strong>+49 30 123456</strong>.</p>", display: "full" })
  })

  it("should hide a tip whose title or whole body needs an empty value", () => {
    expect(renderTip({ title: "Hilfe bei {shop_name}", body: "Wir helfen." }, EMPTY)).toEqual({ title: "", html: "", display: "hidden" })
    expect(renderTip({ title: "Hilfe", body: "Anruf: {hotline}" }, EMPTY)).toEqual({ title: "", html: "", display: "hidden" })
    expect(renderTip({ title: "Hilfe bei {shop_name}", body: "Wir helfen." }, SHOP).display).toBe("full")
  })

  it("should call a tip without placeholders, or with all of them filled in, full", () => {
    expect(tipDisplay({ title: "t", body: "Ohne Platzhalter." }, EMPTY)).toBe("full")
    expect(tipDisplay({ title: "t", body: "Anruf: {hotline}. Danke." }, SHOP)).toBe("full")
    expect(tipDisplay({ title: "t", body: "Anruf: {hotline}. Danke." }, EMPTY)).toBe("shortened")
    expect(tipDisplay({ title: "t", body: "Anruf: {hotline}." }, EMPTY)).toBe("hidden")
  })

  it("should not hide a preview that has no title yet", () => {
    expect(renderTip({ title: "", body: "Wir helfen. Anruf: {hotline}." }, EMPTY)).toEqual({ title: "", html: "<p>Wir helfen.</p>", display: "shortened" })
  })
})

import { chooseTipLocale, tipLocaleCandidates } from "../choose-locale"
import { etagMatches, strongEtag } from "../etag"

describe("chooseTipLocale", () => {
  it.each([
    [["de", "en"], "de", "de", "de"],
    [["de", "en"], "fr", "de", "de"],
    [["en"], "fr", "de", "en"],
    [["de", "en"], "de-AT", "en", "de"],
    [["de", "en"], "EN", "de", "en"],
    [["de", "fr"], "xx", "it", "de"],
    [["fr", "it"], "xx", "es", "fr"],
    [["fr"], "de", "it", "fr"],
    [[], "de", "it", null],
    [["de", "en"], undefined, "de", "de"],
    [["de", "en"], undefined, undefined, "en"],
    [["de"], undefined, undefined, "de"],
  ])("should choose from %j for requested %s and shop default %s: %s", (available, requested, shop, expected) => {
    expect(chooseTipLocale(available, requested, shop)).toBe(expected)
  })

  it("should list each candidate once: requested, shop default, English, German", () => {
    expect(tipLocaleCandidates("de-DE", "de")).toEqual(["de", "en"])
    expect(tipLocaleCandidates("fr", "it")).toEqual(["fr", "it", "en", "de"])
    expect(tipLocaleCandidates("", "??")).toEqual(["en", "de"])
    expect(tipLocaleCandidates("xx_YY", "EN")).toEqual(["xx", "en", "de"])
  })

  it("should never choose nothing while there are tips", () => {
    expect(chooseTipLocale(new Set(["pl"]), "xx", "it")).toBe("pl")
  })
})

describe("strongEtag", () => {
  it("should be a quoted hash that changes with the body", () => {
    const tag = strongEtag('{"tips":[]}')
    expect(tag).toMatch(/^"[A-Za-z0-9_-]{32}"$/)
    expect(strongEtag('{"tips":[]}')).toBe(tag)
    expect(strongEtag('{"tips":[1]}')).not.toBe(tag)
  })

  it("should match If-None-Match lists, weak forms and *", () => {
    const tag = strongEtag("x")
    expect(etagMatches(tag, tag)).toBe(true)
    expect(etagMatches(`"other", ${tag}`, tag)).toBe(true)
    expect(etagMatches(`W/${tag}`, tag)).toBe(true)
    expect(etagMatches("*", tag)).toBe(true)
    expect(etagMatches('"other"', tag)).toBe(false)
    expect(etagMatches(undefined, tag)).toBe(false)
  })
})

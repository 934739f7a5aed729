import { chooseTipLocale, tipLocaleCandidates } from "../choose-locale"
import { etagMatches, strongEtag } from "../etag"

describe("chooseTipLocale", () => {
  it.each([
    [["de", "en"], "de", "de", "de"],
    [["de", "en"], "fr", "de", "de"],
    [["en"], "fr", "de", "en"],
    [["de", "en"], "de-AT", "en", "de"],
    [["de", "en"], "EN", "de", "en"],
    [["fr"], "de", "it", null],
    [["de", "en"], undefined, "de", "de"],
    [["de", "en"], undefined, undefined, "en"],
  ])("should choose from %j for requested %s and shop default %s: %s", (available, requested, shop, expected) => {
    expect(chooseTipLocale(available, requested, shop)).toBe(expected)
  })

  it("should list each candidate once, requested first", () => {
    expect(tipLocaleCandidates("de-DE", "de")).toEqual(["de", "en"])
    expect(tipLocaleCandidates("fr", "it")).toEqual(["fr", "it", "en"])
    expect(tipLocaleCandidates("", "??")).toEqual(["en"])
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

import { acceptedLanguages, languagePreferences, shopperLocale } from "../language"

describe("acceptedLanguages", () => {
  it("should order the browser's languages by preference and drop the ones it refuses", () => {
    expect(acceptedLanguages("fr-CH, fr;q=0.9, de;q=0.8, en;q=0.7, *;q=0.5")).toEqual(["fr", "fr", "de", "en"])
    expect(acceptedLanguages("en;q=0.2, de")).toEqual(["de", "en"])
    expect(acceptedLanguages("de;q=0, en")).toEqual(["en"])
    expect(acceptedLanguages("")).toEqual([])
    expect(acceptedLanguages(undefined)).toEqual([])
  })
})

describe("languagePreferences", () => {
  it("should follow ?locale, cart, Accept-Language, shop default, English — each once", () => {
    expect(
      languagePreferences({ request_locale: "xx", cart_locale: "fr-FR", accept_language: "it, de;q=0.5", shop_default: "de" })
    ).toEqual(["xx", "fr", "it", "de", "en"])
    expect(languagePreferences({})).toEqual(["en"])
    expect(languagePreferences({ request_locale: "???", shop_default: "de" })).toEqual(["de", "en"])
  })
})

describe("shopperLocale", () => {
  it("should answer in the first preferred language the plugin has texts in", () => {
    // an unknown ?locale does not make the texts English when the shop speaks German
    expect(shopperLocale({ request_locale: "xx", shop_default: "de" })).toBe("de")
    // Accept-Language counts before the shop default
    expect(shopperLocale({ accept_language: "en-GB", shop_default: "de" })).toBe("en")
    expect(shopperLocale({ accept_language: "fr, de;q=0.9", shop_default: "en" })).toBe("de")
    // the request's explicit locale beats the cart's
    expect(shopperLocale({ request_locale: "de-AT", cart_locale: "en" })).toBe("de")
    expect(shopperLocale({})).toBe("en")
  })
})

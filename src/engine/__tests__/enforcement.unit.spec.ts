import { enforceSelection, NO_PAYMENT_SESSION, REFUSED_PAYMENT_MESSAGE } from "../enforcement"
import type { ShopperLanguage } from "../language"

const texts = { de: "Diese Zahlungsart ist nicht verfügbar.", en: "This payment method is not available." }
const base = {
  allowed_provider_ids: ["pp_prepayment", "pp_cod"],
  selected_provider_ids: ["pp_prepayment"],
  needs_payment: true,
  refusal_message: texts,
  language: {},
}

describe("enforceSelection", () => {
  it("should allow a selection of allowed providers", () => {
    expect(enforceSelection(base)).toEqual({ allowed: true, refused_provider_ids: [] })
  })

  it("should refuse every selected provider the decision did not allow, with the neutral text", () => {
    const verdict = enforceSelection({ ...base, selected_provider_ids: ["pp_invoice", "pp_cod", "pp_debit"] })
    expect(verdict).toEqual({ allowed: false, refused_provider_ids: ["pp_invoice", "pp_debit"], message: texts.en })
  })

  it("should refuse a cart that needs payment but selected nothing (fail closed)", () => {
    const verdict = enforceSelection({ ...base, selected_provider_ids: [] })
    expect(verdict.allowed).toBe(false)
    expect(verdict.refused_provider_ids).toEqual([NO_PAYMENT_SESSION])
  })

  it("should let a free cart complete without a payment session", () => {
    expect(enforceSelection({ ...base, selected_provider_ids: [], needs_payment: false }).allowed).toBe(true)
  })

  it("should allow nothing when nothing was decided (a collection of nobody's cart)", () => {
    const verdict = enforceSelection({ ...base, allowed_provider_ids: null, refusal_message: null })
    expect(verdict).toEqual({ allowed: false, refused_provider_ids: ["pp_prepayment"], message: REFUSED_PAYMENT_MESSAGE })
  })

  it("should word the refusal in the request's locale before the cart's and the browser's", () => {
    const refuse = (language: ShopperLanguage) =>
      enforceSelection({ ...base, selected_provider_ids: ["pp_invoice"], language })
    expect(refuse({ request_locale: "de-DE", cart_locale: "en", accept_language: "en-US" })).toMatchObject({ message: texts.de })
    expect(refuse({ cart_locale: "de", accept_language: "en-US,en;q=0.9" })).toMatchObject({ message: texts.de })
    expect(refuse({ accept_language: "de-AT,de;q=0.9" })).toMatchObject({ message: texts.de })
    expect(refuse({ accept_language: "fr-FR" })).toMatchObject({ message: texts.en })
  })

  it("should fall back to English and then the default when the merchant's text is empty", () => {
    expect(enforceSelection({ ...base, selected_provider_ids: ["x"], refusal_message: { de: "", en: texts.en }, language: { cart_locale: "de" } }))
      .toMatchObject({ message: texts.en })
    expect(enforceSelection({ ...base, selected_provider_ids: ["x"], refusal_message: { de: "", en: "" } }))
      .toMatchObject({ message: REFUSED_PAYMENT_MESSAGE })
  })
})

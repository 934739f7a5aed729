import { captureOrderPayment } from "../helpers/checkout"
import { PROVIDERS } from "../helpers/store"
import { withTestStore } from "../helpers/test-store"

/**
 * What a shopper can read from the plugin: the merchant's texts, per language, and nothing that
 * tells a listed shopper from anyone else except the shorter provider list and the neutral notice.
 */
withTestStore({ timeout: 180 * 1000 }, (ctx) => {
  /** A known customer (one paid order) with a fresh cart at the same address. */
  const knownCart = async (email: string) => {
    const { completion } = await ctx.shop.checkout({ email, providerId: PROVIDERS.prepayment })
    await captureOrderPayment(ctx.api, ctx.admin, completion.data.order.id)
    return (await ctx.shop.createCart({ email })).id
  }
  const ok = { validateStatus: () => true }
  const storeGet = (path: string) => ctx.api.get(path, { ...ctx.shop.headers, ...ok })
  const storePost = (path: string, body: unknown) => ctx.api.post(path, body, { ...ctx.shop.headers, ...ok })

  it("should answer a listed and an unlisted shopper alike except for the provider list and the notice", async () => {
    const listed = await knownCart("gelistet@example.com")
    const unlisted = await knownCart("sauber@example.com")
    await ctx.api.post("/admin/payment-risk/negative-list", { kind: "email", value: "gelistet@example.com", reason: "Rücklastschrift", source: "return_debit" }, ctx.admin)

    const [a, b] = [await storeGet(`/store/carts/${listed}/payment-providers?locale=de`), await storeGet(`/store/carts/${unlisted}/payment-providers?locale=de`)]
    expect([a.status, b.status]).toEqual([200, 200])
    expect(a.data.payment_providers.map((p: { id: string }) => p.id)).toEqual([PROVIDERS.prepayment])
    expect(b.data.payment_providers.map((p: { id: string }) => p.id)).toContain(PROVIDERS.invoice)
    // only prepayment is shown: the notice promises no cash on delivery and names no reason
    expect(a.data.notice).toBe("Für diese Bestellung stehen Ihnen die angezeigten Zahlungsarten zur Verfügung.")
    expect(a.data.notice).not.toMatch(/Nachnahme|Erstbestellung/)
    expect(b.data.notice).toBeNull()
    const rest = ({ payment_providers, count, limit, notice, ...others }: Record<string, unknown>) => others
    expect(rest(a.data)).toEqual(rest(b.data))
    expect(Object.keys(a.data).sort()).toEqual(Object.keys(b.data).sort())
    expect(JSON.stringify(a.data)).not.toMatch(/negativ|list|rule|regel|score|rücklast|debit/i)

    // the address check and the tips are the same for both
    const [ca, cb] = [await storePost(`/store/carts/${listed}/address-check?locale=de`, {}), await storePost(`/store/carts/${unlisted}/address-check?locale=de`, {})]
    expect(ca.status).toBe(200)
    expect(ca.data).toEqual(cb.data)

    // a hidden method is refused with the same neutral text the unlisted shopper would get for any hidden method
    const refusedListed = await ctx.shop.createSession((await ctx.shop.paymentCollection(listed)).id, PROVIDERS.invoice)
    expect(refusedListed.status).toBe(400)
    // no language in the request or the cart: the shop's default language (German) answers
    expect(refusedListed.data.message).toBe("Die gewählte Zahlungsart ist für diese Bestellung nicht verfügbar. Bitte wählen Sie eine andere Zahlungsart.")
    expect(JSON.stringify(refusedListed.data)).not.toMatch(/negativ|list|rule|score/i)
  })

  it("should never promise cash on delivery in the notice when it is not shown", async () => {
    // a new customer: cash on delivery and prepayment shown, the first-order text fits
    const first = await ctx.shop.createCart({ email: "erstkunde@example.com" })
    const shown = await storeGet(`/store/carts/${first.id}/payment-providers?locale=de`)
    expect(shown.data.payment_providers.map((p: { id: string }) => p.id)).toEqual(expect.arrayContaining([PROVIDERS.cod, PROVIDERS.prepayment]))
    expect(shown.data.notice).toMatch(/^Für Erstbestellungen/)

    // a listed new customer: only prepayment — the generic text, in either language
    await ctx.api.post("/admin/payment-risk/negative-list", { kind: "email", value: "gesperrt@example.com", reason: "Rücklastschrift", source: "return_debit" }, ctx.admin)
    const listed = await ctx.shop.createCart({ email: "gesperrt@example.com" })
    for (const locale of ["de", "en"]) {
      const res = await storeGet(`/store/carts/${listed.id}/payment-providers?locale=${locale}`)
      expect(res.data.payment_providers.map((p: { id: string }) => p.id)).toEqual([PROVIDERS.prepayment])
      expect(res.data.notice).toEqual(expect.any(String))
      expect(res.data.notice).not.toMatch(/Nachnahme|cash on delivery|Erstbestellung|first order/i)
    }

    // a first order above the cash-on-delivery maximum: no cash on delivery, so no promise of it
    const large = await ctx.shop.createCart({ email: "gross@example.com", variantId: ctx.store.expensiveVariantId })
    const res = await storeGet(`/store/carts/${large.id}/payment-providers?locale=en`)
    expect(res.data.payment_providers.map((p: { id: string }) => p.id)).not.toContain(PROVIDERS.cod)
    expect(res.data.notice).toBe("The payment methods shown are available for this order.")
  })

  it("should use the merchant's refusal text in the shopper's language", async () => {
    const res = await ctx.api.post(
      "/admin/payment-risk/settings",
      { refusal_message: { de: "Diese Zahlungsart können wir hier leider nicht anbieten." } },
      ctx.admin
    )
    expect(res.data.settings.refusal_message).toEqual({
      de: "Diese Zahlungsart können wir hier leider nicht anbieten.",
      en: "The selected payment method is not available for this order. Please choose another payment method.",
    })
    // a new customer's cart: invoice is hidden by the first-order rule
    const cart = await ctx.shop.createCart({ email: "neu@example.com" })
    const collection = await ctx.shop.paymentCollection(cart.id)
    const de = await ctx.api.post(
      `/store/payment-collections/${collection.id}/payment-sessions`,
      { provider_id: PROVIDERS.invoice },
      { headers: { ...ctx.shop.headers.headers, "x-medusa-locale": "de-DE" }, ...ok }
    )
    expect(de.status).toBe(400)
    expect(de.data.message).toBe("Diese Zahlungsart können wir hier leider nicht anbieten.")
    const en = await ctx.api.post(
      `/store/payment-collections/${collection.id}/payment-sessions`,
      { provider_id: PROVIDERS.invoice },
      { headers: { ...ctx.shop.headers.headers, "accept-language": "en-GB,en;q=0.9" }, ...ok }
    )
    expect(en.data.message).toMatch(/^The selected payment method is not available/)
    // without any language the shop's default (German) answers
    const none = await ctx.shop.createSession(collection.id, PROVIDERS.invoice)
    expect(none.data.message).toBe("Diese Zahlungsart können wir hier leider nicht anbieten.")
  })

  it("should answer notice, tips and address check in one language, in one order", async () => {
    const cart = await ctx.shop.createCart({ email: "neu@example.com" })
    const speak = async (query: string, headers: Record<string, string>) => {
      const opts = { headers: { ...ctx.shop.headers.headers, ...headers }, ...ok }
      const providers = await ctx.api.get(`/store/carts/${cart.id}/payment-providers${query}`, opts)
      const tips = await ctx.api.get(`/store/security-tips?placement=checkout${query ? `&${query.slice(1)}` : ""}`, opts)
      const check = await ctx.api.post(
        `/store/carts/${cart.id}/address-check${query}`,
        { billing_address: { first_name: "Hans", last_name: "Meier", address_1: "Hauptstraße", postal_code: "10115", city: "Berlin", country_code: "de" } },
        opts
      )
      return {
        notice: providers.data.notice as string,
        tips: [...new Set((tips.data.tips as Array<{ locale: string }>).map((tip) => tip.locale))],
        check: (check.data.problems as Array<{ message: string }>)[0].message,
      }
    }
    // an unknown ?locale: not English by accident — the shop's default language for everything
    const unknown = await speak("?locale=xx", {})
    expect(unknown.notice).toMatch(/Erstbestellungen/)
    expect(unknown.tips).toEqual(["de"])
    expect(unknown.check).toBe("Bitte ergänzen Sie die Hausnummer.")
    // the browser's English comes before the shop default, for every text alike
    const english = await speak("", { "accept-language": "en-US,en;q=0.9" })
    expect(english.notice).toMatch(/^First orders/)
    expect(english.tips).toEqual(["en"])
    expect(english.check).toBe("Please add the house number.")
    // an explicit x-medusa-locale beats the browser
    const german = await speak("", { "x-medusa-locale": "de-DE", "accept-language": "en" })
    expect([german.notice.startsWith("Für Erstbestellungen"), german.tips, german.check]).toEqual([true, ["de"], "Bitte ergänzen Sie die Hausnummer."])
  })

  it("should refuse an empty refusal text naming the field", async () => {
    const res = await ctx.api.post("/admin/payment-risk/settings", { refusal_message: { de: "" } }, { ...ctx.admin, ...ok })
    expect(res.status).toBe(400)
    expect(res.data.message).toContain("refusal_message")
  })
})

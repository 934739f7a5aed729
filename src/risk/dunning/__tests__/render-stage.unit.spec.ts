import { DEFAULT_DUNNING_SETTINGS, DEFAULT_SETTINGS, RiskSettings } from "../../../engine"
import { formatDay, formatMoney } from "../format"
import { bankDetails, fillPlaceholders, renderStage } from "../render-stage"
import type { ReceivableView } from "../receivable-view"

const settings = (locale: string): RiskSettings => ({
  ...DEFAULT_SETTINGS,
  shop: { ...DEFAULT_SETTINGS.shop, name: "Quastenberg GmbH", default_locale: locale, account_holder: "Quastenberg GmbH", iban: "DE02120300000000202051", bic: "BYLADEM1001" },
  dunning: { ...DEFAULT_DUNNING_SETTINGS, enabled: true },
})

const view = {
  order_id: "order_1",
  display_id: 1042,
  currency_code: "eur",
  debtor_type: "consumer",
  principal: 1234.5,
  paid: 0,
  fees: 2.5,
  interest: 4.71,
  total_due: 1241.71,
  invoice_date: "2026-10-01",
  due_date: "2026-10-15",
  default_from: "2026-10-16",
  stage: 1,
  status: "in_dunning",
  next_stage_at: null,
  interest_periods: [],
  hold: "active",
  address_research: false,
  reopened_by: null,
  overdue: true,
  collection_due: false,
  missing_base_rate: false,
  stage_kind: "dunning",
  events: [],
} as ReceivableView

describe("format", () => {
  it.each([
    [1234.56, "de", "1.234,56\u00a0€"],
    [1234.56, "en", "€1,234.56"],
    [0.5, "de", "0,50\u00a0€"],
    [4.715, "de", "4,72\u00a0€"],
  ] as const)("should write %s in %s as %s", (amount, language, text) => {
    expect(formatMoney(amount, "eur", language)).toBe(text)
  })

  it("should write days as dd.mm.yyyy in German and as 9 Oct 2026 in English", () => {
    expect(formatDay("2026-10-09", "de")).toBe("09.10.2026")
    expect(formatDay("2026-10-09", "en")).toBe("9 Oct 2026")
  })
})

describe("renderStage", () => {
  it("should fill every placeholder of the first dunning notice in German", () => {
    const rendered = renderStage(view, { display_id: 1042, first_name: "Hans", last_name: "Meier" }, settings("de"), 1, "2026-10-20")!
    expect(rendered.subject).toBe("1. Mahnung zu Ihrer Bestellung 1042")
    expect(rendered.deadline).toBe("2026-11-03")
    expect(rendered.body).toContain("Guten Tag Hans Meier")
    expect(rendered.body).toContain("vom 01.10.2026")
    expect(rendered.body).toContain("überweisen Sie 1.241,71\u00a0€ (Rechnungsbetrag 1.234,50\u00a0€, Mahnkosten und Verzugszinsen 2,50\u00a0€ und 4,71\u00a0€) bis spätestens 03.11.2026")
    expect(rendered.body).toContain("IBAN: DE02120300000000202051")
    expect(rendered.body).toContain("Verwendungszweck: QUASTENBERGG 1042")
    expect(rendered.body).toContain("Quastenberg GmbH")
    expect(rendered.body).not.toMatch(/\{[a-z_]+\}/)
  })

  it("should write English for an English shop", () => {
    const rendered = renderStage(view, { display_id: 1042, first_name: "Jane", last_name: "Doe" }, settings("en"), 0, "2026-10-20")!
    expect(rendered.language).toBe("en")
    expect(rendered.subject).toBe("Payment reminder for your order 1042")
    expect(rendered.body).toContain("€1,241.71")
    expect(rendered.body).toContain("by 3 Nov 2026")
    expect(rendered.body).toContain("Payment reference: QUASTENBERGG 1042")
  })

  describe("when the order was placed in a language", () => {
    const jane = (locale: string | null) => ({ display_id: 1042, first_name: "Jane", last_name: "Doe", locale })

    it("should write an English-speaking shopper's reminder in English in a German shop", () => {
      const rendered = renderStage(view, jane("en-GB"), settings("de"), 0, "2026-10-20")!
      expect(rendered.language).toBe("en")
      expect(rendered.subject).toBe("Payment reminder for your order 1042")
      expect(rendered.body).toContain("€1,241.71")
    })

    it("should write a German-speaking shopper's reminder in German in an English shop", () => {
      const rendered = renderStage(view, jane("de-AT"), settings("en"), 0, "2026-10-20")!
      expect(rendered.language).toBe("de")
      expect(rendered.subject).toBe("Zahlungserinnerung zu Ihrer Bestellung 1042")
      expect(rendered.body).toContain("1.241,71\u00a0€")
    })

    it.each([
      ["a language the plugin has no texts in", "fr-FR", "de", "de"],
      ["a language the plugin has no texts in", "fr-FR", "en", "en"],
      ["no language", null, "de", "de"],
      ["no language", null, "en", "en"],
    ])("should fall back to the shop's language for %s (%s, shop %s)", (_, locale, shop, expected) => {
      expect(renderStage(view, jane(locale), settings(shop), 0, "2026-10-20")!.language).toBe(expected)
    })
  })

  it("should answer null for a stage the settings do not have", () => {
    expect(renderStage(view, undefined, settings("de"), 9, "2026-10-20")).toBeNull()
  })
})

describe("fillPlaceholders and bankDetails", () => {
  it("should leave unknown placeholders as written and not read inherited keys", () => {
    expect(fillPlaceholders("{shop_name} {unknown} {constructor}", { shop_name: "Shop" })).toBe("Shop {unknown} {constructor}")
  })

  it("should list only the bank fields the shop filled", () => {
    expect(bankDetails({ ...DEFAULT_SETTINGS.shop, iban: "DE02120300000000202051" }, "de")).toBe("IBAN: DE02120300000000202051")
    expect(bankDetails(DEFAULT_SETTINGS.shop, "en")).toBe("")
  })
})

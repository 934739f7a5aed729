import { DEFAULT_DUNNING_SETTINGS } from "../../../engine/dunning/default-stages"
import { computeReceivable, ReceivableInput } from "../../../engine/dunning/receivable"
import { DunningLetterInput, renderDunningLetter } from "../dunning-letter"
import { pdfTexts } from "./pdf-text"

const settings = { ...DEFAULT_DUNNING_SETTINGS, enabled: true, base_rates: [{ valid_from: "2026-01-01", rate: 3.19 }] }

function receivable(overrides: Partial<ReceivableInput> = {}) {
  return computeReceivable(
    {
      debtor_type: "consumer",
      principal: 1000,
      invoice_date: "2026-09-04",
      sent_stages: [{ stage: 0, sent_at: "2026-09-21" }],
      payments: [],
      fees: [],
      hold: "active",
      as_of: "2026-10-09",
      ...overrides,
    },
    settings
  )
}

function letter(overrides: Partial<DunningLetterInput> = {}): DunningLetterInput {
  const language = overrides.language ?? "de"
  return {
    language,
    date: "2026-10-09",
    shop: {
      name: "Muster Shop GmbH",
      account_holder: "Muster Shop GmbH",
      iban: "DE89370400440532013000",
      bic: "COBADEFFXXX",
      bank_name: "Commerzbank",
      postal_address: "Musterstraße 1\n10115 Berlin",
      support_email: "hilfe@muster.example",
      hotline: "030 123456",
    },
    recipient: { first_name: "Erika", last_name: "Müller", address_1: "Hauptstraße 5", postal_code: "80331", city: "München" },
    order_number: "1042",
    stage: { subject: settings.stages[1].subject[language], body: settings.stages[1].body[language] },
    receivable: receivable(),
    currency_code: "eur",
    deadline: "2026-10-23",
    payment_reference: "MUSTERSHOP 1042",
    ...overrides,
  }
}

const render = async (input: DunningLetterInput) => {
  const pdf = await renderDunningLetter(input, { compress: false })
  return { pdf, text: pdfTexts(pdf).join("\n") }
}

describe("dunning letter PDF", () => {
  it("should be a PDF", async () => {
    const pdf = await renderDunningLetter(letter())
    expect(pdf.subarray(0, 5).toString("latin1")).toBe("%PDF-")
    expect(pdf.subarray(-6).toString("latin1")).toContain("%%EOF")
  })

  it("when German: should print the amounts, interest period, IBAN, deadline and reference in German formats", async () => {
    const input = letter()
    // 1,000 EUR in default from 2026-09-19 to 2026-10-09: 21 days × 8.19 % → 4.71 EUR (Infobox 5-9 arithmetic)
    expect(input.receivable).toMatchObject({ interest: 4.71, fees: 0, total_due: 1004.71, default_from: "2026-09-19" })
    const { text } = await render(input)
    expect(text).toContain("1. Mahnung zu Ihrer Bestellung 1042")
    expect(text).toContain("Guten Tag Erika Müller")
    expect(text).toContain("1.000,00 €")
    expect(text).toContain("4,71 €")
    expect(text).toContain("1.004,71 €")
    expect(text).toContain("19.09.2026 – 09.10.2026: 21 Tage × 8,19 % p. a. auf 1.000,00 €")
    expect(text).toContain("IBAN: DE89 3704 0044 0532 0130 00")
    expect(text).toContain("BIC: COBADEFFXXX")
    expect(text).toContain("Verwendungszweck: MUSTERSHOP 1042")
    expect(text).toContain("23.10.2026")
    expect(text).toContain("09.10.2026")
    expect(text).toContain("Muster Shop GmbH · Musterstraße 1 · 10115 Berlin")
    expect(text).not.toMatch(/\{[a-z_]+\}/)
  })

  it("when English: should print amounts and dates in English formats", async () => {
    const { text } = await render(letter({ language: "en" }))
    expect(text).toContain("First dunning notice for your order 1042")
    expect(text).toContain("€1,004.71")
    expect(text).toContain("23 Oct 2026")
    expect(text).toContain("21 days × 8.19% p.a. on €1,000.00")
    expect(text).toContain("Payment reference: MUSTERSHOP 1042")
  })

  it("should subtract payments and add fees in the statement", async () => {
    const input = letter({ receivable: receivable({ sent_stages: [{ stage: 0, sent_at: "2026-09-21" }, { stage: 1, sent_at: "2026-10-01" }], payments: [{ date: "2026-10-05", amount: 250 }], fees: [{ date: "2026-09-25", amount: 3 }] }) })
    expect(input.receivable.paid).toBe(250)
    expect(input.receivable.fees).toBe(5.5)
    const { text } = await render(input)
    expect(text).toContain("-250,00 €")
    expect(text).toContain("5,50 €")
    expect(text).toContain(input.receivable.total_due.toFixed(2).replace(".", ","))
  })

  it("should print the bank details once: after the statement only when the stage text leaves them out", async () => {
    const count = (text: string, part: string) => text.split(part).length - 1
    const standard = await render(letter())
    expect(count(standard.text, "IBAN: DE89 3704 0044 0532 0130 00")).toBe(1)
    expect(standard.text).not.toContain("Bankverbindung")
    const custom = await render(letter({ stage: { subject: "Mahnung {order_number}", body: "Bitte zahlen Sie {total_due} bis {deadline}." } }))
    expect(custom.text).toContain("Bankverbindung")
    expect(count(custom.text, "IBAN: DE89 3704 0044 0532 0130 00")).toBe(1)
    expect(custom.text).toContain("Verwendungszweck: MUSTERSHOP 1042")
    expect(custom.text).toContain("Bitte zahlen Sie 1.004,71 € bis 23.10.2026.")
  })

  it("should draw the GiroCode only for EUR with an IBAN", async () => {
    const images = (pdf: Buffer) => (pdf.toString("latin1").match(/\/Subtype \/Image/g) ?? []).length
    expect(images((await render(letter())).pdf)).toBeGreaterThan(0)
    expect(images((await render(letter({ currency_code: "usd" }))).pdf)).toBe(0)
    const withoutBank = await render(letter({ shop: { ...letter().shop, iban: "" } }))
    expect(images(withoutBank.pdf)).toBe(0)
    expect(withoutBank.text).not.toContain("IBAN")
  })

  it("should fold characters the PDF font cannot show instead of printing garbage", async () => {
    const { text } = await render(letter({ recipient: { ...letter().recipient, first_name: "Łukasz", last_name: "Dvořák 😀" } }))
    expect(text).toContain("Lukasz Dvorák ?")
  })

  it("should use given placeholder values over the computed ones and leave unknown braces alone", async () => {
    const { text } = await render(letter({ stage: { subject: "Mahnung {order_number} {unknown}", body: "Betrag {total_due}" }, values: { order_number: "A-7" } }))
    expect(text).toContain("Mahnung A-7 {unknown}")
  })

  it("should continue on further pages when the body is long, with page numbers", async () => {
    const { text } = await render(letter({ stage: { subject: "Mahnung", body: "Zeile\n".repeat(80) } }))
    expect(text).toContain("Seite 1/3")
    expect(text).toContain("Seite 3/3")
    expect(text.indexOf("Forderungsaufstellung")).toBeGreaterThan(text.indexOf("Seite 2/3"))
  })
})

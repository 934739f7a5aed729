/**
 * Dunning letter as a PDF (issue 16): `renderDunningLetter(input)` → `Promise<Buffer>` (`%PDF…`),
 * an A4 German business letter after DIN 5008 form B, drawn with `pdfkit`.
 *
 * Input (`DunningLetterInput`, all amounts in major units, all days `YYYY-MM-DD`):
 * - `language`: `"de" | "en"` — labels, amounts (`1.234,56 €` / `€1,234.56`) and dates
 *   (`09.10.2026` / `9 Oct 2026`);
 * - `date`: the letter's date; `deadline`: the new deadline the stage gives;
 * - `shop`: the settings' `shop` section (name, postal_address, support_email, hotline,
 *   account_holder, iban, bic, bank_name) — sender line, letterhead, footer and bank details;
 * - `recipient`: `{ first_name, last_name, company?, address_1, address_2?, postal_code, city,
 *   country? }` — the address window (`country` printed in capitals; leave it null at home);
 * - `stage`: `{ subject, body }` in the letter's language, raw with `{placeholders}` (see
 *   `engine/dunning/default-stages.ts`) or already filled; placeholders are filled from the input
 *   (`values` overrides single ones);
 * - `receivable`: `computeReceivable(…)` as of the letter date (`engine/dunning/receivable.ts`):
 *   principal, fees, interest with its periods (days × rate), payments, total due;
 * - `currency_code`, `order_number` (the order's display number), `payment_reference`
 *   (`engine/payment-instructions/payment-reference.ts`).
 *
 * Printed: letterhead, sender line above the address window, info block (date, order, reference),
 * subject in bold, body, a statement of the claim (principal, fees, interest per period, payments,
 * total due, deadline), bank details with the payment reference (once: left out when the body
 * printed them through `{bank_details}` and `{payment_reference}`), and a GiroCode (EPC QR) for the
 * total due when the currency is EUR and the shop has an IBAN. Texts outside the PDF fonts' character set are
 * folded (`toWinAnsi`). Nothing is stored; the caller decides where the buffer goes.
 */
import PDFDocument from "pdfkit"
import type { Receivable } from "../../engine/dunning/receivable"
import { epcQrPayload } from "../../engine/payment-instructions/epc-qr"
import { epcQrPng } from "./epc-qr-image"
import { DocumentLanguage, formatDate, formatIban, formatMoney, formatRate } from "./format"
import { bankDetailsLines, dunningPlaceholderValues, DunningPlaceholderValues, fillDunningText, LetterShop } from "./letter-text"
import { toWinAnsi } from "./win-ansi"

export type { LetterShop } from "./letter-text"

export type LetterRecipient = {
  first_name: string
  last_name: string
  company?: string | null
  address_1: string
  address_2?: string | null
  postal_code: string
  city: string
  /** printed in capitals below the city for a letter abroad; null at home */
  country?: string | null
}

export type DunningLetterInput = {
  language: DocumentLanguage
  /** the letter's date, YYYY-MM-DD */
  date: string
  shop: LetterShop
  recipient: LetterRecipient
  /** the order's display number */
  order_number: string
  /** the stage's subject and body in `language`, raw (with placeholders) or filled */
  stage: { subject: string; body: string }
  /** placeholder values that replace the computed ones */
  values?: Partial<DunningPlaceholderValues>
  receivable: Receivable
  currency_code: string
  /** the new deadline, YYYY-MM-DD */
  deadline: string
  payment_reference: string
}

const LABELS = {
  de: {
    date: "Datum",
    order: "Bestellung",
    reference: "Verwendungszweck",
    statement: "Forderungsaufstellung",
    principal: "Rechnungsbetrag",
    fees: "Mahnkosten und Gebühren",
    interest: "Verzugszinsen",
    period: (from: string, to: string, days: number, rate: string, on: string) => `${from} – ${to}: ${days} Tage × ${rate} p. a. auf ${on}`,
    payments: "abzüglich Zahlungen",
    total: "Offener Betrag",
    deadline: "Zahlbar bis",
    bank: "Bankverbindung",
    qr: "GiroCode: mit der Banking-App scannen",
    page: "Seite",
  },
  en: {
    date: "Date",
    order: "Order",
    reference: "Payment reference",
    statement: "Statement of account",
    principal: "Invoice amount",
    fees: "Dunning costs and fees",
    interest: "Default interest",
    period: (from: string, to: string, days: number, rate: string, on: string) => `${from} – ${to}: ${days} days × ${rate} p.a. on ${on}`,
    payments: "less payments",
    total: "Amount due",
    deadline: "Payable by",
    bank: "Bank details",
    qr: "GiroCode: scan with your banking app",
    page: "Page",
  },
} as const

const mm = (value: number) => (value * 72) / 25.4
const PAGE = { left: mm(25), right: mm(20), top: mm(20), bottom: mm(25) }
const WIDTH = mm(210) - PAGE.left - PAGE.right
const BODY_SIZE = 10

type Doc = InstanceType<typeof PDFDocument>

function lines(text: string | null | undefined): string[] {
  return (text ?? "").split(/\r?\n/).map((line) => line.trim()).filter(Boolean)
}

/** Folding marks at 105 and 210 mm and the punch mark at 148.5 mm (DIN 5008 form B). */
function drawMarks(doc: Doc) {
  doc.save().lineWidth(0.3).strokeColor("#999999")
  for (const [y, length] of [[105, 5], [148.5, 7], [210, 5]] as const) {
    doc.moveTo(mm(3.5), mm(y)).lineTo(mm(3.5 + length), mm(y)).stroke()
  }
  doc.restore()
}

function drawLetterhead(doc: Doc, input: DunningLetterInput) {
  const { shop } = input
  const x = mm(125)
  doc.font("Helvetica-Bold").fontSize(13).text(toWinAnsi(shop.name), x, mm(15), { width: mm(65) })
  doc.font("Helvetica").fontSize(8)
  const contact = [...lines(shop.postal_address), shop.support_email, shop.hotline].filter((line) => line && line.trim())
  for (const line of contact) doc.text(toWinAnsi(line), { width: mm(65) })
}

function drawAddressWindow(doc: Doc, recipient: LetterRecipient, shop: LetterShop) {
  const sender = [shop.name, ...lines(shop.postal_address)].filter((part) => part.trim()).join(" · ")
  doc.font("Helvetica").fontSize(7).text(toWinAnsi(sender), PAGE.left, mm(57), { width: mm(80), lineBreak: false, ellipsis: true, underline: true })
  const name = [recipient.first_name, recipient.last_name].map((part) => part.trim()).filter(Boolean).join(" ")
  const address = [
    recipient.company,
    name,
    recipient.address_1,
    recipient.address_2,
    [recipient.postal_code, recipient.city].map((part) => part.trim()).filter(Boolean).join(" "),
    recipient.country ? recipient.country.toUpperCase() : null,
  ].filter((line): line is string => !!line && !!line.trim())
  doc.fontSize(BODY_SIZE).text("", PAGE.left, mm(63))
  for (const line of address.slice(0, 6)) doc.text(toWinAnsi(line), { width: mm(80), lineBreak: false, ellipsis: true })
}

function drawInfoBlock(doc: Doc, input: DunningLetterInput) {
  const labels = LABELS[input.language]
  const rows: Array<[string, string]> = [
    [labels.date, formatDate(input.date, input.language)],
    [labels.order, input.order_number],
    [labels.reference, input.payment_reference],
  ]
  let y = mm(63)
  doc.fontSize(9)
  for (const [label, value] of rows) {
    doc.font("Helvetica").text(`${label}:`, mm(125), y, { width: mm(30) })
    doc.font("Helvetica-Bold").text(toWinAnsi(value), mm(155), y, { width: mm(35), align: "right" })
    y += 13
  }
}

/** One row of the statement: a label left, an amount right. */
function row(doc: Doc, label: string, amount: string, options: { bold?: boolean; indent?: number; size?: number } = {}) {
  const y = doc.y
  const size = options.size ?? BODY_SIZE
  doc.font(options.bold ? "Helvetica-Bold" : "Helvetica").fontSize(size)
  doc.text(toWinAnsi(amount), PAGE.left, y, { width: WIDTH, align: "right" })
  const after = doc.y
  doc.text(toWinAnsi(label), PAGE.left + (options.indent ?? 0), y, { width: WIDTH - mm(35) - (options.indent ?? 0) })
  doc.y = Math.max(after, doc.y) + 2
  doc.x = PAGE.left
}

function rule(doc: Doc) {
  doc.moveTo(PAGE.left, doc.y).lineTo(PAGE.left + WIDTH, doc.y).lineWidth(0.5).strokeColor("#000000").stroke()
  doc.y += 3
}

function drawStatement(doc: Doc, input: DunningLetterInput) {
  const { language, receivable: r, currency_code: currency } = input
  const labels = LABELS[language]
  const money = (amount: number) => formatMoney(amount, currency, language)
  if (doc.y > mm(297) - PAGE.bottom - mm(70)) doc.addPage()
  doc.moveDown(1)
  doc.font("Helvetica-Bold").fontSize(BODY_SIZE).text(labels.statement, PAGE.left, doc.y)
  doc.moveDown(0.3)
  rule(doc)
  row(doc, labels.principal, money(r.principal))
  row(doc, labels.fees, money(r.fees))
  row(doc, labels.interest, money(r.interest))
  for (const period of r.interest_periods) {
    const on = money(period.principal)
    const text = labels.period(formatDate(period.from, language), formatDate(period.to, language), period.days, formatRate(period.rate, language), on)
    row(doc, text, money(Math.round(period.interest * 100 + 1e-9) / 100), { indent: mm(5), size: 8 })
  }
  row(doc, labels.payments, money(-r.paid))
  rule(doc)
  row(doc, labels.total, money(r.total_due), { bold: true })
  row(doc, labels.deadline, formatDate(input.deadline, language), { bold: true })
}

/**
 * Bank details and payment reference (unless the body already printed them through
 * `{bank_details}`), with the GiroCode beside them when there is one.
 */
async function drawPayment(doc: Doc, input: DunningLetterInput, body: string) {
  const labels = LABELS[input.language]
  const bank = bankDetailsLines(input.shop, input.language)
  if (!bank.length) return
  const payload = epcQrPayload({
    name: input.shop.account_holder || input.shop.name,
    iban: input.shop.iban,
    bic: input.shop.bic,
    amount: input.receivable.total_due,
    currency_code: input.currency_code,
    reference: input.payment_reference,
  })
  const inBody = body.includes(formatIban(input.shop.iban)) && body.includes(input.payment_reference)
  if (inBody && !payload) return
  const qrSize = payload ? mm(32) : 0
  const textWidth = WIDTH - qrSize - mm(5)
  if (doc.y > mm(297) - PAGE.bottom - Math.max(qrSize + mm(12), mm(35))) doc.addPage()
  doc.moveDown(1)
  const top = doc.y
  if (inBody) {
    doc.font("Helvetica").fontSize(9).text(labels.qr, PAGE.left, top + qrSize / 2 - 5, { width: textWidth })
  } else {
    doc.font("Helvetica-Bold").fontSize(BODY_SIZE).text(labels.bank, PAGE.left, top, { width: textWidth })
    doc.font("Helvetica")
    for (const line of [...bank, `${labels.reference}: ${input.payment_reference}`]) {
      doc.text(toWinAnsi(line), { width: textWidth })
    }
    if (payload) doc.fontSize(8).text(labels.qr, { width: textWidth })
  }
  const textBottom = doc.y
  if (payload) {
    doc.image(await epcQrPng(payload), PAGE.left + WIDTH - qrSize, top, { width: qrSize, height: qrSize })
  }
  doc.x = PAGE.left
  doc.y = Math.max(textBottom, top + qrSize)
}

function drawFooters(doc: Doc, input: DunningLetterInput) {
  const labels = LABELS[input.language]
  const { shop } = input
  const footer = [shop.name, ...lines(shop.postal_address), shop.support_email, shop.hotline].filter((part) => part && part.trim()).join(" · ")
  const range = doc.bufferedPageRange()
  for (let index = range.start; index < range.start + range.count; index++) {
    doc.switchToPage(index)
    // writing below the bottom margin would open a new page
    const bottom = doc.page.margins.bottom
    doc.page.margins.bottom = 0
    doc.font("Helvetica").fontSize(7).fillColor("#555555")
    doc.text(toWinAnsi(footer), PAGE.left, mm(282), { width: WIDTH, align: "center", lineBreak: false, ellipsis: true })
    if (range.count > 1) doc.text(`${labels.page} ${index + 1}/${range.count}`, PAGE.left, mm(286), { width: WIDTH, align: "center" })
    doc.fillColor("#000000")
    doc.page.margins.bottom = bottom
  }
}

/** The letter as PDF bytes. `compress: false` keeps the text readable in the file (for tests). */
export async function renderDunningLetter(input: DunningLetterInput, options: { compress?: boolean } = {}): Promise<Buffer> {
  const values = { ...dunningPlaceholderValues(input), ...input.values }
  const subject = fillDunningText(input.stage.subject, values)
  const body = fillDunningText(input.stage.body, values)

  const doc = new PDFDocument({
    size: "A4",
    margins: PAGE,
    compress: options.compress ?? true,
    bufferPages: true,
    info: { Title: toWinAnsi(subject), Author: toWinAnsi(input.shop.name), Subject: toWinAnsi(subject) },
  })
  const chunks: Buffer[] = []
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on("data", (chunk: Buffer) => chunks.push(chunk))
    doc.on("end", () => resolve(Buffer.concat(chunks)))
    doc.on("error", reject)
  })
  try {
    drawMarks(doc)
    doc.on("pageAdded", () => drawMarks(doc))
    drawLetterhead(doc, input)
    drawAddressWindow(doc, input.recipient, input.shop)
    drawInfoBlock(doc, input)
    doc.font("Helvetica-Bold").fontSize(11).text(toWinAnsi(subject), PAGE.left, mm(98.5), { width: WIDTH })
    doc.moveDown(1)
    doc.font("Helvetica").fontSize(BODY_SIZE).text(toWinAnsi(body.replace(/ {2,}/g, " ")), { width: WIDTH, lineGap: 1.5 })
    drawStatement(doc, input)
    await drawPayment(doc, input, body)
    drawFooters(doc, input)
  } finally {
    doc.end()
  }
  return done
}

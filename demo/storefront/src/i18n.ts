/**
 * The page's texts in German (default) and English, and the current language. Static texts in
 * index.html carry `data-i18n="key"` (text) or `data-i18n-aria-label="key"`; dynamic parts call
 * `t()` and re-render on `onLocaleChange`.
 */
export type Locale = "de" | "en"

const de = {
  "page.title": "Payment-Risk-Demo – Kasse",
  "skip": "Zum Inhalt springen",
  "shop.name": "Payment-Risk-Demo",
  "shop.tagline": "Demo-Shop des Plugins medusa-payment-risk",
  "lang.switch": "English",
  "lang.switch.label": "Switch to English",
  "products.heading": "Produkte",
  "products.loading": "Produkte werden geladen …",
  "products.empty": "Keine Produkte in dieser Region.",
  "products.quantity": "Menge",
  "products.add": "In den Warenkorb",
  "products.add.label": "{title} in den Warenkorb",
  "cart.heading": "Warenkorb",
  "cart.empty": "Ihr Warenkorb ist leer.",
  "cart.remove": "Entfernen",
  "cart.remove.label": "{title} entfernen",
  "cart.subtotal": "Zwischensumme",
  "cart.shipping": "Versand",
  "cart.total": "Gesamt (inkl. MwSt.)",
  "cart.added": "{title} wurde in den Warenkorb gelegt.",
  "cart.removed": "{title} wurde entfernt.",
  "checkout.heading": "Ihre Angaben",
  "checkout.email": "E-Mail-Adresse",
  "checkout.billing": "Rechnungsadresse",
  "checkout.shipping": "Lieferadresse",
  "checkout.differentShipping": "Lieferadresse weicht von der Rechnungsadresse ab",
  "checkout.first_name": "Vorname",
  "checkout.last_name": "Nachname",
  "checkout.company": "Firma (optional)",
  "checkout.address_1": "Straße und Hausnummer",
  "checkout.address_2": "Adresszusatz (optional)",
  "checkout.postal_code": "PLZ",
  "checkout.city": "Ort",
  "checkout.country_code": "Land",
  "checkout.phone": "Telefon (optional)",
  "checkout.required": "Pflichtfeld",
  "checkout.continue": "Weiter zur Zahlung",
  "checkout.edit": "Ändern",
  "checkout.edit.label": "Angaben ändern",
  "checkout.continueAnyway": "Angaben trotzdem verwenden",
  "checkout.needItems": "Bitte legen Sie zuerst ein Produkt in den Warenkorb.",
  "checkout.saving": "Angaben werden gespeichert …",
  "checkout.problems": "Bitte prüfen Sie Ihre Angaben:",
  "checkout.problemsHint": "Sie können die Angaben korrigieren oder trotzdem fortfahren.",
  "checkout.changed": "Ihre Angaben haben sich geändert. Bitte bestätigen Sie sie erneut, um die Zahlungsarten zu sehen.",
  "country.de": "Deutschland",
  "country.at": "Österreich",
  "tips.heading": "Sicher einkaufen",
  "payment.heading": "Zahlungsart",
  "payment.loading": "Zahlungsarten werden geladen …",
  "payment.none": "Für diesen Warenkorb ist gerade keine Zahlungsart verfügbar.",
  "payment.count": "{count} Zahlungsarten verfügbar.",
  "payment.count.one": "1 Zahlungsart verfügbar.",
  "payment.creditCheck": "Hinweis zur Bonitätsprüfung",
  "payment.place": "Zahlungspflichtig bestellen",
  "payment.placing": "Bestellung wird ausgeführt …",
  "payment.choose": "Bitte wählen Sie eine Zahlungsart.",
  "payment.refused": "Diese Zahlungsart ist für diesen Warenkorb nicht verfügbar. Bitte wählen Sie eine andere.",
  "payment.failed": "Die Bestellung konnte nicht abgeschlossen werden: {message}",
  "provider.pp_prepayment_manual": "Vorkasse (Überweisung)",
  "provider.pp_cash-on-delivery_manual": "Nachnahme",
  "provider.pp_invoice_manual": "Rechnung",
  "provider.pp_system_default": "Testzahlung (Medusa)",
  "provider.hint.pp_prepayment_manual": "Sie überweisen den Betrag, wir versenden nach Zahlungseingang.",
  "provider.hint.pp_cash-on-delivery_manual": "Sie bezahlen bei Lieferung an den Zusteller.",
  "provider.hint.pp_invoice_manual": "Sie bezahlen nach Erhalt der Ware.",
  "provider.hint.pp_system_default": "Zahlungsart für Tests.",
  "confirmation.heading": "Vielen Dank für Ihre Bestellung!",
  "confirmation.number": "Bestellnummer",
  "confirmation.total": "Gesamtbetrag",
  "confirmation.method": "Zahlungsart",
  "confirmation.email": "Bestätigung an",
  "confirmation.again": "Weitere Bestellung aufgeben",
  "error.load": "Der Shop ist gerade nicht erreichbar: {message}",
  "error.starting": "Der Shop ist gerade nicht erreichbar (er startet vielleicht neu) … neuer Versuch in wenigen Sekunden.",
  "error.generic": "Etwas ist schiefgegangen: {message}",
}

type Key = keyof typeof de

const en: Record<Key, string> = {
  "page.title": "Payment-Risk-Demo – Checkout",
  "skip": "Skip to content",
  "shop.name": "Payment-Risk-Demo",
  "shop.tagline": "Demo shop of the medusa-payment-risk plugin",
  "lang.switch": "Deutsch",
  "lang.switch.label": "Auf Deutsch umschalten",
  "products.heading": "Products",
  "products.loading": "Loading products …",
  "products.empty": "No products in this region.",
  "products.quantity": "Quantity",
  "products.add": "Add to cart",
  "products.add.label": "Add {title} to cart",
  "cart.heading": "Cart",
  "cart.empty": "Your cart is empty.",
  "cart.remove": "Remove",
  "cart.remove.label": "Remove {title}",
  "cart.subtotal": "Subtotal",
  "cart.shipping": "Shipping",
  "cart.total": "Total (incl. VAT)",
  "cart.added": "{title} was added to the cart.",
  "cart.removed": "{title} was removed.",
  "checkout.heading": "Your details",
  "checkout.email": "Email address",
  "checkout.billing": "Billing address",
  "checkout.shipping": "Shipping address",
  "checkout.differentShipping": "Ship to a different address",
  "checkout.first_name": "First name",
  "checkout.last_name": "Last name",
  "checkout.company": "Company (optional)",
  "checkout.address_1": "Street and house number",
  "checkout.address_2": "Address line 2 (optional)",
  "checkout.postal_code": "Postcode",
  "checkout.city": "City",
  "checkout.country_code": "Country",
  "checkout.phone": "Phone (optional)",
  "checkout.required": "required",
  "checkout.continue": "Continue to payment",
  "checkout.edit": "Change",
  "checkout.edit.label": "Change your details",
  "checkout.continueAnyway": "Use these details anyway",
  "checkout.needItems": "Please add a product to the cart first.",
  "checkout.saving": "Saving your details …",
  "checkout.problems": "Please check your details:",
  "checkout.problemsHint": "You can correct them or continue anyway.",
  "checkout.changed": "Your details changed. Please confirm them again to see the payment methods.",
  "country.de": "Germany",
  "country.at": "Austria",
  "tips.heading": "Shop safely",
  "payment.heading": "Payment method",
  "payment.loading": "Loading payment methods …",
  "payment.none": "No payment method is available for this cart right now.",
  "payment.count": "{count} payment methods available.",
  "payment.count.one": "1 payment method available.",
  "payment.creditCheck": "About the credit check",
  "payment.place": "Place order and pay",
  "payment.placing": "Placing your order …",
  "payment.choose": "Please choose a payment method.",
  "payment.refused": "This payment method is not available for this cart. Please choose another one.",
  "payment.failed": "The order could not be completed: {message}",
  "provider.pp_prepayment_manual": "Prepayment (bank transfer)",
  "provider.pp_cash-on-delivery_manual": "Cash on delivery",
  "provider.pp_invoice_manual": "Invoice",
  "provider.pp_system_default": "Test payment (Medusa)",
  "provider.hint.pp_prepayment_manual": "You transfer the amount; we ship once it has arrived.",
  "provider.hint.pp_cash-on-delivery_manual": "You pay the courier on delivery.",
  "provider.hint.pp_invoice_manual": "You pay after receiving the goods.",
  "provider.hint.pp_system_default": "Payment method for testing.",
  "confirmation.heading": "Thank you for your order!",
  "confirmation.number": "Order number",
  "confirmation.total": "Total",
  "confirmation.method": "Payment method",
  "confirmation.email": "Confirmation sent to",
  "confirmation.again": "Place another order",
  "error.load": "The shop cannot be reached right now: {message}",
  "error.starting": "The shop cannot be reached right now (it may be restarting) … trying again in a few seconds.",
  "error.generic": "Something went wrong: {message}",
}

const texts: Record<Locale, Record<Key, string>> = { de, en }
const STORAGE_KEY = "payment-risk-demo-lang"
const listeners: Array<(locale: Locale) => void> = []

/** `?lang=en` wins, then the last choice on this device, else German (the demo shop is German). */
function initialLocale(): Locale {
  const fromQuery = new URLSearchParams(window.location.search).get("lang")
  if (fromQuery === "de" || fromQuery === "en") return fromQuery
  try {
    const stored = window.localStorage.getItem(STORAGE_KEY)
    if (stored === "de" || stored === "en") return stored
  } catch {}
  return "de"
}

let current: Locale = initialLocale()

export const locale = (): Locale => current

/** BCP 47 tag for Intl formatting. */
export const intlLocale = (): string => (current === "de" ? "de-DE" : "en-GB")

export function t(key: Key | string, values: Record<string, string | number> = {}): string {
  const template = (texts[current] as Record<string, string>)[key] ?? (texts.de as Record<string, string>)[key] ?? key
  return template.replace(/\{(\w+)\}/g, (_, name: string) => String(values[name] ?? ""))
}

export const hasText = (key: string): boolean => key in texts[current]

/** Sets the static texts of the document (elements with data-i18n attributes). */
export function applyStaticTexts(root: ParentNode = document): void {
  document.documentElement.lang = current
  document.title = t("page.title")
  root.querySelectorAll<HTMLElement>("[data-i18n]").forEach((el) => {
    el.textContent = t(el.dataset.i18n!)
  })
  root.querySelectorAll<HTMLElement>("[data-i18n-aria-label]").forEach((el) => {
    el.setAttribute("aria-label", t(el.dataset.i18nAriaLabel!))
  })
}

export function setLocale(next: Locale): void {
  if (next === current) return
  current = next
  try {
    window.localStorage.setItem(STORAGE_KEY, next)
  } catch {}
  const url = new URL(window.location.href)
  url.searchParams.set("lang", next)
  window.history.replaceState(null, "", url)
  applyStaticTexts()
  listeners.forEach((listener) => listener(next))
}

export function onLocaleChange(listener: (locale: Locale) => void): void {
  listeners.push(listener)
}

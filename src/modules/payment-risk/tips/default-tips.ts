import { TIP_PLACEMENTS } from "../models/security-tip"

export type TipPlacement = (typeof TIP_PLACEMENTS)[number]
type Text = { title: string; body: string }
type Locale = "de" | "en"

/**
 * The edition of the default set. A store seeded by an earlier one gets, once, the defaults added
 * since (never one it deleted) and its unedited default texts brought up to date
 * (`ensureDefaultTips`). Edition 2: every sentence needing a shop detail stands on its own (the
 * tip reads well while the detail is empty), and the checkout has three tips.
 */
export const DEFAULT_TIPS_EDITION = 2

/** One topic of the default set: the same advice at one or more places in the shop. */
type DefaultTopic = {
  key: string
  placements: Array<{ placement: TipPlacement; rank: number }>
  de: Text
  en: Text
}

/**
 * Security tips shipped with the plugin, in German and English: advice for shoppers that makes
 * the shop recognisable and fraud attempts easier to spot (seed 000: offer security tips to your
 * customers; seeds 001/004: trust is fragile, shoppers fear phishing, fake shops and leaks).
 * Placeholders in braces are filled from the shop details in the settings; a sentence needing one
 * must say nothing the rest of the tip relies on, since it is left out while the detail is empty.
 */
export const DEFAULT_TIP_TOPICS: DefaultTopic[] = [
  {
    key: "first_order_methods",
    placements: [{ placement: "checkout", rank: 10 }],
    de: {
      title: "Warum bei der ersten Bestellung Nachnahme oder Vorkasse?",
      body:
        "Bei einer ersten Bestellung bieten wir **Nachnahme** und **Vorkasse** an. So zahlen Sie bei Nachnahme erst, " +
        "wenn das Paket bei Ihnen ist, und bei Vorkasse geben Sie keine Konto- oder Kartendaten an uns weiter.\n\n" +
        "Das schützt beide Seiten: Niemand kann unter Ihrem Namen auf Rechnung bestellen, und wir liefern nur, " +
        "was auch bezahlt wird. Nach bezahlten Bestellungen stehen Ihnen weitere Zahlungsarten offen.",
    },
    en: {
      title: "Why cash on delivery or prepayment for a first order?",
      body:
        "For a first order we offer **cash on delivery** and **prepayment**. With cash on delivery you pay only when " +
        "the parcel is in your hands; with prepayment you share no account or card details with us.\n\n" +
        "This protects both sides: nobody can order on invoice in your name, and we ship only what is paid for. " +
        "Once orders have been paid, further payment methods become available to you.",
    },
  },
  {
    key: "real_shop",
    placements: [
      { placement: "checkout", rank: 20 },
      { placement: "account", rank: 20 },
    ],
    de: {
      title: "So erkennen Sie unseren echten Shop",
      body:
        "- Prüfen Sie die Adresszeile: Die Verbindung ist verschlüsselt (Schloss-Symbol) und die Adresse ist genau " +
        "die unseres Shops, ohne zusätzliche Zeichen oder fremde Endungen.\n" +
        "- Im Impressum finden Sie unseren Namen, unsere Anschrift und unsere Kontaktdaten.\n" +
        "- Nachgemachte Shops locken oft mit sehr niedrigen Preisen und verlangen nur Vorkasse an fremde Konten. " +
        "Im Zweifel fragen Sie uns über die Kontaktdaten im Impressum.",
    },
    en: {
      title: "How to recognise our real shop",
      body:
        "- Check the address bar: the connection is encrypted (padlock symbol) and the address is exactly our " +
        "shop's, with no extra characters or unfamiliar endings.\n" +
        "- Our imprint shows our name, postal address and contact details.\n" +
        "- Fake shops often lure with very low prices and ask for prepayment to unknown accounts. " +
        "When in doubt, ask us using the contact details in our imprint.",
    },
  },
  {
    key: "never_ask_secrets",
    placements: [
      { placement: "checkout", rank: 30 },
      { placement: "payment", rank: 10 },
      { placement: "account", rank: 10 },
    ],
    de: {
      title: "Wir fragen nie nach Passwörtern, Kartennummern oder TANs",
      body:
        "Wir bitten Sie **nie** per E-Mail, SMS oder Telefon um Ihr Passwort, Ihre vollständige Kartennummer, " +
        "die Kartenprüfnummer oder eine TAN. Wer danach fragt, ist nicht von uns – auch wenn Absender oder " +
        "Logo echt aussehen. Geben Sie solche Daten nur auf den Zahlungsseiten während der Bestellung ein.",
    },
    en: {
      title: "We never ask for passwords, card numbers or TANs",
      body:
        "We will **never** ask you by email, text message or phone for your password, your full card number, " +
        "the card security code or a TAN. Anyone who asks is not us – even if the sender or logo looks genuine. " +
        "Enter such details only on the payment pages while placing an order.",
    },
  },
  {
    key: "phishing_mails",
    placements: [{ placement: "account", rank: 30 }],
    de: {
      title: "Vorsicht bei E-Mails, die uns nachahmen",
      body:
        "Betrüger verschicken E-Mails im Namen bekannter Shops: angebliche Zahlungsprobleme, gesperrte Konten " +
        "oder Gewinne, oft mit Zeitdruck. Öffnen Sie keine unerwarteten Anhänge und klicken Sie nicht auf Links " +
        "in solchen Nachrichten. Rufen Sie unseren Shop stattdessen selbst über die Adresszeile auf und melden " +
        "Sie sich dort an – was wirklich zu tun ist, sehen Sie in Ihrem Kundenkonto.",
    },
    en: {
      title: "Beware of emails imitating us",
      body:
        "Fraudsters send emails in the name of well-known shops: supposed payment problems, blocked accounts " +
        "or prizes, often with time pressure. Do not open unexpected attachments or click links in such " +
        "messages. Instead, type our shop's address yourself and sign in there – anything you really need to " +
        "do is shown in your customer account.",
    },
  },
  {
    key: "statement_descriptor",
    placements: [
      { placement: "payment", rank: 20 },
      { placement: "order_confirmation", rank: 10 },
    ],
    de: {
      title: "Ihre Zahlung auf dem Kontoauszug",
      body:
        "Auf Ihrem Konto- oder Kartenauszug erscheint die Zahlung an uns als **{statement_descriptor}**. " +
        "Gleichen Sie Abbuchungen mit Ihren Bestellungen ab. Finden Sie eine Abbuchung, die Sie keiner Bestellung " +
        "zuordnen können, sprechen Sie uns zuerst an – meist klärt sich das schnell.",
    },
    en: {
      title: "Your payment on your statement",
      body:
        "Payments to us appear on your bank or card statement as **{statement_descriptor}**. " +
        "Compare the charges with your orders. If you find a charge that you cannot match to an order, " +
        "please contact us first – usually it is cleared up quickly.",
    },
  },
  {
    key: "something_wrong",
    placements: [
      { placement: "footer", rank: 10 },
      { placement: "order_confirmation", rank: 30 },
    ],
    de: {
      title: "Kommt Ihnen etwas verdächtig vor?",
      body:
        "Eine seltsame E-Mail, eine unbekannte Abbuchung oder eine Bestellung, die Sie nicht aufgegeben haben? " +
        "Melden Sie sich bei uns, aber nur über die Kontaktdaten auf unserer Website – nie über die aus einer " +
        "verdächtigen Nachricht. Telefonisch erreichen Sie uns unter {hotline}. Per E-Mail erreichen Sie uns " +
        "unter {support_email}. Haben Sie Zahlungsdaten preisgegeben, lassen Sie Karte oder Zugang zusätzlich " +
        "bei Ihrer Bank sperren.",
    },
    en: {
      title: "Does something look wrong?",
      body:
        "A strange email, an unknown charge or an order you did not place? Get in touch with us, but only " +
        "through the contact details on our website – never through those in a suspicious message. You can " +
        "call us at {hotline}. You can email us at {support_email}. If you have given away payment details, " +
        "also ask your bank to block the card or access.",
    },
  },
  {
    key: "tracking_links",
    placements: [{ placement: "order_confirmation", rank: 20 }],
    de: {
      title: "Sendungsverfolgung: nur über bekannte Wege",
      body:
        "Den Link zur Sendungsverfolgung erhalten Sie von uns per E-Mail und in Ihrem Kundenkonto. " +
        "Nachrichten über angeblich wartende Pakete, Zollgebühren oder eine nötige Adressbestätigung, " +
        "besonders per SMS, sind häufig Betrug. Öffnen Sie die Sendungsverfolgung im Zweifel selbst " +
        "über Ihr Kundenkonto oder die Seite des Paketdienstes und zahlen Sie nie Gebühren über solche Links.",
    },
    en: {
      title: "Tracking your parcel safely",
      body:
        "You receive the tracking link from us by email and in your customer account. Messages about parcels " +
        "supposedly waiting, customs fees or a required address confirmation, especially by text message, are " +
        "often fraud. When in doubt, open the tracking yourself through your account or the carrier's website, " +
        "and never pay fees through such links.",
    },
  },
]

/**
 * Default texts of earlier editions, by topic and language: a stored default tip that still reads
 * exactly like one of them was never edited, and is brought up to date.
 */
const EARLIER_TEXTS: Record<string, Record<Locale, Text[]>> = {
  statement_descriptor: {
    de: [
      {
        title: "So erscheint Ihre Zahlung auf dem Kontoauszug",
        body:
          "Auf Ihrem Konto- oder Kartenauszug steht bei Zahlungen an uns: **{statement_descriptor}**. " +
          "Finden Sie eine Abbuchung mit diesem Namen, die Sie nicht zuordnen können, sprechen Sie uns zuerst an – " +
          "meist klärt sich das schnell.",
      },
    ],
    en: [
      {
        title: "How your payment appears on your statement",
        body:
          "Payments to us appear on your bank or card statement as **{statement_descriptor}**. " +
          "If you find a charge under this name that you cannot place, please contact us first – " +
          "usually it is cleared up quickly.",
      },
    ],
  },
  something_wrong: {
    de: [
      {
        title: "Kommt Ihnen etwas verdächtig vor?",
        body:
          "Eine seltsame E-Mail, eine unbekannte Abbuchung oder eine Bestellung, die Sie nicht aufgegeben haben? " +
          "Melden Sie sich bei uns: telefonisch unter {hotline} oder per E-Mail an {support_email}. " +
          "Nutzen Sie dafür nur diese Kontaktdaten, nicht die aus einer verdächtigen Nachricht. " +
          "Haben Sie Zahlungsdaten preisgegeben, lassen Sie Karte oder Zugang zusätzlich bei Ihrer Bank sperren.",
      },
    ],
    en: [
      {
        title: "Does something look wrong?",
        body:
          "A strange email, an unknown charge or an order you did not place? Get in touch with us: by phone at " +
          "{hotline} or by email at {support_email}. Use only these contact details, never those from a " +
          "suspicious message. If you have given away payment details, also ask your bank to block the card or access.",
      },
    ],
  },
}

/**
 * The current default text for a stored default tip that still reads exactly like an earlier
 * edition's (so the merchant never edited it); null for an edited, current or own tip.
 */
export function currentDefaultText(tip: { default_key?: string | null; title: string; body: string }): Text | null {
  const [key, , locale] = tip.default_key?.split(".") ?? []
  if (locale !== "de" && locale !== "en") {
    return null
  }
  const topic = DEFAULT_TIP_TOPICS.find((candidate) => candidate.key === key)
  const earlier = EARLIER_TEXTS[key]?.[locale] ?? []
  if (!topic || !earlier.some((text) => text.title === tip.title && text.body === tip.body)) {
    return null
  }
  return { title: topic[locale].title, body: topic[locale].body }
}

export type DefaultTipRow = {
  default_key: string
  locale: Locale
  placement: TipPlacement
  rank: number
  title: string
  body: string
  active: boolean
}

/** The default set as rows: one per topic, placement and language. */
export function defaultTipRows(topics: DefaultTopic[] = DEFAULT_TIP_TOPICS): DefaultTipRow[] {
  return topics.flatMap((topic) =>
    topic.placements.flatMap(({ placement, rank }) =>
      (["de", "en"] as const).map((locale) => ({
        default_key: `${topic.key}.${placement}.${locale}`,
        locale,
        placement,
        rank,
        title: topic[locale].title,
        body: topic[locale].body,
        active: true,
      }))
    )
  )
}

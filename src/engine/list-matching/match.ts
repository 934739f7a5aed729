import { ipMatches } from "../payment-data/ip"
import { NegativeListEntrySnapshot, NegativeListMatch, PersonAddress } from "../negative-list/types"
import { NormalisedSubject } from "./keys"
import { foldLoose, NameToken, nameTokenForms, normalizeCountry, normalizePostcode, parseStreet, Street } from "./normalize"
import { Likeness, nameLikeness, tokenSimilarity } from "./similarity"

type Partial = { score: number; matched_on: string[] }
type Found = Partial & { certain: boolean }

/**
 * One side of a comparison with its normalised parts, each computed on first use and then kept:
 * `matchEntries` compares the checked addresses with every candidate, and folding and parsing
 * them once per call instead of once per candidate is most of a check's work. Built per call
 * (never kept on the caller's objects), so an address changed between two checks is read anew.
 */
class Side {
  private parsedStreet?: Street
  private looseCity?: string
  private looseCompany?: string
  private tokens?: NameToken[]

  constructor(readonly address: PersonAddress) {}

  get country(): string {
    return normalizeCountry(this.address.country_code) || "de"
  }

  get street(): Street {
    return (this.parsedStreet ??= parseStreet(this.address.address_1, this.address.address_2))
  }

  get postcode(): string {
    return normalizePostcode(this.address.postal_code)
  }

  get city(): string {
    return (this.looseCity ??= foldLoose(this.address.city).replace(/ /g, ""))
  }

  get company(): string {
    return (this.looseCompany ??= foldLoose(this.address.company).replace(/ /g, ""))
  }

  /** first and last name tokens together (names may be swapped) */
  get nameTokens(): NameToken[] {
    return (this.tokens ??= nameTokenForms(this.address.first_name, this.address.last_name))
  }
}

/**
 * Same address: equal house number (a neighbour is another address), similar street, and the
 * same postcode or — with one typing error in the postcode — the same city. The house number may
 * be glued to the street, follow "Nr." or stand alone in `address_2` (see `parseStreet`).
 * Certain unless the street is only one letter from the listed one (Bergstraße/Burgstraße).
 */
export function matchAddress(entry: PersonAddress, subject: PersonAddress): Found | null {
  return addressMatch(new Side(entry), new Side(subject))
}

function addressMatch(entry: Side, subject: Side): Found | null {
  if (entry.country !== subject.country) return null
  const a = entry.street
  const b = subject.street
  if (!a.name || !b.name || a.number !== b.number) return null
  const street = nameLikeness(a.name, b.name, "street")
  if (!street) return null
  const pcA = entry.postcode
  const pcB = subject.postcode
  const city = tokenSimilarity(entry.city, subject.city)
  const matched_on = ["street", "house_number"]
  let place: number
  if (pcA && pcA === pcB) {
    place = 1
    matched_on.push("postal_code")
    if (city) matched_on.push("city")
    else if (entry.address.city && subject.address.city) return null
  } else if (city && (!pcA || !pcB || tokenSimilarity(pcA, pcB, { phonetic: false }) > 0)) {
    place = 0.9 * city
    matched_on.push("city")
  } else {
    return null
  }
  return { score: (street.score + place) / 2, certain: street.certain, matched_on }
}

type Best = Likeness & { index: number }

/** Certain before possible, then the higher score. */
const better = (a: Likeness, b: Likeness | null) => !b || (a.certain !== b.certain ? a.certain : a.score > b.score)

/** Two tokens compared in the loose and in the strict fold; the better result counts. */
function likeness(a: NameToken, b: NameToken, kind: "first" | "last"): Likeness | null {
  const loose = nameLikeness(a.loose, b.loose, kind)
  const strict = a.strict === a.loose && b.strict === b.loose ? null : nameLikeness(a.strict, b.strict, kind)
  return strict && better(strict, loose) ? strict : loose
}

/** The most alike pair of one of `tokens` and one of `others` (index into `others`). */
function bestOf(tokens: NameToken[], others: NameToken[], kind: "first" | "last"): Best | null {
  let found: Best | null = null
  for (const token of tokens) {
    others.forEach((other, index) => {
      const result = likeness(token, other, kind)
      if (result && better(result, found)) found = { ...result, index }
    })
  }
  return found
}

/**
 * Same person: a last-name token matches any name token of the subject (names may be swapped),
 * and a first-name token matches another one (`nameLikeness`: spelling variants such as
 * Stefan/Stephan are certain, other endings such as Jan/Jana no match, one letter apart only
 * possible). Only an initial for the first name (on either side) → possible.
 * Another first name → no match. A company entry compares the company name.
 * Certain only when the last name, the first name and the address each are.
 */
export function matchPerson(entry: PersonAddress, subject: PersonAddress): Found | null {
  return personMatch(new Side(entry), new Side(subject))
}

function personMatch(entrySide: Side, subjectSide: Side): Found | null {
  const address = addressMatch(entrySide, subjectSide)
  if (!address) return null
  const entry = entrySide.address
  const subjectTokens = subjectSide.nameTokens
  const lastTokens = nameTokenForms(entry.last_name)
  if (!lastTokens.length) {
    const company = tokenSimilarity(entrySide.company, subjectSide.company)
    return company
      ? { score: (company + address.score) / 2, certain: address.certain, matched_on: ["company", ...address.matched_on] }
      : null
  }
  const last = bestOf(lastTokens, subjectTokens, "last")
  if (!last) return null
  const lastLoose = lastTokens.map((t) => t.loose)
  const firstTokens = nameTokenForms(entry.first_name).filter((t) => !lastLoose.includes(t.loose))
  if (!firstTokens.length) {
    return {
      score: (last.score + address.score) / 2,
      certain: last.certain && address.certain,
      matched_on: ["last_name", ...address.matched_on],
    }
  }
  const others = subjectTokens.filter((_, i) => i !== last.index)
  const first = bestOf(
    firstTokens.filter((t) => t.loose.length > 1),
    others.filter((t) => t.loose.length > 1),
    "first"
  )
  if (first) {
    return {
      score: (last.score + first.score + 2 * address.score) / 4,
      certain: last.certain && first.certain && address.certain,
      matched_on: ["last_name", "first_name", ...address.matched_on],
    }
  }
  // an initial on either side ("K. Schmidt" listed, "Karl Schmidt" shopping, or the reverse)
  const initials = others.map((t) => t.loose).filter((t) => t.length === 1)
  const entryInitials = firstTokens.map((t) => t.loose).filter((t) => t.length === 1)
  const initialFits =
    firstTokens.some((t) => initials.includes(t.loose[0])) || others.some((t) => entryInitials.includes(t.loose[0]))
  if (initialFits) {
    return { score: (last.score + 0.5 + 2 * address.score) / 4, certain: false, matched_on: ["last_name", "first_name_initial", ...address.matched_on] }
  }
  return null
}

function isExpired(entry: NegativeListEntrySnapshot, now: Date): boolean {
  return !!entry.expires_at && new Date(entry.expires_at).getTime() <= now.getTime()
}

function matchOne(entry: NegativeListEntrySnapshot, subject: NormalisedSubject, addresses: () => Side[]): Found | null {
  const value = entry.value ?? ""
  const exact = (field: string, candidate?: string | null) =>
    candidate && value && candidate === value ? { score: 1, certain: true, matched_on: [field] } : null
  switch (entry.kind) {
    case "person": {
      const side = new Side(entry)
      const found = addresses().map((a) => personMatch(side, a)).filter((m) => m !== null)
      return found.sort((x, y) => Number(y.certain) - Number(x.certain) || y.score - x.score)[0] ?? null
    }
    case "address": {
      const side = new Side(entry)
      const found = addresses().map((a) => addressMatch(side, a)).filter((m) => m !== null)
      return found.sort((x, y) => Number(y.certain) - Number(x.certain) || y.score - x.score)[0] ?? null
    }
    case "email":
      return exact("email", subject.email)
    case "email_domain":
      return exact("email_domain", subject.email_domain)
    case "phone":
      return exact("phone", subject.phone)
    case "customer":
      return exact("customer_id", subject.customer_id)
    case "iban":
      return value && (subject.iban_hashes ?? []).includes(value) ? { score: 1, certain: true, matched_on: ["iban"] } : null
    case "card":
      return (subject.card_hashes ?? []).includes(value) ? { score: 1, certain: true, matched_on: ["card"] } : null
    case "ip":
      return subject.ip && value && ipMatches(subject.ip, value) ? { score: 1, certain: true, matched_on: ["ip"] } : null
  }
}

/** Scores candidate entries against the checked data; expired entries never match. */
export function matchEntries(
  subject: NormalisedSubject,
  candidates: NegativeListEntrySnapshot[],
  now: Date = new Date()
): NegativeListMatch[] {
  const matches: NegativeListMatch[] = []
  // the checked addresses normalised once for all candidates (when a person or address entry asks)
  let sides: Side[] | undefined
  const addresses = () => (sides ??= subject.addresses.map((address) => new Side(address)))
  for (const entry of candidates) {
    if (isExpired(entry, now)) continue
    const found = matchOne(entry, subject, addresses)
    if (found) {
      matches.push({
        entry_id: entry.id,
        kind: entry.kind,
        score: Math.round(found.score * 100) / 100,
        certain: found.certain,
        matched_on: found.matched_on,
      })
    }
  }
  return matches.sort((a, b) => Number(b.certain) - Number(a.certain) || b.score - a.score)
}

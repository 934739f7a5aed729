import { ipMatches } from "../payment-data/ip"
import { NegativeListEntrySnapshot, NegativeListMatch, PersonAddress } from "../negative-list/types"
import { NormalisedSubject } from "./keys"
import { foldLoose, nameTokens, normalizeCountry, normalizePostcode, parseStreet } from "./normalize"
import { tokenSimilarity } from "./similarity"

type Partial = { score: number; matched_on: string[] }

/**
 * Same address: equal house number (a neighbour is another address), similar street, and the
 * same postcode or — with one typing error in the postcode — the same city.
 */
export function matchAddress(entry: PersonAddress, subject: PersonAddress): Partial | null {
  if ((normalizeCountry(entry.country_code) || "de") !== (normalizeCountry(subject.country_code) || "de")) return null
  const a = parseStreet(entry.address_1)
  const b = parseStreet(subject.address_1)
  if (!a.name || !b.name || a.number !== b.number) return null
  const street = tokenSimilarity(a.name, b.name)
  if (!street) return null
  const pcA = normalizePostcode(entry.postal_code)
  const pcB = normalizePostcode(subject.postal_code)
  const city = tokenSimilarity(foldLoose(entry.city).replace(/ /g, ""), foldLoose(subject.city).replace(/ /g, ""))
  const matched_on = ["street", "house_number"]
  let place: number
  if (pcA && pcA === pcB) {
    place = 1
    matched_on.push("postal_code")
    if (city) matched_on.push("city")
    else if (entry.city && subject.city) return null
  } else if (city && (!pcA || !pcB || tokenSimilarity(pcA, pcB, { phonetic: false }) > 0)) {
    place = 0.9 * city
    matched_on.push("city")
  } else {
    return null
  }
  return { score: (street + place) / 2, matched_on }
}

/** Best similarity of `token` to any of `others`, with the index used. */
function best(token: string, others: string[], options: { phonetic?: boolean; strict?: boolean } = {}): [number, number] {
  let score = 0
  let index = -1
  others.forEach((other, i) => {
    const s = tokenSimilarity(token, other, options)
    if (s > score) [score, index] = [s, i]
  })
  return [score, index]
}

/**
 * Same person: a last-name token matches any name token of the subject (names may be swapped),
 * and a first-name token matches another one. Only an initial for the first name (on either
 * side) → possible.
 * Another first name → no match. A company entry compares the company name.
 */
export function matchPerson(entry: PersonAddress, subject: PersonAddress): (Partial & { certain: boolean }) | null {
  const address = matchAddress(entry, subject)
  if (!address) return null
  const subjectTokens = nameTokens(subject.first_name, subject.last_name)
  const lastTokens = nameTokens(entry.last_name)
  if (!lastTokens.length) {
    const company = tokenSimilarity(foldLoose(entry.company).replace(/ /g, ""), foldLoose(subject.company).replace(/ /g, ""))
    return company ? { score: (company + address.score) / 2, certain: true, matched_on: ["company", ...address.matched_on] } : null
  }
  let lastScore = 0
  let used = -1
  for (const token of lastTokens) {
    const [score, index] = best(token, subjectTokens)
    if (score > lastScore) [lastScore, used] = [score, index]
  }
  if (!lastScore) return null
  const firstTokens = nameTokens(entry.first_name).filter((t) => !lastTokens.includes(t))
  if (!firstTokens.length) {
    return { score: (lastScore + address.score) / 2, certain: true, matched_on: ["last_name", ...address.matched_on] }
  }
  const others = subjectTokens.filter((_, i) => i !== used)
  let firstScore = 0
  for (const token of firstTokens) firstScore = Math.max(firstScore, best(token, others, { phonetic: false, strict: true })[0])
  if (firstScore) {
    return {
      score: (lastScore + firstScore + 2 * address.score) / 4,
      certain: true,
      matched_on: ["last_name", "first_name", ...address.matched_on],
    }
  }
  // an initial on either side ("K. Schmidt" listed, "Karl Schmidt" shopping, or the reverse)
  const initials = others.filter((t) => t.length === 1)
  const entryInitials = firstTokens.filter((t) => t.length === 1)
  const initialFits =
    firstTokens.some((t) => initials.includes(t[0])) || others.some((t) => entryInitials.includes(t[0]))
  if (initialFits) {
    return { score: (lastScore + 0.5 + 2 * address.score) / 4, certain: false, matched_on: ["last_name", "first_name_initial", ...address.matched_on] }
  }
  return null
}

function isExpired(entry: NegativeListEntrySnapshot, now: Date): boolean {
  return !!entry.expires_at && new Date(entry.expires_at).getTime() <= now.getTime()
}

function matchOne(entry: NegativeListEntrySnapshot, subject: NormalisedSubject): (Partial & { certain: boolean }) | null {
  const value = entry.value ?? ""
  const exact = (field: string, candidate?: string | null) =>
    candidate && value && candidate === value ? { score: 1, certain: true, matched_on: [field] } : null
  switch (entry.kind) {
    case "person": {
      const found = subject.addresses.map((a) => matchPerson(entry, a)).filter((m) => m !== null)
      return found.sort((x, y) => Number(y.certain) - Number(x.certain) || y.score - x.score)[0] ?? null
    }
    case "address": {
      const found = subject.addresses.map((a) => matchAddress(entry, a)).filter((m) => m !== null)
      const top = found.sort((x, y) => y.score - x.score)[0]
      return top ? { ...top, certain: true } : null
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
      return exact("iban", subject.iban_hash)
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
  for (const entry of candidates) {
    if (isExpired(entry, now)) continue
    const found = matchOne(entry, subject)
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

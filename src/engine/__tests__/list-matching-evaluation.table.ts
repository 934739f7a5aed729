import { PersonAddress } from "../negative-list/types"

/**
 * Labelled pairs for the matching evaluation (issue 14 §1): a listed person (entry) and what a
 * shopper types (subject), per kind of spelling variant.
 * - `same`: the same person at the same address: must be found (certain or possible);
 * - `other`: another person or address: must not be found at all;
 * - `review`: one letter apart and may be another person (Burg/Berg, Lena/Lina): never a
 *   certain match; a possible match (for review) or none are both right.
 */
export type Label = "same" | "other" | "review"
export type Kind = "house_number" | "first_name" | "typos" | "foreign_letters" | "short_names" | "baseline"
export type Row = { kind: Kind; label: Label; note: string; entry: PersonAddress; subject: PersonAddress }

type Base = { first: string; last: string; street: string; no: string; pc: string; city: string }

export const BASES: Base[] = [
  { first: "Stefan", last: "Becker", street: "Hauptstraße", no: "7", pc: "10115", city: "Berlin" },
  { first: "Anna", last: "Schulz", street: "Gartenweg", no: "12a", pc: "04109", city: "Leipzig" },
  { first: "Klaus", last: "Wagner", street: "Am Markt", no: "1", pc: "50667", city: "Köln" },
  { first: "Petra", last: "Hoffmann", street: "Lindenallee", no: "23", pc: "80331", city: "München" },
  { first: "Jörg", last: "Schulz", street: "Ringstraße", no: "8", pc: "20095", city: "Hamburg" },
  { first: "Mehmet", last: "Yılmaz", street: "Keupstraße", no: "40", pc: "51063", city: "Köln" },
  { first: "Łukasz", last: "Nowak", street: "Bahnhofstraße", no: "15b", pc: "60311", city: "Frankfurt am Main" },
  { first: "Søren", last: "Hansen", street: "Schillerplatz", no: "3", pc: "70173", city: "Stuttgart" },
  { first: "Claudia", last: "Richter", street: "Friedrichstraße", no: "112", pc: "10117", city: "Berlin" },
  { first: "Ralf", last: "Krüger", street: "Waldweg", no: "4", pc: "01067", city: "Dresden" },
  { first: "Jan", last: "Burg", street: "Mühlenstraße", no: "9", pc: "30159", city: "Hannover" },
  { first: "Christoph", last: "Weiß", street: "Kirchgasse", no: "2", pc: "55116", city: "Mainz" },
]

export const person = (b: Base, overrides: PersonAddress = {}): PersonAddress => ({
  first_name: b.first,
  last_name: b.last,
  address_1: `${b.street} ${b.no}`,
  postal_code: b.pc,
  city: b.city,
  country_code: "de",
  ...overrides,
})

const row = (kind: Kind, label: Label, note: string, entry: PersonAddress, subject: PersonAddress): Row => ({
  kind, label, note, entry, subject,
})

/** "Hauptstraße" → "Hauptstr." (only streets ending in -straße have the short form). */
const short = (street: string) => street.replace(/straße$/, "str.")
const bump = (no: string) => `${parseInt(no, 10) + 1}${no.replace(/^\d+/, "")}`
const letter = (no: string) => no.replace(/^(\d+)([a-z])$/, "$1 $2")

function houseNumberRows(): Row[] {
  const rows: Row[] = []
  for (const b of BASES) {
    const entry = person(b)
    const same = (note: string, address_1: string, address_2?: string) =>
      rows.push(row("house_number", "same", note, entry, person(b, { address_1, address_2 })))
    const other = (note: string, address_1: string, address_2?: string) =>
      rows.push(row("house_number", "other", note, entry, person(b, { address_1, address_2 })))
    same("number glued to the street", `${b.street}${b.no}`)
    same("upper case, glued", `${b.street.toUpperCase()}${b.no.toUpperCase()}`)
    same("\"Nr.\" before the number", `${b.street} Nr. ${b.no}`)
    same("\"Nr.\" glued", `${b.street} Nr.${b.no}`)
    same("number in address_2", b.street, b.no)
    same("\"Nr.\" and number in address_2", b.street, `Nr. ${b.no}`)
    same("comma before the number", `${b.street}, ${b.no}`)
    if (b.street.endsWith("straße")) {
      same("abbreviated and glued", `${short(b.street)}${b.no}`)
      same("abbreviated without dot, glued", `${short(b.street).replace(".", "")}${b.no}`)
    }
    if (/[a-z]$/.test(b.no)) {
      same("letter apart from the number", `${b.street} ${letter(b.no)}`)
      same("capital letter", `${b.street} ${b.no.toUpperCase()}`)
      same("capital letter apart", `${b.street} ${letter(b.no).toUpperCase()}`)
      same("glued with capital letter apart", `${b.street}${letter(b.no).toUpperCase()}`)
      other("another letter", `${b.street} ${b.no.replace(/[a-z]$/, "c")}`)
    } else {
      other("a letter added (another house)", `${b.street} ${b.no}a`)
    }
    other("the neighbour, glued", `${b.street}${bump(b.no)}`)
    other("the neighbour with \"Nr.\"", `${b.street} Nr. ${bump(b.no)}`)
    other("the neighbour's number in address_2", b.street, bump(b.no))
    other("a digit more, glued", `${b.street}${b.no.replace(/^(\d+)/, "$11")}`)
    other("another street, glued", `Nebenstraße${b.no}`)
  }
  return rows
}

/** Spelling variants of one first name (certain), both ways. */
const FIRST_NAME_VARIANTS: Array<[string, string]> = [
  ["Stefan", "Stephan"], ["Philipp", "Filipp"], ["Philipp", "Phillip"], ["Filipp", "Phillip"],
  ["Christoph", "Kristof"], ["Christoph", "Christof"], ["Ralf", "Ralph"], ["Karl", "Carl"],
  ["Klaudia", "Claudia"], ["Jürgen", "Juergen"], ["Jürgen", "Jurgen"], ["Juergen", "Jurgen"],
  ["Matthias", "Mathias"], ["Josef", "Joseph"], ["Sophie", "Sofie"], ["Katharina", "Catharina"],
  ["Nicole", "Nikole"], ["Markus", "Marcus"], ["Lukas", "Lucas"], ["Sarah", "Sara"], ["Gerd", "Gert"],
  ["Bernd", "Bernt"], ["Sven", "Swen"], ["Kai", "Kay"], ["Maik", "Meik"], ["Elisabeth", "Elisabet"],
  ["Thomas", "Tomas"], ["Günther", "Günter"], ["Rainer", "Reiner"], ["Heike", "Haike"],
  ["Niklas", "Nicklas"], ["Jörg", "Joerg"], ["Torsten", "Thorsten"], ["Tim", "Timm"],
  ["Carsten", "Karsten"], ["Clemens", "Klemens"], ["Cornelia", "Kornelia"], ["Frederik", "Frederick"],
  ["Henrik", "Hendrik"], ["Hannah", "Hanna"], ["Mathilde", "Matilde"], ["Viktor", "Victor"],
]

/** Different people (another first name): no match at all. */
const OTHER_FIRST_NAMES: Array<[string, string]> = [
  ["Jan", "Jana"], ["Paul", "Paula"], ["Daniel", "Daniela"], ["Christian", "Christiane"],
  ["Michael", "Michaela"], ["Jens", "Jan"], ["Max", "Moritz"], ["Jens", "Jonas"], ["Jonas", "Janis"],
  ["Hans", "Heinz"], ["Mario", "Maria"], ["Anna", "Anne"], ["Sven", "Svenja"], ["Andrea", "Andreas"],
  ["Simon", "Simone"], ["Christian", "Christina"], ["Christina", "Christine"], ["Peter", "Petra"],
  ["Carl", "Carla"], ["Gerd", "Gerda"], ["Tim", "Timo"], ["Heiko", "Heike"], ["Gabriel", "Gabriele"],
  ["Alexander", "Alexandra"], ["Jana", "Hanna"], ["Stefan", "Stefanie"], ["Karl", "Karla"],
  ["Kristian", "Kristina"], ["Antonio", "Antonia"], ["Frank", "Petra"], ["Klaus", "Claudia"],
  ["Jürgen", "Jörg"], ["Jens", "Hans"],
]

/** One letter apart and possibly another person: never certain. */
const ONE_LETTER_FIRST_NAMES: Array<[string, string]> = [
  ["Lena", "Lina"], ["Frank", "Franz"], ["Karin", "Katrin"], ["Marco", "Mario"], ["Mirko", "Marko"],
  ["Tom", "Tim"], ["Julia", "Julian"], ["Mario", "Marion"], ["Ben", "Ken"], ["Anna", "Hanna"],
]

function firstNameRows(): Row[] {
  const rows: Row[] = []
  const at = [BASES[0], BASES[3], BASES[9]]
  const add = (label: Label, pairs: Array<[string, string]>) => {
    pairs.forEach(([a, b], i) => {
      const base = at[i % at.length]
      rows.push(row("first_name", label, `${a} / ${b}`, person(base, { first_name: a }), person(base, { first_name: b })))
      rows.push(row("first_name", label, `${b} / ${a}`, person(base, { first_name: b }), person(base, { first_name: a })))
    })
  }
  add("same", FIRST_NAME_VARIANTS)
  add("other", OTHER_FIRST_NAMES)
  add("review", ONE_LETTER_FIRST_NAMES)
  return rows
}

/** Deterministic pseudo-random numbers (mulberry32), so the table is the same on every run. */
function random(seed: number) {
  return () => {
    seed |= 0
    seed = (seed + 0x6d2b79f5) | 0
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/** Neighbouring keys on a German (QWERTZ) keyboard. */
const NEIGHBOURS: Record<string, string> = {
  a: "qsy", b: "vghn", c: "xdfv", d: "serfcx", e: "wsdr", f: "drtgvc", g: "ftzhbv", h: "gzujnb",
  i: "ujko", j: "huikmn", k: "jiolm", l: "kop", m: "njk", n: "bhjm", o: "iklp", p: "ol", q: "wa",
  r: "edft", s: "awedxy", t: "rfgz", u: "zhji", v: "cfgb", w: "qase", x: "ysdc", y: "asx", z: "tghu",
}

/**
 * One typing error inside a word: a letter left out, doubled, swapped with the next one or
 * replaced by a neighbouring key. The first letter and, for first names, the last letter stay
 * (a changed ending is another name: Jan/Jana, Daniel/Daniela).
 */
export function typo(word: string, next: () => number, keepLast: boolean): string {
  const last = keepLast ? word.length - 2 : word.length - 1
  const at = 1 + Math.floor(next() * Math.max(1, last))
  const op = Math.floor(next() * 4)
  const cased = (c: string) => (word[at] === word[at].toUpperCase() ? c.toUpperCase() : c)
  if (op === 0) return word.slice(0, at) + word.slice(at + 1)
  if (op === 1) return word.slice(0, at) + word[at] + word.slice(at)
  if (op === 2 && at + 1 <= last) return word.slice(0, at) + word[at + 1] + word[at] + word.slice(at + 2)
  const keys = NEIGHBOURS[word[at].toLowerCase()] ?? "e"
  return word.slice(0, at) + cased(keys[Math.floor(next() * keys.length)]) + word.slice(at + 1)
}

function typoRows(): Row[] {
  const rows: Row[] = []
  const next = random(14)
  for (const b of BASES) {
    const entry = person(b)
    for (let i = 0; i < 5; i++) {
      const first = typo(b.first, next, true)
      const street = typo(b.street, next, false)
      rows.push(row("typos", "same", `${first}, ${street} ${b.no}`, entry, person(b, { first_name: first, address_1: `${street} ${b.no}` })))
    }
    rows.push(row("typos", "same", "example of the issue", person(b), person(b, { first_name: b.first, address_1: `${typo(b.street, next, false)}${b.no}` })))
    const street = typo(b.street, next, false)
    rows.push(row("typos", "other", `another house: ${street} ${bump(b.no)}`, entry, person(b, { first_name: typo(b.first, next, true), address_1: `${street} ${bump(b.no)}` })))
    rows.push(row("typos", "other", `another first name: Moritz, ${street}`, entry, person(b, { first_name: "Moritz", address_1: `${street} ${b.no}` })))
    rows.push(row("typos", "other", "another family at the street with a typo", entry, person(b, { first_name: "Eva", last_name: "Lindqvist", address_1: `${street} ${b.no}` })))
  }
  const jorg = BASES[4]
  rows.push(row("typos", "same", "Jrg Schulz, Rinngstraße 8 (issue)", person(jorg), person(jorg, { first_name: "Jrg", address_1: "Rinngstraße 8" })))
  rows.push(row("typos", "other", "Jens Schulz, Rinngstraße 8", person(jorg), person(jorg, { first_name: "Jens", address_1: "Rinngstraße 8" })))
  return rows
}

/** [listed, typed]: the same name in another script or transliteration. */
const FOREIGN_SAME: Array<[PersonAddress, PersonAddress]> = [
  [{ first_name: "Mehmet", last_name: "Yılmaz" }, { first_name: "Mehmet", last_name: "Yilmaz" }],
  [{ first_name: "Mehmet", last_name: "Yilmaz" }, { first_name: "MEHMET", last_name: "YILMAZ" }],
  [{ first_name: "İbrahim", last_name: "Şahin" }, { first_name: "Ibrahim", last_name: "Sahin" }],
  [{ first_name: "Ayşe", last_name: "Doğan" }, { first_name: "Ayse", last_name: "Dogan" }],
  [{ first_name: "Emre", last_name: "Çelik" }, { first_name: "Emre", last_name: "Celik" }],
  [{ first_name: "Hülya", last_name: "Öztürk" }, { first_name: "Huelya", last_name: "Oeztuerk" }],
  [{ first_name: "Gökhan", last_name: "Gündoğdu" }, { first_name: "Goekhan", last_name: "Gundogdu" }],
  [{ first_name: "Tuğba", last_name: "Işık" }, { first_name: "Tugba", last_name: "Isik" }],
  [{ first_name: "Łukasz", last_name: "Nowak" }, { first_name: "Lukasz", last_name: "Nowak" }],
  [{ first_name: "Lech", last_name: "Wałęsa" }, { first_name: "Lech", last_name: "Walesa" }],
  [{ first_name: "Iga", last_name: "Świątek" }, { first_name: "Iga", last_name: "Swiatek" }],
  [{ first_name: "Paweł", last_name: "Żak" }, { first_name: "Pawel", last_name: "Zak" }],
  [{ first_name: "Małgorzata", last_name: "Wiśniewska" }, { first_name: "Malgorzata", last_name: "Wisniewska" }],
  [{ first_name: "Søren", last_name: "Hansen" }, { first_name: "Soren", last_name: "Hansen" }],
  [{ first_name: "Søren", last_name: "Hansen" }, { first_name: "Soeren", last_name: "Hansen" }],
  [{ first_name: "Bjørn", last_name: "Dæhlie" }, { first_name: "Bjoern", last_name: "Daehlie" }],
  [{ first_name: "Åsa", last_name: "Ståhl" }, { first_name: "Asa", last_name: "Stahl" }],
  [{ first_name: "Jiří", last_name: "Dvořák" }, { first_name: "Jiri", last_name: "Dvorak" }],
  [{ first_name: "Tomáš", last_name: "Čapek" }, { first_name: "Tomas", last_name: "Capek" }],
  [{ first_name: "Šárka", last_name: "Nováková" }, { first_name: "Sarka", last_name: "Novakova" }],
  [{ first_name: "Ørjan", last_name: "Berg" }, { first_name: "Orjan", last_name: "Berg" }],
]

/** [listed, typed]: another person despite the foreign letters. */
const FOREIGN_OTHER: Array<[PersonAddress, PersonAddress]> = [
  [{ first_name: "Mehmet", last_name: "Yılmaz" }, { first_name: "Mehmet", last_name: "Yalçın" }],
  [{ first_name: "Mehmet", last_name: "Yılmaz" }, { first_name: "Ahmet", last_name: "Yilmaz" }],
  [{ first_name: "İbrahim", last_name: "Şahin" }, { first_name: "Ibrahim", last_name: "Şen" }],
  [{ first_name: "Ayşe", last_name: "Doğan" }, { first_name: "Ayla", last_name: "Dogan" }],
  [{ first_name: "Emre", last_name: "Çelik" }, { first_name: "Emine", last_name: "Celik" }],
  [{ first_name: "Łukasz", last_name: "Nowak" }, { first_name: "Łucja", last_name: "Nowak" }],
  [{ first_name: "Paweł", last_name: "Żak" }, { first_name: "Piotr", last_name: "Zak" }],
  [{ first_name: "Søren", last_name: "Hansen" }, { first_name: "Sonja", last_name: "Hansen" }],
  [{ first_name: "Jiří", last_name: "Dvořák" }, { first_name: "Jana", last_name: "Dvorak" }],
  [{ first_name: "Tomáš", last_name: "Čapek" }, { first_name: "Tomáš", last_name: "Černý" }],
  [{ first_name: "Åsa", last_name: "Ståhl" }, { first_name: "Asa", last_name: "Strand" }],
]

function foreignRows(): Row[] {
  const rows: Row[] = []
  const place = (i: number) => person(BASES[i % BASES.length])
  FOREIGN_SAME.forEach(([a, b], i) => {
    rows.push(row("foreign_letters", "same", `${a.first_name} ${a.last_name} / ${b.first_name} ${b.last_name}`, { ...place(i), ...a }, { ...place(i), ...b }))
    rows.push(row("foreign_letters", "same", `${b.first_name} ${b.last_name} / ${a.first_name} ${a.last_name}`, { ...place(i), ...b }, { ...place(i), ...a }))
  })
  FOREIGN_OTHER.forEach(([a, b], i) => {
    rows.push(row("foreign_letters", "other", `${a.first_name} ${a.last_name} / ${b.first_name} ${b.last_name}`, { ...place(i), ...a }, { ...place(i), ...b }))
    rows.push(row("foreign_letters", "other", `${b.first_name} ${b.last_name} / ${a.first_name} ${a.last_name}`, { ...place(i), ...b }, { ...place(i), ...a }))
  })
  const street = (label: Label, note: string, base: number, subject: PersonAddress) =>
    rows.push(row("foreign_letters", label, note, person(BASES[base]), person(BASES[base], subject)))
  street("same", "Keupstr 40", 5, { address_1: "Keupstr 40" })
  street("same", "Keupstr. 40", 5, { address_1: "Keupstr. 40" })
  street("same", "Keupstr40", 5, { address_1: "Keupstr40" })
  street("same", "KEUPSTRASSE 40", 5, { address_1: "KEUPSTRASSE 40" })
  street("same", "Keup-Straße 40", 5, { address_1: "Keup-Straße 40" })
  street("same", "Keupstr 40, Koeln", 5, { address_1: "Keupstr 40", city: "Koeln" })
  street("same", "Keupstr 40, Koln without postcode", 5, { address_1: "Keupstr 40", city: "Koln", postal_code: null })
  street("same", "YILMAZ, KEUPSTR 40", 5, { last_name: "YILMAZ", address_1: "KEUPSTR 40" })
  street("same", "Schillerpl 3", 7, { address_1: "Schillerpl 3" })
  street("same", "Bahnhofstr 15 b", 6, { address_1: "Bahnhofstr 15 b" })
  street("same", "Friedrichstr112", 8, { address_1: "Friedrichstr112" })
  street("other", "Keupstr 42", 5, { address_1: "Keupstr 42" })
  street("other", "Keupstr 4", 5, { address_1: "Keupstr 4" })
  street("other", "Keupstr 40 in another city", 5, { address_1: "Keupstr 40", postal_code: "40210", city: "Düsseldorf" })
  street("other", "Schillerpl 5", 7, { address_1: "Schillerpl 5" })
  street("other", "Bahnhofstr 15 a", 6, { address_1: "Bahnhofstr 15 a" })
  street("other", "Friedrichstr 12", 8, { address_1: "Friedrichstr 12" })
  return rows
}

/** Short last names one letter apart: another family just as well. */
const SHORT_PAIRS: Array<[string, string]> = [
  ["Burg", "Berg"], ["Berg", "Borg"], ["Koch", "Kuch"], ["Lang", "Long"], ["Roth", "Rath"],
  ["Hahn", "Hohn"], ["Wolf", "Wulf"], ["Busch", "Bosch"], ["Lenz", "Linz"], ["Ott", "Utt"],
  ["Kurz", "Kunz"], ["Holz", "Hotz"],
]

function shortNameRows(): Row[] {
  const rows: Row[] = []
  const burg = BASES[10]
  SHORT_PAIRS.forEach(([a, b]) => {
    rows.push(row("short_names", "review", `${a} / ${b}`, person(burg, { last_name: a }), person(burg, { last_name: b })))
    rows.push(row("short_names", "review", `${b} / ${a}`, person(burg, { last_name: b }), person(burg, { last_name: a })))
  })
  const review = (note: string, entry: PersonAddress, subject: PersonAddress) => rows.push(row("short_names", "review", note, entry, subject))
  review("Jan Burg / Jana Burg", person(burg), person(burg, { first_name: "Jana" }))
  review("Jana Burg / Jan Burg", person(burg, { first_name: "Jana" }), person(burg))
  review("Jan Burg / Jana Berg", person(burg), person(burg, { first_name: "Jana", last_name: "Berg" }))
  review("Jan Burg / Jan Berg", person(burg), person(burg, { last_name: "Berg" }))
  review("Ute Roth / Uta Roth", person(burg, { first_name: "Ute", last_name: "Roth" }), person(burg, { first_name: "Uta", last_name: "Roth" }))
  review("Ida Ott / Ina Ott", person(burg, { first_name: "Ida", last_name: "Ott" }), person(burg, { first_name: "Ina", last_name: "Ott" }))
  const same = (note: string, entry: PersonAddress, subject: PersonAddress) => rows.push(row("short_names", "same", note, entry, subject))
  for (const last of ["Burg", "Berg", "Ott", "Roth", "Koch", "Kühn", "Wolf", "Lenz", "Haas", "May"]) {
    const entry = person(burg, { last_name: last })
    same(`${last} in capitals`, entry, person(burg, { last_name: last.toUpperCase() }))
    same(`${last}, street abbreviated`, entry, person(burg, { last_name: last, address_1: "Mühlenstr. 9" }))
  }
  same("Kühn / Kuehn", person(burg, { last_name: "Kühn" }), person(burg, { last_name: "Kuehn" }))
  same("Kühn / Kuhn", person(burg, { last_name: "Kühn" }), person(burg, { last_name: "Kuhn" }))
  same("May / Mai", person(burg, { last_name: "May" }), person(burg, { last_name: "Mai" }))
  same("Jan Burg / Burg Jan (swapped)", person(burg), person(burg, { first_name: "Burg", last_name: "Jan" }))
  const other = (note: string, entry: PersonAddress, subject: PersonAddress) => rows.push(row("short_names", "other", note, entry, subject))
  other("Jan Burg / Max Burg", person(burg), person(burg, { first_name: "Max" }))
  other("Jan Burg / Jan Burg next door", person(burg), person(burg, { address_1: "Mühlenstraße 11" }))
  other("Jan Burg / Jan Burg in another city", person(burg), person(burg, { postal_code: "80331", city: "München" }))
  other("Jan Ott / Jan Burg", person(burg, { last_name: "Ott" }), person(burg))
  other("Jan Burg / Jens Burg", person(burg), person(burg, { first_name: "Jens" }))
  other("Jan Burg / Moritz Berg", person(burg), person(burg, { first_name: "Moritz", last_name: "Berg" }))
  other("Jan Burg / Jan Kurz", person(burg), person(burg, { last_name: "Kurz" }))
  other("Ute Roth / Max Roth", person(burg, { first_name: "Ute", last_name: "Roth" }), person(burg, { first_name: "Max", last_name: "Roth" }))
  other("Ida Ott / Eva Ott", person(burg, { first_name: "Ida", last_name: "Ott" }), person(burg, { first_name: "Eva", last_name: "Ott" }))
  other("Jan Burg / Jan Burg, Mühlenweg 9", person(burg), person(burg, { address_1: "Mühlenweg 9" }))
  return rows
}

/** What matched before issue 14 and must still match. */
function baselineRows(): Row[] {
  const rows: Row[] = []
  const hans: PersonAddress = { first_name: "Hans", last_name: "Müller", address_1: "Hauptstraße 5", postal_code: "10115", city: "Berlin", country_code: "de" }
  const at = (o: PersonAddress) => ({ ...hans, ...o })
  const same: Array<[string, PersonAddress, PersonAddress]> = [
    ["Mueller", hans, at({ last_name: "Mueller" })],
    ["Muller", hans, at({ last_name: "Muller" })],
    ["MÜLLER in capitals", hans, at({ first_name: "HANS", last_name: "MÜLLER" })],
    ["Hauptstr.", hans, at({ address_1: "Hauptstr. 5" })],
    ["Hauptstrasse", hans, at({ address_1: "Hauptstrasse 5" })],
    ["Haupt-Straße", hans, at({ address_1: "Haupt-Straße 5" })],
    ["Mülller (typing error)", hans, at({ last_name: "Mülller" })],
    ["Hauptsraße (typing error)", hans, at({ address_1: "Hauptsraße 5" })],
    ["postcode typing error", hans, at({ postal_code: "10116" })],
    ["swapped names", hans, at({ first_name: "Müller", last_name: "Hans" })],
    ["double first name", hans, at({ first_name: "Hans-Peter" })],
    ["title", hans, at({ first_name: "Dr. Hans" })],
    ["Meyer / Meier", at({ last_name: "Meier" }), at({ last_name: "Meyer" })],
    ["Maier / Meier", at({ last_name: "Meier" }), at({ last_name: "Maier" })],
    ["Schmitt / Schmidt", at({ last_name: "Schmidt" }), at({ last_name: "Schmitt" })],
    ["Weiss / Weiß", at({ last_name: "Weiß" }), at({ last_name: "Weiss" })],
    ["part of a double last name", at({ last_name: "Müller-Lüdenscheidt" }), at({ last_name: "Müller" })],
    ["François Lefèvre", at({ first_name: "François", last_name: "Lefèvre" }), at({ first_name: "Francois", last_name: "Lefevre" })],
    ["Christain (typing error)", at({ first_name: "Christian" }), at({ first_name: "Christain" })],
    ["initial (possible)", hans, at({ first_name: "H." })],
    ["no postcode, same city", hans, at({ postal_code: null })],
    ["Hoffmann / Hofmann", at({ last_name: "Hoffmann" }), at({ last_name: "Hofmann" })],
    ["Schultz / Schulz", at({ last_name: "Schultz" }), at({ last_name: "Schulz" })],
    ["Fuchs / Fux", at({ last_name: "Fuchs" }), at({ last_name: "Fux" })],
  ]
  const other: Array<[string, PersonAddress, PersonAddress]> = [
    ["another first name", hans, at({ first_name: "Petra" })],
    ["another initial", hans, at({ first_name: "P." })],
    ["another family", hans, at({ first_name: "Anna", last_name: "Schulz" })],
    ["another street", hans, at({ address_1: "Bahnhofstraße 12" })],
    ["another city", hans, at({ postal_code: "80331", city: "München" })],
    ["the neighbour", hans, at({ address_1: "Hauptstraße 7" })],
    ["5a instead of 5", hans, at({ address_1: "Hauptstraße 5a" })],
    ["another country", hans, at({ country_code: "at" })],
    ["same postcode, another city", hans, at({ city: "Potsdam" })],
    ["another last name", hans, at({ last_name: "Schneider" })],
  ]
  const review: Array<[string, PersonAddress, PersonAddress]> = [
    ["Müller / Möller", hans, at({ last_name: "Möller" })],
    ["Schulz / Scholz", at({ last_name: "Schulz" }), at({ last_name: "Scholz" })],
    ["Bergstraße / Burgstraße", at({ address_1: "Bergstraße 5" }), at({ address_1: "Burgstraße 5" })],
  ]
  for (const [note, entry, subject] of same) rows.push(row("baseline", "same", note, entry, subject))
  for (const [note, entry, subject] of other) rows.push(row("baseline", "other", note, entry, subject))
  for (const [note, entry, subject] of review) rows.push(row("baseline", "review", note, entry, subject))
  return rows
}

export function evaluationTable(): Row[] {
  return [...houseNumberRows(), ...firstNameRows(), ...typoRows(), ...foreignRows(), ...shortNameRows(), ...baselineRows()]
}

import { entryKeys, subjectKeys } from "../list-matching/keys"
import { matchAddress, matchEntries, matchPerson } from "../list-matching/match"
import { fold, foldLoose, nameTokens, parseStreet } from "../list-matching/normalize"
import { nameLikeness, otherNameEnding, sameSound, tokenSimilarity } from "../list-matching/similarity"
import { NegativeListEntrySnapshot, PersonAddress } from "../negative-list/types"

const listed: PersonAddress = {
  first_name: "Hans",
  last_name: "Müller",
  address_1: "Hauptstraße 5",
  postal_code: "10115",
  city: "Berlin",
  country_code: "de",
}
const at = (overrides: PersonAddress): PersonAddress => ({ ...listed, ...overrides })

describe("normalisation", () => {
  it.each([
    ["Müller", "mueller"],
    ["MÜLLER", "mueller"],
    ["Weiß", "weiss"],
    ["José García", "jose garcia"],
    ["Łukasz", "lukasz"],
    ["Yılmaz", "yilmaz"],
    ["İBRAHİM ŞAHİN", "ibrahim sahin"],
    ["Doğan Çelik", "dogan celik"],
    ["Wałęsa Świątek Żak", "walesa swiatek zak"],
    ["Søren Ståhl Dæhlie", "soeren stahl daehlie"],
    ["Dvořák Čapek Šárka", "dvorak capek sarka"],
    ["  Hans-Peter   Meier ", "hans peter meier"],
    ["Dr. Schulz", "dr schulz"],
  ])("should fold %s to %s", (input, expected) => {
    expect(fold(input)).toBe(expected)
  })

  it.each([["Müller"], ["Mueller"], ["Muller"], ["MUELLER"], ["müller"]])(
    "should bring %s to the same loose form as Müller",
    (name) => {
      expect(foldLoose(name)).toBe(foldLoose("Müller"))
    }
  )

  it.each([
    ["Hauptstraße 5", "hauptstrasse", "5"],
    ["Hauptstrasse 5", "hauptstrasse", "5"],
    ["Hauptstr. 5", "hauptstrasse", "5"],
    ["hauptstr 5", "hauptstrasse", "5"],
    ["Haupt-Straße 5", "hauptstrasse", "5"],
    ["Hauptstraße 5a", "hauptstrasse", "5a"],
    ["Hauptstraße 5 a", "hauptstrasse", "5a"],
    ["Straße des 17. Juni 12-14", "strassedes17juni", "1214"],
    ["Marktpl. 3", "marktplatz", "3"],
    ["Am Markt", "ammarkt", ""],
    ["Hauptstraße7", "hauptstrasse", "7"],
    ["Hauptstr.7", "hauptstrasse", "7"],
    ["HAUPTSTR7", "hauptstrasse", "7"],
    ["Hauptstraße 7 A", "hauptstrasse", "7a"],
    ["Hauptstraße7a", "hauptstrasse", "7a"],
    ["Hauptstraße Nr. 7", "hauptstrasse", "7"],
    ["Hauptstraße Nr.7a", "hauptstrasse", "7a"],
    ["Hauptstraße, 07", "hauptstrasse", "7"],
    ["Am Markt1", "ammarkt", "1"],
    ["Keupstr 40", "keupstrasse", "40"],
    ["St.-Georg-Str. 3", "sanktgeorgstrasse", "3"],
  ])("should parse %s into street %s and number %s", (input, name, number) => {
    expect(parseStreet(input)).toEqual({ name, number })
  })

  it.each<[string, string | null, string]>([
    ["Hauptstraße", "7", "7"],
    ["Hauptstraße", "Nr. 7a", "7a"],
    ["Hauptstraße", "7 A", "7a"],
    ["Hauptstraße", "2. OG", ""],
    ["Hauptstraße", "Hinterhaus", ""],
    ["Hauptstraße 5", "7", "5"],
    ["Hauptstraße", null, ""],
  ])("should read the house number of %s / address_2 %s as %s", (address1, address2, number) => {
    expect(parseStreet(address1, address2).number).toBe(number)
  })
  it("should split hyphenated and double names and drop titles", () => {
    expect(nameTokens("Dr. Hans-Peter", "von Müller-Lüdenscheidt")).toEqual(["hans", "peter", "muller", "ludenscheidt"])
  })
})

describe("token similarity", () => {
  it.each([
    ["meier", "meyer"],
    ["meier", "maier"],
    ["meier", "mayr"],
    ["schmidt", "schmitt"],
    ["schmidt", "schmid"],
    ["fuchs", "fux"],
  ])("should treat %s and %s as the same pronunciation", (a, b) => {
    expect(tokenSimilarity(a, b)).toBeGreaterThanOrEqual(0.8)
  })

  it.each([
    ["mustermann", "musterman", 1],
    ["mustermann", "mustremann", 1],
    ["mustermann", "mustremnan", 2],
    ["hansen", "hanson", 1],
  ])("should tolerate typing errors: %s / %s (%d edits)", (a, b) => {
    expect(tokenSimilarity(a, b)).toBeGreaterThan(0)
  })

  it.each([
    ["hans", "peter"],
    ["10115", "80331"],
    ["max", "mia"],
    ["schulz", "schmitz"],
    ["mustermann", "musterfrau"],
  ])("should not take %s for %s", (a, b) => {
    expect(tokenSimilarity(a, b)).toBe(0)
  })

  it.each([["jan", "jana"], ["jonas", "janis"], ["lena", "lina"]])(
    "should keep first names %s and %s apart (strict, no phonetic step)",
    (a, b) => {
      expect(tokenSimilarity(a, b, { phonetic: false, strict: true })).toBe(0)
    }
  )
})

describe("name likeness", () => {
  it.each([
    ["stefan", "stephan"], ["philipp", "filipp"], ["philipp", "phillip"], ["christoph", "kristof"],
    ["ralf", "ralph"], ["karl", "carl"], ["klaudia", "claudia"], ["sarah", "sara"], ["kai", "kay"],
    ["meier", "meyer"], ["meier", "maier"], ["schmidt", "schmitt"], ["hoffmann", "hofmann"],
  ])("should hear %s and %s as the same name", (a, b) => {
    expect(sameSound(a, b)).toBe(true)
  })

  it.each([
    ["burg", "berg"], ["jan", "jana"], ["hans", "heinz"], ["jens", "jonas"], ["jana", "hanna"],
    ["anna", "anja"], ["lena", "lina"], ["muller", "moller"],
  ])("should not hear %s and %s as the same name", (a, b) => {
    expect(sameSound(a, b)).toBe(false)
  })

  it.each([
    ["jan", "jana"], ["paul", "paula"], ["daniel", "daniela"], ["christian", "christiane"],
    ["michal", "michala"], ["andrea", "andreas"], ["stefan", "stefanie"], ["sven", "svenja"],
    ["maria", "mario"], ["anna", "anne"], ["heike", "heiko"], ["christian", "christina"],
  ])("should take the ending of %s / %s for another name", (a, b) => {
    expect(otherNameEnding(a, b)).toBe(true)
    expect(otherNameEnding(b, a)).toBe(true)
  })

  it.each([["stefan", "stephan"], ["stefan", "stefann"], ["kai", "kay"], ["jorg", "jrg"], ["sarah", "sara"], ["klaudia", "klaudis"]])(
    "should not take the ending of %s / %s for another name",
    (a, b) => {
      expect(otherNameEnding(a, b)).toBe(false)
    }
  )

  it.each<[string, string, "first" | "last" | "street", boolean | null]>([
    // first names: variants certain, other endings none, one letter apart possible
    ["stefan", "stephan", "first", true],
    ["christian", "christain", "first", true],
    ["jurgen", "jurgen", "first", true],
    ["jorg", "jrg", "first", false],
    ["lena", "lina", "first", false],
    ["frank", "franz", "first", false],
    ["jan", "jana", "first", null],
    ["daniel", "daniela", "first", null],
    ["jens", "jan", "first", null],
    ["max", "moritz", "first", null],
    ["jens", "jonas", "first", null],
    ["tom", "tim", "first", false],
    // last names: the same sound or swapped letters certain, one letter apart possible
    ["meier", "meyer", "last", true],
    ["mustermann", "mustremann", "last", true],
    ["schneider", "schnieder", "last", true],
    ["burg", "berg", "last", false],
    ["schulz", "scholz", "last", false],
    ["schmitt", "schmitz", "last", false],
    ["schneider", "schreiber", "last", false],
    ["schulz", "becker", "last", null],
    // streets: typing errors with the same vowels certain
    ["ringstrasse", "rinngstrasse", "street", true],
    ["hauptstrasse", "hauptsrasse", "street", true],
    ["bergstrasse", "burgstrasse", "street", false],
    ["hauptstrasse", "nebenstrasse", "street", null],
  ])("should compare %s and %s as a %s name: certain = %s", (a, b, kind, certain) => {
    const result = nameLikeness(a, b, kind)
    expect(result === null ? null : result.certain).toBe(certain)
  })
})

describe("person matching", () => {
  it.each<[string, PersonAddress]>([
    ["the same spelling", at({})],
    ["Mueller (transliterated umlaut)", at({ last_name: "Mueller" })],
    ["Muller (dropped dots)", at({ last_name: "Muller" })],
    ["upper case and spaces", at({ first_name: " HANS ", last_name: "MÜLLER  " })],
    ["Hauptstrasse", at({ address_1: "Hauptstrasse 5" })],
    ["Hauptstr.", at({ address_1: "Hauptstr. 5" })],
    ["hauptstr without dot", at({ address_1: "hauptstr 5" })],
    ["one typing error in the last name", at({ last_name: "Mülller" })],
    ["one typing error in the street", at({ address_1: "Hauptsraße 5" })],
    ["a typing error in the postcode (same city)", at({ postal_code: "10116" })],
    ["first and last name swapped", at({ first_name: "Müller", last_name: "Hans" })],
    ["a double first name", at({ first_name: "Hans-Peter" })],
    ["a title before the name", at({ first_name: "Dr. Hans" })],
  ])("should certainly match %s", (_, subject) => {
    const result = matchPerson(listed, subject)
    expect(result).not.toBeNull()
    expect(result!.certain).toBe(true)
    expect(result!.score).toBeGreaterThanOrEqual(0.8)
    expect(result!.matched_on).toEqual(expect.arrayContaining(["last_name", "first_name", "street", "house_number"]))
  })

  it.each<[string, PersonAddress, PersonAddress]>([
    ["Meyer for Meier", { ...listed, last_name: "Meier" }, at({ last_name: "Meyer" })],
    ["Maier for Meier", { ...listed, last_name: "Meier" }, at({ last_name: "Maier" })],
    ["Schmitt for Schmidt", { ...listed, last_name: "Schmidt" }, at({ last_name: "Schmitt" })],
    ["ss for ß", { ...listed, last_name: "Weiß" }, at({ last_name: "Weiss" })],
    ["a part of a double last name", { ...listed, last_name: "Müller-Lüdenscheidt" }, at({ last_name: "Müller" })],
    ["a French name without accents", { ...listed, first_name: "François", last_name: "Lefèvre" }, at({ first_name: "Francois", last_name: "Lefevre" })],
    ["a Spanish name without accents", { ...listed, first_name: "José", last_name: "Muñoz" }, at({ first_name: "Jose", last_name: "Munoz" })],
  ])("should certainly match %s", (_, entry, subject) => {
    const result = matchPerson(entry, subject)
    expect(result?.certain).toBe(true)
  })

  it.each<[string, PersonAddress, PersonAddress]>([
    ["Stephan for Stefan", { ...listed, first_name: "Stefan" }, at({ first_name: "Stephan" })],
    ["Kristof for Christoph", { ...listed, first_name: "Christoph" }, at({ first_name: "Kristof" })],
    ["Carl for Karl", { ...listed, first_name: "Karl" }, at({ first_name: "Carl" })],
    ["Yilmaz for Yılmaz", { ...listed, last_name: "Yılmaz" }, at({ last_name: "Yilmaz" })],
    ["Lukasz for Łukasz", { ...listed, first_name: "Łukasz" }, at({ first_name: "Lukasz" })],
    ["the house number glued to the street", listed, at({ address_1: "Hauptstraße5" })],
    ["the house number after Nr.", listed, at({ address_1: "Hauptstr. Nr. 5" })],
    ["the house number in address_2", listed, at({ address_1: "Hauptstraße", address_2: "5" })],
  ])("should certainly match %s", (_, entry, subject) => {
    expect(matchPerson(entry, subject)?.certain).toBe(true)
  })

  it.each<[string, PersonAddress, PersonAddress]>([
    ["Jrg Schulz, Rinngstraße 8 (a typing error in the first name and in the street)",
      { ...listed, first_name: "Jörg", last_name: "Schulz", address_1: "Ringstraße 8" },
      at({ first_name: "Jrg", last_name: "Schulz", address_1: "Rinngstraße 8" })],
    ["Berg for Burg", { ...listed, last_name: "Burg" }, at({ last_name: "Berg" })],
    ["Möller for Müller", listed, at({ last_name: "Möller" })],
    ["Burgstraße for Bergstraße", { ...listed, address_1: "Bergstraße 5" }, at({ address_1: "Burgstraße 5" })],
  ])("should find %s only as a possible match", (_, entry, subject) => {
    expect(matchPerson(entry, subject)).toMatchObject({ certain: false })
  })

  it.each([["Jan", "Jana"], ["Paul", "Paula"], ["Daniel", "Daniela"], ["Christian", "Christiane"], ["Michael", "Michaela"], ["Jens", "Jan"], ["Max", "Moritz"]])(
    "should not take %s for %s (another first name)",
    (listedName, typed) => {
      expect(matchPerson({ ...listed, first_name: listedName }, at({ first_name: typed }))).toBeNull()
      expect(matchPerson({ ...listed, first_name: typed }, at({ first_name: listedName }))).toBeNull()
    }
  )

  it("should find an initial instead of the first name only as a possible match", () => {
    const result = matchPerson(listed, at({ first_name: "H." }))
    expect(result).toMatchObject({ certain: false, matched_on: expect.arrayContaining(["first_name_initial"]) })
  })

  it("should find a listed initial (\"H. Müller\") for the full first name only as a possible match", () => {
    const result = matchPerson({ ...listed, first_name: "H." }, at({}))
    expect(result).toMatchObject({ certain: false, matched_on: expect.arrayContaining(["first_name_initial"]) })
    expect(matchPerson({ ...listed, first_name: "P." }, at({}))).toBeNull()
  })

  it("should tolerate a typing error in a longer first name (Christian/Christain)", () => {
    expect(matchPerson({ ...listed, first_name: "Christian" }, at({ first_name: "Christain" }))?.certain).toBe(true)
  })

  it("should not take a sibling with a similar first name (Jan/Jana) for the listed person", () => {
    expect(matchPerson({ ...listed, first_name: "Jan" }, at({ first_name: "Jana" }))).toBeNull()
  })

  it("should match a company entry by the company name", () => {
    const entry = { ...listed, first_name: null, last_name: null, company: "Muster GmbH" }
    expect(matchPerson(entry, at({ company: "Muster GmbH", first_name: "Eva", last_name: "Roth" }))?.certain).toBe(true)
    expect(matchPerson(entry, at({ company: "Andere AG" }))).toBeNull()
  })

  it.each<[string, PersonAddress]>([
    ["another first name at the same address", at({ first_name: "Petra" })],
    ["another initial at the same address", at({ first_name: "P." })],
    ["another family at the same address", at({ first_name: "Anna", last_name: "Schulz" })],
    ["the same name at another address", at({ address_1: "Bahnhofstraße 12" })],
    ["the same name and street in another city", at({ postal_code: "80331", city: "München" })],
    ["the neighbour with another house number", at({ address_1: "Hauptstraße 7" })],
    ["house number 5a instead of 5", at({ address_1: "Hauptstraße 5a" })],
    ["the same address in another country", at({ country_code: "at" })],
  ])("should not match %s", (_, subject) => {
    expect(matchPerson(listed, subject)).toBeNull()
  })
})

describe("address matching", () => {
  const drop: PersonAddress = { address_1: "Industriestr. 12", postal_code: "04109", city: "Leipzig", country_code: "de" }

  it.each<[string, PersonAddress]>([
    ["any name at the address", { ...drop, first_name: "Max", last_name: "Muster", address_1: "Industriestraße 12" }],
    ["without postcode but with the city", { ...drop, postal_code: null }],
    ["a missing country read as Germany", { ...drop, country_code: null }],
    ["the number glued to the street", { ...drop, address_1: "Industriestr.12" }],
    ["the number in address_2", { ...drop, address_1: "Industriestraße", address_2: "Nr. 12" }],
  ])("should match %s", (_, subject) => {
    expect(matchAddress(drop, subject)).toMatchObject({ certain: true })
  })

  it.each<[string, PersonAddress]>([
    ["another house number", { ...drop, address_1: "Industriestr. 14" }],
    ["another street", { ...drop, address_1: "Gartenweg 12" }],
    ["another postcode and city", { ...drop, postal_code: "01067", city: "Dresden" }],
    ["the same postcode but another city", { ...drop, city: "Halle" }],
  ])("should not match %s", (_, subject) => {
    expect(matchAddress(drop, subject)).toBeNull()
  })
})

describe("lookup keys", () => {
  it.each<[string, PersonAddress]>([
    ["a spelling variant", at({ last_name: "Mueller", address_1: "Hauptstr. 5" })],
    ["a typing error in the postcode", at({ postal_code: "10116" })],
    ["a typing error in the street", at({ address_1: "Hauptsraße 5" })],
    ["the number glued to the street", at({ address_1: "Hauptstr.5" })],
    ["the number in address_2", at({ address_1: "Hauptstraße", address_2: "5" })],
  ])("should share a key with the entry for %s", (_, subject) => {
    const keys = entryKeys({ kind: "person", ...listed })
    expect(subjectKeys({ addresses: [subject] }).some((key) => keys.includes(key))).toBe(true)
  })

  it.each([["Hauptstraße 7"], ["Hauptstraße7"], ["Hauptstraße 5a"]])("should not share a key with the neighbour at %s", (address_1) => {
    const keys = entryKeys({ kind: "person", ...listed })
    expect(subjectKeys({ addresses: [at({ address_1 })] }).some((key) => keys.includes(key))).toBe(false)
  })

  it("should keep two keys per address, glued or not", () => {
    expect(subjectKeys({ addresses: [at({ address_1: "Hauptstr.5" })] })).toEqual(entryKeys({ kind: "person", ...listed }))
    expect(entryKeys({ kind: "person", ...listed })).toHaveLength(2)
  })

  it("should key single values by kind and CIDR ranges by /16 or, wider, the first octet", () => {
    expect(entryKeys({ kind: "email", value: "a@b.de" })).toEqual(["em:a@b.de"])
    expect(entryKeys({ kind: "ip", value: "10.1.2.0/24" })).toEqual(["ip4:10.1"])
    expect(entryKeys({ kind: "ip", value: "10.0.0.0/8" })).toEqual(["ip4:10"])
    expect(entryKeys({ kind: "ip", value: "2001:db8::/32" })).toEqual(["ip6:2001:db8"])
    expect(subjectKeys({ addresses: [], ip: "10.1.2.3" })).toEqual(["ip:10.1.2.3", "ip4:10", "ip4:10.1"])
  })

  it.each([
    ["10.1.2.0/24", "10.1.2.77"],
    ["10.0.0.0/8", "10.200.1.1"],
    ["10.1.0.0/16", "10.1.255.1"],
    ["2001:db8::/32", "2001:db8:1::5"],
  ])("should find the range %s by the keys of %s", (range, ip) => {
    const keys = entryKeys({ kind: "ip", value: range })
    expect(subjectKeys({ addresses: [], ip }).some((key) => keys.includes(key))).toBe(true)
  })
})

describe("matchEntries", () => {
  const entry = (overrides: Partial<NegativeListEntrySnapshot>): NegativeListEntrySnapshot => ({
    id: "prnle_1",
    kind: "person",
    ...listed,
    ...overrides,
  })
  const now = new Date("2026-11-24T12:00:00Z")

  it("should skip expired entries", () => {
    const expired = entry({ expires_at: "2026-11-24T11:59:59Z" })
    const valid = entry({ id: "prnle_2", expires_at: "2026-11-25T00:00:00Z" })
    expect(matchEntries({ addresses: [listed] }, [expired, valid], now).map((m) => m.entry_id)).toEqual(["prnle_2"])
  })

  it("should check billing and shipping address each on its own", () => {
    const shipping = at({ first_name: "Hans", address_1: "Hauptstraße 5" })
    const billing = at({ address_1: "Bahnhofstraße 1" })
    expect(matchEntries({ addresses: [billing, shipping] }, [entry({})], now)).toHaveLength(1)
  })

  it.each<[string, Partial<NegativeListEntrySnapshot>, Parameters<typeof matchEntries>[0], boolean]>([
    ["email", { kind: "email", value: "a@b.de" }, { addresses: [], email: "a@b.de" }, true],
    ["another email", { kind: "email", value: "a@b.de" }, { addresses: [], email: "c@b.de" }, false],
    ["email domain", { kind: "email_domain", value: "b.de" }, { addresses: [], email_domain: "b.de" }, true],
    ["phone", { kind: "phone", value: "+4930123456" }, { addresses: [], phone: "+4930123456" }, true],
    ["customer", { kind: "customer", value: "cus_1" }, { addresses: [], customer_id: "cus_1" }, true],
    ["another customer", { kind: "customer", value: "cus_1" }, { addresses: [], customer_id: "cus_2" }, false],
    ["iban hash", { kind: "iban", value: "h1" }, { addresses: [], iban_hashes: ["h1"] }, true],
    ["card hash", { kind: "card", value: "h2" }, { addresses: [], card_hashes: ["h1", "h2"] }, true],
    ["ip", { kind: "ip", value: "203.0.113.7" }, { addresses: [], ip: "203.0.113.7" }, true],
    ["ip in range", { kind: "ip", value: "203.0.113.0/24" }, { addresses: [], ip: "203.0.113.99" }, true],
    ["ip outside range", { kind: "ip", value: "203.0.113.0/24" }, { addresses: [], ip: "203.0.114.1" }, false],
    ["ipv6 in range", { kind: "ip", value: "2001:db8::/32" }, { addresses: [], ip: "2001:db8::1" }, true],
  ])("should match by %s: %s", (_, overrides, subject, expected) => {
    const matches = matchEntries(subject, [entry({ ...overrides, first_name: null, last_name: null })], now)
    expect(matches.length > 0).toBe(expected)
  })

  it("should rank certain matches before possible ones", () => {
    const possible = entry({ id: "prnle_possible", first_name: "Heinz" })
    const certain = entry({ id: "prnle_certain" })
    const matches = matchEntries({ addresses: [at({ first_name: "H." }), listed] }, [possible, certain], now)
    expect(matches[0]).toMatchObject({ entry_id: "prnle_certain", certain: true })
  })
})

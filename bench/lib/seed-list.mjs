/**
 * Fills the negative list fast and realistically: German names and addresses spread over all
 * postcodes, emails, phones, hashed IBANs, IP ranges. Rows carry the lookup keys and search
 * text the plugin's own engine computes (the built `engine` entry), inserted in batches of
 * 5,000 with one `unnest` INSERT each.
 */
import { built, HASH_SECRET } from "./host.mjs"

/** The built engine, loaded once the plugin is built (`medusa plugin:build` in host.mjs). */
let engine
const engineApi = () => (engine ??= built("src/engine/index.js"))

const FIRST = ["Hans", "Peter", "Anna", "Maria", "Thomas", "Sabine", "Michael", "Petra", "Andreas", "Monika", "Stefan", "Claudia", "Jürgen", "Ursula", "Klaus", "Heike", "Frank", "Birgit", "Uwe", "Susanne", "Jörg", "Katrin", "Lukas", "Lena", "Jan", "Jana", "Felix", "Sophie", "Tobias", "Julia", "Özlem", "Mehmet", "Agnieszka", "Piotr", "José", "Chiara"]
const LAST = ["Müller", "Schmidt", "Schneider", "Fischer", "Weber", "Meyer", "Wagner", "Becker", "Schulz", "Hoffmann", "Schäfer", "Koch", "Bauer", "Richter", "Klein", "Wolf", "Schröder", "Neumann", "Schwarz", "Zimmermann", "Braun", "Krüger", "Hofmann", "Hartmann", "Lange", "Schmitt", "Werner", "Schmitz", "Krause", "Meier", "Lehmann", "Schmid", "Schulze", "Maier", "Köhler", "Herrmann", "König", "Walter", "Mayer", "Huber", "Kaiser", "Fuchs", "Peters", "Lang", "Scholz", "Möller", "Weiß", "Jung", "Hahn", "Vogel", "Yılmaz", "Kowalski", "García"]
const STREETS = ["Hauptstraße", "Schulstraße", "Gartenstraße", "Bahnhofstraße", "Dorfstraße", "Bergstraße", "Birkenweg", "Lindenstraße", "Kirchstraße", "Waldstraße", "Ringstraße", "Schillerstraße", "Goethestraße", "Mühlenweg", "Am Markt", "Friedrichstraße", "Industriestr.", "Parkallee", "Rosenweg", "Talstraße"]
const CITIES = ["Berlin", "Hamburg", "München", "Köln", "Frankfurt am Main", "Stuttgart", "Düsseldorf", "Leipzig", "Dortmund", "Essen", "Bremen", "Dresden", "Hannover", "Nürnberg", "Duisburg", "Bochum", "Wuppertal", "Bielefeld", "Bonn", "Münster", "Görlitz", "Fürth", "Lübeck", "Saarbrücken"]
const SOURCES = ["manual", "chargeback", "return_debit", "dunning", "cod_refused", "fraud_review", "import"]

/** Deterministic pseudo-random numbers (mulberry32), so every run seeds the same list. */
export function rng(seed) {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const pick = (r, list) => list[Math.floor(r() * list.length)]

/** A German-looking person at an address (postcode from all 5-digit codes). */
export function randomPerson(r) {
  return {
    first_name: pick(r, FIRST),
    last_name: pick(r, LAST),
    address_1: `${pick(r, STREETS)} ${1 + Math.floor(r() * 180)}`,
    postal_code: String(1067 + Math.floor(r() * 98000)).padStart(5, "0"),
    city: pick(r, CITIES),
    country_code: "de",
  }
}

function row(i, r) {
  const roll = r()
  const base = { id: `prnle_bench${String(i).padStart(8, "0")}`, reason: "Benchmark-Eintrag", source: pick(r, SOURCES) }
  let data
  if (roll < 0.6) data = { kind: "person", ...randomPerson(r) }
  else if (roll < 0.7) data = { kind: "address", ...randomPerson(r), first_name: null, last_name: null }
  else if (roll < 0.85) data = { kind: "email", value: `kunde${i}@${pick(r, ["gmx.de", "web.de", "t-online.de", "gmail.com", "example.org"])}` }
  else if (roll < 0.9) data = { kind: "phone", value: `+49${150 + Math.floor(r() * 30)}${String(Math.floor(r() * 1e8)).padStart(8, "0")}` }
  else if (roll < 0.95) {
    const last4 = String(Math.floor(r() * 1e4)).padStart(4, "0")
    data = { kind: "iban", value: engineApi().keyedHash(HASH_SECRET, "iban", `DE${i}${last4}`), display_hint: `DE …${last4}` }
  } else if (roll < 0.98) data = { kind: "ip", value: `${1 + Math.floor(r() * 220)}.${Math.floor(r() * 255)}.${Math.floor(r() * 255)}.0/24` }
  else data = { kind: "email_domain", value: `wegwerf${i}.example` }
  return { ...base, ...data }
}

const COLUMNS = ["id", "kind", "first_name", "last_name", "address_1", "postal_code", "city", "country_code", "value", "display_hint", "reason", "source", "lookup_keys", "search_text"]

/** Inserts rows from..to (exclusive); `extra` rows (known targets) go first. */
export async function seedList(client, from, to, extra = [], onProgress = () => {}) {
  const r = rng(from + 1)
  const all = [...extra]
  let inserted = 0
  const flush = async (rows) => {
    const arrays = COLUMNS.map(() => [])
    for (const entry of rows) {
      const keys = engineApi().entryKeys(entry)
      const values = {
        ...entry,
        lookup_keys: `{${keys.map((k) => `"${k.replace(/"/g, '\\"')}"`).join(",")}}`,
        search_text: engineApi().searchText(entry),
      }
      COLUMNS.forEach((column, c) => arrays[c].push(values[column] ?? null))
    }
    await client.query(
      `insert into payment_risk_negative_list_entry (${COLUMNS.join(", ")})
       select ${COLUMNS.map((c) => (c === "lookup_keys" ? `${c}::text[]` : c)).join(", ")}
       from unnest(${COLUMNS.map((_, i) => `$${i + 1}::text[]`).join(", ")}) as t(${COLUMNS.join(", ")})`,
      arrays
    )
    inserted += rows.length
    onProgress(inserted)
  }
  for (let i = from; i < to; i++) {
    all.push(row(i, r))
    if (all.length >= 5000) await flush(all.splice(0))
  }
  if (all.length) await flush(all.splice(0))
  return inserted
}

/** Drops the list's secondary indexes for a bulk load and recreates them (same definitions). */
export async function withoutIndexes(client, load) {
  const { rows } = await client.query(
    `select indexname, indexdef from pg_indexes where tablename = 'payment_risk_negative_list_entry' and indexname <> 'payment_risk_negative_list_entry_pkey'`
  )
  for (const { indexname } of rows) await client.query(`drop index "${indexname}"`)
  try {
    return await load()
  } finally {
    await client.query("set maintenance_work_mem = '512MB'")
    for (const { indexdef } of rows) await client.query(indexdef)
    await client.query("analyze payment_risk_negative_list_entry")
  }
}

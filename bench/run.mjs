#!/usr/bin/env node
/**
 * `npm run bench`: the plugin's routes against Medusa's own, in one run on one machine, on real
 * PostgreSQL and a production-mode Medusa (`medusa start`) with the built plugin.
 *   1. host store (bench/lib/host.mjs); the 9 default rules and the settings are asserted on
 *   2. 100,000 customers with 300,000 orders written into Medusa's tables (bench/lib/seed-shop.mjs)
 *   3. negative-list check at 1,000 / 100,000 / 1,000,000 entries (+ Medusa's GET /admin/users/me)
 *   4. store routes for a regular customer's cart: plugin GET /store/carts/:id/payment-providers
 *      vs Medusa's GET /store/carts/:id and GET /store/payment-providers
 *   3b. the same check in process (the handler's function, no HTTP/auth/JSON) at each size
 *   5. CSV import of 1,000,000 rows: rows/s, the server's memory, and a shopper's route meanwhile (bench/lib/import.mjs)
 *   6. cart completion with the plugin's check, then the same server restarted with
 *      PAYMENT_RISK_COMPLETE_CART_HOOK=off (bench/lib/checkout.mjs); before both, the import's
 *      rows are vacuumed and analysed and the server restarted, so both modes start alike
 *   7. the engine alone, in process, with the stored rules and settings (bench/lib/engine-alone.mjs)
 *   8. the merchant's figures (issue 17): order figures, replayable assessments, outcomes, claims
 *      and evaluated carts seeded with the shop (bench/lib/seed-figures.mjs), then the overview,
 *      a backtest and the threshold simulation over HTTP, between 4 and 5 (bench/lib/figures.mjs)
 * Writes bench/RESULTS.md and bench/results.json. Meant to stay under 20 minutes at full size on
 * 2 cores (the run's own duration is total_s in results.json).
 *
 * Env (defaults are the full size; smaller values for a quick run, e.g.
 * `BENCH_LARGE=20000 BENCH_CUSTOMERS=2000 BENCH_DURATION=2 BENCH_IMPORT_ROWS=10000 BENCH_COMPLETIONS=20 npm run bench`):
 *   BENCH_DURATION     seconds per route and mode (latency, then load)    default 10
 *   BENCH_CONNECTIONS  autocannon connections for the load part           default 4
 *   BENCH_LARGE        negative-list entries at the largest step          default 1000000
 *   BENCH_MID          entries at the middle step                         default BENCH_LARGE / 10
 *   BENCH_CUSTOMERS    customers (1 to 5 orders each, 3 on average)       default 100000
 *   BENCH_IMPORT_ROWS  rows of the timed CSV import                       default 1000000
 *   BENCH_IN_PROCESS   seconds of the in-process check per list size     default 5
 *   BENCH_COMPLETIONS  timed completions per mode (plus 10 warm-up ones)  default 100
 *   BENCH_PARTS        "figures": only the shop, its figures and their routes (printed, no report)
 *   BENCH_KEEP_DB      "1": keep the bench database after the run (its name is printed)
 */
import os from "node:os"
import { ADMIN, pgClient, pgConnection, startHost } from "./lib/host.mjs"
import { measure, sampleLatency } from "./lib/measure.mjs"
import { randomPerson, rng, seedList, withoutIndexes } from "./lib/seed-list.mjs"
import { addressOf, customerEmail, customerId, explainHistory, historyOf, regular, seedShop } from "./lib/seed-shop.mjs"
import { importCsv, serverProcess, timedImport } from "./lib/import.mjs"
import { importCost } from "./lib/import-cost.mjs"
import { readyCart, readyCarts, stockedVariant, timeCompletions } from "./lib/checkout.mjs"
import { engineAlone } from "./lib/engine-alone.mjs"
import { assessInProcess, checkInProcess } from "./lib/check-in-process.mjs"
import { assertDefaultRules } from "./lib/rules.mjs"
import { writeReport } from "./lib/report.mjs"
import { figureCounts, seedFigures } from "./lib/seed-figures.mjs"
import { measureFigures } from "./lib/figures.mjs"

const env = (name, fallback) => Number(process.env[name] || fallback)
const DURATION = env("BENCH_DURATION", 10)
const CONNECTIONS = env("BENCH_CONNECTIONS", 4)
const SMALL = 1000
const LARGE = env("BENCH_LARGE", 1_000_000)
const MID = env("BENCH_MID", Math.round(LARGE / 10))
const CUSTOMERS = env("BENCH_CUSTOMERS", 100_000)
const IMPORT_ROWS = env("BENCH_IMPORT_ROWS", 1_000_000)
const IN_PROCESS_SECONDS = env("BENCH_IN_PROCESS", 5)
const COMPLETIONS = env("BENCH_COMPLETIONS", 100)
const WARMUP_COMPLETIONS = 10
const PROVIDER = "pp_prepayment_manual"
const ONLY_FIGURES = process.env.BENCH_PARTS === "figures"
const t0 = Date.now()
if (!(SMALL < MID && MID < LARGE)) throw new Error(`need 1000 < BENCH_MID (${MID}) < BENCH_LARGE (${LARGE})`)
if (CUSTOMERS < 5 * (2 * (COMPLETIONS + WARMUP_COMPLETIONS) + 1)) throw new Error("BENCH_CUSTOMERS too small for BENCH_COMPLETIONS (one regular customer per cart)")

/** Latency one at a time (precise) and throughput under load (autocannon), same route. */
async function both(options) {
  const latency = await sampleLatency({ ...options, duration: DURATION })
  const load = await measure({ ...options, connections: CONNECTIONS, duration: DURATION })
  return { name: options.name, ...latency, load }
}
const log = (message) => console.log(`[bench ${((Date.now() - t0) / 1000).toFixed(0)} s] ${message}`)
const seconds = (since) => Number(((Date.now() - since) / 1000).toFixed(1))

/** Listed people the check must find, and the spelling variants customer service types in. */
const TARGETS = Array.from({ length: 20 }, (_, i) => ({
  id: `prnle_target${String(i).padStart(4, "0")}`,
  kind: "person",
  reason: "Rechnung offen",
  source: "dunning",
  ...randomPerson(rng(1000 + i)),
  last_name: ["Müller", "Meier", "Schmidt", "Weiß", "Schäfer"][i % 5],
}))
const variant = (t) => ({
  first_name: t.first_name,
  last_name: t.last_name.replace("ü", "ue").replace("ä", "ae").replace("ß", "ss").replace("Meier", "Meyer").replace("Schmidt", "Schmitt"),
  address_1: t.address_1.replace("straße", "str.").replace("Straße", "Str."),
  postal_code: t.postal_code,
  city: t.city,
  country_code: "de",
})

function checkRequests() {
  const r = rng(7)
  const hits = TARGETS.map(variant)
  const misses = Array.from({ length: 30 }, () => randomPerson(r))
  const extras = [{ email: "kunde123@gmx.de" }, { ip: "10.20.30.40" }, { iban: "DE89370400440532013000" }, { phone: "+49 151 12345678" }]
  return [...hits, ...misses, ...extras].map((body) => ({ method: "POST", path: "/admin/payment-risk/negative-list/check", body: JSON.stringify(body) }))
}

async function getJson(url, headers) {
  const res = await fetch(url, { headers })
  if (!res.ok) throw new Error(`GET ${url} answered ${res.status}: ${(await res.text()).slice(0, 300)}`)
  return res.json()
}

async function adminToken(baseUrl) {
  const res = await fetch(`${baseUrl}/auth/user/emailpass`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(ADMIN) })
  return (await res.json()).token
}

async function explainCheck(client) {
  const keys = ["pc:de:10115:5", "st:de:12:0827:5", "em:kunde123@gmx.de", "ip:10.20.30.40", "ip4:10"]
  const { rows } = await client.query(
    `explain (analyze, buffers, format text) select id from payment_risk_negative_list_entry
     where lookup_keys && $1::text[] and deleted_at is null and (expires_at is null or expires_at > now()) limit 200`,
    [keys]
  )
  return rows.map((row) => row["QUERY PLAN"]).join("\n")
}

/** Grows the list to `to` entries (indexes rebuilt after the load) and measures the check there. */
async function growAndCheck(db, host, admin, from, to, requests) {
  log(`growing the list to ${to} entries`)
  const started = Date.now()
  await withoutIndexes(db, () => seedList(db, from, to, [], (n) => n % 100000 === 0 && log(`  ${n} rows`)))
  const load = { rows: to - from, seconds: seconds(started) }
  const entries = (await db.query("select count(*)::int as n from payment_risk_negative_list_entry")).rows[0].n
  log(`measuring the check at ${entries} entries`)
  const run = await both({ name: `check @ ${entries.toLocaleString("en")}`, url: host.baseUrl, headers: admin, requests })
  return { run: { ...run, entries, in_process: await inProcess(host, requests, entries) }, load }
}

/** What a check body is, for the in-process figures per kind (checkRequests' order: hits, misses, extras). */
function kindOfCheck(body, index) {
  if (index < TARGETS.length) return "listed person, spelling variant"
  if (body.last_name) return "unlisted person"
  return ["email", "ip", "iban", "phone"].find((key) => body[key]) ?? "other"
}

/** The check's handler function timed in process at the current list size (every variant must be found). */
async function inProcess(host, requests, entries) {
  log(`timing the check in process at ${entries} entries`)
  const result = await checkInProcess(host, requests, IN_PROCESS_SECONDS, kindOfCheck)
  if (result.calls_with_matches < Math.floor((result.samples * TARGETS.length) / requests.length) - 1) {
    throw new Error(`in-process check found too few listed people: ${JSON.stringify(result)}`)
  }
  return result
}

/** Completes `count` regular customers' carts (customers from `firstRegular` on), timed one at a time. */
async function completions(host, db, variantId, firstRegular, label) {
  const total = COMPLETIONS + WARMUP_COMPLETIONS
  log(`preparing ${total} carts for completion (${label})`)
  const carts = await readyCarts(total, (k) => {
    const i = regular(firstRegular + k)
    // the customer's own address (that of her paid orders): each cart its own house
    return readyCart(host, db, { variantId, email: customerEmail(i), customerId: customerId(i), providerId: PROVIDER, address: addressOf(i) })
  })
  log(`completing ${total} carts one at a time (${label}, first ${WARMUP_COMPLETIONS} not counted)`)
  const timing = await timeCompletions(host, carts, WARMUP_COMPLETIONS)
  const assessed = (await db.query("select count(distinct cart_id)::int as n from payment_risk_assessment where cart_id = any($1)", [carts])).rows[0].n
  return { ...timing, carts: total, assessed }
}

async function main() {
  const { conn, stop: stopPg } = await pgConnection()
  const host = await startHost(conn, log)
  const db = await pgClient(conn, host.database)
  const results = {
    date: new Date().toISOString(),
    duration_s: DURATION,
    connections: CONNECTIONS,
    sizes: { small: SMALL, mid: MID, large: LARGE, customers: CUSTOMERS, import_rows: IMPORT_ROWS, completions: COMPLETIONS, in_process_s: IN_PROCESS_SECONDS },
    runs: {},
    load_avg_at_start: os.loadavg().map((n) => Number(n.toFixed(2))),
  }
  try {
    results.postgres = (await db.query("show server_version")).rows[0].server_version
    const token = await adminToken(host.baseUrl)
    const admin = { authorization: `Bearer ${token}`, "content-type": "application/json" }
    const requests = checkRequests()

    // the store as the plugin runs it: default rules seeded and on, list and rules switched on
    const { settings } = await getJson(`${host.baseUrl}/admin/payment-risk/settings`, admin)
    const { rules } = await getJson(`${host.baseUrl}/admin/payment-risk/rules?limit=100`, admin)
    results.setup = assertDefaultRules(settings, rules)
    log(`default rules on: ${results.setup.enabled_rules} of ${results.setup.rules} enabled`)

    log(`seeding ${CUSTOMERS} customers with their orders`)
    let started = Date.now()
    results.shop = { ...(await seedShop(db, { customers: CUSTOMERS, regionId: host.regionId })), seconds: seconds(started) }
    const shopper = regular(0)
    const paid = await historyOf(db, shopper)
    if (paid.length !== 3 || paid.some((o) => Number(o.captured_amount) !== Number(o.amount))) throw new Error(`shopper history is not three paid orders: ${JSON.stringify(paid)}`)
    log(`  ${results.shop.orders} orders in ${results.shop.seconds} s`)
    log("seeding the figures: order figures, replayable assessments, outcomes, claims, evaluated carts")
    started = Date.now()
    results.figures_seed = { ...(await seedFigures(db, { settings, storedRules: rules })), seconds: seconds(started) }
    results.figures_seed.counts = await figureCounts(db)
    log(`  ${JSON.stringify(results.figures_seed)}`)
    const figures = () => measureFigures({ baseUrl: host.baseUrl, headers: admin, db, storedRules: rules, settings, log })
    if (ONLY_FIGURES) {
      results.figures = await figures()
      console.log(JSON.stringify(results.figures, null, 2))
      return
    }

    // sanity: the hits are found, so the benchmark measures real matching work
    await seedList(db, 0, SMALL - TARGETS.length, TARGETS)
    await db.query("analyze payment_risk_negative_list_entry")
    const probe = await (await fetch(`${host.baseUrl}/admin/payment-risk/negative-list/check`, { method: "POST", headers: admin, body: requests[0].body })).json()
    if (!probe.matches?.some((m) => m.entry.id === TARGETS[0].id)) throw new Error(`check does not find the target: ${JSON.stringify(probe)}`)

    log("measuring Medusa's admin reference route")
    results.runs.admin_me = await both({ name: "Medusa GET /admin/users/me", url: `${host.baseUrl}/admin/users/me`, headers: admin })
    log(`measuring the check at ${SMALL} entries`)
    results.runs.check_1k = { ...(await both({ name: `check @ ${SMALL.toLocaleString("en")}`, url: host.baseUrl, headers: admin, requests })), entries: SMALL }
    results.runs.check_1k.in_process = await inProcess(host, requests, SMALL)
    const mid = await growAndCheck(db, host, admin, SMALL, MID, requests)
    results.runs.check_mid = mid.run
    const large = await growAndCheck(db, host, admin, MID, LARGE, requests)
    results.runs.check_large = large.run
    results.load = { rows: mid.load.rows + large.load.rows, seconds: Number((mid.load.seconds + large.load.seconds).toFixed(1)) }
    results.explain = await explainCheck(db)

    log("measuring store routes (plugin vs Medusa) for a regular customer's cart")
    const variantId = await stockedVariant(host)
    const cartId = await readyCart(host, db, { variantId, email: customerEmail(shopper), customerId: customerId(shopper), address: addressOf(shopper) })
    const store = { "x-publishable-api-key": host.publishableKey }
    const decision = await getJson(`${host.baseUrl}/store/carts/${cartId}/payment-providers`, store)
    // a known customer keeps invoice (a new one would lose it): the history was found
    if (!decision.payment_providers.some((p) => p.id === "pp_invoice_manual")) throw new Error(`regular customer lost invoice: ${JSON.stringify(decision)}`)
    results.explain_history = await explainHistory(db, shopper)
    results.runs.store_cart = await both({ name: "Medusa GET /store/carts/:id", url: `${host.baseUrl}/store/carts/${cartId}`, headers: store })
    results.runs.store_providers = await both({ name: "Medusa GET /store/payment-providers", url: `${host.baseUrl}/store/payment-providers?region_id=${host.regionId}`, headers: store })
    results.runs.plugin_providers = await both({ name: "plugin GET /store/carts/:id/payment-providers", url: `${host.baseUrl}/store/carts/${cartId}/payment-providers`, headers: store })
    log("timing the store route's decision (assessCart) in process")
    results.runs.plugin_providers.in_process = await assessInProcess(host, cartId, IN_PROCESS_SECONDS)

    log(`CSV import of ${IMPORT_ROWS} rows`)
    const pid = serverProcess(host.serverPid())
    const warm = await timedImport({ baseUrl: host.baseUrl, headers: admin, csv: importCsv(2000, 3), rows: 2000, pid, settleMs: 0 })
    // a shopper on the payment step meanwhile: the plugin's store route, one request at a time
    const shopperDuringImport = (done) =>
      sampleLatency({ url: `${host.baseUrl}/store/carts/${cartId}/payment-providers`, headers: store, warmup: 0, until: done })
    const imported = await timedImport({ baseUrl: host.baseUrl, headers: admin, csv: importCsv(IMPORT_ROWS, 5), rows: IMPORT_ROWS, pid, during: shopperDuringImport })
    for (const run of [warm, imported]) {
      // every row stored: new, or equal to one already listed (random phones and IPs repeat now and then)
      if (run.status !== 200 || run.imported + run.updated !== run.rows || run.updated > run.rows / 10000 || run.rejected_count !== 0) {
        throw new Error(`import did not take every row: ${JSON.stringify(run)}`)
      }
    }
    results.import = { warmup: warm, run: imported }
    results.import_cost = await importCost({ csv: importCsv(Math.min(IMPORT_ROWS, 20000), 9), rows: Math.min(IMPORT_ROWS, 20000), databaseUrl: host.databaseUrl, serverRowsPerSecond: imported.rows_per_s })
    log(`  ${imported.rows_per_s} rows/s, RSS ${imported.memory.rss_before_mib} → peak ${Math.max(imported.memory.rss_peak_first_half_mib, imported.memory.rss_peak_second_half_mib)} MiB`)

    // both completion modes start alike: the import's rows vacuumed and analysed (autovacuum would
    // otherwise work through them during the first mode only), then a freshly started server each
    log("vacuum and analyze after the import, then a fresh server for the completions")
    started = Date.now()
    await db.query("vacuum (analyze) payment_risk_negative_list_entry, payment_risk_negative_list_audit")
    results.completion = { vacuum_s: seconds(started) }
    await host.restart({})
    results.completion.with_check = await completions(host, db, variantId, 1, "with the plugin's check")
    log("restarting the server with PAYMENT_RISK_COMPLETE_CART_HOOK=off")
    started = Date.now()
    await host.restart({ PAYMENT_RISK_COMPLETE_CART_HOOK: "off" })
    results.completion.restart_s = seconds(started)
    results.completion.without_check = await completions(host, db, variantId, 1 + COMPLETIONS + WARMUP_COMPLETIONS, "without the plugin's check")
    // the switch did what it says: an assessment per cart with the hook, none without
    const { with_check: on, without_check: off } = results.completion
    if (on.assessed !== on.carts || off.assessed !== 0) throw new Error(`completion hook on/off not as expected: ${JSON.stringify(results.completion)}`)

    // after the import and the completions: the backtest's and simulation's heap would otherwise be
    // the import's starting point (its memory figures are relative to it)
    log("measuring the figures (overview, backtest, threshold simulation)")
    results.figures = await figures()

    // last: the synchronous loop blocks this process's event loop (idle keep-alive sockets would go stale)
    log("engine alone")
    results.engine = engineAlone({
      settings,
      storedRules: rules,
      address: variant(TARGETS[0]),
      listed: { id: TARGETS[0].id, entry: { ...TARGETS[0] }, variant: variant(TARGETS[0]) },
    })
  } finally {
    await db.end().catch(() => {})
    await host.stop().catch((e) => console.error(e))
    await stopPg().catch(() => {})
  }
  results.machine = {
    cpu: os.cpus()[0]?.model,
    cores: os.cpus().length,
    memory_gb: Math.round(os.totalmem() / 2 ** 30),
    node: process.version,
    os: `${os.type()} ${os.release()}`,
    load_avg_at_end: os.loadavg().map((n) => Number(n.toFixed(2))),
  }
  results.total_s = Number(((Date.now() - t0) / 1000).toFixed(0))
  if (ONLY_FIGURES) return log(`figures only: done in ${results.total_s} s (no report written)`)
  writeReport(results)
  log("written bench/RESULTS.md and bench/results.json")
}

main().catch((error) => {
  console.error(error)
  process.exit(1)
})

#!/usr/bin/env node
/**
 * `npm run bench`: the negative-list check and the plugin's store route against Medusa's own
 * routes, in one run on one machine, on real PostgreSQL and a production-mode Medusa.
 *   1. host store with the built plugin (bench/lib/host.mjs), 1,000 list entries → measure
 *   2. the list grown to 1,000,000 entries → measure again, plus Medusa's and the plugin's store routes
 *   3. the engine alone, in process
 * Writes bench/RESULTS.md and bench/results.json. Env: BENCH_DURATION (s per route, default 10),
 * BENCH_CONNECTIONS (autocannon connections for the throughput part, default 4), BENCH_LARGE (default 1000000).
 */
import fs from "node:fs"
import os from "node:os"
import path from "node:path"
import { createRequire } from "node:module"
import { ADMIN, pgClient, pgConnection, REPO, startHost } from "./lib/host.mjs"
import { measure, sampleLatency, timeInProcess } from "./lib/measure.mjs"
import { randomPerson, rng, seedList, withoutIndexes } from "./lib/seed-list.mjs"
import { writeReport } from "./lib/report.mjs"

const require = createRequire(import.meta.url)
const DURATION = Number(process.env.BENCH_DURATION || 10)
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS || 4)
const SMALL = 1000
const LARGE = Number(process.env.BENCH_LARGE || 1_000_000)
const t0 = Date.now()
/** Latency one at a time (precise) and throughput under load (autocannon), same route. */
async function both(options) {
  const latency = await sampleLatency({ ...options, duration: DURATION })
  const load = await measure({ ...options, connections: CONNECTIONS, duration: DURATION })
  return { name: options.name, ...latency, load }
}
const log = (message) => console.log(`[bench ${((Date.now() - t0) / 1000).toFixed(0)} s] ${message}`)

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

async function adminToken(baseUrl) {
  const res = await fetch(`${baseUrl}/auth/user/emailpass`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(ADMIN) })
  return (await res.json()).token
}

async function storeCart(host) {
  const headers = { "content-type": "application/json", "x-publishable-api-key": host.publishableKey }
  const products = await (await fetch(`${host.baseUrl}/store/products?fields=*variants&region_id=${host.regionId}`, { headers })).json()
  const variant = products.products.flatMap((p) => p.variants)[0]
  const address = { first_name: "Eva", last_name: "Schulz", address_1: "Ringstraße 9", postal_code: "80331", city: "München", country_code: "de" }
  const res = await fetch(`${host.baseUrl}/store/carts`, {
    method: "POST",
    headers,
    body: JSON.stringify({ region_id: host.regionId, email: "eva.schulz@example.com", items: [{ variant_id: variant.id, quantity: 1 }], billing_address: address, shipping_address: address }),
  })
  return (await res.json()).cart.id
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

function engineAlone() {
  const engine = require(path.join(REPO, ".medusa", "server", "src", "engine", "index.js"))
  const providers = [
    { id: "pp_prepayment_manual", risk_class: "prepayment" },
    { id: "pp_cash-on-delivery_manual", risk_class: "cash_on_delivery" },
    { id: "pp_invoice_manual", risk_class: "invoice" },
    { id: "pp_stripe_stripe", risk_class: "card" },
  ]
  const history = { orders: [{ id: "o1", status: "completed", total: 100, captured_amount: 100, refunded_amount: 0 }] }
  const cart = (i) => ({ id: `cart_${i}`, currency_code: "eur", total: 50 + (i % 500), items: [{ quantity: 1, unit_price: 50 }], email: `k${i}@example.com`, providers })
  const matches = [{ entry_id: "e1", kind: "person", score: 0.95, certain: true, matched_on: ["last_name"] }]
  const decide = timeInProcess((i) => engine.decide({ cart: cart(i), history, settings: engine.DEFAULT_SETTINGS, negative_list_matches: i % 10 ? [] : matches }))
  const subject = engine.normaliseSubject({ addresses: [variant(TARGETS[0])], email: "a@b.de" }, "x".repeat(20))
  const candidates = [TARGETS[0], TARGETS[1], { ...TARGETS[2], id: "x" }].map((t) => ({ ...t }))
  const match = timeInProcess(() => engine.matchEntries(subject, candidates))
  return { decide_us: decide, match_3_candidates_us: match }
}

async function main() {
  const { conn, stop: stopPg } = await pgConnection()
  const host = await startHost(conn, log)
  const db = await pgClient(conn, host.database)
  const results = { date: new Date().toISOString(), duration_s: DURATION, connections: CONNECTIONS, runs: {} }
  try {
    results.postgres = (await db.query("show server_version")).rows[0].server_version
    const token = await adminToken(host.baseUrl)
    const admin = { authorization: `Bearer ${token}`, "content-type": "application/json" }
    const requests = checkRequests()

    // sanity: the hits are found, so the benchmark measures real matching work
    await seedList(db, 0, SMALL - TARGETS.length, TARGETS)
    await db.query("analyze payment_risk_negative_list_entry")
    const probe = await (await fetch(`${host.baseUrl}/admin/payment-risk/negative-list/check`, { method: "POST", headers: admin, body: requests[0].body })).json()
    if (!probe.matches?.some((m) => m.entry.id === TARGETS[0].id)) throw new Error(`check does not find the target: ${JSON.stringify(probe)}`)

    log("measuring Medusa's admin reference route")
    results.runs.admin_me = await both({ name: "Medusa GET /admin/users/me", url: `${host.baseUrl}/admin/users/me`, headers: admin })

    log(`measuring the check at ${SMALL} entries`)
    results.runs.check_1k = await both({ name: `check @ ${SMALL}`, url: host.baseUrl, headers: admin, requests })

    log(`growing the list to ${LARGE} entries`)
    const loadStart = Date.now()
    await withoutIndexes(db, () => seedList(db, SMALL, LARGE, [], (n) => n % 100000 === 0 && log(`  ${n} rows`)))
    results.load = { rows: LARGE - SMALL, seconds: Number(((Date.now() - loadStart) / 1000).toFixed(1)) }
    const count = (await db.query("select count(*)::int as n from payment_risk_negative_list_entry")).rows[0].n
    results.entries_large = count

    log(`measuring the check at ${count} entries`)
    results.runs.check_1m = await both({ name: `check @ ${count}`, url: host.baseUrl, headers: admin, requests })
    results.explain = await explainCheck(db)

    log("measuring store routes (plugin vs Medusa)")
    const cartId = await storeCart(host)
    const store = { "x-publishable-api-key": host.publishableKey }
    results.runs.store_cart = await both({ name: "Medusa GET /store/carts/:id", url: `${host.baseUrl}/store/carts/${cartId}`, headers: store })
    results.runs.store_providers = await both({ name: "Medusa GET /store/payment-providers", url: `${host.baseUrl}/store/payment-providers?region_id=${host.regionId}`, headers: store })
    results.runs.plugin_providers = await both({ name: "plugin GET /store/carts/:id/payment-providers", url: `${host.baseUrl}/store/carts/${cartId}/payment-providers`, headers: store })

    log("engine alone")
    results.engine = engineAlone()
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
  }
  results.total_s = Number(((Date.now() - t0) / 1000).toFixed(0))
  writeReport(results)
  log("written bench/RESULTS.md and bench/results.json")
}

main().catch((error) => {
  console.error(error)
  process.exit(1)
})

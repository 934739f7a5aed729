/**
 * The plugin's own work timed in process, with the container of a booted Medusa app and without
 * HTTP, authentication or JSON. Runs as `medusa exec` in the host app: its own process on the
 * same database and built plugin as the server.
 *   - the negative-list check: `checkNegativeList`, the function the route's handler calls
 *     (normalise, hash, candidate query, matching), per kind of request body too;
 *   - the store route's decision: `assessCart`, what `GET /store/carts/:id/payment-providers`
 *     runs before it answers (cart, history, rules' facts, list, probing and signal writes, engine).
 */
import fs from "node:fs"
import path from "node:path"

const SCRIPT = `
const fs = require("fs")

/** the route's mapping of its body to the subject (src/api/admin/payment-risk/negative-list/check/route.ts) */
const subjectOf = (body) => ({
  addresses: [body], email: body.email, phone: body.phone, iban: body.iban,
  card_number: body.card_number, card_fingerprint: body.card_fingerprint, ip: body.ip, customer_id: body.customer_id,
})

const stats = (samples) => {
  const sorted = [...samples].sort((a, b) => a - b)
  const q = (p) => Number(sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))].toFixed(3))
  const avg = sorted.reduce((a, b) => a + b, 0) / sorted.length
  return { samples: sorted.length, p50_ms: q(0.5), p99_ms: q(0.99), avg_ms: Number(avg.toFixed(3)), max_ms: q(1) }
}

/** calls \`fn(i)\` one at a time: 200 warm-up calls, then for \`seconds\`; returns [{ ms, i, result }] */
async function timed(fn, seconds) {
  for (let i = 0; i < 200; i++) await fn(i)
  const calls = []
  const end = Date.now() + seconds * 1000
  for (let i = 0; Date.now() < end; i++) {
    const started = process.hrtime.bigint()
    const result = await fn(i)
    calls.push({ ms: Number(process.hrtime.bigint() - started) / 1e6, i, result })
  }
  return calls
}

async function inProcess({ container }) {
  const seconds = Number(process.env.BENCH_SECONDS || 5)
  if (process.env.BENCH_MODE === "assess") {
    const { assessCart } = require("medusa-payment-risk/risk/assess-cart")
    const cartId = process.env.BENCH_CART_ID
    const calls = await timed(() => assessCart(container, cartId, { ip: "127.0.0.1", authenticatedCustomerId: null }), seconds)
    const fallbacks = calls.filter((call) => call.result.decision.fallback).length
    console.log("BENCH_IN_PROCESS=" + JSON.stringify({ ...stats(calls.map((c) => c.ms)), fallbacks }))
    return
  }
  const { checkNegativeList } = require("medusa-payment-risk/risk/negative-list/check-negative-list")
  const bodies = JSON.parse(fs.readFileSync(process.env.BENCH_CHECK_BODIES, "utf8"))
  const calls = await timed((i) => checkNegativeList(container, subjectOf(bodies[i % bodies.length].body)), seconds)
  const byKind = {}
  for (const call of calls) (byKind[bodies[call.i % bodies.length].kind] ??= []).push(call.ms)
  console.log("BENCH_IN_PROCESS=" + JSON.stringify({
    ...stats(calls.map((c) => c.ms)),
    calls_with_matches: calls.filter((c) => c.result.matches.length).length,
    by_kind: Object.fromEntries(Object.entries(byKind).map(([kind, ms]) => [kind, stats(ms)])),
  }))
}
// medusa exec takes the module's \`default\` (required or imported)
module.exports = { default: inProcess }
`

async function run(host, env) {
  const script = path.join(host.dir, "bench-in-process.js")
  fs.writeFileSync(script, SCRIPT)
  const { code, output } = await host.exec(script, env)
  const line = /BENCH_IN_PROCESS=(\{.*\})/.exec(output)?.[1]
  if (code !== 0 || !line) throw new Error(`in-process timing failed (exit ${code}):\n${output.split("\n").slice(-30).join("\n")}`)
  return JSON.parse(line)
}

/**
 * p50/p99 of `checkNegativeList` over the bench's check bodies, one call at a time for
 * `seconds`, overall and per kind of body (`kindOf(body, index)`).
 */
export async function checkInProcess(host, requests, seconds, kindOf) {
  const bodies = path.join(host.dir, "bench-check-bodies.json")
  fs.writeFileSync(bodies, JSON.stringify(requests.map((request, index) => {
    const body = JSON.parse(request.body)
    return { kind: kindOf(body, index), body }
  })))
  return await run(host, { BENCH_MODE: "check", BENCH_CHECK_BODIES: bodies, BENCH_SECONDS: String(seconds) })
}

/** p50/p99 of `assessCart` for the cart, one call at a time for `seconds` (every decision must be a full one). */
export async function assessInProcess(host, cartId, seconds) {
  const result = await run(host, { BENCH_MODE: "assess", BENCH_CART_ID: cartId, BENCH_SECONDS: String(seconds) })
  if (result.fallbacks) throw new Error(`assessCart fell back in ${result.fallbacks} of ${result.samples} calls`)
  return result
}

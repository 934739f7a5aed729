/**
 * The negative-list check timed in process: the function the route handler calls
 * (`checkNegativeList`, built code) with the container of a booted Medusa app, without HTTP,
 * authentication or JSON — the plugin's own cost (normalise, hash, candidate query, matching,
 * the matched entries' actions). Runs as `medusa exec` in the host app: its own process on the
 * same database and built plugin as the server.
 */
import fs from "node:fs"
import path from "node:path"

const SCRIPT = `
const { checkNegativeList } = require("medusa-payment-risk/risk/negative-list/check-negative-list")

/** the route's mapping of its body to the subject (src/api/admin/payment-risk/negative-list/check/route.ts) */
const subjectOf = (body) => ({
  addresses: [body], email: body.email, phone: body.phone, iban: body.iban,
  card_number: body.card_number, card_fingerprint: body.card_fingerprint, ip: body.ip, customer_id: body.customer_id,
})

async function inProcessCheck({ container }) {
  const bodies = JSON.parse(require("fs").readFileSync(process.env.BENCH_CHECK_BODIES, "utf8"))
  const seconds = Number(process.env.BENCH_CHECK_SECONDS || 5)
  const once = async (body) => {
    const started = process.hrtime.bigint()
    const result = await checkNegativeList(container, subjectOf(body))
    return { ms: Number(process.hrtime.bigint() - started) / 1e6, matches: result.matches.length }
  }
  for (let i = 0; i < 200; i++) await once(bodies[i % bodies.length])
  const samples = []
  let hits = 0
  const end = Date.now() + seconds * 1000
  for (let i = 0; Date.now() < end; i++) {
    const { ms, matches } = await once(bodies[i % bodies.length])
    samples.push(ms)
    if (matches) hits++
  }
  samples.sort((a, b) => a - b)
  const q = (p) => Number(samples[Math.min(samples.length - 1, Math.floor(p * samples.length))].toFixed(3))
  const avg = samples.reduce((a, b) => a + b, 0) / samples.length
  console.log("BENCH_IN_PROCESS=" + JSON.stringify({ samples: samples.length, calls_with_matches: hits, p50_ms: q(0.5), p99_ms: q(0.99), avg_ms: Number(avg.toFixed(3)), max_ms: q(1) }))
}
// medusa exec takes the module's \`default\` (required or imported)
module.exports = { default: inProcessCheck }
`

/** p50/p99 of `checkNegativeList` over the bench's check bodies, one call at a time for `seconds`. */
export async function checkInProcess(host, requests, seconds) {
  const script = path.join(host.dir, "bench-check-in-process.js")
  const bodies = path.join(host.dir, "bench-check-bodies.json")
  fs.writeFileSync(script, SCRIPT)
  fs.writeFileSync(bodies, JSON.stringify(requests.map((request) => JSON.parse(request.body))))
  const { code, output } = await host.exec(script, { BENCH_CHECK_BODIES: bodies, BENCH_CHECK_SECONDS: String(seconds) })
  const line = /BENCH_IN_PROCESS=(\{.*\})/.exec(output)?.[1]
  if (code !== 0 || !line) throw new Error(`in-process check failed (exit ${code}):\n${output.split("\n").slice(-30).join("\n")}`)
  return JSON.parse(line)
}

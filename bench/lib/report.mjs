import fs from "node:fs"
import path from "node:path"

const DIR = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..")
const ratio = (a, b) => (b ? Number((a / b).toFixed(2)) : null)

function table(runs) {
  const lines = [
    "| route | p50 ms | p99 ms | avg ms | samples | req/s under load | p50 / p99 ms under load | non-2xx | errors |",
    "|---|---:|---:|---:|---:|---:|---:|---:|---:|",
  ]
  for (const r of runs) {
    lines.push(`| ${r.name} | ${r.p50_ms} | ${r.p99_ms} | ${r.avg_ms} | ${r.samples} | ${r.load.rps} | ${r.load.p50_ms} / ${r.load.p99_ms} | ${r.non_2xx + r.load.non_2xx} | ${r.load.errors} |`)
  }
  return lines.join("\n")
}

/** bench/RESULTS.md (human) and bench/results.json (machine) from one run's results. */
export function writeReport(results) {
  const { runs, engine } = results
  const targets = [
    ["check p99 at 1M entries < 10 ms", runs.check_1m.p99_ms, runs.check_1m.p99_ms < 10],
    ["check p99 at 1M ≤ 1.3 × p99 at 1k (no scans)", ratio(runs.check_1m.p99_ms, runs.check_1k.p99_ms), runs.check_1m.p99_ms <= 1.3 * runs.check_1k.p99_ms],
    ["plugin payment-providers p99 ≤ 1.5 × Medusa GET /store/carts/:id p99", ratio(runs.plugin_providers.p99_ms, runs.store_cart.p99_ms), runs.plugin_providers.p99_ms <= 1.5 * runs.store_cart.p99_ms],
    ["engine alone < 0.2 ms per decision", `${engine.decide_us} µs`, engine.decide_us < 200],
    ["no errors or non-2xx answers", Object.values(runs).reduce((n, r) => n + r.non_2xx + r.load.non_2xx + r.load.errors, 0), Object.values(runs).every((r) => !r.non_2xx && !r.load.non_2xx && !r.load.errors)],
  ]
  results.ratios = {
    check_1m_vs_admin_me_p99: ratio(runs.check_1m.p99_ms, runs.admin_me.p99_ms),
    check_1m_vs_1k_p50: ratio(runs.check_1m.p50_ms, runs.check_1k.p50_ms),
    check_1m_vs_1k_p99: ratio(runs.check_1m.p99_ms, runs.check_1k.p99_ms),
    plugin_providers_vs_store_cart_p50: ratio(runs.plugin_providers.p50_ms, runs.store_cart.p50_ms),
    plugin_providers_vs_store_cart_p99: ratio(runs.plugin_providers.p99_ms, runs.store_cart.p99_ms),
  }
  results.targets = targets.map(([target, value, met]) => ({ target, value, met }))
  fs.writeFileSync(path.join(DIR, "results.json"), JSON.stringify(results, null, 2) + "\n")

  const m = results.machine
  const md = `# Benchmark results

Run ${results.date} with \`npm run bench\` (${results.total_s} s in all). Machine: ${m.cpu}, ${m.cores} cores,
${m.memory_gb} GiB RAM, ${m.os}, Node ${m.node}, PostgreSQL ${results.postgres}. Medusa 2.21.2 in
production mode (\`medusa start\`, NODE_ENV=production) with the built plugin, all on the same
machine over loopback. Per route: **latency** of one request at a time for ${results.duration_s} s (what one
shopper waits; timed with hrtime, keep-alive), then **throughput** with autocannon,
${results.connections} connections for ${results.duration_s} s after a 3 s warm-up (autocannon's latencies are whole
milliseconds). Latencies include HTTP, auth, JSON and the database.

## Negative-list check (\`POST /admin/payment-risk/negative-list/check\`)

Bodies cycle through 20 spelling variants of listed people (Mueller for Müller, Meyer for Meier,
Str. for Straße …, each must be found), 30 random unlisted people, an email, an IP, an IBAN and
a phone.

${table([runs.admin_me, runs.check_1k, runs.check_1m])}

\`GET /admin/users/me\` is Medusa's own admin route with the same authentication, as the floor
of what any admin request costs here.

At ${results.entries_large.toLocaleString("en")} entries the p50 is ${results.ratios.check_1m_vs_1k_p50}× and the p99
${results.ratios.check_1m_vs_1k_p99}× the figure at 1,000. Loading ${results.load.rows.toLocaleString("en")} rows (keys
computed by the plugin's engine, indexes rebuilt afterwards) took ${results.load.seconds} s.

Plan of the candidate query at ${results.entries_large.toLocaleString("en")} entries:

\`\`\`
${results.explain}
\`\`\`

## Store routes at ${results.entries_large.toLocaleString("en")} entries: plugin vs Medusa

The plugin's route loads the cart, the order history, the provider classes and the
negative-list candidates, then decides; Medusa's routes are the references measured in the same run.

${table([runs.store_cart, runs.store_providers, runs.plugin_providers])}

plugin / Medusa \`GET /store/carts/:id\`: p50 ${results.ratios.plugin_providers_vs_store_cart_p50}×, p99 ${results.ratios.plugin_providers_vs_store_cart_p99}×.

## Engine alone (in process, built code)

| what | per call |
|---|---:|
| \`decide\` (4 providers, one paid order, every 10th cart with a list match) | ${engine.decide_us} µs |
| \`matchEntries\` of one cart against 3 candidates | ${engine.match_3_candidates_us} µs |

## Targets

| target | measured | met |
|---|---|---|
${results.targets.map((t) => `| ${t.target} | ${t.value} | ${t.met ? "yes" : "**no**"} |`).join("\n")}
`
  fs.writeFileSync(path.join(DIR, "RESULTS.md"), md)
}

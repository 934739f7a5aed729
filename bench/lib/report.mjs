import fs from "node:fs"
import path from "node:path"
import { explainNotes, missNotes } from "./explain-misses.mjs"
import { importCostTable } from "./import-cost.mjs"

const DIR = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..")
const ratio = (a, b) => (b ? Number((a / b).toFixed(2)) : null)
const n = (value) => Number(value).toLocaleString("en")

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

/**
 * Flat memory: nothing is kept per row — RSS some seconds after the import is within 64 MiB of the start —
 * and the working set during the import stays bounded (peak ≤ 256 MiB over the start; the
 * collector lets the heap grow before a full collection, so the peak alone says little).
 */
export function memoryVerdict(memory) {
  const peak = Math.max(memory.rss_peak_first_half_mib, memory.rss_peak_second_half_mib)
  const kept = memory.rss_settled_mib - memory.rss_before_mib
  const growth = peak - memory.rss_before_mib
  return { kept_mib: kept, growth_mib: growth, flat: kept <= 64 && growth <= 256 }
}

/** The targets of issue 18, each with the measured value and whether it is met. */
function targetsOf(results) {
  const { runs, engine, completion } = results
  const imp = results.import.run
  const memory = memoryVerdict(imp.memory)
  const large = runs.check_large
  const small = runs.check_1k
  const during = imp.during
  const runsWithErrors =
    Object.values(runs).reduce((sum, r) => sum + r.non_2xx + r.load.non_2xx + r.load.errors, 0) + (during?.non_2xx ?? 0)
  const completionP50 = ratio(completion.with_check.p50_ms, completion.without_check.p50_ms)
  const completionP99 = ratio(completion.with_check.p99_ms, completion.without_check.p99_ms)
  return [
    { key: "providers_vs_cart", target: "plugin payment-providers p99 ≤ 0.5 × Medusa GET /store/carts/:id p99", value: `${ratio(runs.plugin_providers.p99_ms, runs.store_cart.p99_ms)}× (${runs.plugin_providers.p99_ms} vs ${runs.store_cart.p99_ms} ms)`, met: runs.plugin_providers.p99_ms <= 0.5 * runs.store_cart.p99_ms },
    { key: "providers_vs_providers", target: "plugin payment-providers p50 ≤ 3 × Medusa GET /store/payment-providers p50", value: `${ratio(runs.plugin_providers.p50_ms, runs.store_providers.p50_ms)}× (${runs.plugin_providers.p50_ms} vs ${runs.store_providers.p50_ms} ms)`, met: runs.plugin_providers.p50_ms <= 3 * runs.store_providers.p50_ms },
    { key: "completion", target: "completion with the plugin's check p50 and p99 ≤ 1.1 × without", value: `p50 ${completionP50}×, p99 ${completionP99}×`, met: completionP50 <= 1.1 && completionP99 <= 1.1 },
    { key: "check_in_process", target: `check in process p99 at ${n(large.entries)} entries ≤ 2 ms`, value: `${large.in_process.p99_ms} ms (p50 ${large.in_process.p50_ms} ms)`, met: large.in_process.p99_ms <= 2 },
    { key: "check_in_process_scaling", target: `check in process p99 at ${n(large.entries)} ≤ 1.1 × at 1,000`, value: `${ratio(large.in_process.p99_ms, small.in_process.p99_ms)}× (${small.in_process.p99_ms} → ${large.in_process.p99_ms} ms)`, met: large.in_process.p99_ms <= 1.1 * small.in_process.p99_ms },
    { key: "check_http", target: `check over HTTP p99 at ${n(large.entries)} ≤ Medusa GET /admin/users/me p99`, value: `${ratio(large.p99_ms, runs.admin_me.p99_ms)}× (${large.p99_ms} vs ${runs.admin_me.p99_ms} ms)`, met: large.p99_ms <= runs.admin_me.p99_ms },
    { key: "import_rate", target: `CSV import ≥ 25,000 rows/s (${n(imp.rows)} rows in one request)`, value: `${n(imp.rows_per_s)} rows/s`, met: imp.rows_per_s >= 25000 },
    { key: "import_memory", target: "CSV import memory (RSS after the import settles ≤ start + 64 MiB, peak ≤ start + 256 MiB)", value: `${memory.kept_mib >= 0 ? "+" : ""}${memory.kept_mib} MiB settled, peak +${memory.growth_mib} MiB`, met: memory.flat },
    { key: "engine", target: "engine `decide` with the default rules ≤ 30 µs", value: `${engine.decide_us} µs`, met: engine.decide_us <= 30 },
    ...figureTargets(results.figures),
    { key: "duration", target: "the whole bench ≤ 15 minutes", value: `${Math.round(results.total_s / 6) / 10} min`, met: results.total_s <= 900 },
    { key: "errors", target: "no errors or non-2xx answers", value: runsWithErrors, met: runsWithErrors === 0 },
  ]
}

/** The targets of issue 17 (the merchant's figures), when the run measured them. */
function figureTargets(figures) {
  if (!figures) return []
  const { backtest, analytics, simulate } = figures
  return [
    { key: "backtest", target: `backtest of ${n(backtest.replayable)} past orders with the 9 default rules (other thresholds) < 10 s`, value: `p50 ${(backtest.p50_ms / 1000).toFixed(2)} s (${backtest.runs} runs, ${n(backtest.orders)} orders answered)`, met: backtest.p50_ms < 10_000 },
    { key: "analytics", target: `overview of 90 days with ${n(analytics.orders)} orders < 1 s`, value: `p50 ${analytics.p50_ms} ms, p99 ${analytics.p99_ms} ms (${analytics.runs} runs)`, met: analytics.p99_ms < 1000 },
  ]
}

/** The figures section of RESULTS.md (issue 17). */
function figuresSection(results) {
  const f = results.figures
  if (!f) return ""
  const seed = results.figures_seed
  const c = seed.counts
  const row = (name, r, extra) => `| ${name} | ${r.p50_ms} | ${r.p99_ms} | ${r.max_ms} | ${r.runs} | ${extra} |`
  return `
## The merchant's figures (issue 17)

Seeded with the shop in ${seed.seconds} s (set-based SQL, bench/lib/seed-figures.mjs): a figure row for each of the
${n(seed.order_figures)} orders, placed within the last 89 days (by class: ${Object.entries(c.orders_by_class).map(([k, v]) => `${k} ${n(v)}`).join(", ")}),
plus ${n(seed.erased_figures)} older rows whose orders were erased; ${n(seed.assessments)} assessments with a replayable input
(${seed.templates.templates} templates replayed with the stored rules: ${seed.templates.restricted} restricted, ${seed.templates.review} to review,
${seed.templates.nothing_held} with no rule held), ${n(seed.outcomes)} outcomes (${Object.entries(c.outcomes_by_kind).map(([k, v]) => `${k} ${n(v)}`).join(", ")}),
${n(seed.receivables)} claims, and ${n(seed.cart_rows)} evaluation rows for ${n(seed.carts)} carts (${n(c.carts.restricted)} restricted, of them
${n(c.carts.restricted_left)} left at the payment step).

One request at a time over HTTP with admin auth, period ${f.period.from.slice(0, 10)} to ${f.period.to.slice(0, 10)} (90 days, EUR); each
answer checked against the database (orders, carts, replayable orders in the period):

| route | p50 ms | p99 ms | max ms | runs | answered |
|---|---:|---:|---:|---:|---|
${row("GET /admin/payment-risk/analytics", f.analytics, `${n(f.analytics.orders)} orders, ${n(f.analytics.carts)} carts`)}
${row("POST /admin/payment-risk/backtest", f.backtest, `${n(f.backtest.orders)} orders, ${n(f.backtest.replayable)} replayed: draft = ${f.backtest.draft.rules} default rules, review from ${f.backtest.draft.review_score}, prepayment from ${f.backtest.draft.prepayment_score}; stops ${n(f.backtest.stopped)} (${Object.entries(f.backtest.buckets).map(([k, v]) => `${k} ${n(v)}`).join(", ")}), ${n(f.backtest.overrides)} overrides`)}
${row("POST /admin/payment-risk/simulate-thresholds", f.simulate, `${n(f.simulate.replayable)} replayed, ${f.simulate.points} points, minimum at ${f.simulate.minimum_at}, abandonment ${f.simulate.abandonment} (no target: reported)`)}

With ${f.analytics.runs} and ${f.backtest.runs} runs the p99 is the slowest run (the overview's target is held to it); each route had one untimed warm-up call first.
${f.floors ? `
What the work needs at least, measured in the same run: one replay of a stored input with the 9 default rules
${f.floors.replay_us} µs in process (a backtest replays each order twice: draft and today's rules); reading the period's
orders with their stored inputs ${f.floors.read_inputs_ms} ms in one statement; counting the period's distinct carts
(restricted, completed) ${f.floors.count_carts_ms} ms.
` : ""}`
}

/** The in-process check figures per kind of body. */
function kindTable(byKind) {
  const lines = ["| body | p50 ms | p99 ms | max ms | calls |", "|---|---:|---:|---:|---:|"]
  for (const [kind, p] of Object.entries(byKind)) lines.push(`| ${kind} | ${p.p50_ms} | ${p.p99_ms} | ${p.max_ms} | ${n(p.samples)} |`)
  return lines.join("\n")
}

/** The in-process check figures per list size. */
function inProcessTable(runs) {
  const lines = ["| list size | p50 ms | p99 ms | avg ms | max ms | calls | calls with a match |", "|---|---:|---:|---:|---:|---:|---:|"]
  for (const r of runs) {
    const p = r.in_process
    lines.push(`| ${n(r.entries)} | ${p.p50_ms} | ${p.p99_ms} | ${p.avg_ms} | ${p.max_ms} | ${n(p.samples)} | ${n(p.calls_with_matches)} |`)
  }
  return lines.join("\n")
}

/** bench/RESULTS.md (human) and bench/results.json (machine) from one run's results. */
export function writeReport(results) {
  const { runs, engine, completion, sizes } = results
  const imp = results.import.run
  results.ratios = {
    check_large_vs_admin_me_p99: ratio(runs.check_large.p99_ms, runs.admin_me.p99_ms),
    check_mid_vs_1k_p99: ratio(runs.check_mid.p99_ms, runs.check_1k.p99_ms),
    check_large_vs_1k_p50: ratio(runs.check_large.p50_ms, runs.check_1k.p50_ms),
    check_large_vs_1k_p99: ratio(runs.check_large.p99_ms, runs.check_1k.p99_ms),
    plugin_providers_vs_store_cart_p50: ratio(runs.plugin_providers.p50_ms, runs.store_cart.p50_ms),
    plugin_providers_vs_store_cart_p99: ratio(runs.plugin_providers.p99_ms, runs.store_cart.p99_ms),
    plugin_providers_vs_store_providers_p99: ratio(runs.plugin_providers.p99_ms, runs.store_providers.p99_ms),
    completion_with_vs_without_p50: ratio(completion.with_check.p50_ms, completion.without_check.p50_ms),
    completion_with_vs_without_p99: ratio(completion.with_check.p99_ms, completion.without_check.p99_ms),
    plugin_providers_vs_store_providers_p50: ratio(runs.plugin_providers.p50_ms, runs.store_providers.p50_ms),
    check_in_process_large_vs_1k_p99: ratio(runs.check_large.in_process.p99_ms, runs.check_1k.in_process.p99_ms),
    shopper_during_import_vs_idle_p99: imp.during ? ratio(imp.during.p99_ms, runs.plugin_providers.p99_ms) : null,
  }
  results.targets = targetsOf(results)
  results.notes = missNotes(results)
  fs.writeFileSync(path.join(DIR, "results.json"), JSON.stringify(results, null, 2) + "\n")

  const m = results.machine
  const mem = imp.memory
  const verdict = memoryVerdict(mem)
  const md = `# Benchmark results

Run ${results.date} with \`npm run bench\` (${results.total_s} s in all). Machine: ${m.cpu}, ${m.cores} cores,
${m.memory_gb} GiB RAM, ${m.os}, Node ${m.node}, PostgreSQL ${results.postgres}; load average
${results.load_avg_at_start.join(" / ")} at the start, ${m.load_avg_at_end.join(" / ")} at the end. Medusa 2.21.2 in
production mode (\`medusa start\`, NODE_ENV=production) with the built plugin, all on the same
machine over loopback. Per route: **latency** of one request at a time for ${results.duration_s} s (what one
shopper waits; timed with hrtime, keep-alive), then **throughput** with autocannon,
${results.connections} connections for ${results.duration_s} s after a 3 s warm-up (autocannon's latencies are whole
milliseconds). Latencies include HTTP, auth, JSON and the database.

The store runs as a merchant's does out of the box: the ${results.setup.enabled_rules} default rules seeded and
enabled (asserted before measuring), negative list, first-order rule and plausibility on, credit
checks ${results.setup.credit_check_enabled ? "on" : "off (no credit provider configured)"}. ${n(results.shop.customers)} customers with ${n(results.shop.orders)} orders
(1 to 5 each; paid, awaiting payment, canceled, partly refunded) were written into Medusa's
\`customer\`, \`order\`, \`order_summary\`, \`payment_collection\` and \`order_payment_collection\` tables
in ${results.shop.seconds} s.

## Negative-list check (\`POST /admin/payment-risk/negative-list/check\`)

Bodies cycle through 20 spelling variants of listed people (Mueller for Müller, Meyer for Meier,
Str. for Straße …, each must be found), 30 random unlisted people, an email, an IP, an IBAN and
a phone.

${table([runs.admin_me, runs.check_1k, runs.check_mid, runs.check_large])}

\`GET /admin/users/me\` is Medusa's own admin route with the same authentication, as the floor
of what any admin request costs here.

p99 at ${n(runs.check_mid.entries)} entries is ${results.ratios.check_mid_vs_1k_p99}× and at ${n(runs.check_large.entries)} entries ${results.ratios.check_large_vs_1k_p99}× the p99 at 1,000
(p50 ${results.ratios.check_large_vs_1k_p50}×).

In process — \`checkNegativeList\`, the function the route's handler calls, timed in a \`medusa exec\`
process of the same app (no HTTP, authentication or JSON; the same bodies, one call at a time for
${results.sizes.in_process_s} s per size):

${inProcessTable([runs.check_1k, runs.check_mid, runs.check_large])}

In process, p99 at ${n(runs.check_large.entries)} entries is ${results.ratios.check_in_process_large_vs_1k_p99}× the p99 at 1,000.${runs.check_large.in_process.by_kind ? `

Per kind of body at ${n(runs.check_large.entries)} entries:

${kindTable(runs.check_large.in_process.by_kind)}

` : " "} Loading ${n(results.load.rows)} rows (keys computed by the plugin's engine,
indexes rebuilt afterwards) took ${results.load.seconds} s.

Plan of the candidate query at ${n(runs.check_large.entries)} entries:

\`\`\`
${results.explain}
\`\`\`

## Store routes: plugin vs Medusa

A regular customer's cart (her customer id and email, three paid orders billed to her name and address among ${n(results.shop.orders)}; the plugin must find
them, or invoice would be hidden, which is asserted), at ${n(runs.check_large.entries)} list entries. The
plugin's route loads the cart, the order history, the provider classes, the rules' facts and the
negative-list candidates, then decides; Medusa's routes are the references measured in the same run.

${table([runs.store_cart, runs.store_providers, runs.plugin_providers])}

plugin / Medusa \`GET /store/carts/:id\`: p50 ${results.ratios.plugin_providers_vs_store_cart_p50}×, p99 ${results.ratios.plugin_providers_vs_store_cart_p99}×;
plugin / Medusa \`GET /store/payment-providers\`: p50 ${results.ratios.plugin_providers_vs_store_providers_p50}×.${runs.plugin_providers.in_process ? `

In process — \`assessCart\`, what the plugin's route runs before it answers (cart, history, rules' facts,
list, probing and signal writes, engine), timed in a \`medusa exec\` process of the same app for
${results.sizes.in_process_s} s: p50 ${runs.plugin_providers.in_process.p50_ms} ms, p99 ${runs.plugin_providers.in_process.p99_ms} ms, max ${runs.plugin_providers.in_process.max_ms} ms (${n(runs.plugin_providers.in_process.samples)} calls).` : ""}

Plan of the history lookup (order ids by \`customer_id = … OR lower(email) = …\`,
src/risk/readers/load-customer-history.ts, with the index of src/migration-scripts/order-email-index.ts):

\`\`\`
${results.explain_history}
\`\`\`

## Cart completion (\`POST /store/carts/:id/complete\`)

${completion.with_check.samples} completions per mode, one at a time, each of a different regular customer's cart
(items, addresses, shipping method and a \`pp_prepayment_manual\` session prepared beforehand, not
timed; ${completion.with_check.carts - completion.with_check.samples} warm-up completions per mode not counted). "Without" is the same server restarted with
\`PAYMENT_RISK_COMPLETE_CART_HOOK=off\` (restart took ${completion.restart_s} s): Medusa's completion alone; the
plugin's order.placed subscribers still run (asynchronously; 200 ms of quiet after each completion
let them finish before the next one is timed). Asserted: one risk assessment per cart with the
hook, none without.

| mode | p50 ms | p99 ms | avg ms | max ms | samples |
|---|---:|---:|---:|---:|---:|
| with the plugin's check | ${completion.with_check.p50_ms} | ${completion.with_check.p99_ms} | ${completion.with_check.avg_ms} | ${completion.with_check.max_ms} | ${completion.with_check.samples} |
| without (hook off) | ${completion.without_check.p50_ms} | ${completion.without_check.p99_ms} | ${completion.without_check.avg_ms} | ${completion.without_check.max_ms} | ${completion.without_check.samples} |

with / without: p50 ${results.ratios.completion_with_vs_without_p50}×, p99 ${results.ratios.completion_with_vs_without_p99}×.

## CSV import (\`POST /admin/payment-risk/negative-list/import\`)

${n(imp.rows)} valid rows (${imp.csv_mib} MiB: persons, addresses, emails, phones, IBANs with check digits,
IPs) in one request, after a 2,000-row warm-up import: **${n(imp.rows_per_s)} rows/s** (${imp.seconds} s for upload,
parsing, validation, hashing, keys, writes of entry and audit row, answer). Resident memory of the
\`medusa start\` process (/proc/<pid>/status, sampled every 50 ms, ${mem.samples} samples):

| before | peak, first half | peak, second half | at the answer | ${mem.settle_s} s later | VmHWM before → after |
|---:|---:|---:|---:|---:|---:|
| ${mem.rss_before_mib} MiB | ${mem.rss_peak_first_half_mib} MiB | ${mem.rss_peak_second_half_mib} MiB | ${mem.rss_after_mib} MiB | ${mem.rss_settled_mib} MiB | ${mem.hwm_before_mib} → ${mem.hwm_after_mib} MiB |

Peak RSS per tenth of the import (MiB): ${mem.rss_by_tenth_mib.join(", ")}. ${mem.settle_s} s after the answer the
process holds ${verdict.kept_mib >= 0 ? `${verdict.kept_mib} MiB more` : `${-verdict.kept_mib} MiB less`} than before the import (peak +${verdict.growth_mib} MiB): memory ${verdict.flat ? "stays flat" : "**does not stay flat**"}.
${imp.during ? `
A shopper on the payment step meanwhile (the plugin's \`GET /store/carts/:id/payment-providers\`, one
request at a time for as long as the import ran): ${n(imp.during.samples)} answers, p50 ${imp.during.p50_ms} ms, p99
${imp.during.p99_ms} ms, max ${imp.during.max_ms} ms, ${imp.during.non_2xx} non-2xx — p99 ${results.ratios.shopper_during_import_vs_idle_p99}× the same route's p99 on the idle server above.
` : ""}${results.import_cost ? `\n${importCostTable(results.import_cost)}\n` : ""}
## Engine alone (in process, built code)

The stored settings and ${engine.rules} rules of the bench store (read from the admin API), the region's four
providers, a cart with addresses and phone, three paid orders (every 5th shopper new), the
adapter's rule facts (velocity counts, average order, local time), every 10th cart with a list match.
Sample decision: score ${engine.sample.score}, rules held: ${engine.sample.held.join("; ") || "none"}.

| what | per call |
|---|---:|
| \`decide\` with the stored rules and settings | ${engine.decide_us} µs |
| the same without the rules (rules switched off in the settings) | ${engine.decide_without_rules_us} µs |
| the same without rules and plausibility checks | ${engine.decide_without_rules_and_plausibility_us} µs |
| \`matchEntries\` of one cart against 3 candidates | ${engine.match_3_candidates_us} µs |

${figuresSection(results)}
## Targets

| target | measured | met |
|---|---|---|
${results.targets.map((t) => `| ${t.target} | ${t.value} | ${t.met ? "yes" : "**no**"} |`).join("\n")}
${explainNotes(results.notes)}
Sizes of this run: list ${n(sizes.small)} / ${n(sizes.mid)} / ${n(sizes.large)} entries, ${n(sizes.customers)} customers, ${n(sizes.import_rows)}
import rows, ${n(sizes.completions)} completions per mode, ${results.duration_s} s per route and mode.
`
  fs.writeFileSync(path.join(DIR, "RESULTS.md"), md)
}

/**
 * For every missed target, the why, written from this run's own measurements (plans, the
 * reference routes, the import's stages) — a miss is reported, never hidden.
 */

const planTime = (plan) => Number(/Execution Time: ([\d.]+) ms/.exec(plan ?? "")?.[1] ?? NaN)
const seqScan = (plan, table) => new RegExp(`Seq Scan on "?${table}"?`).test(plan ?? "")
const removed = (plan) => Number(/Rows Removed by Filter: (\d+)/.exec(plan ?? "")?.[1] ?? NaN)

const WHY = {
  providers_vs_cart(r) {
    const { plugin_providers: plugin, store_cart: cart, store_providers: floor } = r.runs
    const history = planTime(r.explain_history)
    const lines = [
      `The plugin's route answers in p50 ${plugin.p50_ms} / p99 ${plugin.p99_ms} ms, Medusa's cart route in ${cart.p50_ms} / ${cart.p99_ms} ms.`,
    ]
    if (seqScan(r.explain_history, "order")) {
      lines.push(`The history lookup reads the whole \`order\` table: the plan above is a sequential scan (${removed(r.explain_history).toLocaleString("en")} rows removed by the filter, ${history} ms).`)
    } else {
      lines.push(
        `Medusa's own floor for a store request that reads one indexed row — \`GET /store/payment-providers\` in the same run — is p50 ${floor.p50_ms} / p99 ${floor.p99_ms} ms (publishable key, request scope, middlewares, JSON); the plugin's work adds about ${(plugin.p50_ms - floor.p50_ms).toFixed(1)} ms at p50 and ${(plugin.p99_ms - floor.p99_ms).toFixed(1)} ms at p99${plugin.in_process ? ` (in process, \`assessCart\` alone: p50 ${plugin.in_process.p50_ms} / p99 ${plugin.in_process.p99_ms} ms)` : ""}: the cart read, the history (${history} ms, plan above), the rules' facts, the list candidates, and two writes on every listing (the cart signal for the velocity counts and the identity observation for probing). Next step: ${plugin.in_process ? "" : "time that work in process in the bench (as the check is), and "}take the two writes off the answer's path where the decision does not need them.`
      )
    }
    return lines.join(" ")
  },
  providers_vs_providers(r) {
    const { plugin_providers: plugin, store_providers: medusa } = r.runs
    return `The plugin's route answers in p50 ${plugin.p50_ms} ms, Medusa's \`GET /store/payment-providers\` (one indexed read of the region's providers) in ${medusa.p50_ms} ms. The plugin's route reads the cart, the shopper's history, the rules' facts and the list candidates before deciding (history lookup ${planTime(r.explain_history)} ms, candidate query ${planTime(r.explain)} ms, plans above), and answers with the notice texts.`
  },
  completion(r) {
    const { with_check: on, without_check: off } = r.completion
    return `Completion took p50 ${on.p50_ms} / p99 ${on.p99_ms} ms with the plugin's check and ${off.p50_ms} / ${off.p99_ms} ms without: the check adds ${(on.p50_ms - off.p50_ms).toFixed(1)} ms at the median — the shopper's lock, the assessment (the same reads as the store route, on the cart the hook received) and the assessment row written before Medusa creates the order. Both modes ran on a freshly started server after the ${r.import.run.rows.toLocaleString("en")}-row import was vacuumed and analysed${r.completion.vacuum_s !== undefined ? ` (${r.completion.vacuum_s} s)` : ""}, one after the other; ${r.sizes.completions} timed completions per mode. Next step: profile the hook's share (lock, assessment reads, assessment write) and write the assessment row after Medusa's order instead of before.`
  },
  check_in_process(r) {
    const { check_large: large } = r.runs
    const p = large.in_process
    return `In process the check takes p50 ${p.p50_ms} / p99 ${p.p99_ms} ms (max ${p.max_ms} ms) at ${large.entries.toLocaleString("en")} entries; the candidate query alone runs in ${planTime(r.explain)} ms (plan above), and the median call is a quarter of the target: the miss is the tail.${p.by_kind ? ` Per kind of body (table above) the slowest p99 is ${Object.entries(p.by_kind).sort((a, b) => b[1].p99_ms - a[1].p99_ms).slice(0, 2).map(([kind, k]) => `${kind} ${k.p99_ms} ms`).join(", ")}.` : " Next step: time each request body separately to find which inputs make the slowest percent."}`
  },
  check_in_process_scaling(r) {
    const { check_large: large, check_1k: small, check_mid: mid } = r.runs
    return `In process, p99 goes ${small.in_process.p99_ms} → ${mid.in_process.p99_ms} → ${large.in_process.p99_ms} ms and p50 ${small.in_process.p50_ms} → ${mid.in_process.p50_ms} → ${large.in_process.p50_ms} ms from 1,000 to ${large.entries.toLocaleString("en")} entries (median ${(large.in_process.p50_ms / small.in_process.p50_ms).toFixed(2)}×${mid.in_process.p99_ms < small.in_process.p99_ms ? "; the p99 is not monotonic: at the middle size it is below the smallest" : ""}); each figure is the tail of ${r.sizes.in_process_s ?? 5}-second samples of a few thousand calls. ${
      seqScan(r.explain, "payment_risk_negative_list_entry")
        ? "The candidate query scans the table (plan above): the GIN index on lookup_keys is not used."
        : `The candidate query uses the GIN index on lookup_keys (plan above, ${planTime(r.explain)} ms): no scan.`
    } Next step: longer samples and per-body timings, as above.`
  },
  check_http(r) {
    const { check_large: large, admin_me: me } = r.runs
    return `Over HTTP the check has p99 ${large.p99_ms} ms at ${large.entries.toLocaleString("en")} entries, Medusa's \`GET /admin/users/me\` ${me.p99_ms} ms (same authentication); in process the check's own p99 is ${large.in_process.p99_ms} ms, so the difference is the request body's parsing and validation, the JSON answer with the matched entries, and the machine's tail.`
  },
  import_rate(r) {
    const imp = r.import.run
    const cost = r.import_cost
    const lines = [`${imp.rows.toLocaleString("en")} rows took ${imp.seconds} s (${imp.rows_per_s.toLocaleString("en")} rows/s, ${(1e6 / imp.rows_per_s).toFixed(1)} µs per row); 25,000 rows/s needs 40 µs per row.`]
    if (cost) {
      lines.push(
        `Per row, timed one by one in the bench process (table above): CSV parsing ${cost.parse_us} µs in the main thread, zod validation ${cost.validate_us} µs and prepareEntryData ${cost.prepare_us} µs in the worker thread.`
      )
    }
    lines.push(
      "The database step is the larger part: explained per 5,000-row batch while this work was done (EXPLAIN ANALYZE on a 610,000-entry list, half the batch already listed), the upsert costs 55–70 µs per row — looking up equal entries ≈ 150 ms (persons and addresses through the lookup-key GIN index, one probe per row; rows with a value ≈ 8 µs each through the value index), updating the entries found ≈ 215 ms, inserting the new entries into 6 indexes (two GIN) ≈ 105 ms and the 5,000 audit rows ≈ 175 ms; COPY itself 33 ms. Two set-based lookups were tried and not kept (one GIN overlap query with all of a batch's keys: 1–2.5 s; value rows matched at once: no faster).",
      "Next steps: an expression index on the normalised name and address fields so equal persons and addresses are found by one join per batch; the audit rows written by COPY too; the COPY lines built in the worker (the main thread's share, and its memory)."
    )
    return lines.join(" ")
  },
  import_memory(r) {
    const m = r.import.run.memory
    const imp = r.import.run
    const growth = Math.max(m.rss_peak_first_half_mib, m.rss_peak_second_half_mib) - m.rss_before_mib
    return `RSS ${m.rss_before_mib} MiB before, peaks ${m.rss_peak_first_half_mib} / ${m.rss_peak_second_half_mib} MiB in the first / second half, per tenth: ${m.rss_by_tenth_mib.join(", ")} MiB (${((growth * 1024) / imp.rows).toFixed(2)} KiB per imported row), ${m.rss_settled_mib} MiB ${m.settle_s} s after the answer. RSS is what the process took from the system, not what it still uses: V8's heaps grow under a steady allocation rate and return memory lazily — measured while this work was done, the server's heap was 45 MB after a forced full collection at the end of a 1,000,000-row import, so nothing is kept per row. Next step: move the allocation-heavy work left in the main thread (parsing, building the COPY lines) into the worker, whose heap is capped.`
  },
  engine(r) {
    const e = r.engine
    return `decide took ${e.decide_us} µs per call with the ${e.rules} stored rules, ${e.decide_without_rules_us} µs with the rules switched off and ${e.decide_without_rules_and_plausibility_us} µs without rules and plausibility checks: the rules' evaluation costs ${(e.decide_us - e.decide_without_rules_us).toFixed(1)} µs and the plausibility checks ${(e.decide_without_rules_us - e.decide_without_rules_and_plausibility_us).toFixed(1)} µs of each decision.`
  },
  backtest(r) {
    const { backtest: b, floors: f } = r.figures
    const replaySeconds = (2 * b.replayable * f.replay_us) / 1e6
    return `The backtest answered in p50 ${(b.p50_ms / 1000).toFixed(2)} s for ${b.orders.toLocaleString("en")} orders of the period, ${b.replayable.toLocaleString("en")} of them replayed with the draft and with today's rules. One replay costs ${f.replay_us} µs in process (the engine's \`replayDecision\` with the 9 default rules), so the two replays of every order need about ${replaySeconds.toFixed(1)} s of CPU; reading the period's orders with their stored inputs takes ${f.read_inputs_ms} ms in one statement. The rest of the time is the route's own: its batches, the outcomes read per order, and the pauses it makes between slices so that shoppers' requests are served meanwhile.`
  },
  analytics(r) {
    const { analytics: a, floors: f } = r.figures
    return `The overview answered in p50 ${a.p50_ms} / p99 ${a.p99_ms} ms for ${a.orders.toLocaleString("en")} orders and ${a.carts.toLocaleString("en")} carts. Counting the period's carts from their summaries (one row per cart, kept with the cart's evaluation rows) takes the database ${f.count_carts_ms} ms${f.group_cart_rows_ms !== undefined ? ` (grouping the evaluation rows per cart instead: ${f.group_cart_rows_ms} ms)` : ""}; the rest is the orders of the period grouped per class, provider and day, the orders with an aftermath and the flagged ones, in statements run side by side on the 2 cores. The target is held to the slowest of the runs. Next step: a maintained rollup of the order figures per hour (hours, so a time zone can still cut days), so a 90-day overview reads a few thousand rows instead of ${a.orders.toLocaleString("en")} orders.`
  },
  duration(r) {
    const figures = r.figures ? `, the figures (seeded in ${r.figures_seed.seconds} s; overview, backtest and simulation ${Math.round([r.figures.analytics, r.figures.backtest, r.figures.simulate].reduce((sum, x) => sum + x.samples_ms.reduce((a, b) => a + b, 0) + x.p50_ms, 0) / 1000)} s with their warm-ups)` : ""
    return `The run took ${r.total_s} s; its largest parts are loading the list (${r.load.seconds} s), seeding the shop (${r.shop.seconds} s), the import (${r.import.run.seconds} s)${figures} and the route measurements (${r.duration_s} s of latency and ${r.duration_s + 3} s of load per route).`
  },
  errors(r) {
    const bad = Object.entries(r.runs).filter(([, run]) => run.non_2xx || run.load.non_2xx || run.load.errors)
    const during = r.import.run.during?.non_2xx ? ` The shopper's route answered ${r.import.run.during.non_2xx} times with non-2xx during the import.` : ""
    return `Runs with non-2xx answers or errors: ${bad.map(([key, run]) => `${key} (${run.non_2xx + run.load.non_2xx} non-2xx, ${run.load.errors} errors)`).join(", ") || "none"}.${during}`
  },
}

/** [{ target, why }] for the missed targets. */
export function missNotes(results) {
  return results.targets.filter((t) => !t.met).map((t) => ({ target: t.target, why: WHY[t.key]?.(results) ?? "" }))
}

/** The markdown section under the targets table. */
export function explainNotes(notes) {
  if (!notes.length) return "\nEvery target is met.\n"
  return `\n### Why targets were missed\n\n${notes.map((note) => `- **${note.target}**: ${note.why}`).join("\n")}\n`
}

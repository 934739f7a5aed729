import { mkdirSync, writeFileSync } from "node:fs"
import path from "node:path"

/** `.test-results/reliability/<name>.json`, printed by scripts/reliability-summary.cjs. */
export function writeReliabilityReport(name: string, title: string, lines: string[]) {
  const dir = path.join(__dirname, "..", "..", "..", ".test-results", "reliability")
  mkdirSync(dir, { recursive: true })
  writeFileSync(path.join(dir, `${name}.json`), JSON.stringify({ title, lines }, null, 2))
}

/** p50 / p95 / max of a list of milliseconds. */
export function percentiles(values: number[]) {
  const sorted = [...values].sort((a, b) => a - b)
  const at = (q: number) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] : 0)
  return { p50: at(0.5), p95: at(0.95), max: sorted[sorted.length - 1] ?? 0 }
}

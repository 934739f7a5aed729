import fs from "fs"
import path from "path"

/** The p-th percentile (0–100) of the values, nearest rank; 0 for none. */
export function percentile(values: number[], p: number): number {
  if (!values.length) return 0
  const sorted = [...values].sort((a, b) => a - b)
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))
  return sorted[rank]
}

/**
 * Writes `.test-results/reliability/<name>.json` in the form scripts/reliability-summary.cjs
 * prints: a title and markdown lines.
 */
export function writeReliabilityReport(name: string, title: string, lines: string[], data?: unknown) {
  const dir = path.resolve(__dirname, "..", "..", "..", ".test-results", "reliability")
  fs.mkdirSync(dir, { recursive: true })
  fs.writeFileSync(path.join(dir, `${name}.json`), JSON.stringify({ title, lines, data }, null, 2))
}

/** Counts of `key` → n, printed sorted. */
export class Tally {
  readonly counts: Record<string, number> = {}
  add(key: string, n = 1) {
    this.counts[key] = (this.counts[key] ?? 0) + n
  }
  get(key: string) {
    return this.counts[key] ?? 0
  }
  entries(): Array<[string, number]> {
    return Object.entries(this.counts).sort(([a], [b]) => a.localeCompare(b))
  }
  /** keys matching the filter */
  matching(filter: (key: string) => boolean): Array<[string, number]> {
    return this.entries().filter(([key]) => filter(key))
  }
}

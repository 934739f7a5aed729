/**
 * CSV import throughput (`POST /admin/payment-risk/negative-list/import`) and the server's
 * memory meanwhile. The CSV has the import's columns (see integration-tests/http/
 * negative-list-import.spec.ts) and a realistic mix of kinds, all rows valid (IBANs with
 * correct check digits). Memory is the resident set of the `medusa start` process, read from
 * /proc/<pid>/status every 50 ms while the import runs.
 */
import fs from "node:fs"
import { randomPerson, rng } from "./seed-list.mjs"

const HEADER = "kind,first_name,last_name,company,address_1,address_2,postal_code,city,country_code,value,reason,source,expires_at,note"
const SOURCES = ["manual", "chargeback", "return_debit", "dunning", "cod_refused", "fraud_review", "import"]

/** A German IBAN with valid check digits (ISO 13616: mod 97 of BBAN + "DE00" as digits). */
function germanIban(r) {
  const bban = String(10000000 + Math.floor(r() * 89999999)) + String(Math.floor(r() * 1e10)).padStart(10, "0")
  const check = 98n - (BigInt(`${bban}131400`) % 97n)
  return `DE${String(check).padStart(2, "0")}${bban}`
}

const quote = (value) => (/[",\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value)

/** One CSV line for row i (deterministic). */
function line(i, r) {
  const roll = r()
  const reason = `Altsystem ${i % 97}`
  const source = SOURCES[i % SOURCES.length]
  const cells = (kind, p, value = "") =>
    [kind, p?.first_name ?? "", p?.last_name ?? "", "", p?.address_1 ?? "", "", p?.postal_code ?? "", p?.city ?? "", p?.country_code ?? "", value, reason, source, "", ""]
      .map((cell) => quote(String(cell)))
      .join(",")
  if (roll < 0.5) return cells("person", randomPerson(r))
  if (roll < 0.6) return cells("address", { ...randomPerson(r), first_name: "", last_name: "" })
  if (roll < 0.8) return cells("email", null, `import${i}@${["gmx.de", "web.de", "t-online.de", "gmail.com"][i % 4]}`)
  if (roll < 0.88) return cells("phone", null, `+49 ${150 + Math.floor(r() * 30)} ${String(Math.floor(r() * 1e8)).padStart(8, "0")}`)
  if (roll < 0.95) return cells("iban", null, germanIban(r))
  return cells("ip", null, `${1 + Math.floor(r() * 220)}.${Math.floor(r() * 255)}.${Math.floor(r() * 255)}.${Math.floor(r() * 255)}`)
}

/** A CSV of `rows` valid rows, rows seeded from `seed`. */
export function importCsv(rows, seed = 11) {
  const r = rng(seed)
  const lines = [HEADER]
  for (let i = 0; i < rows; i++) lines.push(line(seed * 10_000_000 + i, r))
  return lines.join("\n") + "\n"
}

/** VmRSS and VmHWM of a process in MiB (null when it is gone). */
export function memoryOf(pid) {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, "utf8")
    const kib = (key) => Number(new RegExp(`^${key}:\\s+(\\d+) kB`, "m").exec(status)?.[1] ?? NaN)
    return { rss_mib: Math.round(kib("VmRSS") / 1024), hwm_mib: Math.round(kib("VmHWM") / 1024) }
  } catch {
    return null
  }
}

/** The process of the group led by `groupPid` with the largest resident set (the server itself). */
export function serverProcess(groupPid) {
  let best = { pid: groupPid, rss: -1 }
  for (const entry of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, "utf8")
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ")
      if (Number(fields[2]) !== groupPid) continue // field 5 of stat: process group
      const rss = memoryOf(Number(entry))?.rss_mib ?? -1
      if (rss > best.rss) best = { pid: Number(entry), rss }
    } catch {}
  }
  return best.pid
}

/**
 * Posts the CSV and samples the server's memory meanwhile. Returns the report of the import,
 * the rows per second (over the whole request: upload, parse, validate, insert, answer), and
 * RSS before / peak in the first half / peak in the second half / after / `settleMs` later, VmHWM.
 */
export async function timedImport({ baseUrl, headers, csv, rows, pid, settleMs = 10_000, during = null }) {
  const before = memoryOf(pid)
  // something measured while the import runs (a shopper's route): told when the import answered
  let answered = false
  const probe = during ? during(() => answered) : null
  const samples = []
  const timer = setInterval(() => {
    const m = memoryOf(pid)
    if (m) samples.push({ t: Date.now(), rss: m.rss_mib })
  }, 50)
  const started = Date.now()
  let status
  let report
  try {
    const res = await fetch(`${baseUrl}/admin/payment-risk/negative-list/import`, {
      method: "POST",
      headers: { ...headers, "content-type": "text/csv" },
      body: csv,
    })
    status = res.status
    report = await res.json()
  } finally {
    clearInterval(timer)
    answered = true
  }
  const ended = Date.now()
  const duringImport = probe ? await probe : null
  const seconds = (ended - started) / 1000
  const after = memoryOf(pid)
  // what is left once the server is idle and the collector has run: memory kept per row shows here
  await new Promise((resolve) => setTimeout(resolve, settleMs))
  const settled = memoryOf(pid)
  const middle = started + (ended - started) / 2
  const peak = (list) => (list.length ? Math.max(...list.map((s) => s.rss)) : null)
  return {
    rows,
    csv_mib: Number((Buffer.byteLength(csv) / 2 ** 20).toFixed(1)),
    status,
    imported: report?.imported ?? null,
    /** rows equal to an entry already on the list (the generated data repeats a random phone or IP now and then) */
    updated: report?.updated ?? null,
    rejected_count: report?.rejected_count ?? null,
    first_rejected: report?.rejected?.[0] ?? null,
    seconds: Number(seconds.toFixed(2)),
    rows_per_s: Math.round(((report?.imported ?? 0) + (report?.updated ?? 0)) / seconds),
    ...(duringImport ? { during: duringImport } : {}),
    memory: {
      samples: samples.length,
      rss_before_mib: before?.rss_mib ?? null,
      rss_peak_first_half_mib: peak(samples.filter((s) => s.t < middle)),
      rss_peak_second_half_mib: peak(samples.filter((s) => s.t >= middle)),
      rss_after_mib: after?.rss_mib ?? null,
      rss_settled_mib: settled?.rss_mib ?? null,
      settle_s: settleMs / 1000,
      hwm_before_mib: before?.hwm_mib ?? null,
      hwm_after_mib: after?.hwm_mib ?? null,
      /** RSS over the import in tenths of its duration (peak of each tenth) */
      rss_by_tenth_mib: Array.from({ length: 10 }, (_, k) =>
        peak(samples.filter((s) => s.t >= started + (k * (ended - started)) / 10 && s.t < started + ((k + 1) * (ended - started)) / 10))
      ),
    },
  }
}

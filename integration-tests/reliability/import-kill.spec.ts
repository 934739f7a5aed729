/**
 * A CSV import killed with SIGKILL half-way (issue 18): the built plugin under `medusa start`
 * (two instances on one database, helpers/cluster-host.ts), a large import streamed to instance A,
 * A's process group killed with SIGKILL once a few batches are committed; instance B — the
 * server that is still (or again) running — then reads the run.
 *
 * Asserted: only whole batches are in the list (entries a multiple of the batch size, each with
 * its audit row: entries = audit rows = the run's `imported`), the run reads `interrupted`, and
 * its last line is the last line of its last committed batch.
 */
import http from "node:http"
import { killGroup } from "../helpers/host-process"
import { Cluster, CLUSTER_ADMIN, startCluster } from "./helpers/cluster-host"
import { adminOn } from "./helpers/cluster-shopper"

jest.setTimeout(6 * 60 * 1000)

const ROWS = 400_000
const BATCH = 5000
const HEADER = "kind,first_name,last_name,company,address_1,address_2,postal_code,city,country_code,value,reason,source,expires_at,note"

/** Row i: persons and emails, all valid and all different. */
const row = (i: number) =>
  i % 2
    ? `email,,,,,,,,,kill${i}@example.de,Kill-Test,,,`
    : `person,Anna,Muster${i},,Hauptstraße ${(i % 180) + 1},,${String(10000 + (i % 89000)).padStart(5, "0")},Berlin,de,,Kill-Test,,,`

/** Streams the CSV to the import route (written as the server reads it); resolves with the status or the error. */
function streamImport(url: string, token: string): Promise<string> {
  return new Promise((resolve) => {
    const req = http.request(`${url}/admin/payment-risk/negative-list/import`, {
      method: "POST",
      headers: { authorization: `Bearer ${token}`, "content-type": "text/csv" },
    })
    req.on("response", (res) => {
      res.resume()
      res.on("end", () => resolve(`status ${res.statusCode}`))
    })
    req.on("error", (error) => resolve(`error ${error.message}`))
    let i = 0
    const write = () => {
      if (i === 0) req.write(`${HEADER}\n`)
      while (i < ROWS) {
        const lines: string[] = []
        for (const end = Math.min(ROWS, i + 1000); i < end; i++) lines.push(row(i))
        if (!req.write(lines.join("\n") + "\n")) return void req.once("drain", write)
      }
      req.end()
    }
    write()
  })
}

describe("when the server is killed (SIGKILL) in the middle of a CSV import", () => {
  let cluster: Cluster

  beforeAll(async () => {
    cluster = await startCluster(2, (line) => console.log(`[cluster] ${line}`))
  })

  afterAll(async () => {
    await cluster?.stop()
  })

  it("should leave whole batches with their audit rows and read the run as interrupted at the line it reached", async () => {
    const [A, B] = cluster.instances
    const token = await login(A.url)
    const answer = streamImport(A.url, token)

    // wait until a few batches are committed, then kill A's process group with SIGKILL
    const deadline = Date.now() + 120_000
    for (;;) {
      const [run] = await cluster.sql("select batches from payment_risk_negative_list_import")
      if (run && run.batches >= 3) break
      if (Date.now() > deadline) throw new Error(`no 3 batches within 120 s:\n${A.log().slice(-3000)}`)
      await new Promise((r) => setTimeout(r, 100))
    }
    const exited = new Promise<void>((r) => (A.process.exitCode !== null || A.process.signalCode !== null ? r() : A.process.once("exit", () => r())))
    killGroup(A.process, "SIGKILL")
    await exited
    expect(await answer).toMatch(/^error/) // the answer never came

    // B reads the run: interrupted once PostgreSQL has seen A's session go (at once, or when its statement ends)
    const adminB = await adminOn(B)
    let run: Record<string, any> = {}
    for (const until = Date.now() + 60_000; Date.now() < until; await new Promise((r) => setTimeout(r, 250))) {
      const res = await adminB.get("/admin/payment-risk/negative-list/imports")
      expect(res.status).toBe(200)
      run = res.data.imports[0]
      if (run.status !== "running") break
    }
    const [counts] = await cluster.sql(
      `select (select count(*) from payment_risk_negative_list_entry where reason = 'Kill-Test')::int as entries,
              (select count(*) from payment_risk_negative_list_audit a join payment_risk_negative_list_entry e on e.id = a.entry_id
                 where e.reason = 'Kill-Test' and a.action = 'create')::int as audits,
              (select count(*) from payment_risk_negative_list_audit)::int as all_audits`
    )
    console.log(`[import-kill] run ${JSON.stringify(run)}; ${JSON.stringify(counts)}`)
    expect(run).toMatchObject({ status: "interrupted", batch_size: BATCH, rejected: 0, updated: 0 })
    expect(run.batches).toBeGreaterThanOrEqual(3)
    expect(run.batches * BATCH).toBeLessThan(ROWS)
    // whole batches: every committed batch's entries and audit rows, nothing of the batch in flight
    expect(counts.entries).toBe(run.batches * BATCH)
    expect(counts.audits).toBe(counts.entries)
    expect(counts.all_audits).toBe(counts.entries)
    expect(run.imported).toBe(counts.entries)
    // the header is line 1: the last committed batch ends at line batches × 5,000 + 1
    expect(run.last_line).toBe(run.batches * BATCH + 1)
  })
})

/** An admin token for the streamed request (adminOn's helper sends JSON bodies). */
async function login(url: string): Promise<string> {
  const res = await fetch(`${url}/auth/user/emailpass`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(CLUSTER_ADMIN) })
  return ((await res.json()) as { token: string }).token
}

import fs from "node:fs"
import path from "node:path"
import { Worker } from "node:worker_threads"
import type { EntryPolicy, HashKeys } from "../../engine"
import type { PreparedEntry } from "../../modules/payment-risk/negative-list-types"
import { mayNeedHashKeys, prepareRow, Rejection } from "./import-row"

export type PreparedRow = { entry: PreparedEntry } | Rejection
export type RowPreparer = {
  /** the rows' results in their order */
  prepare(records: Array<Record<string, string>>): Promise<PreparedRow[]>
  close(): Promise<void>
  /** "worker" or "in-thread" (for the log and tests) */
  mode: string
}

/** A worker's heap: a few chunks of rows at a time, never the upload. */
const WORKER_HEAP_MB = 64

/**
 * Where the import's rows are validated and prepared (zod, normalising, lookup keys, search text):
 * in a worker thread, so the event loop keeps answering shoppers during a large import, or — where
 * the worker cannot be loaded — in this thread.
 *
 * The worker is the compiled `prepare-worker.js` next to this file: it exists where the plugin runs
 * from its build (`medusa start`, `.medusa/server/src/...`). Under jest (@swc/jest) and
 * `medusa develop` this file is TypeScript and a worker thread has no TypeScript loader: rows are
 * prepared in this thread there (`PAYMENT_RISK_IMPORT_WORKER=0` forces it everywhere). Rows that
 * may hash an IBAN or card stay in this thread too: the hash keys (from the plugin's secret) do not
 * leave it. If the worker fails, its rows and all later ones are prepared here.
 */
export function createRowPreparer(keys: HashKeys, policy: EntryPolicy): RowPreparer {
  const local: RowPreparer = {
    mode: "in-thread",
    prepare: async (records) => records.map((record) => prepareRow(record, keys, policy)),
    close: async () => {},
  }
  const file = path.join(__dirname, "prepare-worker.js")
  if (process.env.PAYMENT_RISK_IMPORT_WORKER === "0" || !__filename.endsWith(".js") || !fs.existsSync(file)) return local

  let worker: Worker | null
  try {
    worker = new Worker(file, { workerData: { policy }, resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB } })
  } catch {
    return local
  }
  worker.unref()
  let next = 0
  const pending = new Map<number, { resolve: (rows: Array<PreparedRow | null>) => void; reject: (error: Error) => void }>()
  const fail = (error: Error) => {
    worker = null
    for (const { reject } of pending.values()) reject(error)
    pending.clear()
  }
  worker.on("message", ({ id, results }: { id: number; results: Array<PreparedRow | null> }) => {
    pending.get(id)?.resolve(results)
    pending.delete(id)
  })
  worker.on("error", fail)
  worker.on("exit", () => fail(new Error("import worker exited")))

  const inWorker = (records: Array<Record<string, string>>) =>
    new Promise<Array<PreparedRow | null>>((resolve, reject) => {
      if (!worker) return reject(new Error("import worker gone"))
      const id = next++
      pending.set(id, { resolve, reject })
      worker.postMessage({ id, records })
    })

  return {
    mode: "worker",
    async prepare(records) {
      const sent = records.map((record) => !mayNeedHashKeys(record))
      const remote = await inWorker(records.filter((_, i) => sent[i])).catch(() => null)
      let k = 0
      // a row the worker could not prepare (null: it needed the hash keys) is prepared here
      return records.map((record, i) => (sent[i] && remote ? remote[k++] : null) ?? prepareRow(record, keys, policy))
    },
    async close() {
      const w = worker
      worker = null
      if (w) await w.terminate()
    },
  }
}

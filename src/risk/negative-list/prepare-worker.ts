import { parentPort, workerData } from "node:worker_threads"
import type { EntryPolicy, HashKeys } from "../../engine"
import { prepareRow } from "./import-row"

/**
 * Worker thread of the CSV import, started by row-preparer.ts from the built plugin: validates and
 * prepares chunks of rows off the server's event loop. It has no hash keys: a row that would hash a
 * value answers null and is prepared by the main thread.
 */
class NeedsKeys extends Error {}
const noKeys: HashKeys = {
  current_id: "",
  active_ids: [],
  hash: () => {
    throw new NeedsKeys()
  },
  candidates: () => {
    throw new NeedsKeys()
  },
}
const policy = (workerData as { policy: EntryPolicy }).policy

parentPort?.on("message", ({ id, records }: { id: number; records: Array<Record<string, string>> }) => {
  const results = records.map((record) => {
    try {
      return prepareRow(record, noKeys, policy)
    } catch (error) {
      if (error instanceof NeedsKeys) return null
      throw error
    }
  })
  parentPort?.postMessage({ id, results })
})

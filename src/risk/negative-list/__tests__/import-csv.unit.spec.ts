import { Readable } from "node:stream"
import { hashKeys } from "../../../engine"
import PaymentRiskModuleService from "../../../modules/payment-risk/service"
import { importNegativeListCsv } from "../import-csv"

const HEADER = "kind,value,reason"
const good = (i: number) => `email,user${i}@example.de,Betrug`
const bad = () => "email,,Betrug" // no value: rejected by validation

/** A service whose inserts resolve one by one on demand, recording how many ran at once. */
function slowService(failBatch: number) {
  let running = 0
  const state = { batches: [] as string[][], maxRunning: 0 }
  const service = {
    getHashKeys: () => hashKeys("s".repeat(32)),
    acceptsCardNumbers: () => false,
    insertListEntries: async (rows: Array<{ value: string }>) => {
      running++
      state.maxRunning = Math.max(state.maxRunning, running)
      state.batches.push(rows.map((row) => row.value))
      await new Promise((resolve) => setTimeout(resolve, 20))
      running--
      if (state.batches.length === failBatch) throw new Error("deadlock detected")
      return { inserted: rows.length, updated: 0 }
    },
  }
  return { service: service as unknown as PaymentRiskModuleService, state }
}

describe("importNegativeListCsv", () => {
  it("should store one batch at a time while parsing the next and report rows in file order", async () => {
    // lines 2-3 batch 1 (fails), 4 bad, 5-6 batch 2, 7 bad, 8 batch 3 (last, partial)
    const csv = [HEADER, good(1), good(2), bad(), good(3), good(4), bad(), good(5)].join("\n")
    const { service, state } = slowService(1)
    const report = await importNegativeListCsv(Readable.from([csv]), service, null, { batchSize: 2 })
    expect(state.maxRunning).toBe(1)
    expect(state.batches).toEqual([
      ["user1@example.de", "user2@example.de"],
      ["user3@example.de", "user4@example.de"],
      ["user5@example.de"],
    ])
    expect(report.imported).toBe(3)
    expect(report.rejected_count).toBe(4)
    expect(report.rejected.map((row) => [row.line, row.field])).toEqual([[2, "row"], [3, "row"], [4, "value"], [7, "value"]])
    expect(report.rejected[0].message).toBe("could not be saved (database error)")
  })

  it("should count the last batch's failure before answering", async () => {
    const csv = [HEADER, good(1), good(2), good(3)].join("\n")
    const { service } = slowService(2)
    const report = await importNegativeListCsv(Readable.from([csv]), service, null, { batchSize: 2 })
    expect(report).toEqual({
      imported: 2,
      updated: 0,
      rejected_count: 1,
      rejected: [{ line: 4, field: "row", message: "could not be saved (database error)" }],
    })
  })
})

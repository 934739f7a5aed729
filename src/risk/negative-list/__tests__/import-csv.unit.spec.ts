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
      rejected: [{ line: 4, field: "row", message: "could not be saved (database error)", code: "not_saved" }],
    })
  })
})

describe("importNegativeListCsv's reasons for rejected rows", () => {
  const service = {
    getHashKeys: () => hashKeys("s".repeat(32)),
    acceptsCardNumbers: () => false,
    insertListEntries: async (rows: unknown[]) => ({ inserted: rows.length, updated: 0 }),
  } as unknown as PaymentRiskModuleService
  const later = new Date(Date.now() + 400 * 86_400_000).toISOString().slice(0, 10)

  it("should give every rejected row a code (and its parameters) the admin words in its language", async () => {
    const csv = [
      "kind,first_name,last_name,address_1,postal_code,city,country_code,value,reason,expires_at",
      `email,,,,,,,kunde@example.de,,${later}`, // 2 no reason
      `person,Anna,,Hauptstr. 1,10115,Berlin,de,,Betrug,${later}`, // 3 no last name
      `person,Anna,Schmidt,,10115,Berlin,de,,Betrug,${later}`, // 4 no street
      `iban,,,,,,,DE00 1234,Betrug,${later}`, // 5 invalid IBAN
      `card,,,,,,,4111111111111111,Betrug,${later}`, // 6 card number refused
      `robot,,,,,,,x,Betrug,${later}`, // 7 unknown kind
      `email,,,,,,,=HYPERLINK("x"),Betrug,${later}`, // 8 formula
      `email,,,,,,,kunde2@example.de,Betrug,2001-01-01`, // 9 expiry in the past
      `email,,,,,,,kunde3@example.de,Betrug`, // 10 too few cells
      `email,,,,,,,,Betrug,${later}`, // 11 no value
    ].join("\n")
    const report = await importNegativeListCsv(Readable.from([csv]), service, null)
    const byLine = Object.fromEntries(report.rejected.map((row) => [row.line, { field: row.field, code: row.code, params: row.params }]))
    expect(byLine).toEqual({
      2: { field: "reason", code: "required", params: undefined },
      3: { field: "last_name", code: "person_name", params: undefined },
      4: { field: "address_1", code: "street_required", params: undefined },
      5: { field: "value", code: "value_invalid", params: { kind: "iban" } },
      6: { field: "value", code: "card_number_refused", params: undefined },
      7: { field: "kind", code: "one_of", params: { values: expect.stringContaining("person") } },
      8: { field: "value", code: "formula", params: undefined },
      9: { field: "expires_at", code: "expires_past", params: undefined },
      10: { field: "row", code: "columns", params: { got: "9", expected: "10", separator: "," } },
      11: { field: "value", code: "value_required", params: { kind: "email" } },
    })
    expect(report.rejected_count).toBe(10)
  })

  it("should fail the import, not report it finished, when the last rows cannot be prepared", async () => {
    const csv = [HEADER, good(1), good(2), good(3)].join("\n")
    const { service, state } = slowService(0)
    const finished: string[] = []
    const store = {
      writeBatch: async (rows: Array<{ value: string }>) => {
        state.batches.push(rows.map((row) => row.value))
        return { inserted: rows.length, updated: 0 }
      },
      finish: async (status: "finished" | "failed") => {
        finished.push(status)
      },
    }
    const failing = () => ({
      mode: "in-thread" as const,
      prepare: async () => {
        throw new Error("worker and main thread both failed")
      },
      close: async () => {},
    })
    await expect(
      importNegativeListCsv(Readable.from([csv]), service, null, {
        batchSize: 2,
        store: store as never,
        createPreparer: failing as never,
      })
    ).rejects.toThrow()
    expect(finished).not.toContain("finished")
  })

  it("should keep an exported hashed value's display hint only in the form the export writes it", async () => {
    const hash = "a".repeat(64)
    const csv = [
      "kind,value,reason,display_hint",
      `iban,${hash},Rücklastschrift,DE …3000`,
      `iban,${"b".repeat(64)},Rücklastschrift,"=HYPERLINK(""http://x"")"`,
      `iban,${"c".repeat(64)},Rücklastschrift,${"x".repeat(41)}`,
    ].join("\n")
    const stored: Array<{ value: string; display_hint: string | null }> = []
    const service = {
      getHashKeys: () => hashKeys("s".repeat(32)),
      acceptsCardNumbers: () => false,
      insertListEntries: async (rows: Array<{ value: string; display_hint: string | null }>) => {
        stored.push(...rows)
        return { inserted: rows.length, updated: 0 }
      },
    } as unknown as PaymentRiskModuleService
    const report = await importNegativeListCsv(Readable.from([csv]), service, null)
    expect(report.rejected_count).toBe(0)
    expect(stored.map((row) => row.display_hint)).toEqual(["DE …3000", null, null])
  })
})

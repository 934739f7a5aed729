import type { OutcomeKind } from "../../outcomes/types"
import { OrderAftermath, OUTCOME_BUCKET_LABELS, OUTCOME_BUCKETS, outcomeBucketOf } from "../outcome-bucket"

const events = (...kinds: OutcomeKind[]) => kinds.map((kind, i) => ({ kind, occurred_at: `2026-0${i + 1}-01T00:00:00.000Z` }))

describe("outcomeBucketOf", () => {
  it.each<[string, OrderAftermath, string]>([
    ["nothing happened", { outcomes: [] }, "paid_fine"],
    ["a payment received", { outcomes: events("payment_received") }, "paid_fine"],
    ["a return debit", { outcomes: events("return_debit") }, "defaulted"],
    ["a chargeback", { outcomes: events("chargeback") }, "defaulted"],
    ["a chargeback reversed", { outcomes: events("chargeback", "chargeback_reversed") }, "paid_fine"],
    ["a chargeback reversed after dunning", { outcomes: events("dunning_stage", "chargeback", "chargeback_reversed") }, "paid_late"],
    ["a refused parcel", { outcomes: events("cod_refused") }, "defaulted"],
    ["a write-off", { outcomes: events("dunning_stage", "handed_over", "written_off") }, "defaulted"],
    ["a claim written off (receivable)", { outcomes: [], receivable: { status: "written_off", stage: 2 } }, "defaulted"],
    ["a dunning stage reached, then paid", { outcomes: events("dunning_stage", "payment_received"), receivable: { status: "paid", stage: 0 } }, "paid_late"],
    ["a claim with a stage, paid", { outcomes: [], receivable: { status: "paid", stage: 1 } }, "paid_late"],
    ["a claim handed over", { outcomes: events("handed_over") }, "paid_late"],
    ["a claim overdue without a stage", { outcomes: [], receivable: { status: "overdue", stage: null } }, "paid_late"],
    ["a claim still within its term", { outcomes: [], receivable: { status: "open", stage: null } }, "paid_fine"],
    ["a claim paid in time", { outcomes: [], receivable: { status: "paid", stage: null } }, "paid_fine"],
    ["a refund", { outcomes: [], refunded_amount: 20 }, "refunded"],
    ["a refund after dunning", { outcomes: events("dunning_stage"), refunded_amount: 20 }, "paid_late"],
    ["a refund after a return debit", { outcomes: events("return_debit"), refunded_amount: 100 }, "defaulted"],
    ["an address unknown alone", { outcomes: events("address_unknown") }, "paid_fine"],
  ])("should put %s in the right bucket", (_name, aftermath, bucket) => {
    expect(outcomeBucketOf(aftermath)).toBe(bucket)
  })
})

describe("OUTCOME_BUCKET_LABELS", () => {
  it("should name every bucket in German and English", () => {
    for (const bucket of OUTCOME_BUCKETS) {
      expect([bucket, !!OUTCOME_BUCKET_LABELS[bucket].de.trim(), !!OUTCOME_BUCKET_LABELS[bucket].en.trim()]).toEqual([bucket, true, true])
    }
    expect(OUTCOME_BUCKET_LABELS.paid_late.de).toBe("Verspätet bezahlt (Mahnstufe erreicht)")
  })
})

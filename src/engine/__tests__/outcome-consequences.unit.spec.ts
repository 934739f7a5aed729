import { decide } from "../engine"
import { certainMatchAction, readEntryAction } from "../negative-list/entry-action"
import type { NegativeListMatch } from "../negative-list/types"
import { consequenceFor, countOutcomes, openDunningAmount, OutcomeFact } from "../outcomes"
import { deriveRuleFacts, evaluateGroup, ConditionGroup, ConditionTrace } from "../rules"
import { refusalFacts } from "../rules/history-facts"
import { ListAction } from "../types"
import { ALL_IDS, allProviders, context, input, P, paidOrder, settings } from "./builders"

const match = (overrides: Partial<NegativeListMatch> = {}): NegativeListMatch => ({
  entry_id: "prnle_1",
  kind: "person",
  score: 1,
  certain: true,
  matched_on: ["last_name", "first_name", "street", "house_number", "postal_code"],
  ...overrides,
})

const decideWith = (matches: NegativeListMatch[]) =>
  decide({ ...input({ cart: { providers: allProviders() }, orders: [paidOrder()], settings: settings() }), negative_list_matches: matches })

const hideInvoiceAndDebit: ListAction = { type: "hide_classes", classes: ["invoice", "direct_debit"] }

describe("an entry's own action", () => {
  describe("when a certain match has an action of its own", () => {
    it("should hide only what the entry's action hides (card still offered), not 'prepayment only'", () => {
      const decision = decideWith([match({ action: hideInvoiceAndDebit })])
      expect(decision.allowed_provider_ids).toEqual(ALL_IDS.filter((id) => id !== P.invoice && id !== P.sepa))
      const invoice = decision.hidden.find((h) => h.provider_id === P.invoice)!
      expect(invoice.reasons[0].values).toMatchObject({ entry_action: hideInvoiceAndDebit })
    })
  })

  describe("when the entry has no action", () => {
    it("should apply the list's action for the kind (only prepayment)", () => {
      expect(decideWith([match({ action: null })]).allowed_provider_ids).toEqual([P.prepayment])
      expect(decideWith([match()]).hidden[0].reasons[0].values).not.toHaveProperty("entry_action")
    })
  })

  describe("when the match is only possible", () => {
    it("should apply the possible-match action whatever the entry's own", () => {
      const decision = decideWith([match({ certain: false, action: { type: "allow_only_classes", classes: ["prepayment"] } })])
      expect(decision.allowed_provider_ids).toEqual(ALL_IDS.filter((id) => id !== P.invoice && id !== P.sepa))
    })
  })

  describe("when the stored action is damaged", () => {
    it.each([
      ["a string", "hide"],
      ["an unknown type", { type: "allow_all", classes: ["card"] }],
      ["no known class", { type: "hide_classes", classes: ["bitcoin"] }],
      ["empty classes", { type: "hide_classes", classes: [] }],
      ["an array", [1, 2]],
    ])("should read %s as none (the kind's action applies)", (_name, value) => {
      expect(readEntryAction(value)).toBeNull()
      expect(certainMatchAction(value as ListAction, { type: "allow_only_classes", classes: ["prepayment"] })).toEqual({
        type: "allow_only_classes",
        classes: ["prepayment"],
      })
    })

    it("should keep the known classes of a partly damaged action once each", () => {
      expect(readEntryAction({ type: "hide_classes", classes: ["invoice", "bitcoin", "invoice"] })).toEqual({ type: "hide_classes", classes: ["invoice"] })
    })
  })
})

describe("consequenceFor with the merchant's settings", () => {
  it("should use the configured consequence for the key and the default for the others", () => {
    const configured = { "return_debit:AM04": { list: ["email" as const], action: null, expires_days: 30 } }
    expect(consequenceFor("return_debit", "am04", configured)).toEqual({ list: ["email"], action: null, expires_days: 30 })
    expect(consequenceFor("return_debit", "AM04")).toEqual({ list: ["person_address", "iban"], action: hideInvoiceAndDebit, expires_days: 183 })
    expect(consequenceFor("return_debit", "MD06", configured).list).toEqual(["person_address", "email", "iban"])
  })
})

const at = (day: number) => new Date(Date.UTC(2026, 0, day)).toISOString()
const outcome = (order_id: string, kind: OutcomeFact["kind"], day: number, amount?: number): OutcomeFact => ({ order_id, kind, occurred_at: at(day), amount })

describe("open dunning amount", () => {
  it("should be the total minus the payments received on an order in dunning", () => {
    expect(openDunningAmount(100, [outcome("o1", "dunning_stage", 1), outcome("o1", "payment_received", 2, 30.5)])).toBe(69.5)
  })

  it.each([
    ["not in dunning", [outcome("o1", "return_debit", 1)]],
    ["written off", [outcome("o1", "dunning_stage", 1), outcome("o1", "written_off", 2)]],
    ["handed over", [outcome("o1", "dunning_stage", 1), outcome("o1", "handed_over", 2)]],
    ["paid in full", [outcome("o1", "dunning_stage", 1), outcome("o1", "payment_received", 2, 60), outcome("o1", "payment_received", 3, 40)]],
  ])("should be 0 when %s", (_name, events) => {
    expect(openDunningAmount(100, events)).toBe(0)
  })

  it("should sum over the shopper's orders with their totals", () => {
    const counts = countOutcomes(
      [outcome("o1", "dunning_stage", 1), outcome("o2", "dunning_stage", 1), outcome("o2", "payment_received", 2, 10), outcome("o3", "chargeback", 1)],
      new Map([["o1", 50.1], ["o2", 20.2], ["o3", 999]])
    )
    expect(counts).toEqual({ return_debits: 0, chargebacks: 1, refused_cod: 0, handed_over: 0, open_dunning_amount: 60.3 })
  })
})

describe("history conditions over outcomes", () => {
  const group = (attribute: string, operator: "gte" | "gt", value: number): ConditionGroup => ({
    type: "group",
    combinator: "and",
    children: [{ type: "condition", attribute, operator, value }],
  })
  const holds = (attribute: string, value: number, counts?: Parameters<typeof refusalFacts>[1]) => {
    const rule_facts = counts ? refusalFacts(null, counts) : {}
    const facts = deriveRuleFacts({ ...context(), rule_facts })
    const trace = evaluateGroup(group(attribute, "gte", value), facts) as Extract<ConditionTrace, { type: "group" }>
    return trace.children[0]
  }
  const counts = { return_debits: 2, chargebacks: 1, refused_cod: 3, handed_over: 1, open_dunning_amount: 120.5 }

  it.each([
    ["customer.return_debits", 2],
    ["customer.chargebacks", 1],
    ["customer.refused_cod_parcels", 3],
    ["customer.open_dunning_amount", 120.5],
    ["customer.handed_over_orders", 1],
  ])("should read %s from the shopper's outcomes", (attribute, value) => {
    expect(holds(attribute, value, counts)).toMatchObject({ held: true, actual: value })
    expect(holds(attribute, value + 1, counts)).toMatchObject({ held: false })
  })

  it("should not hold when the history was not read (unavailable, never guessed)", () => {
    expect(holds("customer.chargebacks", 0)).toMatchObject({ held: false, unavailable: true })
  })

  it("should make 'refused COD before' true from a cod_refused outcome alone", () => {
    expect(refusalFacts(null, counts).has_refused_cod).toBe(true)
  })
})

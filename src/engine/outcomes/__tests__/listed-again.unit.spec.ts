import { DEFAULT_LIST_ACTIONS } from "../../settings"
import type { ListAction } from "../../types"
import { classesLeftBy, listedAgain, stricterAction } from "../listed-again"

const hide = (...classes: string[]) => ({ type: "hide_classes", classes }) as ListAction
const only = (...classes: string[]) => ({ type: "allow_only_classes", classes }) as ListAction
const ONLY_PREPAYMENT = DEFAULT_LIST_ACTIONS.person

describe("stricterAction", () => {
  it.each([
    ["a milder added action keeps the stored one", hide("invoice", "direct_debit"), hide("direct_debit"), hide("invoice", "direct_debit")],
    ["a stricter added action replaces the stored one", hide("invoice", "direct_debit"), only("prepayment"), only("prepayment")],
    ["two hidden sets add up", hide("invoice"), hide("direct_debit"), hide("direct_debit", "invoice")],
    ["two allowed sets meet", only("prepayment", "cash_on_delivery"), only("prepayment", "guaranteed"), only("prepayment")],
    ["hidden and allowed meet", hide("prepayment"), only("prepayment", "cash_on_delivery"), only("cash_on_delivery")],
    ["nothing left hides every class", hide("prepayment"), only("prepayment"), hide("prepayment", "guaranteed", "cash_on_delivery", "invoice", "direct_debit", "card", "wallet", "other")],
    ["the list's action (null) stays when it is as strict", null, hide("invoice", "direct_debit"), null],
    ["the list's action (null) gives way to a stricter one", hide("invoice"), null, null],
    ["both the list's action stays the list's action", null, null, null],
  ] as Array<[string, ListAction | null, ListAction | null, ListAction | null]>)("%s", (_, stored, added, expected) => {
    const result = stricterAction(stored, added, ONLY_PREPAYMENT)
    if (expected === null || result === null) expect(result).toEqual(expected)
    else expect(classesLeftBy(result).sort()).toEqual(classesLeftBy(expected).sort())
  })

  it("should read a damaged stored action as the list's action (fail safe)", () => {
    expect(stricterAction({ type: "nonsense" }, hide("invoice"), ONLY_PREPAYMENT)).toBeNull()
  })

  it("should keep an allowed set stricter than a kind action that hides less", () => {
    // address entries hide invoice and direct debit by default; cod_refused allows prepayment only
    expect(stricterAction(null, only("prepayment"), DEFAULT_LIST_ACTIONS.address)).toEqual(only("prepayment"))
  })
})

describe("listedAgain", () => {
  const june = new Date("2027-06-01T00:00:00Z")
  const december = new Date("2027-12-01T00:00:00Z")

  it("should keep the later expiry and the stricter action, and say whether anything changed", () => {
    expect(listedAgain({ action: hide("invoice", "direct_debit"), expires_at: june }, { action: only("prepayment"), expires_at: december }, ONLY_PREPAYMENT)).toEqual({
      action: only("prepayment"),
      expires_at: december,
      changed: true,
    })
    expect(listedAgain({ action: only("prepayment"), expires_at: december }, { action: hide("invoice"), expires_at: june }, ONLY_PREPAYMENT)).toEqual({
      action: only("prepayment"),
      expires_at: december,
      changed: false,
    })
  })

  it("should extend an entry listed again with the same action", () => {
    expect(listedAgain({ action: hide("invoice"), expires_at: june.toISOString() }, { action: hide("invoice"), expires_at: december }, ONLY_PREPAYMENT)).toEqual({
      action: hide("invoice"),
      expires_at: december,
      changed: true,
    })
  })
})

import type { ReceivableStatus } from "../../dunning"
import { openDunningAmountOf } from "../history-facts"

const claim = (status: ReceivableStatus, total_due: number) => ({ status, total_due })

describe("openDunningAmountOf", () => {
  it("should sum what claims overdue or in dunning still owe, to the cent", () => {
    expect(openDunningAmountOf([claim("overdue", 49.04), claim("in_dunning", 31.5), claim("in_dunning", 0.1)])).toBe(80.64)
  })

  it.each(["open", "paused", "paid", "written_off", "handed_over"] as ReceivableStatus[])("should not count a claim that is %s", (status) => {
    expect(openDunningAmountOf([claim(status, 100), claim("overdue", 20)])).toBe(20)
  })

  it("should be 0 without claims", () => {
    expect(openDunningAmountOf([])).toBe(0)
  })
})

import { decide } from "../engine"
import { DEFAULT_SETTINGS, withDefaults } from "../settings"
import { probingCheck } from "../checks/probing"
import { buildContext } from "../engine"
import type { EngineInput } from "../types"

const input = (probing?: EngineInput["probing"], settings = DEFAULT_SETTINGS): EngineInput => ({
  cart: {
    id: "cart_1",
    currency_code: "eur",
    total: 50,
    items: [],
    email: "a@example.com",
    providers: [
      { id: "pp_prepayment", risk_class: "prepayment" },
      { id: "pp_invoice", risk_class: "invoice" },
      { id: "pp_cod", risk_class: "cash_on_delivery" },
    ],
  },
  history: { orders: [{ id: "o1", status: "completed", total: 10, captured_amount: 10, refunded_amount: 0 }] },
  settings: withDefaults({ ...settings, rules: { ...settings.rules, enabled: false }, plausibility: { ...settings.plausibility, enabled: false } }),
  probing,
})

describe("probing check", () => {
  it.each([
    ["no counts (nothing observed)", undefined, 3],
    ["1 identity on the cart, 1 from the IP", { identities_on_cart: 1, identities_from_ip: 1 }, 3],
    ["exactly the cart limit (3)", { identities_on_cart: 3, identities_from_ip: 3 }, 3],
    ["exactly the IP limit (10)", { identities_on_cart: 1, identities_from_ip: 10 }, 3],
    ["one over the cart limit", { identities_on_cart: 4, identities_from_ip: 4 }, 1],
    ["one over the IP limit", { identities_on_cart: 1, identities_from_ip: 11 }, 1],
  ])("%s → %i allowed providers", (_case, probing, allowed) => {
    expect(decide(input(probing)).allowed_provider_ids).toHaveLength(allowed)
  })

  it("should restrict to the merchant's fallback classes and say which limit held", () => {
    const settings = withDefaults({ fallback_classes: ["prepayment", "cash_on_delivery"] })
    const outcomes = probingCheck.evaluate(buildContext(input({ identities_on_cart: 5, identities_from_ip: 20 }, settings)))
    expect(outcomes.map((o) => o.reason.code)).toEqual(["too_many_identities_on_cart", "too_many_identities_from_ip"])
    expect(outcomes[0].restriction).toEqual({ kind: "allow_only_classes", classes: ["prepayment", "cash_on_delivery"] })
    expect(outcomes[0].reason.values).toEqual({ count: 5, limit: 3, window_minutes: 60 })
  })

  it("should follow the merchant's limits", () => {
    const settings = withDefaults({ protection: { max_identities_per_cart: 5 } })
    expect(decide(input({ identities_on_cart: 5, identities_from_ip: 5 }, settings)).allowed_provider_ids).toHaveLength(3)
    expect(decide(input({ identities_on_cart: 6, identities_from_ip: 6 }, settings)).allowed_provider_ids).toHaveLength(1)
  })
})

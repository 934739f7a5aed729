import { DEFAULT_RESTRICTED_NOTICE, noticeFor, noticeSituation } from "../notice"
import { DEFAULT_NOTICE } from "../settings"
import type { HiddenProvider, PaymentClass, Reason } from "../types"

const PROVIDERS: Array<{ id: string; risk_class: PaymentClass }> = [
  { id: "cod", risk_class: "cash_on_delivery" },
  { id: "pre", risk_class: "prepayment" },
  { id: "inv", risk_class: "invoice" },
  { id: "dd", risk_class: "direct_debit" },
]

const reason = (check: string): Reason => ({ check, code: check, message: check, values: {} })
const hide = (id: string, ...checks: string[]): HiddenProvider => ({
  provider_id: id,
  risk_class: PROVIDERS.find((p) => p.id === id)!.risk_class,
  reasons: checks.map(reason),
})
const decision = (hidden: HiddenProvider[]) => ({
  hidden,
  allowed_provider_ids: PROVIDERS.map((p) => p.id).filter((id) => !hidden.some((h) => h.provider_id === id)),
})

describe("noticeFor", () => {
  it("should say nothing when nothing was hidden", () => {
    expect(noticeFor(decision([]), DEFAULT_NOTICE, "de", PROVIDERS)).toBeNull()
  })

  it("should give the first-order text when only the first-order rule hid and COD and prepayment are shown", () => {
    const firstOrder = decision([hide("inv", "first_order"), hide("dd", "first_order", "rules")])
    expect(noticeFor(firstOrder, DEFAULT_NOTICE, "de", PROVIDERS)).toBe(DEFAULT_NOTICE.de)
    expect(noticeFor(firstOrder, DEFAULT_NOTICE, "en", PROVIDERS)).toBe(DEFAULT_NOTICE.en)
  })

  it.each<[string, HiddenProvider[]]>([
    ["a listed shopper (only prepayment)", [hide("cod", "negative_list"), hide("inv", "negative_list", "first_order"), hide("dd", "negative_list", "first_order")]],
    ["a first order above the COD limit", [hide("cod", "first_order_cod_limit"), hide("inv", "first_order"), hide("dd", "first_order")]],
    ["a credit check's answer", [hide("inv", "credit_check"), hide("dd", "credit_check")]],
    ["a rule hiding invoice for a known customer", [hide("inv", "rules")]],
  ])("should give the generic text, never mentioning cash on delivery, for %s", (_, hidden) => {
    const text = noticeFor(decision(hidden), DEFAULT_NOTICE, "de", PROVIDERS)
    expect(text).toBe(DEFAULT_RESTRICTED_NOTICE.de)
    expect(text).not.toMatch(/Nachnahme|Vorkasse|Erstbestellung/)
    expect(noticeFor(decision(hidden), DEFAULT_NOTICE, "en", PROVIDERS)).not.toMatch(/cash on delivery|prepayment|first order/i)
  })

  it("should give the generic text when the shop offers no COD method at all, or the methods are unknown", () => {
    const noCod = PROVIDERS.filter((p) => p.id !== "cod")
    const hidden = [hide("inv", "first_order")]
    expect(noticeFor({ hidden, allowed_provider_ids: ["pre"] }, DEFAULT_NOTICE, "en", noCod)).toBe(DEFAULT_RESTRICTED_NOTICE.en)
    expect(noticeFor(decision(hidden), DEFAULT_NOTICE, "en")).toBe(DEFAULT_RESTRICTED_NOTICE.en)
  })

  it("should use the merchant's texts, falling back per language", () => {
    const mine = { de: "Eigener Hinweis.", en: "" }
    expect(noticeFor(decision([hide("inv", "first_order")]), mine, "en", PROVIDERS)).toBe("Eigener Hinweis.")
    expect(noticeFor(decision([hide("inv", "rules")]), mine, "de", PROVIDERS, { de: "Allgemein.", en: "General." })).toBe("Allgemein.")
    expect(noticeFor(decision([hide("inv", "rules")]), mine, "de", PROVIDERS, { de: "", en: "" })).toBe(DEFAULT_RESTRICTED_NOTICE.de)
  })
})

describe("noticeFor with the merchant's first-order classes", () => {
  const prepaymentOnly = decision([hide("cod", "first_order"), hide("inv", "first_order"), hide("dd", "first_order")])

  it("should give the merchant's own first-order text when first orders may only prepay and prepayment is shown", () => {
    const mine = { de: "Erstbestellungen nur per Vorkasse.", en: "Prepayment only for first orders." }
    expect(noticeFor(prepaymentOnly, mine, "en", PROVIDERS, DEFAULT_RESTRICTED_NOTICE, ["prepayment"])).toBe(mine.en)
  })

  it("should never show the shipped text, which names cash on delivery, when cash on delivery is not shown", () => {
    expect(noticeFor(prepaymentOnly, DEFAULT_NOTICE, "de", PROVIDERS, DEFAULT_RESTRICTED_NOTICE, ["prepayment"])).toBe(DEFAULT_RESTRICTED_NOTICE.de)
  })

  it("should give the generic text when a class the merchant lets first orders use is hidden by something else too", () => {
    const mine = { de: "Nachnahme oder Vorkasse für Erstbestellungen.", en: "COD or prepayment for first orders." }
    const overLimit = decision([hide("cod", "first_order"), hide("inv", "first_order"), hide("dd", "first_order")])
    expect(noticeFor(overLimit, mine, "en", PROVIDERS, DEFAULT_RESTRICTED_NOTICE, ["prepayment", "cash_on_delivery"])).toBe(DEFAULT_RESTRICTED_NOTICE.en)
  })
})

describe("noticeSituation", () => {
  it("should name the situation without a reason", () => {
    expect(noticeSituation(decision([]), PROVIDERS)).toBeNull()
    expect(noticeSituation(decision([hide("inv", "first_order")]), PROVIDERS)).toBe("first_order")
    expect(noticeSituation(decision([hide("inv", "first_order"), hide("cod", "probing")]), PROVIDERS)).toBe("restricted")
  })
})

import { defaultClassFor, isPaymentClass, SAFE_CLASSES, UNSAFE_CLASSES } from "../classes"
import { PAYMENT_CLASSES } from "../types"

describe("classes", () => {
  describe("when a provider id is known to the plugin", () => {
    it.each([
      ["pp_prepayment_manual", "prepayment"],
      ["pp_cash-on-delivery_manual", "cash_on_delivery"],
      ["pp_invoice_manual", "invoice"],
      ["pp_stripe_stripe", "card"],
      ["pp_stripe-bancontact_stripe", "card"],
      ["pp_stripe-sepa_stripe", "direct_debit"],
      ["pp_paypal_paypal", "guaranteed"],
      ["pp_mollie-directdebit_mollie", "direct_debit"],
      ["pp_mollie-creditcard_mollie", "card"],
      ["pp_mollie-banktransfer_mollie", "prepayment"],
      ["pp_adyen_adyen", "card"],
      ["pp_klarna_klarna", "guaranteed"],
    ])("should classify %s as %s and mark it known", (id, expected) => {
      expect(defaultClassFor(id)).toEqual({ risk_class: expected, known: true })
    })
  })

  describe("when a provider id is not known", () => {
    it.each([
      ["pp_system_default"],
      ["pp_custom-bnpl_acme"],
      [""],
      ["stripe"],
      // the prefix must match at the start, not anywhere in the id
      ["xpp_prepayment_manual"],
      ["pp_acme_prepayment_manual"],
      // the prepayment pattern needs the trailing underscore
      ["pp_prepaymentx_manual"],
    ])("should classify %j as other and not known", (id) => {
      expect(defaultClassFor(id)).toEqual({ risk_class: "other", known: false })
    })
  })

  describe("when checking a value with isPaymentClass", () => {
    it.each(PAYMENT_CLASSES.map((c) => [c]))("should accept %s", (value) => {
      expect(isPaymentClass(value)).toBe(true)
    })

    it.each([
      ["unknown"],
      ["Prepayment"],
      ["cod"],
      ["cash-on-delivery"],
      [""],
      [null],
      [undefined],
      [1],
      [{}],
      [["prepayment"]],
    ])("should reject %j", (value) => {
      expect(isPaymentClass(value)).toBe(false)
    })
  })

  describe("when grouping classes into safe and unsafe", () => {
    it("should treat only prepayment and guaranteed as safe", () => {
      expect([...SAFE_CLASSES].sort()).toEqual(["guaranteed", "prepayment"])
    })

    it("should split all classes into exactly one of the two groups", () => {
      expect([...SAFE_CLASSES, ...UNSAFE_CLASSES].sort()).toEqual([...PAYMENT_CLASSES].sort())
      expect(SAFE_CLASSES.filter((c) => UNSAFE_CLASSES.includes(c))).toEqual([])
    })
  })
})

import { paymentReference, referencePrefix } from "../payment-reference"

describe("payment reference", () => {
  it("should be the shop's prefix and the order's display number", () => {
    expect(paymentReference({ name: "Muster Shop" }, 1042)).toBe("MUSTERSHOP 1042")
    expect(paymentReference({ name: "Muster Shop" }, "1042")).toBe("MUSTERSHOP 1042")
  })

  it("should prefer the statement descriptor to the name", () => {
    expect(paymentReference({ statement_descriptor: "MSHOP", name: "Muster Shop" }, 7)).toBe("MSHOP 7")
  })

  it("should keep only characters every SEPA bank accepts, umlauts spelt out, at most 12", () => {
    expect(referencePrefix({ name: "Müller & Söhne GmbH" })).toBe("MUELLERSOEHN")
    expect(referencePrefix({ name: "Café-Straße 3" })).toBe("CAFESTRASSE3")
    expect(referencePrefix({ name: "=HYPERLINK(\"x\")" })).toBe("HYPERLINKX")
  })

  it("should fall back to ORDER when the shop has no usable name", () => {
    expect(paymentReference({ name: "" }, 5)).toBe("ORDER 5")
    expect(paymentReference({ name: "😀 —" }, 5)).toBe("ORDER 5")
  })

  it.each([[null], [undefined], [0], [-3], [1.5], ["12a"], ["order_01J"], [""]])("should refuse the display id %p", (id) => {
    expect(paymentReference({ name: "Shop" }, id as never)).toBeNull()
  })

  it("should be the same for the same order and shop (stable)", () => {
    expect(paymentReference({ name: "Shop" }, 99)).toBe(paymentReference({ name: "Shop" }, 99))
  })
})

import { CreditAnswerSchema } from "../answer-schema"

describe("a bureau's answer", () => {
  it("should accept an unknown person and drop a score or light sent with it", () => {
    expect(CreditAnswerSchema.parse({ result: "unknown", score: 900, traffic_light: "green", reference: "R-1" })).toEqual({
      result: "unknown",
      score: null,
      traffic_light: null,
      reference: "R-1",
    })
  })

  it.each([
    ["no result", { score: 900 }],
    ["a result the plugin does not know", { result: "not_found" }],
    ["an empty result", { result: "" }],
    ["a score that is not a number", { result: "none", score: "900" }],
  ])("should refuse %s", (_, raw) => {
    expect(CreditAnswerSchema.safeParse(raw).success).toBe(false)
  })

  it("should keep score and light for a known person", () => {
    expect(CreditAnswerSchema.parse({ result: "none", score: 900, traffic_light: "green" })).toMatchObject({ result: "none", score: 900, traffic_light: "green" })
  })
})

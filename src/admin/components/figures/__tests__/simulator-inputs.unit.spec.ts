import { bodyOf, emptyInputs, fieldOfError, loadInputs, parseNumber, saveInputs, STORAGE_KEY } from "../simulator-inputs"

const period = { from: "2026-09-05T00:00:00.000Z", to: "2026-12-04T00:00:00.000Z", currency_code: "eur" }
const messages = { number: "number", percent: "percent", required: "required" }

describe("the threshold simulator's inputs", () => {
  it("should read numbers typed with a comma or a point, and nothing else", () => {
    expect(parseNumber("12,5")).toBe(12.5)
    expect(parseNumber(" 30 ")).toBe(30)
    expect(parseNumber("")).toBeNull()
    expect(parseNumber("12 €")).toBeNaN()
  })

  it("should send margin and abandonment as shares and leave empty optional fields to the server", () => {
    const result = bodyOf({ ...emptyInputs(), margin_percent: "30", abandonment_percent: "12,5", prepayment_from: "8" }, period, messages)
    expect(result.body).toEqual({ ...period, margin: 0.3, abandonment_rate: 0.125, prepayment_from: 8 })
  })

  it("should name each field to fix: margin missing, shares above 100 %, scores not whole", () => {
    expect(bodyOf({ ...emptyInputs(), review_from: "2.5", abandonment_percent: "120", cost_per_default: "x" }, period, messages).errors).toEqual({
      margin_percent: "required", review_from: "number", abandonment_percent: "percent", cost_per_default: "number",
    })
  })

  it("should keep the inputs in the browser and survive a broken entry", () => {
    const store = new Map<string, string>()
    const storage = { getItem: (k: string) => store.get(k) ?? null, setItem: (k: string, v: string) => void store.set(k, v) }
    saveInputs(storage, { ...emptyInputs(), margin_percent: "25", days: 180 })
    expect(loadInputs(storage)).toEqual({ ...emptyInputs(), margin_percent: "25", days: 180 })
    store.set(STORAGE_KEY, "{broken")
    expect(loadInputs(storage)).toEqual(emptyInputs())
  })

  it("should put a 400 beside the input it names", () => {
    expect(fieldOfError("margin: enter the gross margin as a share from 0 to 1")).toBe("margin_percent")
    expect(fieldOfError("abandonment_rate: only 12 restricted carts were measured; enter a rate")).toBe("abandonment_percent")
    expect(fieldOfError("Invalid request: Value for field 'cost_per_default' must be a number")).toBe("cost_per_default")
    expect(fieldOfError("Something else went wrong")).toBe("form")
  })
})

import { isConnectionLoss, retryOnConnectionLoss } from "../retry-on-connection-loss"

describe("retryOnConnectionLoss", () => {
  it("should know a lost connection from a wrong query", () => {
    expect(isConnectionLoss(new Error("select 1 - terminating connection due to administrator command"))).toBe(true)
    expect(isConnectionLoss(new Error("Connection terminated unexpectedly"))).toBe(true)
    expect(isConnectionLoss(Object.assign(new Error("x"), { code: "57P01" }))).toBe(true)
    expect(isConnectionLoss(Object.assign(new Error("syntax error"), { code: "42601" }))).toBe(false)
    expect(isConnectionLoss(null)).toBe(false)
  })

  it("should read again after a lost connection, at most twice, and pass other errors at once", async () => {
    let calls = 0
    const flaky = () => (++calls < 3 ? Promise.reject(new Error("Connection terminated unexpectedly")) : Promise.resolve("cart"))
    await expect(retryOnConnectionLoss(flaky, [1, 1])).resolves.toBe("cart")
    expect(calls).toBe(3)

    calls = 0
    const down = () => (++calls, Promise.reject(new Error("Connection terminated unexpectedly")))
    await expect(retryOnConnectionLoss(down, [1, 1])).rejects.toThrow("terminated")
    expect(calls).toBe(3)

    calls = 0
    const wrong = () => (++calls, Promise.reject(new Error("column does not exist")))
    await expect(retryOnConnectionLoss(wrong, [1, 1])).rejects.toThrow("column")
    expect(calls).toBe(1)
  })
})

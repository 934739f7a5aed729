import { exclusiveReplay, ReplayRunError } from "../replay-guard"

const tick = () => new Promise<void>((resolve) => setImmediate(resolve))

describe("exclusiveReplay", () => {
  it("should refuse a second run while one runs, with a 429 in plain words, and take runs again afterwards", async () => {
    let release = () => {}
    const first = exclusiveReplay("backtest", () => new Promise<string>((resolve) => (release = () => resolve("first"))))
    const second = exclusiveReplay("simulation", async () => "second")
    await expect(second).rejects.toEqual(new ReplayRunError("busy", 429, "A backtest is already running; try again in a moment."))
    await expect(second).rejects.toMatchObject({ code: "busy", status: 429 })
    release()
    await expect(first).resolves.toBe("first")
    await expect(exclusiveReplay("simulation", async () => "third")).resolves.toBe("third")
  })

  it("should give the lock back when a run fails", async () => {
    await expect(exclusiveReplay("backtest", async () => Promise.reject(new Error("database gone")))).rejects.toThrow("database gone")
    await expect(exclusiveReplay("backtest", async () => "next")).resolves.toBe("next")
  })

  it("should cut a batch into slices and let other work run between them", async () => {
    const events: string[] = []
    const done = exclusiveReplay(
      "backtest",
      async (run) => {
        for await (const slice of run.slices([1, 2, 3, 4, 5])) events.push(`slice ${slice.join(",")}`)
      },
      { slice: 2 }
    )
    setImmediate(() => events.push("shopper"))
    await done
    // the shopper's callback, queued after the first slice's turn, runs before the second slice
    expect(events).toEqual(["slice 1,2", "shopper", "slice 3,4", "slice 5"])
  })

  it("should stop at the deadline with a 503 asking for a shorter period", async () => {
    const run = exclusiveReplay(
      "simulation",
      async (replay) => {
        for await (const _slice of replay.slices(Array.from({ length: 10 }, (_, i) => i))) await new Promise((resolve) => setTimeout(resolve, 20))
      },
      { slice: 1, deadlineMs: 30 }
    )
    await expect(run).rejects.toMatchObject({ code: "too_long", status: 503 })
    await expect(run).rejects.toThrow(/^A threshold simulation of this period takes longer than \d+ seconds; choose a shorter period\.$/)
    await tick()
    await expect(exclusiveReplay("backtest", async () => "after")).resolves.toBe("after")
  })
})

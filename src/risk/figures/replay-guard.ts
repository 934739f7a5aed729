/**
 * Backtests and threshold simulations replay stored inputs in Node, on the event loop that also
 * serves the shoppers' checkouts. So that an admin cannot slow the shop down:
 * - one run per process at a time (a second one is refused with a 429 while the first runs);
 * - the replay hands the event loop back every `REPLAY_SLICE` orders (`await setImmediate`),
 *   so shoppers' requests are served between slices;
 * - a run stops at `REPLAY_DEADLINE_MS` with a 503 asking for a shorter period.
 */

/** Orders replayed between two returns to the event loop. */
export const REPLAY_SLICE = 200
/** The longest a backtest or simulation may run. */
export const REPLAY_DEADLINE_MS = 60_000

export type ReplayKind = "backtest" | "simulation"

const NAMES: Record<ReplayKind, string> = { backtest: "A backtest", simulation: "A threshold simulation" }

/** A run refused (`busy`, 429) or stopped (`too_long`, 503); `message` is for the merchant. */
export class ReplayRunError extends Error {
  constructor(
    readonly code: "busy" | "too_long",
    readonly status: 429 | 503,
    message: string
  ) {
    super(message)
    this.name = "ReplayRunError"
  }
}

let running: ReplayKind | null = null

/** What a run gets: `slices` cuts a batch into slices and returns to the event loop (and checks the deadline) before each. */
export type ReplayRun = { slices: <T>(batch: readonly T[]) => AsyncGenerator<T[]> }

/**
 * Runs `work` as the process's only replay. Throws `ReplayRunError` (busy) when another runs,
 * (too_long) when the run passes its deadline at a slice boundary.
 */
export async function exclusiveReplay<T>(kind: ReplayKind, work: (run: ReplayRun) => Promise<T>, options: { deadlineMs?: number; slice?: number } = {}): Promise<T> {
  if (running) throw new ReplayRunError("busy", 429, `${NAMES[running]} is already running; try again in a moment.`)
  running = kind
  const deadline = Date.now() + (options.deadlineMs ?? REPLAY_DEADLINE_MS)
  const size = options.slice ?? REPLAY_SLICE
  const seconds = Math.round((options.deadlineMs ?? REPLAY_DEADLINE_MS) / 1000)
  const run: ReplayRun = {
    async *slices<U>(batch: readonly U[]) {
      for (let start = 0; start < batch.length; start += size) {
        await new Promise<void>((resolve) => setImmediate(resolve))
        if (Date.now() > deadline) {
          throw new ReplayRunError("too_long", 503, `${NAMES[kind]} of this period takes longer than ${seconds} seconds; choose a shorter period.`)
        }
        yield batch.slice(start, start + size)
      }
    },
  }
  try {
    return await work(run)
  } finally {
    running = null
  }
}

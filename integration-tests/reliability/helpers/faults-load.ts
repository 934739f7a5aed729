export type Sample = { started: number; ended: number; status: number; ids: string[] }

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/**
 * `concurrency` workers send requests back to back for `durationMs` while `during` does its
 * damage (with the same clock); every request's outcome is kept. A request that throws (no
 * HTTP answer at all) counts as status 0.
 */
export async function runLoad(input: {
  concurrency: number
  durationMs: number
  request: (worker: number) => Promise<Sample>
  during: (sleep: (ms: number) => Promise<unknown>) => Promise<void>
}): Promise<Sample[]> {
  const samples: Sample[] = []
  const until = Date.now() + input.durationMs
  const worker = async (n: number) => {
    while (Date.now() < until) {
      const started = Date.now()
      try {
        samples.push(await input.request(n))
      } catch {
        samples.push({ started, ended: Date.now(), status: 0, ids: [] })
      }
    }
  }
  await Promise.all([...Array.from({ length: input.concurrency }, (_, n) => worker(n)), input.during(sleep)])
  return samples.sort((a, b) => a.started - b.started)
}

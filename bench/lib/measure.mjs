import autocannon from "autocannon"

/**
 * Load on one route with autocannon (loopback, fixed duration, a few connections) after a
 * short warm-up. `requests` cycles through varying bodies/paths.
 */
export async function measure({ name, url, method = "GET", headers = {}, requests, connections = 4, duration = 10, warmup = 3 }) {
  const options = { url, method, headers, connections, requests }
  await autocannon({ ...options, duration: warmup })
  const result = await autocannon({ ...options, duration })
  return {
    name,
    connections,
    duration_s: duration,
    requests: result.requests.total,
    rps: Math.round(result.requests.average),
    p50_ms: result.latency.p50,
    p99_ms: result.latency.p99,
    avg_ms: Number(result.latency.average.toFixed(2)),
    max_ms: result.latency.max,
    non_2xx: result.non2xx,
    errors: result.errors + result.timeouts,
  }
}

/** Per-call time of a synchronous function, in microseconds (median of 5 rounds). */
export function timeInProcess(fn, iterations = 20000) {
  for (let i = 0; i < 2000; i++) fn(i)
  const rounds = []
  for (let round = 0; round < 5; round++) {
    const start = process.hrtime.bigint()
    for (let i = 0; i < iterations; i++) fn(i)
    rounds.push(Number(process.hrtime.bigint() - start) / 1000 / iterations)
  }
  rounds.sort((a, b) => a - b)
  return Number(rounds[2].toFixed(2))
}

/**
 * Latency of one request at a time (what one shopper waits), timed with hrtime to 0.01 ms —
 * autocannon's histogram has whole milliseconds. Keep-alive connection, cycles through requests.
 */
export async function sampleLatency({ url, method = "GET", headers = {}, requests, duration = 10, warmup = 50, until = null }) {
  const http = await import("node:http")
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 })
  const base = new URL(url)
  const list = requests ?? [{ method, path: base.pathname + base.search }]
  const once = (req) =>
    new Promise((resolve, reject) => {
      const started = process.hrtime.bigint()
      const r = http.request(
        { host: base.hostname, port: base.port, path: req.path, method: req.method ?? method, agent, headers: { ...headers, ...(req.body ? { "content-type": "application/json" } : {}) } },
        (res) => {
          res.resume()
          res.on("end", () => resolve({ ms: Number(process.hrtime.bigint() - started) / 1e6, status: res.statusCode }))
        }
      )
      r.on("error", reject)
      if (req.body) r.write(req.body)
      r.end()
    })
  for (let i = 0; i < warmup; i++) await once(list[i % list.length])
  const samples = []
  let bad = 0
  const end = Date.now() + duration * 1000
  // `until`: sample while something else runs (e.g. an import), until it says stop
  for (let i = 0; until ? !until() : Date.now() < end; i++) {
    const { ms, status } = await once(list[i % list.length])
    samples.push(ms)
    if (status >= 300) bad++
  }
  agent.destroy()
  if (!samples.length) return { samples: 0, p50_ms: null, p99_ms: null, avg_ms: null, max_ms: null, non_2xx: bad }
  samples.sort((a, b) => a - b)
  const q = (p) => Number(samples[Math.min(samples.length - 1, Math.floor(p * samples.length))].toFixed(2))
  return { samples: samples.length, p50_ms: q(0.5), p99_ms: q(0.99), max_ms: q(1), avg_ms: Number((samples.reduce((a, b) => a + b, 0) / samples.length).toFixed(2)), non_2xx: bad }
}

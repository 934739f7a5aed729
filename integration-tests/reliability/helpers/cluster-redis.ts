/**
 * A Redis database of its own for one multi-instance run: Redis has 16 numbered databases; the
 * run claims an empty one with a marker key (SET NX) so parallel runs never share queues, locks
 * or cache entries, and flushes exactly that database when it is done.
 */
// eslint-disable-next-line @typescript-eslint/no-var-requires
const Redis = require("ioredis")

export const REDIS_BASE_URL = process.env.PAYMENT_RISK_REDIS_URL || "redis://127.0.0.1:6379"
const CLAIM_KEY = "payment-risk:reliability-claim"

type RedisClient = {
  ping(): Promise<string>
  select(db: number): Promise<string>
  set(...args: unknown[]): Promise<string | null>
  dbsize(): Promise<number>
  del(key: string): Promise<number>
  flushdb(): Promise<string>
  quit(): Promise<string>
  disconnect(): void
}

export type ClaimedRedis = { url: string; db: number; release: () => Promise<void> }

function client(): RedisClient {
  const redis = new Redis(REDIS_BASE_URL, {
    lazyConnect: true,
    connectTimeout: 2000,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
  })
  redis.on("error", () => {})
  return redis
}

/** Throws a clear message when Redis does not answer (CI starts one; see docs/multi-instance.md). */
export async function claimRedisDatabase(): Promise<ClaimedRedis> {
  const redis = client()
  try {
    await (redis as unknown as { connect(): Promise<void> }).connect()
    await redis.ping()
  } catch (error) {
    redis.disconnect()
    throw new Error(
      `Redis is not reachable at ${REDIS_BASE_URL} (${error instanceof Error ? error.message : error}). ` +
        "The multi-instance test runs two servers on Medusa's Redis modules and needs a Redis server: " +
        "start one (e.g. `redis-server --daemonize yes`) or set PAYMENT_RISK_REDIS_URL."
    )
  }
  // databases 1–15, starting at a per-process offset; 0 is left to whatever else uses Redis
  const start = process.pid % 15
  for (let i = 0; i < 15; i++) {
    const db = 1 + ((start + i) % 15)
    await redis.select(db)
    const claimed = await redis.set(CLAIM_KEY, String(process.pid), "EX", 1800, "NX")
    if (claimed !== "OK") continue
    if ((await redis.dbsize()) !== 1) {
      // someone else's keys live here: leave it alone
      await redis.del(CLAIM_KEY)
      continue
    }
    return {
      url: `${REDIS_BASE_URL.replace(/\/\d*$/, "")}/${db}`,
      db,
      release: async () => {
        await redis.select(db)
        await redis.flushdb()
        await redis.quit().catch(() => redis.disconnect())
      },
    }
  }
  redis.disconnect()
  throw new Error(`no empty Redis database (1–15) at ${REDIS_BASE_URL} for the multi-instance test`)
}

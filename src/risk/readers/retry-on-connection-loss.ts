/**
 * Errors that mean the database connection went away under the query (a restart, a failover,
 * `pg_terminate_backend`), not that the query is wrong: PostgreSQL's connection-exception and
 * admin-shutdown codes and the driver's own messages for a closed socket.
 */
const LOST_CODES = /^(08|57P0[123])/
const LOST_MESSAGES =
  /terminating connection|connection terminated|server closed the connection|encountered a connection error|ECONNRESET|ECONNREFUSED|EPIPE/i

export function isConnectionLoss(error: unknown): boolean {
  const e = error as { code?: unknown; message?: unknown } | null
  return (typeof e?.code === "string" && LOST_CODES.test(e.code)) || LOST_MESSAGES.test(String(e?.message ?? ""))
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/**
 * Runs a read again when the connection was lost under it. The pool drops a dead connection
 * when its query fails, so the next attempt gets a fresh one; a short pause lets the pool
 * notice the other connections that died at the same moment. Other errors pass through.
 */
export async function retryOnConnectionLoss<T>(read: () => Promise<T>, pauses: number[] = [20, 100]): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await read()
    } catch (error) {
      if (attempt >= pauses.length || !isConnectionLoss(error)) throw error
      await sleep(pauses[attempt])
    }
  }
}

import { Client } from "pg"

/**
 * Terminates every backend of the test database except its own, from a client of its own:
 * what a database restart or a failover does to the app's pooled connections.
 */
export async function terminateBackends(clientUrl: string): Promise<number> {
  const client = new Client({ connectionString: clientUrl })
  await client.connect()
  try {
    const { rows } = await client.query(
      "select pg_terminate_backend(pid) as done from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()"
    )
    return rows.filter((row: { done: boolean }) => row.done).length
  } finally {
    await client.end()
  }
}

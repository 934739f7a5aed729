import { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"

type Trx = { raw: (sql: string, bindings?: unknown[]) => Promise<unknown> }
type Knex = { transaction: <T>(work: (trx: Trx) => Promise<T>) => Promise<T> }

/** How long an action waits for another action on the same receivable (then 409, try again). */
export const RECEIVABLE_LOCK_TIMEOUT_MS = 10_000

/** the first half of the advisory lock's key: the plugin's receivables (the second half is the order id's hash) */
export const RECEIVABLE_LOCK_SPACE = "payment-risk:receivable"

/** PostgreSQL's lock_not_available (lock_timeout passed). */
const LOCK_NOT_AVAILABLE = "55P03"

/**
 * Runs a merchant's action on an order's receivable (a payment, the next stage, pause, resume,
 * write-off, hand-over) while holding the receivable's lock, so actions on one claim run one
 * after the other on every instance: each reads the claim as the previous one left it. The lock
 * is PostgreSQL's transaction-scoped advisory lock on the order id, held by a transaction of its
 * own until `work` has finished. Not the row's `SELECT … FOR UPDATE`: the action itself updates
 * the receivable's row (its hold) through the module on another connection, which a row lock
 * would block until the lock timed out. The claim is computed from the order and its outcomes,
 * which the action writes through the module (committed before the lock is let go), so `work`
 * must read the claim itself, inside the lock. Another action on the same claim waits at most
 * RECEIVABLE_LOCK_TIMEOUT_MS, then 409.
 *
 * Do not nest it, nor call it from a step of a workflow run under it: the inner lock would wait
 * for the outer one until the timeout.
 */
export async function withReceivableLock<T>(container: MedusaContainer, orderId: string, work: () => Promise<T>): Promise<T> {
  const knex = container.resolve<Knex>(ContainerRegistrationKeys.PG_CONNECTION)
  try {
    return await knex.transaction(async (trx) => {
      await trx.raw(`set local lock_timeout = ${RECEIVABLE_LOCK_TIMEOUT_MS}`)
      await trx.raw(`select pg_advisory_xact_lock(hashtext(?), hashtext(?))`, [RECEIVABLE_LOCK_SPACE, orderId])
      return await work()
    })
  } catch (error) {
    if ((error as { code?: unknown })?.code === LOCK_NOT_AVAILABLE) {
      throw new MedusaError(MedusaError.Types.CONFLICT, "Another change to this receivable is being saved: try again in a moment")
    }
    throw error
  }
}

import { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { AddressSnapshot, creditIdentity, LEGACY_KEY_ID } from "../../engine"
import { PAYMENT_RISK_MODULE } from "../../modules/payment-risk"
import PaymentRiskModuleService from "../../modules/payment-risk/service"

/** Which stored hashes depend on which secret, by key id (`legacy`: before per-purpose keys). */
export type HashKeyStatus = {
  current_key_id: string
  /** current first, then the ids of `previous_hash_secrets` */
  active_key_ids: string[]
  /** negative-list IBAN/card entries by key id */
  list_entries: Record<string, number>
  /** answered credit queries (the answers' cache) by key id */
  credit_queries: Record<string, number>
  /**
   * IBAN/card entries on an earlier secret (legacy included): they match while that secret is
   * configured and move to the current one when a check sees their clear value, or when the
   * merchant enters the value again
   */
  list_entries_on_earlier_keys: number
  /** IBAN/card entries of a secret no longer configured: they can never match again */
  list_entries_unmatchable: number
}

export type RekeyReport = HashKeyStatus & {
  /** credit queries read (not on the current key) and re-keyed from their cart's address */
  credit_queries_read: number
  credit_queries_rekeyed: number
}

/** Counts of stored hashes by key id, with what is still on an earlier or a forgotten secret. */
export async function hashKeyStatus(service: PaymentRiskModuleService): Promise<HashKeyStatus> {
  const keys = service.getHashKeys()
  const counts = await service.countHashKeyUse()
  const sum = (filter: (id: string) => boolean) =>
    Object.entries(counts.list_entries).filter(([id]) => filter(id)).reduce((total, [, count]) => total + count, 0)
  return {
    current_key_id: keys.current_id,
    active_key_ids: keys.active_ids,
    list_entries: counts.list_entries,
    credit_queries: counts.credit_queries,
    list_entries_on_earlier_keys: sum((id) => id !== keys.current_id && (id === LEGACY_KEY_ID || keys.active_ids.includes(id))),
    list_entries_unmatchable: sum((id) => id !== LEGACY_KEY_ID && !keys.active_ids.includes(id)),
  }
}

type Query = { graph: (config: { entity: string; fields: string[]; filters: Record<string, unknown> }) => Promise<{ data: unknown[] }> }
type CartAddresses = { id: string; billing_address?: AddressSnapshot | null; shipping_address?: AddressSnapshot | null }

const ADDRESS_FIELDS = ["first_name", "last_name", "company", "address_1", "address_2", "postal_code", "city", "country_code"]

/**
 * Re-keys, in batches, what can be recomputed after a rotation of `hash_secret`:
 * - credit queries (the answers' cache): the identity is read again from the query's cart (the
 *   person asked about, as runCreditCheck chose it); only where its hash under an earlier secret
 *   equals the stored one is it replaced by the current secret's hash — a cart changed since
 *   keeps its row as it is (it ages out with the cache).
 * - negative-list IBAN/card entries store no clear value, so they cannot be recomputed here:
 *   they are counted (`list_entries_on_earlier_keys`) and move to the current secret when a
 *   check matches their clear value. Person, address, email, phone, IP and customer entries
 *   hold no keyed hash and need nothing.
 * - velocity signals, probing observations and credit reservations live minutes to days: their
 *   counts start afresh under the current secret and the old rows age out.
 * Running it again changes nothing new.
 */
export async function rekeyHashedData(container: MedusaContainer, { batchSize = 500 } = {}): Promise<RekeyReport> {
  const service = container.resolve<PaymentRiskModuleService>(PAYMENT_RISK_MODULE)
  const query = container.resolve<Query>(ContainerRegistrationKeys.QUERY)
  const keys = service.getHashKeys()
  let read = 0
  let rekeyed = 0
  for (let after = ""; ; ) {
    const rows = await service.listCreditQueriesToRekey(keys.current_id, after, batchSize)
    if (!rows.length) break
    read += rows.length
    after = rows[rows.length - 1].id
    const cartIds = [...new Set(rows.map((row) => row.cart_id))]
    const { data } = await query.graph({
      entity: "cart",
      fields: ["id", ...ADDRESS_FIELDS.map((f) => `billing_address.${f}`), ...ADDRESS_FIELDS.map((f) => `shipping_address.${f}`)],
      filters: { id: cartIds },
    })
    const identities = new Map(
      (data as CartAddresses[]).map((cart) => {
        const person = [cart.billing_address, cart.shipping_address].find((a) => a?.last_name?.trim() || a?.company?.trim())
        return [cart.id, creditIdentity(person ?? null)]
      })
    )
    const updates = rows.flatMap((row) => {
      const identity = identities.get(row.cart_id)
      if (!identity) return []
      const known = keys.candidates("credit_identity", identity).some((candidate) => candidate.hash === row.identity_hash)
      return known ? [{ id: row.id, identity_hash: keys.hash("credit_identity", identity), key_id: keys.current_id }] : []
    })
    rekeyed += await service.rekeyCreditQueries(updates)
  }
  return { ...(await hashKeyStatus(service)), credit_queries_read: read, credit_queries_rekeyed: rekeyed }
}

import { normaliseSubject } from "../../engine"
import PaymentRiskModuleService from "../../modules/payment-risk/service"
import { signalKey } from "../rules/signal-keys"

/**
 * Identity observations are personal data (keyed hashes of email, person, address, IP): they
 * go with the assessments' retention period and with a shopper's erasure request (by customer
 * id or email, hashed as recorded). Returns how many rows were deleted.
 */
export async function eraseIdentityObservations(
  service: PaymentRiskModuleService,
  filter: { olderThan?: Date; email?: string; customer_id?: string }
): Promise<number> {
  const or: Record<string, unknown>[] = []
  if (filter.customer_id) or.push({ customer_id: filter.customer_id })
  if (filter.email) {
    const email = normaliseSubject({ addresses: [], email: filter.email }, service.getHashSecret()).email
    if (email) or.push({ email_key: signalKey(service.getHashSecret(), "email", email) })
  }
  const selector: Record<string, unknown> = {}
  if (filter.olderThan) selector.updated_at = { $lt: filter.olderThan }
  if (or.length) selector.$or = or
  else if (!filter.olderThan) return 0
  const rows = await service.listIdentityObservations(selector, { select: ["id"], take: 100_000 })
  if (rows.length) await service.deleteIdentityObservations(rows.map((row) => row.id))
  return rows.length
}

import { velocityKey, VelocityNeed, VelocitySubject } from "../../engine"
import PaymentRiskModuleService, { SignalCount } from "../../modules/payment-risk/service"
import { SignalKeys } from "./signal-keys"

const COLUMN: Record<VelocitySubject, SignalCount["column"]> = {
  email: "email_key",
  phone: "phone_key",
  shipping_address: "address_key",
  ip: "ip_key",
  customer: "customer_id",
}

/**
 * Counts exactly the velocity needs of the enabled rules, in one database query (so they hold
 * across server instances), excluding the cart itself. A subject the cart lacks (no phone, IP
 * unknown) gets no count: its conditions report themselves unavailable.
 */
export async function velocityCounts(
  service: PaymentRiskModuleService,
  needs: VelocityNeed[],
  cart: { id: string; customer_id?: string | null },
  keys: SignalKeys,
  now: Date
): Promise<Record<string, number>> {
  const values: Record<SignalCount["column"], string | null> = {
    email_key: keys.email_key,
    phone_key: keys.phone_key,
    address_key: keys.address_key,
    ip_key: keys.ip_key,
    customer_id: cart.customer_id ?? null,
  }
  const asked = needs.flatMap((need) => {
    const column = COLUMN[need.subject]
    const value = values[column]
    return value
      ? [{ key: velocityKey(need), count: { column, value, source: need.source, since: new Date(now.getTime() - need.window_minutes * 60_000) } }]
      : []
  })
  const counts = await service.countCartSignals(asked.map((a) => a.count), cart.id)
  return Object.fromEntries(asked.map((a, index) => [a.key, counts[index]]))
}

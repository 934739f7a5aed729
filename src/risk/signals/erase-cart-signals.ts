import PaymentRiskModuleService from "../../modules/payment-risk/service"

const BATCH = 10_000

/**
 * Velocity signals are personal data (keyed hashes of email, phone, address, IP, a customer id):
 * the retention job hard-deletes those created before `olderThan` (settings →
 * `retention.cart_signal_days`), a batch at a time. A shopper's erasure request deletes hers in
 * the erasure workflow's transaction. Returns how many rows were deleted.
 */
export async function eraseCartSignals(service: PaymentRiskModuleService, filter: { olderThan: Date }): Promise<number> {
  let deleted = 0
  for (;;) {
    const rows = await service.listCartSignals({ created_at: { $lt: filter.olderThan } }, { select: ["id"], take: BATCH })
    if (!rows.length) return deleted
    await service.deleteCartSignals(rows.map((row) => row.id))
    deleted += rows.length
    if (rows.length < BATCH) return deleted
  }
}

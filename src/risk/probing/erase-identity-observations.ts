import PaymentRiskModuleService from "../../modules/payment-risk/service"

const BATCH = 10_000

/**
 * Identity observations are personal data (keyed hashes of email, person, address, IP, a
 * customer id): the retention job hard-deletes those last seen before `olderThan` (settings →
 * `retention.identity_observation_days`, never shorter than the probing window), a batch at a
 * time. A shopper's erasure request deletes hers in the erasure workflow's transaction.
 * Returns how many rows were deleted.
 */
export async function eraseIdentityObservations(service: PaymentRiskModuleService, filter: { olderThan: Date }): Promise<number> {
  let deleted = 0
  for (;;) {
    const rows = await service.listIdentityObservations({ updated_at: { $lt: filter.olderThan } }, { select: ["id"], take: BATCH })
    if (!rows.length) return deleted
    await service.deleteIdentityObservations(rows.map((row) => row.id))
    deleted += rows.length
    if (rows.length < BATCH) return deleted
  }
}

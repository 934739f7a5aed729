import PaymentRiskModuleService from "../../modules/payment-risk/service"

/** Reservations only count the last hour; a day is kept for the admin's figures at most. */
export const CREDIT_RESERVATION_DAYS = 1

const BATCH = 10_000

/**
 * Credit reservations hold a customer id and keyed hashes of the person and IP asked about:
 * the retention job hard-deletes those older than a day (`olderThan`), a batch at a time. A
 * shopper's erasure request deletes hers (by cart, customer id or the person's hash) in the
 * erasure workflow's transaction. Returns how many rows were deleted.
 */
export async function eraseCreditReservations(service: PaymentRiskModuleService, filter: { olderThan: Date }): Promise<number> {
  let deleted = 0
  for (;;) {
    const rows = await service.listCreditReservations({ created_at: { $lt: filter.olderThan } }, { select: ["id"], take: BATCH })
    if (!rows.length) return deleted
    await service.deleteCreditReservations(rows.map((row) => row.id))
    deleted += rows.length
    if (rows.length < BATCH) return deleted
  }
}

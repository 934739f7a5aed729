import PaymentRiskModuleService from "../../modules/payment-risk/service"

/** Reservations only count the last hour; a day is kept for the admin's figures at most. */
export const CREDIT_RESERVATION_DAYS = 1

/**
 * Credit reservations hold a customer id and keyed hashes of the person and IP asked about:
 * deleted after a day by the retention job, and at once on a shopper's erasure request by
 * customer id (the hashes cannot be found from an email without the person and IP).
 */
export async function eraseCreditReservations(
  service: PaymentRiskModuleService,
  filter: { olderThan?: Date; customer_id?: string }
): Promise<number> {
  const selector: Record<string, unknown> = {}
  if (filter.customer_id) selector.customer_id = filter.customer_id
  if (filter.olderThan) selector.created_at = { $lt: filter.olderThan }
  if (!Object.keys(selector).length) return 0
  const rows = await service.listCreditReservations(selector, { select: ["id"], take: 100_000 })
  if (rows.length) await service.deleteCreditReservations(rows.map((row) => row.id))
  return rows.length
}

import PaymentRiskModuleService from "../../modules/payment-risk/service"
import { DefaultTipRow, defaultTipRows } from "../../modules/payment-risk/tips"

/** settings row whose presence records that the default tips were seeded (once, ever) */
export const TIPS_SEEDED_SCOPE = "tips_seeded"

/** services (one per app) known to have the marker: the store route skips the look-up then */
const known = new WeakSet<object>()

/**
 * Seeds the default tips once in the life of the store: the marker row (unique scope) is written
 * first, so a second instance or request seeds nothing, and a default the merchant deleted never
 * comes back. If writing the tips fails, the marker is removed again so the next read retries.
 * Returns the number of tips inserted.
 */
export async function ensureDefaultTips(
  service: PaymentRiskModuleService,
  options: { rows?: DefaultTipRow[]; trustMemo?: boolean } = {}
): Promise<number> {
  if (options.trustMemo && known.has(service)) {
    return 0
  }
  const [existing] = await service.listRiskSettings({ scope: TIPS_SEEDED_SCOPE }, { take: 1, select: ["id"] })
  if (existing) {
    known.add(service)
    return 0
  }
  const rows = options.rows ?? defaultTipRows()
  let marker: { id: string }
  try {
    marker = await service.createRiskSettings({
      scope: TIPS_SEEDED_SCOPE,
      values: { at: new Date().toISOString(), keys: rows.map((row) => row.default_key) },
    })
  } catch (error) {
    // another request or instance wrote the marker first (unique scope): it seeds
    const [raced] = await service.listRiskSettings({ scope: TIPS_SEEDED_SCOPE }, { take: 1, select: ["id"] })
    if (raced) {
      known.add(service)
      return 0
    }
    throw error
  }
  try {
    if (rows.length) {
      await service.createSecurityTips(rows)
    }
  } catch (error) {
    await service.deleteRiskSettings(marker.id)
    throw error
  }
  known.add(service)
  return rows.length
}

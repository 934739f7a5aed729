import PaymentRiskModuleService from "../../modules/payment-risk/service"
import { DEFAULT_TIPS_EDITION, DefaultTipRow, currentDefaultText, defaultTipRows } from "../../modules/payment-risk/tips"

/** settings row whose presence records that the default tips were seeded (once, ever) */
export const TIPS_SEEDED_SCOPE = "tips_seeded"

/** settings row recording that a store seeded earlier was brought up to an edition of the default set */
export const tipsEditionScope = (edition: number) => `${TIPS_SEEDED_SCOPE}.${edition}`

/** services (one per app) known to have the current edition: the store route skips the look-up then */
const known = new WeakSet<object>()

type Marker = { id: string; scope: string; values: Record<string, unknown> }

/** The edition a marker records: its `edition` value, else 1 (the first marker had none). */
const editionOf = (marker: Marker) => (typeof marker.values?.edition === "number" ? marker.values.edition : 1)

/** Every default key ever offered to the store: the seed's and each later edition's. */
const offeredKeys = (markers: Marker[]) =>
  new Set(markers.flatMap((marker) => (Array.isArray(marker.values?.keys) ? marker.values.keys.map(String) : [])))

/**
 * Writes a marker row (unique scope) first, so only one request or instance does the work; a
 * request that loses the race does nothing. Null when another one wrote it.
 */
async function claim(service: PaymentRiskModuleService, scope: string, values: Record<string, unknown>): Promise<Marker | null> {
  try {
    return await service.createRiskSettings({ scope, values })
  } catch (error) {
    const [raced] = await service.listRiskSettings({ scope }, { take: 1, select: ["id"] })
    if (raced) {
      return null
    }
    throw error
  }
}

/**
 * Seeds the default tips once in the life of the store: the marker row (unique scope) is written
 * first, so a second instance or request seeds nothing, and a default the merchant deleted never
 * comes back. If writing the tips fails, the marker is removed again so the next read retries.
 * A store seeded by an earlier edition is brought up to date once (`updateToCurrentEdition`).
 * Returns the number of tips inserted.
 */
export async function ensureDefaultTips(
  service: PaymentRiskModuleService,
  options: { rows?: DefaultTipRow[]; trustMemo?: boolean } = {}
): Promise<number> {
  if (options.trustMemo && known.has(service)) {
    return 0
  }
  const scopes = [TIPS_SEEDED_SCOPE]
  for (let edition = 2; edition <= DEFAULT_TIPS_EDITION; edition++) {
    scopes.push(tipsEditionScope(edition))
  }
  const markers: Marker[] = await service.listRiskSettings({ scope: scopes }, { select: ["id", "scope", "values"] })
  const rows = options.rows ?? defaultTipRows()
  if (!markers.some((marker) => marker.scope === TIPS_SEEDED_SCOPE)) {
    return seed(service, rows)
  }
  if (Math.max(...markers.map(editionOf)) >= DEFAULT_TIPS_EDITION) {
    known.add(service)
    return 0
  }
  return updateToCurrentEdition(service, rows, markers)
}

async function seed(service: PaymentRiskModuleService, rows: DefaultTipRow[]): Promise<number> {
  const marker = await claim(service, TIPS_SEEDED_SCOPE, {
    at: new Date().toISOString(),
    edition: DEFAULT_TIPS_EDITION,
    keys: rows.map((row) => row.default_key),
  })
  if (!marker) {
    known.add(service)
    return 0
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

/**
 * Once per edition, for a store seeded by an earlier one: default texts the merchant never edited
 * are replaced by the current ones, and defaults added since are inserted — only keys never
 * offered before, so a default the merchant deleted stays deleted. The updates go first (doing them
 * twice changes nothing) and the insert last (one statement), so a retry after a failure (the
 * marker is removed again) never inserts a tip twice. Returns the number of tips inserted.
 */
async function updateToCurrentEdition(service: PaymentRiskModuleService, rows: DefaultTipRow[], markers: Marker[]): Promise<number> {
  const offered = offeredKeys(markers)
  const added = rows.filter((row) => !offered.has(row.default_key))
  const marker = await claim(service, tipsEditionScope(DEFAULT_TIPS_EDITION), {
    at: new Date().toISOString(),
    edition: DEFAULT_TIPS_EDITION,
    keys: added.map((row) => row.default_key),
  })
  if (!marker) {
    known.add(service)
    return 0
  }
  try {
    const stored = await service.listSecurityTips(
      { default_key: rows.map((row) => row.default_key) },
      { select: ["id", "title", "body", "default_key"] }
    )
    const outdated = stored.flatMap((tip) => {
      const text = currentDefaultText(tip)
      return text ? [{ id: tip.id, ...text }] : []
    })
    if (outdated.length) {
      await service.updateSecurityTips(outdated)
    }
    if (added.length) {
      await service.createSecurityTips(added)
    }
  } catch (error) {
    await service.deleteRiskSettings(marker.id)
    throw error
  }
  known.add(service)
  return added.length
}

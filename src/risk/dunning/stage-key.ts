/**
 * A dunning stage is recorded as an outcome of kind `dunning_stage`, source `job` (also when the
 * merchant sends it early), with this external id: the unique index on (source, external_id)
 * then lets exactly one stage record exist per order and stage, however many job runs or
 * instances try at the same moment.
 */
export const DUNNING_STAGE_SOURCE = "job" as const

export function dunningStageKey(orderId: string, stage: number): string {
  return `dunning:${orderId}:${stage}`
}

/** The stage index of a stage record's external id, or null when it is not one. */
export function stageOfKey(orderId: string, externalId: string | null | undefined): number | null {
  const prefix = `dunning:${orderId}:`
  if (!externalId || !externalId.startsWith(prefix)) return null
  const rest = externalId.slice(prefix.length)
  return /^\d{1,3}$/.test(rest) ? Number(rest) : null
}

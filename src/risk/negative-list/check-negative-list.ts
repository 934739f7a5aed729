import { MedusaContainer } from "@medusajs/framework/types"
import {
  entryKeys,
  MatchSubject,
  matchEntries,
  NegativeListEntrySnapshot,
  NegativeListMatch,
  NormalisedSubject,
  normaliseSubject,
  subjectKeys,
} from "../../engine"
import { readEntryAction } from "../../engine/negative-list/entry-action"
import { PAYMENT_RISK_MODULE } from "../../modules/payment-risk"
import PaymentRiskModuleService from "../../modules/payment-risk/service"

export type ListCheckResult = {
  matches: Array<{ entry: Record<string, unknown>; match: NegativeListMatch }>
}

/**
 * Checks data against the negative list: normalise and hash like the stored entries (IBAN and
 * card under every configured secret), fetch the entries sharing a lookup key (index lookup),
 * score them in the engine. A matched IBAN/card entry still hashed under an earlier secret is
 * moved onto the current one (its clear value is known now, and only now).
 */
export async function checkNegativeList(container: MedusaContainer, subject: MatchSubject): Promise<ListCheckResult> {
  const service = container.resolve<PaymentRiskModuleService>(PAYMENT_RISK_MODULE)
  const keys = service.getHashKeys()
  const normalised = normaliseSubject(subject, keys)
  const lookup = subjectKeys(normalised)
  if (!lookup.length) {
    return { matches: [] }
  }
  // one statement: the candidates with their own actions (an outcome's consequence; most have none)
  const candidates = await service.findListCandidates(lookup)
  const byId = new Map(candidates.map((row) => [row.id as string, row]))
  const matches = matchEntries(normalised, candidates as unknown as NegativeListEntrySnapshot[])
  const found = matches.map((match) => {
    const entry = byId.get(match.entry_id)!
    // validated: a damaged value counts as none (the kind's action)
    const action = readEntryAction(entry.action)
    entry.action = action
    return { entry, match: { ...match, action } }
  })
  await rekeyMatchedEntries(container, service, normalised, keys.current_id, found.map(({ entry }) => entry))
  return { matches: found }
}

/**
 * Rewrites matched IBAN/card entries whose hash is an earlier secret's (or the legacy scheme's)
 * with the current secret's hash of the same clear value. Best effort: a failure is logged and
 * the entry keeps matching under the earlier secret while that one is configured.
 */
async function rekeyMatchedEntries(
  container: MedusaContainer,
  service: PaymentRiskModuleService,
  normalised: NormalisedSubject,
  currentKeyId: string,
  entries: Array<Record<string, unknown>>
): Promise<void> {
  const rows = entries
    .filter((entry) => (entry.kind === "iban" || entry.kind === "card") && typeof entry.value === "string")
    .map((entry) => ({ entry, value: normalised.rekeyed_hashes?.[entry.value as string] }))
    .filter((row): row is { entry: Record<string, unknown>; value: string } => !!row.value)
    .map(({ entry, value }) => {
      entry.value = value
      entry.key_id = currentKeyId
      const kind = entry.kind as "iban" | "card"
      return { id: entry.id as string, value, key_id: currentKeyId, lookup_keys: entryKeys({ kind, value }) }
    })
  if (!rows.length) return
  try {
    await service.rekeyListEntries(rows)
  } catch (error) {
    container.resolve("logger").warn(`medusa-payment-risk: could not re-key ${rows.length} negative-list entries: ${(error as Error).message}`)
  }
}

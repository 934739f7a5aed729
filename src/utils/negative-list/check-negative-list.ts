import { MedusaContainer } from "@medusajs/framework/types"
import {
  MatchSubject,
  matchEntries,
  NegativeListEntrySnapshot,
  NegativeListMatch,
  normaliseSubject,
  subjectKeys,
} from "../../engine"
import { PAYMENT_RISK_MODULE } from "../../modules/payment-risk"
import PaymentRiskModuleService from "../../modules/payment-risk/service"

export type ListCheckResult = {
  matches: Array<{ entry: Record<string, unknown>; match: NegativeListMatch }>
}

/**
 * Checks data against the negative list: normalise and hash like the stored entries, fetch the
 * entries sharing a lookup key (index lookup), score them in the engine.
 */
export async function checkNegativeList(container: MedusaContainer, subject: MatchSubject): Promise<ListCheckResult> {
  const service = container.resolve<PaymentRiskModuleService>(PAYMENT_RISK_MODULE)
  const normalised = normaliseSubject(subject, service.getHashSecret())
  const keys = subjectKeys(normalised)
  if (!keys.length) {
    return { matches: [] }
  }
  const candidates = await service.findListCandidates(keys)
  const byId = new Map(candidates.map((row) => [row.id as string, row]))
  const matches = matchEntries(normalised, candidates as unknown as NegativeListEntrySnapshot[])
  return { matches: matches.map((match) => ({ entry: byId.get(match.entry_id)!, match })) }
}

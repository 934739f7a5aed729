/** The reason recorded when an order repeats a recent order of the same shopper. */
export const DUPLICATE_ORDER_REASON = "duplicate_order"

/** What the engine needs to decide whether a placed order waits for the merchant's review. */
export type ReviewInput<Duplicate> = {
  /** the order's assessment asked for a review (a flagging rule held or the score crossed the threshold) */
  rules_review: boolean
  /** the rules' reasons (rule ids / keys), kept in the review's history */
  rule_reasons: readonly string[]
  score: number
  /** the recent order this order duplicates, if any (kept as it is in the review's history) */
  duplicate_of: Duplicate | null
}

export type ReviewDecision<Duplicate> =
  | { hold: false }
  | { hold: true; details: { reasons: string[]; score: number; duplicate_of?: Duplicate } }

/**
 * Whether a placed order is held for review, and why: when the rules asked for it or when it
 * duplicates a recent order. Held orders keep the rules' reasons first, then the duplicate.
 */
export function decideReview<Duplicate>(input: ReviewInput<Duplicate>): ReviewDecision<Duplicate> {
  if (!input.rules_review && !input.duplicate_of) {
    return { hold: false }
  }
  const reasons = input.rules_review ? [...input.rule_reasons] : []
  if (input.duplicate_of) {
    reasons.push(DUPLICATE_ORDER_REASON)
  }
  return {
    hold: true,
    details: { reasons, score: input.score, ...(input.duplicate_of ? { duplicate_of: input.duplicate_of } : {}) },
  }
}

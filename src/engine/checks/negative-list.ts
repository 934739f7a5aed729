import { certainMatchAction } from "../negative-list/entry-action"
import { CheckOutcome, EngineContext, ListAction, Restriction, RiskCheck } from "../types"

function toRestriction(action: ListAction): Restriction {
  return action.type === "allow_only_classes"
    ? { kind: "allow_only_classes", classes: action.classes }
    : { kind: "hide_classes", classes: action.classes }
}

/**
 * Golden rule 1 (seed 003 §5.2.2): internal data first. Each match of the cart's data on the
 * negative list restricts the methods by the entry's own action where it has one (an outcome's
 * consequence, e.g. "no invoice or direct debit" after a return debit for lack of funds), else by
 * its kind's action; a possible match (e.g. only an initial) by the milder review action. The
 * shopper only ever sees the neutral notice.
 */
export const negativeListCheck: RiskCheck = {
  id: "negative_list",
  evaluate({ settings, negative_list_matches }: EngineContext): CheckOutcome[] {
    const rule = settings.negative_list
    if (!rule.enabled || !negative_list_matches?.length) {
      return []
    }
    return negative_list_matches.map((match) => {
      const own = match.certain && !!match.action
      const action = match.certain ? certainMatchAction(match.action, rule.actions[match.kind]) : rule.possible_match_action
      return {
        restriction: toRestriction(action),
        reason: {
          check: "negative_list",
          code: match.certain ? "negative_list_match" : "negative_list_possible_match",
          message: `${match.certain ? "Match" : "Possible match"} on the negative list (${match.kind}, score ${match.score.toFixed(2)}) on ${match.matched_on.join(", ")}`,
          values: {
            entry_id: match.entry_id,
            kind: match.kind,
            score: match.score,
            certain: match.certain,
            matched_on: match.matched_on,
            ...(own ? { entry_action: action } : {}),
          },
        },
      }
    })
  },
}

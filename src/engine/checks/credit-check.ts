import { actionsForAnswer } from "../credit/policy"
import { CheckOutcome, EngineContext, ListAction, Restriction, RiskCheck } from "../types"

const restriction = (action: ListAction): Restriction =>
  action.type === "allow_only_classes" ? { kind: "allow_only_classes", classes: action.classes } : { kind: "hide_classes", classes: action.classes }

/**
 * Golden rule 3: external data last. The adapter asked a bureau only when `planCreditQuery`
 * said so; this maps its answer (or its failure, or the abuse limit that stopped it) to the
 * payment classes.
 */
export const creditCheck: RiskCheck = {
  id: "credit_check",
  evaluate({ credit, settings }: EngineContext): CheckOutcome[] {
    if (!credit) return []
    const config = settings.credit_check
    if (credit.status === "failed" && credit.limit) {
      return [
        {
          restriction: restriction(config.failure_action),
          reason: {
            check: "credit_check",
            code: "credit_limit_reached",
            message: `Credit check limit reached (${credit.limit}): no bureau asked`,
            values: { limit: credit.limit, max: config.limits[credit.limit] },
          },
        },
      ]
    }
    if (credit.status === "failed") {
      return [
        {
          restriction: restriction(config.failure_action),
          reason: { check: "credit_check", code: "credit_check_failed", message: `No credit check answer: ${credit.errors.join("; ")}`, values: { errors: credit.errors } },
        },
      ]
    }
    const { answer, provider_id, cached } = credit
    return actionsForAnswer(answer, config).map(({ code, action }) => ({
      restriction: restriction(action),
      reason: {
        check: "credit_check",
        code,
        message: `Credit check by ${provider_id}${cached ? " (cached)" : ""}: ${answer.result}${answer.score != null ? `, score ${answer.score}` : ""}${answer.traffic_light ? `, ${answer.traffic_light}` : ""}`,
        values: { provider_id, cached, result: answer.result, score: answer.score ?? null, traffic_light: answer.traffic_light ?? null, reference: answer.reference ?? null },
      },
    }))
  },
}

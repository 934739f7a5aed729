import { Badge, Text } from "@medusajs/ui"
import { ruleNameText } from "../../lib/rule-text"
import { useMemo } from "react"
import { useTranslation } from "react-i18next"
import { useConditionCatalog } from "../../lib/rules-hooks"
import type { RulesResult, RuleTrace } from "../../lib/rules-types"
import { ConditionTraceView } from "./condition-trace"
import { actionsSummary, reviewReasonText } from "./labels"

const RuleStatus = ({ rule }: { rule: RuleTrace }) => {
  const { t } = useTranslation()
  if (rule.skipped) return <Badge size="2xsmall" color="grey">{t(`paymentRisk.rules.skipped.${rule.skipped}`)}</Badge>
  return rule.held ? (
    <Badge size="2xsmall" color="green">{t("paymentRisk.rules.held")}</Badge>
  ) : (
    <Badge size="2xsmall" color="grey">{t("paymentRisk.rules.notHeld")}</Badge>
  )
}

/** Score, review and every rule with its evaluated condition tree (held rules first). */
export const RulesResultView = ({ result }: { result: RulesResult }) => {
  const { t } = useTranslation()
  const { data } = useConditionCatalog()
  const catalog = useMemo(() => new Map((data?.conditions ?? []).map((e) => [e.attribute, e])), [data])
  const rules = [...result.rules.filter((r) => r.held), ...result.rules.filter((r) => !r.held)]
  return (
    <div className="flex flex-col gap-y-3">
      <div className="flex flex-wrap items-center gap-2">
        <Text size="small" weight="plus" data-testid="rules-score">{t("paymentRisk.rules.score", { score: result.score })}</Text>
        {result.review ? (
          <Badge size="2xsmall" color="orange">{t("paymentRisk.rules.review")}</Badge>
        ) : (
          <Badge size="2xsmall" color="green">{t("paymentRisk.rules.noReview")}</Badge>
        )}
        {result.review_reasons.map((reason) => (
          <Badge key={reason} size="2xsmall">{reviewReasonText(reason, t)}</Badge>
        ))}
      </div>
      <ul className="flex flex-col gap-y-2">
        {rules.map((rule) => (
          <li key={rule.rule_id} className="rounded-md border px-3 py-2" data-testid="evaluated-rule" data-held={rule.held}>
            <div className="flex flex-wrap items-center gap-2">
              <Text size="small" weight="plus">{ruleNameText(rule.name, t)}</Text>
              <RuleStatus rule={rule} />
              <Text size="xsmall" className="text-ui-fg-subtle">{actionsSummary(rule.actions, t).join(" · ")}</Text>
            </div>
            {rule.conditions && (
              <div className="mt-2">
                <ConditionTraceView trace={rule.conditions} catalog={catalog} />
              </div>
            )}
          </li>
        ))}
        {!rules.length && <Text size="small" className="text-ui-fg-subtle">{t("paymentRisk.rules.noRulesEvaluated")}</Text>}
      </ul>
    </div>
  )
}

import { defineWidgetConfig } from "@medusajs/admin-sdk"
import { AdminOrder, DetailWidgetProps } from "@medusajs/framework/types"
import { Badge, Container, Heading, Text } from "@medusajs/ui"
import { useTranslation } from "react-i18next"
import { useFormat } from "../lib/format"
import { useOrderAssessments } from "../lib/hooks"
import { bureauName, providerName } from "../lib/provider-name"
import { Assessment, AssessmentSignals } from "../lib/types"
import { findingText, reasonDetails, reasonSentence } from "../components/review/reason-text"

const OUTCOME_COLOR = { accepted: "green", refused: "red", abandoned: "grey" } as const

const Signals = ({ signals }: { signals: AssessmentSignals }) => {
  const { t } = useTranslation()
  const credit = signals.credit
  const creditText = !credit
    ? t("paymentRisk.widget.creditNone")
    : credit.status === "failed"
      ? t("paymentRisk.widget.creditFailed")
      : [
          bureauName(credit.provider_id, t),
          t(`paymentRisk.widget.result.${credit.result}`),
          credit.score !== null ? t("paymentRisk.widget.score", { score: credit.score }) : null,
          credit.traffic_light ? t("paymentRisk.widget.trafficLight", { color: t(`paymentRisk.widget.colors.${credit.traffic_light}`, { defaultValue: credit.traffic_light }) }) : null,
          credit.cached ? t("paymentRisk.widget.cached") : t("paymentRisk.widget.fresh"),
        ]
          .filter(Boolean)
          .join(" · ")
  return (
    <div>
      <Text size="small" weight="plus">{t("paymentRisk.widget.signals")}</Text>
      <div className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1">
        <Text size="small" className="text-ui-fg-subtle">{t("paymentRisk.widget.plausibility")}</Text>
        <Text size="small" data-testid="assessment-plausibility">
          {signals.plausibility.length
            ? signals.plausibility
                .map((finding) => {
                  const [field, code] = finding.split(":")
                  return findingText(`${field}:${code}`, t)
                })
                .join("; ")
            : t("paymentRisk.widget.plausibilityOk")}
        </Text>
        <Text size="small" className="text-ui-fg-subtle">{t("paymentRisk.widget.credit")}</Text>
        <Text size="small" data-testid="assessment-credit">{creditText}</Text>
      </div>
    </div>
  )
}

const AssessmentView = ({ assessment }: { assessment: Assessment }) => {
  const { t, i18n } = useTranslation()
  const format = useFormat()
  return (
    <div className="flex flex-col gap-y-3 px-6 py-4 min-w-0 [overflow-wrap:anywhere]">
      <div className="flex flex-wrap items-center gap-2">
        <Badge color={OUTCOME_COLOR[assessment.outcome]} size="2xsmall">
          {t(`paymentRisk.widget.outcome.${assessment.outcome}`)}
        </Badge>
        {assessment.fallback && (
          <Badge color="orange" size="2xsmall">
            {t("paymentRisk.widget.fallback")}
          </Badge>
        )}
        <Badge size="2xsmall">
          {assessment.facts.is_new_customer ? t("paymentRisk.widget.newCustomer") : t("paymentRisk.widget.knownCustomer")}
        </Badge>
      </div>
      <div className="grid grid-cols-2 gap-y-1">
        <Text size="small" className="text-ui-fg-subtle">{t("paymentRisk.widget.paidOrders")}</Text>
        <Text size="small">{assessment.facts.paid_order_count}</Text>
        <Text size="small" className="text-ui-fg-subtle">{t("paymentRisk.widget.awaitingOrders")}</Text>
        <Text size="small">{assessment.facts.awaiting_payment_order_count}</Text>
        <Text size="small" className="text-ui-fg-subtle">{t("paymentRisk.widget.selected")}</Text>
        <Text size="small">{assessment.selected_provider_id ? providerName(assessment.selected_provider_id) : "–"}</Text>
      </div>
      <div>
        <Text size="small" weight="plus">{t("paymentRisk.widget.allowed")}</Text>
        <Text size="small">{assessment.allowed_provider_ids.map(providerName).join(", ") || "–"}</Text>
      </div>
      <div>
        <Text size="small" weight="plus">{t("paymentRisk.widget.hidden")}</Text>
        {!assessment.hidden.length && (
          <Text size="small" className="text-ui-fg-subtle">{t("paymentRisk.widget.noneHidden")}</Text>
        )}
        <ul className="flex flex-col gap-y-2">
          {assessment.hidden.map((hidden) => (
            <li key={hidden.provider_id} className="rounded-md border px-3 py-2 min-w-0 [overflow-wrap:anywhere]">
              <Text size="small" weight="plus">
                {providerName(hidden.provider_id)} · {t(`paymentRisk.classes.${hidden.risk_class}`)}
              </Text>
              {hidden.reasons.map((reason) => (
                <div key={`${reason.check}-${reason.code}`} className="mt-1" data-testid="assessment-reason">
                  <Text size="xsmall">{reasonSentence(reason, t, i18n.language)}</Text>
                  {reasonDetails(reason, t, i18n.language).map((line) => (
                    <Text key={line} size="xsmall" className="text-ui-fg-subtle">{line}</Text>
                  ))}
                </div>
              ))}
            </li>
          ))}
        </ul>
      </div>
      {assessment.signals && <Signals signals={assessment.signals} />}
      <Text size="xsmall" className="text-ui-fg-muted">
        {t("paymentRisk.widget.engine", { version: assessment.engine_version })} ·{" "}
        {format.dateTime(assessment.created_at)}
      </Text>
    </div>
  )
}

const OrderRiskAssessmentWidget = ({ data: order }: DetailWidgetProps<AdminOrder>) => {
  const { t } = useTranslation()
  const { data, isLoading } = useOrderAssessments(order.id)
  const assessment = data?.assessments[0]
  return (
    <Container className="divide-y p-0" data-testid="payment-risk-order-assessment">
      <div className="px-6 py-4">
        <Heading level="h2">{t("paymentRisk.widget.title")}</Heading>
      </div>
      {!isLoading && !assessment && (
        <Text size="small" className="px-6 py-4 text-ui-fg-subtle">
          {t("paymentRisk.widget.none")}
        </Text>
      )}
      {assessment && <AssessmentView assessment={assessment} />}
    </Container>
  )
}

export const config = defineWidgetConfig({
  zone: "order.details.side.after",
})

export default OrderRiskAssessmentWidget

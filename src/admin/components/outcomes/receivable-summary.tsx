import { Badge, Text } from "@medusajs/ui"
import { useTranslation } from "react-i18next"
import { useFormat } from "../../lib/format"
import type { ReceivableSummary } from "../../lib/outcome-hooks"

const KEY = "paymentRisk.outcomes.widget.receivable"

/** The order's receivable (dunning): total due, stage and status, in the admin's language. */
export const ReceivableBlock = ({ receivable }: { receivable: ReceivableSummary }) => {
  const { t } = useTranslation()
  const format = useFormat()
  // the receivables page's own labels (its i18n area)
  const status = t(`paymentRiskReceivables.status.${receivable.status}`, { defaultValue: receivable.status.replace(/_/g, " ") })
  const stage = receivable.stage as unknown
  const stageText =
    stage === null || stage === undefined || stage === 0 || stage === ""
      ? t(`${KEY}.noStage`)
      : typeof stage === "number"
        ? t("paymentRiskReceivables.stage.numbered", { n: stage })
        : t(`paymentRiskReceivables.stage.${String(stage)}`, { n: "", defaultValue: String(stage).replace(/_/g, " ") })
  return (
    <div className="flex flex-col gap-y-1" data-testid="outcome-receivable">
      <Text size="small" weight="plus">{t(`${KEY}.title`)}</Text>
      <div className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-0.5">
        <Text size="xsmall" className="text-ui-fg-subtle">{t(`${KEY}.totalDue`)}</Text>
        <Text size="xsmall">{format.money(Number(receivable.total_due), receivable.currency_code)}</Text>
        <Text size="xsmall" className="text-ui-fg-subtle">{t(`${KEY}.stage`)}</Text>
        <Text size="xsmall">{stageText}</Text>
        <Text size="xsmall" className="text-ui-fg-subtle">{t(`${KEY}.status`)}</Text>
        <div><Badge size="2xsmall">{status}</Badge></div>
      </div>
    </div>
  )
}

import { useTranslation } from "react-i18next"
import { ruleNameText } from "../../lib/rule-text"
import { FigureColumn, FigureTable } from "./figure-table"
import type { AnalyticsResponse, RuleRow } from "./types"

const KEY = "paymentRisk.figures.rules"

/** Per rule: carts it held on, carts it restricted, orders it sent to review, defaults among the orders it held on. */
export const RuleFigures = ({ data, file }: { data: AnalyticsResponse; file: string }) => {
  const { t } = useTranslation()
  const columns: FigureColumn<RuleRow>[] = [
    { id: "rule", header: t(`${KEY}.columns.rule`), value: (row) => (row.name ? ruleNameText(row.name, t) : t("paymentRisk.figures.causes.deletedRule")) },
    { id: "held", header: t(`${KEY}.columns.held`), value: (row) => row.held },
    { id: "restricted", header: t(`${KEY}.columns.restricted`), value: (row) => row.restricted },
    { id: "flagged", header: t(`${KEY}.columns.flagged`), value: (row) => row.flagged },
    { id: "defaulted", header: t(`${KEY}.columns.defaulted`), value: (row) => row.defaulted },
  ]
  return (
    <FigureTable testId="figures-rules" title={t(`${KEY}.title`)} hint={t(`${KEY}.hint`)} rows={data.rules} columns={columns}
      rowId={(row) => row.rule_id} file={`${file}-rules`} empty={t(`${KEY}.none`)} />
  )
}

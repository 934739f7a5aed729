import { Select } from "@medusajs/ui"
import { useTranslation } from "react-i18next"
import type { DunningStage } from "../../../engine/dunning/stages"
import { KEY, stageLabel } from "./labels"

export type ReceivableFilters = { stage: string; overdue: "" | "true" | "false" }
export const NO_RECEIVABLE_FILTERS: ReceivableFilters = { stage: "", overdue: "" }

const ALL = "all"

/** Stage and overdue filters of the receivables table. */
export const ReceivableFilterBar = ({ value, onChange, stages }: { value: ReceivableFilters; onChange: (v: ReceivableFilters) => void; stages: readonly DunningStage[] | undefined }) => {
  const { t } = useTranslation()
  return (
    <div className="flex flex-wrap gap-2">
      <div className="w-48">
        <Select size="small" value={value.stage || ALL} onValueChange={(stage) => onChange({ ...value, stage: stage === ALL ? "" : stage })}>
          <Select.Trigger aria-label={t(`${KEY}.filters.stage`)}><Select.Value /></Select.Trigger>
          <Select.Content>
            <Select.Item value={ALL}>{t(`${KEY}.filters.anyStage`)}</Select.Item>
            {(stages ?? []).map((_, index) => (
              <Select.Item key={index} value={String(index)}>{stageLabel(index, stages, t)}</Select.Item>
            ))}
          </Select.Content>
        </Select>
      </div>
      <div className="w-48">
        <Select size="small" value={value.overdue || ALL} onValueChange={(overdue) => onChange({ ...value, overdue: overdue === ALL ? "" : (overdue as "true" | "false") })}>
          <Select.Trigger aria-label={t(`${KEY}.filters.overdue`)}><Select.Value /></Select.Trigger>
          <Select.Content>
            <Select.Item value={ALL}>{t(`${KEY}.filters.anyDue`)}</Select.Item>
            <Select.Item value="true">{t(`${KEY}.filters.overdueOnly`)}</Select.Item>
            <Select.Item value="false">{t(`${KEY}.filters.notOverdue`)}</Select.Item>
          </Select.Content>
        </Select>
      </div>
    </div>
  )
}

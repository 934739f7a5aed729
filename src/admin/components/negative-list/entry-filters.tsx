import { Select } from "@medusajs/ui"
import { useTranslation } from "react-i18next"
import { NEGATIVE_LIST_KINDS, NEGATIVE_LIST_SOURCES } from "../../lib/negative-list-types"

export type Filters = { q: string; kind: string; source: string; expired: string }
export const NO_FILTERS: Filters = { q: "", kind: "", source: "", expired: "" }
const ALL = "all"

/** Kind, source and expiry filters in the table's toolbar (the search is the table's own). */
export const EntryFilters = ({ value, onChange }: { value: Filters; onChange: (next: Filters) => void }) => {
  const { t } = useTranslation()
  const select = (name: "kind" | "source" | "expired", options: readonly string[], prefix: string) => (
    <Select value={value[name] || ALL} onValueChange={(v) => onChange({ ...value, [name]: v === ALL ? "" : v })} size="small">
      <Select.Trigger aria-label={t(`paymentRisk.negativeList.filters.${name}`)} className="w-[220px]">
        <Select.Value />
      </Select.Trigger>
      <Select.Content>
        <Select.Item value={ALL}>{t(`paymentRisk.negativeList.filters.all.${name}`)}</Select.Item>
        {options.map((option) => (
          <Select.Item key={option} value={option}>{t(`${prefix}.${option}`)}</Select.Item>
        ))}
      </Select.Content>
    </Select>
  )
  return (
    <div className="flex flex-wrap items-center gap-2">
      {select("kind", NEGATIVE_LIST_KINDS, "paymentRisk.negativeList.kinds")}
      {select("source", NEGATIVE_LIST_SOURCES, "paymentRisk.negativeList.sources")}
      {select("expired", ["false", "true"], "paymentRisk.negativeList.filters.expiredValues")}
    </div>
  )
}

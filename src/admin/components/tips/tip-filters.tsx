import { Select } from "@medusajs/ui"
import { useTranslation } from "react-i18next"
import { TIP_PLACEMENTS } from "../../lib/tips-hooks"

export type TipFilters = { placement: string; locale: string }
export const NO_TIP_FILTERS: TipFilters = { placement: "", locale: "" }
const ALL = "all"
const LOCALES = ["de", "en"]

/** Placement and language filters in the table's toolbar. */
export const TipFiltersBar = ({ value, onChange }: { value: TipFilters; onChange: (next: TipFilters) => void }) => {
  const { t } = useTranslation()
  const select = (name: keyof TipFilters, options: readonly string[], label: (option: string) => string) => (
    <Select size="small" value={value[name] || ALL} onValueChange={(v) => onChange({ ...value, [name]: v === ALL ? "" : v })}>
      <Select.Trigger aria-label={t(`paymentRiskTips.filters.${name}`)} className="w-[200px]"><Select.Value /></Select.Trigger>
      <Select.Content>
        <Select.Item value={ALL}>{t(`paymentRiskTips.filters.all.${name}`)}</Select.Item>
        {options.map((option) => (
          <Select.Item key={option} value={option}>{label(option)}</Select.Item>
        ))}
      </Select.Content>
    </Select>
  )
  return (
    <div className="flex flex-wrap items-center gap-2">
      {select("placement", TIP_PLACEMENTS, (p) => t(`paymentRiskTips.placements.${p}`))}
      {select("locale", LOCALES, (l) => t(`paymentRiskTips.locales.${l}`))}
    </div>
  )
}

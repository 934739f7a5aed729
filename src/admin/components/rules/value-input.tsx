import { Checkbox, Input, Label, Select, Text } from "@medusajs/ui"
import { useTranslation } from "react-i18next"
import type { CatalogEntry } from "../../lib/rules-types"
import { FieldError } from "../field-error"
import { ListInput } from "./list-input"
import { DraftCondition, LIST_OPERATORS, NO_VALUE_OPERATORS } from "./rule-draft"

type Props = {
  entry: CatalogEntry
  condition: DraftCondition
  onChange: (next: DraftCondition) => void
  /** errors by path below the condition: "value", "params.window_minutes"… */
  errors: Record<string, string | undefined>
}

const WEEKDAYS = ["1", "2", "3", "4", "5", "6", "7"]
const LOWERCASE_SOURCES = ["countries", "currencies"]

/** The value inputs an operator needs: one, two (between), a list, or none; plus the entry's params. */
export const ValueInput = ({ entry, condition, onChange, errors }: Props) => {
  const { t } = useTranslation()
  const op = condition.operator
  const id = `cond-${condition.key}`
  const numeric = entry.type === "number"
  const unit = entry.unit ? t(`paymentRisk.rules.units.${entry.unit}`) : ""
  const set = (patch: Partial<DraftCondition>) => onChange({ ...condition, ...patch })
  const setParam = (patch: Partial<DraftCondition["params"]>) => onChange({ ...condition, params: { ...condition.params, ...patch } })
  const placeholder = entry.value_source ? t(`paymentRisk.rules.valueHints.${entry.value_source}`) : t("paymentRisk.rules.valueHints.text")

  let value: JSX.Element | null = null
  if (!op || NO_VALUE_OPERATORS.includes(op)) value = null
  else if (op === "between") {
    value = (
      <div className="flex items-center gap-x-2">
        <Input id={`${id}-min`} size="small" aria-label={t("paymentRisk.rules.min")} placeholder={t("paymentRisk.rules.min")}
          type={numeric ? "number" : "text"} value={condition.min} aria-invalid={!!errors.value} onChange={(e) => set({ min: e.target.value })} />
        <Text size="small" className="text-ui-fg-subtle">–</Text>
        <Input id={`${id}-max`} size="small" aria-label={t("paymentRisk.rules.max")} placeholder={t("paymentRisk.rules.max")}
          type={numeric ? "number" : "text"} value={condition.max} aria-invalid={!!errors.value} onChange={(e) => set({ max: e.target.value })} />
      </div>
    )
  } else if (LIST_OPERATORS.includes(op) && entry.value_source === "weekdays") {
    value = (
      <div className="flex flex-wrap gap-x-3 gap-y-1">
        {WEEKDAYS.map((day) => (
          <div key={day} className="flex items-center gap-x-1">
            <Checkbox id={`${id}-day-${day}`} checked={condition.list.includes(day)}
              onCheckedChange={(checked) => set({ list: WEEKDAYS.filter((d) => (d === day ? checked === true : condition.list.includes(d))) })} />
            <Label htmlFor={`${id}-day-${day}`} size="xsmall">{t(`paymentRisk.rules.weekdays.${day}`)}</Label>
          </div>
        ))}
      </div>
    )
  } else if (LIST_OPERATORS.includes(op)) {
    value = (
      <ListInput id={`${id}-value`} values={condition.list} onChange={(list) => set({ list })} invalid={!!errors.value}
        lowercase={LOWERCASE_SOURCES.includes(entry.value_source ?? "")}
        placeholder={op.endsWith("starts_with") ? t("paymentRisk.rules.valueHints.prefixes") : placeholder} />
    )
  } else {
    value = (
      <Input id={`${id}-value`} size="small" aria-label={t("paymentRisk.rules.value")} type={numeric ? "number" : "text"}
        value={condition.single} placeholder={numeric ? "" : placeholder} aria-invalid={!!errors.value}
        onChange={(e) => set({ single: e.target.value })} />
    )
  }

  return (
    <div className="flex min-w-0 flex-1 flex-col gap-y-2">
      {value && (
        <div className="flex items-start gap-x-2">
          <div className="min-w-0 flex-1">{value}</div>
          {unit && <Text size="xsmall" className="text-ui-fg-subtle mt-1.5 whitespace-nowrap">{unit}</Text>}
        </div>
      )}
      <FieldError message={errors.value} />
      {entry.params?.map((name) => (
        <div key={name} className="flex flex-col gap-y-1">
          <Label htmlFor={`${id}-${name}`} size="xsmall" weight="plus">{t(`paymentRisk.rules.params.${name}`)}</Label>
          {name === "source" ? (
            <Select size="small" value={condition.params.source} onValueChange={(source) => setParam({ source: source as "orders" | "carts" })}>
              <Select.Trigger id={`${id}-${name}`}><Select.Value /></Select.Trigger>
              <Select.Content>
                <Select.Item value="orders">{t("paymentRisk.rules.params.sources.orders")}</Select.Item>
                <Select.Item value="carts">{t("paymentRisk.rules.params.sources.carts")}</Select.Item>
              </Select.Content>
            </Select>
          ) : (
            <Input id={`${id}-${name}`} size="small" type={name === "window_minutes" ? "number" : "text"}
              placeholder={name === "window_minutes" ? "" : t(`paymentRisk.rules.valueHints.${name === "product_id" ? "products" : "categories"}`)}
              value={condition.params[name]} aria-invalid={!!errors[`params.${name}`]}
              onChange={(e) => setParam({ [name]: e.target.value })} />
          )}
          <FieldError message={errors[`params.${name}`]} />
        </div>
      ))}
    </div>
  )
}

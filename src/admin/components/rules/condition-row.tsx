import { Trash } from "@medusajs/icons"
import { IconButton, Select } from "@medusajs/ui"
import { useTranslation } from "react-i18next"
import { CatalogEntry, CONDITION_GROUPS } from "../../lib/rules-types"
import { FieldError } from "../field-error"
import { labelLanguage } from "./labels"
import { DraftCondition, DraftErrors, emptyCondition } from "./rule-draft"
import { ValueInput } from "./value-input"

type Props = {
  condition: DraftCondition
  catalog: CatalogEntry[]
  /** the condition's API path, e.g. "conditions.children.0" */
  path: string
  errors: DraftErrors
  onChange: (next: DraftCondition) => void
  onRemove: () => void
}

/** One condition: attribute (grouped, in the admin's language), operator of that attribute, typed value. */
export const ConditionRow = ({ condition, catalog, path, errors, onChange, onRemove }: Props) => {
  const { t, i18n } = useTranslation()
  const language = labelLanguage(i18n.language)
  const entry = catalog.find((e) => e.attribute === condition.attribute)
  const below: Record<string, string | undefined> = {}
  for (const [key, message] of Object.entries(errors)) {
    if (key.startsWith(`${path}.`)) below[key.slice(path.length + 1)] = message
  }
  if (errors[path]) below.value = below.value ?? errors[path]

  const chooseAttribute = (attribute: string) => {
    const next = catalog.find((e) => e.attribute === attribute)
    onChange({ ...emptyCondition(), key: condition.key, attribute, operator: next?.operators[0] ?? "" })
  }

  return (
    <div className="bg-ui-bg-base flex flex-wrap items-start gap-2 rounded-md border p-2" data-testid="rule-condition">
      <div className="flex w-full flex-col gap-y-1 md:w-64">
        <Select size="small" value={condition.attribute || undefined} onValueChange={chooseAttribute}>
          <Select.Trigger aria-label={t("paymentRisk.rules.attribute")} aria-invalid={!!below.attribute}>
            <Select.Value placeholder={t("paymentRisk.rules.chooseAttribute")} />
          </Select.Trigger>
          <Select.Content>
            {CONDITION_GROUPS.map((group) => {
              const entries = catalog.filter((e) => e.group === group)
              if (!entries.length) return null
              return (
                <Select.Group key={group}>
                  <Select.Label>{t(`paymentRisk.rules.groups.${group}`)}</Select.Label>
                  {entries.map((e) => (
                    <Select.Item key={e.attribute} value={e.attribute}>{e.label[language]}</Select.Item>
                  ))}
                </Select.Group>
              )
            })}
          </Select.Content>
        </Select>
        <FieldError message={below.attribute} />
      </div>
      {entry && (
        <div className="flex w-40 flex-col gap-y-1">
          <Select size="small" value={condition.operator || undefined} onValueChange={(operator) => onChange({ ...condition, operator: operator as DraftCondition["operator"] })}>
            <Select.Trigger aria-label={t("paymentRisk.rules.operator")} aria-invalid={!!below.operator}>
              <Select.Value placeholder={t("paymentRisk.rules.chooseOperator")} />
            </Select.Trigger>
            <Select.Content>
              {entry.operators.map((op) => (
                <Select.Item key={op} value={op}>{t(`paymentRisk.rules.operators.${op}`)}</Select.Item>
              ))}
            </Select.Content>
          </Select>
          <FieldError message={below.operator} />
        </div>
      )}
      {entry && <ValueInput entry={entry} condition={condition} onChange={onChange} errors={below} />}
      <IconButton size="small" variant="transparent" className="ml-auto" aria-label={t("paymentRisk.rules.removeCondition")} onClick={onRemove}>
        <Trash />
      </IconButton>
    </div>
  )
}

import { Button, Text } from "@medusajs/ui"
import { useTranslation } from "react-i18next"
import type { CatalogEntry } from "../../lib/rules-types"
import { FieldError } from "../field-error"
import { ConditionRow } from "./condition-row"
import { DraftErrors, DraftGroup, DraftNode, emptyCondition, emptyGroup } from "./rule-draft"

type Props = {
  group: DraftGroup
  catalog: CatalogEntry[]
  path: string
  depth: number
  errors: DraftErrors
  onChange: (next: DraftGroup) => void
  /** absent for the top group */
  onRemove?: () => void
}

const MAX_DEPTH = 5

/** A nested AND/OR group: combinator toggle, its conditions and subgroups, add/remove. */
export const ConditionGroupEditor = ({ group, catalog, path, depth, errors, onChange, onRemove }: Props) => {
  const { t } = useTranslation()
  const setChild = (index: number, child: DraftNode) =>
    onChange({ ...group, children: group.children.map((c, i) => (i === index ? child : c)) })
  const removeChild = (index: number) => onChange({ ...group, children: group.children.filter((_, i) => i !== index) })
  const combinatorButton = (combinator: "and" | "or") => (
    <Button
      size="small"
      type="button"
      variant={group.combinator === combinator ? "primary" : "secondary"}
      aria-pressed={group.combinator === combinator}
      onClick={() => onChange({ ...group, combinator })}
    >
      {t(`paymentRisk.rules.combinators.${combinator}`)}
    </Button>
  )
  return (
    <div className={`flex flex-col gap-y-2 rounded-lg border p-3 ${depth % 2 ? "bg-ui-bg-subtle" : "bg-ui-bg-base"}`} data-testid="rule-group">
      <div className="flex flex-wrap items-center gap-2">
        <div className="flex gap-x-1" role="group" aria-label={t("paymentRisk.rules.combinator")}>
          {combinatorButton("and")}
          {combinatorButton("or")}
        </div>
        <Text size="xsmall" className="text-ui-fg-subtle">{t(`paymentRisk.rules.combinatorHint.${group.combinator}`)}</Text>
        {onRemove && (
          <Button size="small" type="button" variant="transparent" className="ml-auto" onClick={onRemove}>
            {t("paymentRisk.rules.removeGroup")}
          </Button>
        )}
      </div>
      {!group.children.length && (
        <Text size="small" className="text-ui-fg-subtle">{t(`paymentRisk.rules.emptyGroup.${group.combinator}`)}</Text>
      )}
      {group.children.map((child, index) =>
        child.type === "group" ? (
          <ConditionGroupEditor key={child.key} group={child} catalog={catalog} path={`${path}.children.${index}`} depth={depth + 1}
            errors={errors} onChange={(next) => setChild(index, next)} onRemove={() => removeChild(index)} />
        ) : (
          <ConditionRow key={child.key} condition={child} catalog={catalog} path={`${path}.children.${index}`}
            errors={errors} onChange={(next) => setChild(index, next)} onRemove={() => removeChild(index)} />
        )
      )}
      <FieldError message={errors[`${path}.children`] ?? errors[`${path}.combinator`]} />
      <div className="flex gap-x-2">
        <Button size="small" type="button" variant="secondary" onClick={() => onChange({ ...group, children: [...group.children, emptyCondition()] })}>
          {t("paymentRisk.rules.addCondition")}
        </Button>
        {depth < MAX_DEPTH && (
          <Button size="small" type="button" variant="secondary"
            onClick={() => onChange({ ...group, children: [...group.children, emptyGroup(group.combinator === "and" ? "or" : "and")] })}>
            {t("paymentRisk.rules.addGroup")}
          </Button>
        )}
      </div>
    </div>
  )
}

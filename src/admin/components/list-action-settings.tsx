import { Label, Select, Switch, Text } from "@medusajs/ui"
import { useTranslation } from "react-i18next"
import { NEGATIVE_LIST_KINDS } from "../lib/negative-list-types"
import { RiskSettings } from "../lib/types"
import { ClassCheckboxes } from "./class-checkboxes"
import { NegativeListDraft, PlausibilityDraft } from "./settings-draft"
import { SectionFields } from "./settings-section"

type Action = RiskSettings["negative_list"]["possible_match_action"]

/** One situation's effect: allow only the chosen payment methods, or hide them. */
export const ActionRow = ({ id, label, action, onChange, error }: { id: string; label: string; action: Action; onChange: (a: Action) => void; error?: string }) => {
  const { t } = useTranslation()
  return (
    <div className="grid grid-cols-1 gap-3 border-t pt-3 md:grid-cols-[200px_240px_1fr]">
      <Text size="small" weight="plus">{label}</Text>
      <Select value={action.type} onValueChange={(type) => onChange({ ...action, type: type as Action["type"] })} size="small">
        <Select.Trigger aria-label={`${label}: ${t("paymentRisk.listSettings.actionType")}`}><Select.Value /></Select.Trigger>
        <Select.Content>
          <Select.Item value="allow_only_classes">{t("paymentRisk.listSettings.allowOnly")}</Select.Item>
          <Select.Item value="hide_classes">{t("paymentRisk.listSettings.hide")}</Select.Item>
        </Select.Content>
      </Select>
      <ClassCheckboxes id={id} label="" value={action.classes} onChange={(classes) => onChange({ ...action, classes })} error={error} />
    </div>
  )
}

/** What a match on the negative list does, per kind of entry, and for possible matches. */
export const ListActionFields = ({ draft, set, err }: SectionFields<NegativeListDraft>) => {
  const { t } = useTranslation()
  return (
    <div className="flex flex-col gap-y-4">
      <div className="flex items-center gap-x-2">
        <Switch id="negative-list-enabled" checked={draft.enabled} onCheckedChange={(enabled) => set({ ...draft, enabled })} />
        <Label htmlFor="negative-list-enabled" size="small" weight="plus">{t("paymentRisk.listSettings.enabled")}</Label>
      </div>
      {NEGATIVE_LIST_KINDS.map((kind) => (
        <ActionRow
          key={kind}
          id={`list-action-${kind}`}
          label={t(`paymentRisk.negativeList.kinds.${kind}`)}
          action={draft.actions[kind]}
          onChange={(action) => set({ ...draft, actions: { ...draft.actions, [kind]: action } })}
          error={err(`negative_list.actions.${kind}.classes`)}
        />
      ))}
      <ActionRow
        id="list-action-possible"
        label={t("paymentRisk.listSettings.possible")}
        action={draft.possible_match_action}
        onChange={(possible_match_action) => set({ ...draft, possible_match_action })}
        error={err("negative_list.possible_match_action.classes")}
      />
      <Text size="xsmall" className="text-ui-fg-subtle">{t("paymentRisk.listSettings.possibleHint")}</Text>
    </div>
  )
}

/** What implausible addresses, emails or phones do (default: hide invoice and direct debit). */
export const PlausibilityFields = ({ draft, set, err }: SectionFields<PlausibilityDraft>) => {
  const { t } = useTranslation()
  return (
    <div className="flex flex-col gap-y-4">
      <div className="flex items-center gap-x-2">
        <Switch id="plausibility-enabled" checked={draft.enabled} onCheckedChange={(enabled) => set({ ...draft, enabled })} />
        <Label htmlFor="plausibility-enabled" size="small" weight="plus">{t("paymentRisk.plausibility.enabled")}</Label>
      </div>
      <Text size="xsmall" className="text-ui-fg-subtle">{t("paymentRisk.plausibility.checks")}</Text>
      <ActionRow
        id="plausibility-action"
        label={t("paymentRisk.plausibility.action")}
        action={draft.action}
        onChange={(action) => set({ ...draft, action })}
        error={err("plausibility.action.classes")}
      />
    </div>
  )
}

import { Container, Heading, Label, Select, Switch, Text } from "@medusajs/ui"
import { useTranslation } from "react-i18next"
import { NEGATIVE_LIST_KINDS } from "../lib/negative-list-types"
import { RiskSettings } from "../lib/types"
import { ClassCheckboxes } from "./class-checkboxes"

type ListSettings = RiskSettings["negative_list"]
type Action = ListSettings["possible_match_action"]

export const ActionRow = ({ id, label, action, onChange, error }: { id: string; label: string; action: Action; onChange: (a: Action) => void; error?: string }) => {
  const { t } = useTranslation()
  return (
    <div className="grid grid-cols-1 gap-3 border-t pt-3 md:grid-cols-[200px_220px_1fr]">
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
export const ListActionSettings = ({ value, onChange, err }: { value: ListSettings; onChange: (v: ListSettings) => void; err: (path: string) => string | undefined }) => {
  const { t } = useTranslation()
  return (
    <Container className="flex flex-col gap-y-4 px-6 py-4">
      <div>
        <Heading level="h2">{t("paymentRisk.listSettings.title")}</Heading>
        <Text size="small" className="text-ui-fg-subtle">{t("paymentRisk.listSettings.description")}</Text>
      </div>
      <div className="flex items-center gap-x-2">
        <Switch id="negative-list-enabled" checked={value.enabled} onCheckedChange={(enabled) => onChange({ ...value, enabled })} />
        <Label htmlFor="negative-list-enabled" size="small" weight="plus">{t("paymentRisk.listSettings.enabled")}</Label>
      </div>
      {NEGATIVE_LIST_KINDS.map((kind) => (
        <ActionRow
          key={kind}
          id={`list-action-${kind}`}
          label={t(`paymentRisk.negativeList.kinds.${kind}`)}
          action={value.actions[kind]}
          onChange={(action) => onChange({ ...value, actions: { ...value.actions, [kind]: action } })}
          error={err(`negative_list.actions.${kind}.classes`)}
        />
      ))}
      <ActionRow
        id="list-action-possible"
        label={t("paymentRisk.listSettings.possible")}
        action={value.possible_match_action}
        onChange={(possible_match_action) => onChange({ ...value, possible_match_action })}
        error={err("negative_list.possible_match_action.classes")}
      />
    </Container>
  )
}

/** What implausible addresses, emails or phones do (default: hide invoice and direct debit). */
export const PlausibilitySettings = ({ value, onChange, err }: { value: RiskSettings["plausibility"]; onChange: (v: RiskSettings["plausibility"]) => void; err: (path: string) => string | undefined }) => {
  const { t } = useTranslation()
  return (
    <Container className="flex flex-col gap-y-4 px-6 py-4">
      <div>
        <Heading level="h2">{t("paymentRisk.plausibility.title")}</Heading>
        <Text size="small" className="text-ui-fg-subtle">{t("paymentRisk.plausibility.description")}</Text>
      </div>
      <div className="flex items-center gap-x-2">
        <Switch id="plausibility-enabled" checked={value.enabled} onCheckedChange={(enabled) => onChange({ ...value, enabled })} />
        <Label htmlFor="plausibility-enabled" size="small" weight="plus">{t("paymentRisk.plausibility.enabled")}</Label>
      </div>
      <ActionRow
        id="plausibility-action"
        label={t("paymentRisk.plausibility.action")}
        action={value.action}
        onChange={(action) => onChange({ ...value, action })}
        error={err("plausibility.action.classes")}
      />
    </Container>
  )
}

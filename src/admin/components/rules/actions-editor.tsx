import { Checkbox, Input, Label, Text } from "@medusajs/ui"
import { ReactNode } from "react"
import { useTranslation } from "react-i18next"
import { usePaymentRiskProviders } from "../../lib/hooks"
import { providerName } from "../../lib/provider-name"
import { ClassCheckboxes } from "../class-checkboxes"
import { FieldError } from "../field-error"
import { DraftActions } from "./rule-draft"

type Props = {
  actions: DraftActions
  onChange: (next: DraftActions) => void
  /** by action type (see actionErrors), plus "actions" for the whole list */
  errors: Record<string, string | undefined>
}

const Section = ({ id, label, hint, checked, onCheckedChange, children }: {
  id: string; label: string; hint: string; checked: boolean; onCheckedChange: (checked: boolean) => void; children?: ReactNode
}) => (
  <div className="flex flex-col gap-y-2 rounded-md border px-3 py-2">
    <div className="flex items-start gap-x-2">
      <Checkbox id={id} checked={checked} onCheckedChange={(c) => onCheckedChange(c === true)} className="mt-0.5" />
      <div className="flex flex-col">
        <Label htmlFor={id} size="small" weight="plus">{label}</Label>
        <Text size="xsmall" className="text-ui-fg-subtle">{hint}</Text>
      </div>
    </div>
    {checked && children && <div className="pl-6">{children}</div>}
  </div>
)

/** What a rule does when it holds: hide classes, allow only classes, hide providers, add points, flag for review. */
export const ActionsEditor = ({ actions, onChange, errors }: Props) => {
  const { t } = useTranslation()
  const { data } = usePaymentRiskProviders()
  const providerIds = [...new Set([...(data?.providers.map((p) => p.id) ?? []), ...(actions.hide_providers ?? [])])].sort()
  const set = (patch: Partial<DraftActions>) => onChange({ ...actions, ...patch })
  const key = (name: string) => `paymentRisk.rules.actions.${name}`
  return (
    <div className="flex flex-col gap-y-2">
      <Section id="action-hide_classes" label={t(key("hide_classes"))} hint={t(key("hide_classes_hint"))}
        checked={actions.hide_classes !== null} onCheckedChange={(c) => set({ hide_classes: c ? ["invoice"] : null })}>
        <ClassCheckboxes id="action-hide-classes" label={t(key("classes"))} value={actions.hide_classes ?? []}
          onChange={(hide_classes) => set({ hide_classes })} error={errors.hide_classes} />
      </Section>
      <Section id="action-allow_only_classes" label={t(key("allow_only_classes"))} hint={t(key("allow_only_classes_hint"))}
        checked={actions.allow_only_classes !== null} onCheckedChange={(c) => set({ allow_only_classes: c ? ["prepayment"] : null })}>
        <ClassCheckboxes id="action-allow-classes" label={t(key("classes"))} value={actions.allow_only_classes ?? []}
          onChange={(allow_only_classes) => set({ allow_only_classes })} error={errors.allow_only_classes} />
      </Section>
      <Section id="action-hide_providers" label={t(key("hide_providers"))} hint={t(key("hide_providers_hint"))}
        checked={actions.hide_providers !== null} onCheckedChange={(c) => set({ hide_providers: c ? [] : null })}>
        <div className="grid grid-cols-1 gap-2 md:grid-cols-2">
          {providerIds.map((id) => (
            <div key={id} className="flex items-center gap-x-2">
              <Checkbox id={`action-provider-${id}`} checked={actions.hide_providers?.includes(id) ?? false}
                onCheckedChange={(c) => set({ hide_providers: c === true ? [...(actions.hide_providers ?? []), id] : (actions.hide_providers ?? []).filter((p) => p !== id) })} />
              <Label htmlFor={`action-provider-${id}`} size="small">{providerName(id)}</Label>
            </div>
          ))}
          {!providerIds.length && <Text size="small" className="text-ui-fg-subtle">{t(key("noProviders"))}</Text>}
        </div>
        <FieldError message={errors.hide_providers} />
      </Section>
      <Section id="action-add_score" label={t(key("add_score"))} hint={t(key("add_score_hint"))}
        checked={actions.add_score !== null} onCheckedChange={(c) => set({ add_score: c ? "10" : null })}>
        <div className="flex items-center gap-x-2">
          <Input id="action-points" size="small" type="number" className="w-32" aria-label={t(key("points"))}
            value={actions.add_score ?? ""} aria-invalid={!!errors.add_score} onChange={(e) => set({ add_score: e.target.value })} />
          <Text size="small" className="text-ui-fg-subtle">{t(key("points"))}</Text>
        </div>
        <FieldError message={errors.add_score} />
      </Section>
      <Section id="action-flag_review" label={t(key("flag_review"))} hint={t(key("flag_review_hint"))}
        checked={actions.flag_review} onCheckedChange={(flag_review) => set({ flag_review })} />
      <FieldError message={errors.actions} />
    </div>
  )
}

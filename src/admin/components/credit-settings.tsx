import { Checkbox, Input, Label, Switch, Text } from "@medusajs/ui"
import { useTranslation } from "react-i18next"
import { useCreditProviders } from "../lib/credit-hooks"
import { bureauName } from "../lib/provider-name"
import { FieldError } from "./field-error"
import { ActionRow } from "./list-action-settings"
import { ScoreBands } from "./score-bands"
import { CREDIT_LIMIT_MAX, CreditDraft } from "./settings-draft"
import { SectionFields } from "./settings-section"

type LimitKey = keyof CreditDraft["limits"]
const LIMIT_KEYS = Object.keys(CREDIT_LIMIT_MAX) as LimitKey[]
const KEY = "paymentRisk.creditSettings"

const NumberField = ({ id, label, hint, value, onChange, error }: { id: string; label: string; hint?: string; value: number; onChange: (n: number) => void; error?: string }) => (
  <div className="flex flex-col gap-y-1">
    <Label htmlFor={id} size="small" weight="plus">{label}</Label>
    <Input id={id} type="number" value={Number.isFinite(value) ? value : ""} onChange={(e) => onChange(e.target.value === "" ? NaN : Number(e.target.value))} aria-invalid={!!error} />
    {hint && <Text size="xsmall" className="text-ui-fg-subtle">{hint}</Text>}
    <FieldError message={error} />
  </div>
)

const Part = ({ title, hint, children }: { title: string; hint?: string; children: React.ReactNode }) => (
  <div className="flex flex-col gap-y-3">
    <div>
      <Text size="small" weight="plus">{title}</Text>
      {hint && <Text size="xsmall" className="text-ui-fg-subtle">{hint}</Text>}
    </div>
    {children}
  </div>
)

/**
 * External credit checks (golden rules: only when an unsafe class would be offered, from the
 * threshold on, and when internal data has not decided). Bureaus come from the plugin
 * options; their credentials stay on the server.
 */
export const CreditFields = ({ draft: value, set: onChange, err }: SectionFields<CreditDraft>) => {
  const { t } = useTranslation()
  const { data } = useCreditProviders()
  const set = <K extends keyof CreditDraft>(key: K, v: CreditDraft[K]) => onChange({ ...value, [key]: v })
  const used = new Map(value.providers.map((p) => [p.id, p.cost]))
  const toggleProvider = (id: string, on: boolean) =>
    set("providers", on ? [...value.providers, { id, cost: 0 }] : value.providers.filter((p) => p.id !== id))
  const setCost = (id: string, cost: number) => set("providers", value.providers.map((p) => (p.id === id ? { ...p, cost } : p)))

  return (
    <>
      <div className="flex items-center gap-x-2">
        <Switch id="credit-enabled" checked={value.enabled} onCheckedChange={(v) => set("enabled", v)} />
        <Label htmlFor="credit-enabled" size="small" weight="plus">{t(`${KEY}.enabled`)}</Label>
      </div>

      <Part title={t(`${KEY}.providers`)} hint={t(`${KEY}.providersHint`)}>
        {!data?.providers.length && <Text size="small" className="text-ui-fg-subtle">{t(`${KEY}.noProviders`)}</Text>}
        {data?.providers.map(({ id }) => (
          <div key={id} className="grid grid-cols-[24px_minmax(120px,240px)_160px] items-center gap-3">
            <Checkbox id={`credit-provider-${id}`} checked={used.has(id)} onCheckedChange={(on) => toggleProvider(id, on === true)} />
            <Label htmlFor={`credit-provider-${id}`} size="small">{bureauName(id, t)}</Label>
            {used.has(id) && (
              <Input size="small" type="number" aria-label={t(`${KEY}.cost`, { id: bureauName(id, t) })} value={used.get(id)} onChange={(e) => setCost(id, Number(e.target.value))} />
            )}
          </div>
        ))}
        <FieldError message={err("credit_check.providers")} />
      </Part>

      <Part title={t(`${KEY}.when`)}>
        <div className="grid grid-cols-1 gap-4 md:grid-cols-3">
          <NumberField id="credit-min-amount" label={t(`${KEY}.minAmount`)} hint={t(`${KEY}.minAmountHint`)} value={value.min_amount} onChange={(n) => set("min_amount", n)} error={err("credit_check.min_amount")} />
          <NumberField id="credit-cache-days" label={t(`${KEY}.cacheDays`)} hint={t(`${KEY}.cacheDaysHint`)} value={value.cache_days} onChange={(n) => set("cache_days", n)} error={err("credit_check.cache_days")} />
          <NumberField id="credit-timeout" label={t(`${KEY}.timeout`)} hint={t(`${KEY}.timeoutHint`)} value={value.timeout_ms} onChange={(n) => set("timeout_ms", n)} error={err("credit_check.timeout_ms")} />
          <NumberField id="credit-breaker-failures" label={t(`${KEY}.breakerFailures`)} value={value.breaker_failures} onChange={(n) => set("breaker_failures", n)} error={err("credit_check.breaker_failures")} />
          <NumberField id="credit-breaker-cooldown" label={t(`${KEY}.breakerCooldown`)} value={value.breaker_cooldown_seconds} onChange={(n) => set("breaker_cooldown_seconds", n)} error={err("credit_check.breaker_cooldown_seconds")} />
        </div>
      </Part>

      <Part title={t(`${KEY}.answers`)} hint={t(`${KEY}.fixed`)}>
        <ActionRow id="credit-soft" label={t(`${KEY}.soft`)} action={value.soft_action} onChange={(a) => set("soft_action", a)} error={err("credit_check.soft_action.classes")} />
        {(["yellow", "red"] as const).map((light) => {
          const action = value.traffic_light_actions[light]
          return (
            <div key={light} className="flex flex-col gap-y-2">
              <div className="flex items-center gap-x-2">
                <Switch
                  id={`credit-light-${light}`}
                  checked={!!action}
                  onCheckedChange={(on) => set("traffic_light_actions", { ...value.traffic_light_actions, [light]: on ? { type: "hide_classes", classes: ["invoice", "direct_debit"] } : null })}
                />
                <Label htmlFor={`credit-light-${light}`} size="small">{t(`${KEY}.light.${light}`)}</Label>
              </div>
              {action && (
                <ActionRow id={`credit-light-${light}-action`} label={t(`${KEY}.lightAction.${light}`)} action={action} onChange={(a) => set("traffic_light_actions", { ...value.traffic_light_actions, [light]: a })} error={err(`credit_check.traffic_light_actions.${light}.classes`)} />
              )}
            </div>
          )
        })}
        <ActionRow id="credit-unknown" label={t(`${KEY}.unknown`)} action={value.unknown_action} onChange={(a) => set("unknown_action", a)} error={err("credit_check.unknown_action.classes")} />
        <ActionRow id="credit-failure" label={t(`${KEY}.failure`)} action={value.failure_action} onChange={(a) => set("failure_action", a)} error={err("credit_check.failure_action.classes")} />
      </Part>

      <ScoreBands value={value.score_bands} onChange={(bands) => set("score_bands", bands)} err={err} />

      <Part title={t(`${KEY}.limits.title`)} hint={t(`${KEY}.limits.hint`)}>
        <div className="grid grid-cols-1 gap-4 md:grid-cols-2">
          {LIMIT_KEYS.map((key) => (
            <NumberField
              key={key}
              id={`credit-limit-${key}`}
              label={t(`${KEY}.limits.${key}`)}
              value={value.limits[key]}
              onChange={(v) => set("limits", { ...value.limits, [key]: v })}
              error={err(`credit_check.limits.${key}`)}
            />
          ))}
        </div>
      </Part>
    </>
  )
}

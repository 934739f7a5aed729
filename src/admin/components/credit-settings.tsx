import { Checkbox, Container, Heading, Input, Label, Switch, Text } from "@medusajs/ui"
import { useTranslation } from "react-i18next"
import { useCreditProviders } from "../lib/credit-hooks"
import { RiskSettings } from "../lib/types"
import { FieldError } from "./field-error"
import { ActionRow } from "./list-action-settings"
import { ScoreBands } from "./score-bands"

type Credit = RiskSettings["credit_check"]
type LimitKey = keyof Credit["limits"]
/** the server's ranges (validators.ts): at least 1, at most these */
const LIMIT_MAX: Record<LimitKey, number> = { queries_per_cart: 100, identities_per_cart: 100, identities_per_ip: 1000, identities_per_customer: 1000 }
const LIMIT_KEYS = Object.keys(LIMIT_MAX) as LimitKey[]
type Props = { value: Credit; onChange: (v: Credit) => void; err: (path: string) => string | undefined }

const NumberField = ({ id, label, value, onChange, error }: { id: string; label: string; value: number; onChange: (n: number) => void; error?: string }) => (
  <div className="flex flex-col gap-y-1">
    <Label htmlFor={id} size="small" weight="plus">{label}</Label>
    <Input id={id} type="number" value={Number.isFinite(value) ? value : ""} onChange={(e) => onChange(e.target.value === "" ? NaN : Number(e.target.value))} aria-invalid={!!error} />
    <FieldError message={error} />
  </div>
)

/**
 * External credit checks (golden rules: only when an unsafe class would be offered, from the
 * threshold on, and when internal data has not decided). Providers come from the plugin
 * options; their credentials stay on the server.
 */
export const CreditSettings = ({ value, onChange, err }: Props) => {
  const { t } = useTranslation()
  const { data } = useCreditProviders()
  const set = <K extends keyof Credit>(key: K, v: Credit[K]) => onChange({ ...value, [key]: v })
  const used = new Map(value.providers.map((p) => [p.id, p.cost]))
  const toggleProvider = (id: string, on: boolean) =>
    set("providers", on ? [...value.providers, { id, cost: 0 }] : value.providers.filter((p) => p.id !== id))
  const setCost = (id: string, cost: number) => set("providers", value.providers.map((p) => (p.id === id ? { ...p, cost } : p)))

  return (
    <Container className="flex flex-col gap-y-4 px-6 py-4">
      <div>
        <Heading level="h2">{t("paymentRisk.creditSettings.title")}</Heading>
        <Text size="small" className="text-ui-fg-subtle">{t("paymentRisk.creditSettings.description")}</Text>
      </div>
      <div className="flex items-center gap-x-2">
        <Switch id="credit-enabled" checked={value.enabled} onCheckedChange={(v) => set("enabled", v)} />
        <Label htmlFor="credit-enabled" size="small" weight="plus">{t("paymentRisk.creditSettings.enabled")}</Label>
      </div>
      <div className="flex flex-col gap-y-2">
        <Text size="small" weight="plus">{t("paymentRisk.creditSettings.providers")}</Text>
        {!data?.providers.length && <Text size="small" className="text-ui-fg-subtle">{t("paymentRisk.creditSettings.noProviders")}</Text>}
        {data?.providers.map(({ id }) => (
          <div key={id} className="grid grid-cols-[24px_160px_160px] items-center gap-3">
            <Checkbox id={`credit-provider-${id}`} checked={used.has(id)} onCheckedChange={(on) => toggleProvider(id, on === true)} />
            <Label htmlFor={`credit-provider-${id}`} size="small" className="font-mono">{id}</Label>
            {used.has(id) && (
              <Input size="small" type="number" aria-label={t("paymentRisk.creditSettings.cost", { id })} value={used.get(id)} onChange={(e) => setCost(id, Number(e.target.value))} />
            )}
          </div>
        ))}
        <FieldError message={err("credit_check.providers")} />
        <Text size="xsmall" className="text-ui-fg-subtle">{t("paymentRisk.creditSettings.providersHint")}</Text>
      </div>
      <div className="grid grid-cols-1 gap-4 md:grid-cols-3">
        <NumberField id="credit-min-amount" label={t("paymentRisk.creditSettings.minAmount")} value={value.min_amount} onChange={(n) => set("min_amount", n)} error={err("credit_check.min_amount")} />
        <NumberField id="credit-cache-days" label={t("paymentRisk.creditSettings.cacheDays")} value={value.cache_days} onChange={(n) => set("cache_days", n)} error={err("credit_check.cache_days")} />
        <NumberField id="credit-timeout" label={t("paymentRisk.creditSettings.timeout")} value={value.timeout_ms} onChange={(n) => set("timeout_ms", n)} error={err("credit_check.timeout_ms")} />
        <NumberField id="credit-breaker-failures" label={t("paymentRisk.creditSettings.breakerFailures")} value={value.breaker_failures} onChange={(n) => set("breaker_failures", n)} error={err("credit_check.breaker_failures")} />
        <NumberField id="credit-breaker-cooldown" label={t("paymentRisk.creditSettings.breakerCooldown")} value={value.breaker_cooldown_seconds} onChange={(n) => set("breaker_cooldown_seconds", n)} error={err("credit_check.breaker_cooldown_seconds")} />
      </div>
      <ActionRow id="credit-soft" label={t("paymentRisk.creditSettings.soft")} action={value.soft_action} onChange={(a) => set("soft_action", a)} error={err("credit_check.soft_action.classes")} />
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
              <Label htmlFor={`credit-light-${light}`} size="small">{t(`paymentRisk.creditSettings.light.${light}`)}</Label>
            </div>
            {action && (
              <ActionRow id={`credit-light-${light}-action`} label={t(`paymentRisk.credit.lights.${light}`)} action={action} onChange={(a) => set("traffic_light_actions", { ...value.traffic_light_actions, [light]: a })} error={err(`credit_check.traffic_light_actions.${light}.classes`)} />
            )}
          </div>
        )
      })}
      <ScoreBands value={value.score_bands} onChange={(bands) => set("score_bands", bands)} err={err} />
      <ActionRow id="credit-failure" label={t("paymentRisk.creditSettings.failure")} action={value.failure_action} onChange={(a) => set("failure_action", a)} error={err("credit_check.failure_action.classes")} />
      <ActionRow
        id="credit-unknown"
        label={t("paymentRisk.creditSettings.unknown")}
        action={value.unknown_action}
        onChange={(a) => set("unknown_action", a)}
        error={err("credit_check.unknown_action.classes") ?? (value.unknown_action.classes.length ? undefined : t("paymentRisk.creditSettings.unknownClasses"))}
      />
      <div className="flex flex-col gap-y-2 border-t pt-3">
        <Text size="small" weight="plus">{t("paymentRisk.creditSettings.limits.title")}</Text>
        <Text size="xsmall" className="text-ui-fg-subtle">{t("paymentRisk.creditSettings.limits.hint")}</Text>
        <div className="grid grid-cols-1 gap-4 md:grid-cols-2">
          {LIMIT_KEYS.map((key) => {
            const n = value.limits[key]
            const invalid = !Number.isInteger(n) || n < 1 || n > LIMIT_MAX[key]
            return (
              <NumberField
                key={key}
                id={`credit-limit-${key}`}
                label={t(`paymentRisk.creditSettings.limits.${key}`)}
                value={n}
                onChange={(v) => set("limits", { ...value.limits, [key]: v })}
                error={err(`credit_check.limits.${key}`) ?? (invalid ? t("paymentRisk.creditSettings.limits.range", { max: LIMIT_MAX[key] }) : undefined)}
              />
            )
          })}
        </div>
      </div>
      <Text size="xsmall" className="text-ui-fg-subtle">{t("paymentRisk.creditSettings.fixed")}</Text>
    </Container>
  )
}

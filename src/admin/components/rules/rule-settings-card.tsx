import { Button, Heading, Label, Switch, Text, toast } from "@medusajs/ui"
import { useEffect, useState } from "react"
import { useTranslation } from "react-i18next"
import { errorMessage, fieldsFromMessage } from "../../lib/errors"
import { usePaymentRiskSettings, useUpdatePaymentRiskSettings } from "../../lib/hooks"
import type { RuleSettings } from "../../lib/rules-types"
import { FieldError } from "../field-error"
import { TextField } from "../text-field"
import { ListInput } from "./list-input"

type Draft = {
  enabled: boolean
  review_score: string
  prepayment_score: string
  duplicate_window_minutes: string
  risk_countries: string[]
  extra_free_mail_domains: string[]
  extra_disposable_domains: string[]
}
const NUMBERS = ["review_score", "prepayment_score", "duplicate_window_minutes"] as const
const LISTS = ["risk_countries", "extra_free_mail_domains", "extra_disposable_domains"] as const
const KEY = "paymentRisk.rules.settings"

const draftOf = (s: RuleSettings): Draft => ({
  enabled: s.enabled,
  review_score: String(s.review_score),
  prepayment_score: String(s.prepayment_score),
  duplicate_window_minutes: String(s.duplicate_window_minutes),
  risk_countries: s.risk_countries,
  extra_free_mail_domains: s.extra_free_mail_domains,
  extra_disposable_domains: s.extra_disposable_domains,
})

/** Score thresholds, risk countries, duplicate window and extra domain lists (settings.rules). */
export const RuleSettingsCard = () => {
  const { t } = useTranslation()
  const { data } = usePaymentRiskSettings()
  const update = useUpdatePaymentRiskSettings()
  const [draft, setDraft] = useState<Draft | null>(null)
  const [errors, setErrors] = useState<Record<string, string>>({})
  const settings = data?.settings.rules

  useEffect(() => {
    if (settings) setDraft(draftOf(settings))
  }, [settings])

  if (!draft) return <Text size="small" className="px-6 py-4">{t("paymentRisk.rules.loading")}</Text>

  const submit = () => {
    const found: Record<string, string> = {}
    for (const name of NUMBERS) {
      const min = name === "duplicate_window_minutes" ? 0 : 1
      if (!/^\d+$/.test(draft[name].trim()) || Number(draft[name]) < min) found[name] = t(`${KEY}.errors.${min ? "positive" : "integer"}`)
    }
    const bad = draft.risk_countries.filter((c) => !/^[a-z]{2}$/.test(c))
    if (bad.length) found.risk_countries = t(`${KEY}.errors.countries`, { codes: bad.join(", ") })
    setErrors(found)
    if (Object.keys(found).length) return
    const rules: RuleSettings = {
      enabled: draft.enabled,
      review_score: Number(draft.review_score),
      prepayment_score: Number(draft.prepayment_score),
      duplicate_window_minutes: Number(draft.duplicate_window_minutes),
      risk_countries: draft.risk_countries,
      extra_free_mail_domains: draft.extra_free_mail_domains,
      extra_disposable_domains: draft.extra_disposable_domains,
    }
    update.mutate({ rules }, {
      onSuccess: () => toast.success(t("paymentRisk.saved")),
      onError: (error) => {
        const message = errorMessage(error)
        const byField: Record<string, string> = {}
        for (const path of fieldsFromMessage(message)) byField[path.replace(/^rules\./, "").split(".")[0]] = message
        setErrors(Object.keys(byField).length ? byField : { form: message })
        toast.error(t("paymentRisk.saveFailed"), { description: message })
      },
    })
  }

  return (
    <div className="flex flex-col gap-y-4 px-6 py-4" data-testid="rule-settings">
      <div>
        <Heading level="h2">{t(`${KEY}.title`)}</Heading>
        <Text size="small" className="text-ui-fg-subtle">{t(`${KEY}.description`)}</Text>
      </div>
      <div className="flex items-center gap-x-2">
        <Switch id="rules-enabled" checked={draft.enabled} onCheckedChange={(enabled) => setDraft({ ...draft, enabled })} />
        <Label htmlFor="rules-enabled" size="small">{t(`${KEY}.enabled`)}</Label>
      </div>
      <div className="grid grid-cols-1 gap-4 md:grid-cols-3">
        {NUMBERS.map((name) => (
          <TextField key={name} id={`rules-${name}`} label={t(`${KEY}.${name}`)} hint={t(`${KEY}.${name}_hint`)} inputMode="numeric"
            value={draft[name]} onChange={(value) => setDraft({ ...draft, [name]: value })} error={errors[name]} />
        ))}
      </div>
      <div className="grid grid-cols-1 gap-4 md:grid-cols-3">
        {LISTS.map((name) => (
          <div key={name} className="flex flex-col gap-y-1">
            <Label htmlFor={`rules-${name}`} size="small" weight="plus">{t(`${KEY}.${name}`)}</Label>
            <ListInput id={`rules-${name}`} values={draft[name]} lowercase placeholder={t(`${KEY}.${name}_hint`)}
              invalid={!!errors[name]} onChange={(values) => setDraft({ ...draft, [name]: values })} />
            <FieldError message={errors[name]} />
          </div>
        ))}
      </div>
      <FieldError message={errors.form} />
      <div className="flex justify-end">
        <Button size="small" isLoading={update.isPending} onClick={submit}>{t("paymentRisk.save")}</Button>
      </div>
    </div>
  )
}

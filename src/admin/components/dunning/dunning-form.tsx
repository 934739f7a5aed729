import { Button, Container, Heading, Label, Switch, Text, toast } from "@medusajs/ui"
import type { TFunction } from "i18next"
import { useEffect, useState } from "react"
import { useTranslation } from "react-i18next"
import { useSaveDunningSettings } from "../../lib/dunning-hooks"
import { errorMessage, fieldsFromMessage } from "../../lib/errors"
import { usePaymentRiskSettings } from "../../lib/hooks"
import { TextField } from "../text-field"
import { BaseRatesEditor } from "./base-rates-editor"
import { BusinessGroups } from "./business-groups"
import { DunningDraft, DunningErrors, fromDunningDraft, toDunningDraft, validateDunning } from "./dunning-draft"
import { KEY } from "./labels"
import { SelectField } from "./select-field"
import { StagesList } from "./stages-list"

/** "integer:0:120" → "Enter a whole number from 0 to 120." */
function errorText(code: string, t: TFunction): string {
  const [kind, min, max] = code.split(":")
  return t(`${KEY}.errors.${kind}`, { min, max })
}

const Section = ({ title, description, children }: { title: string; description: string; children: React.ReactNode }) => (
  <Container className="flex flex-col gap-y-4 px-6 py-4">
    <div>
      <Heading level="h2">{title}</Heading>
      <Text size="small" className="text-ui-fg-subtle">{description}</Text>
    </div>
    {children}
  </Container>
)

/** The dunning settings: switch, dates and terms, interest, the stages and the base-rate table, saved together. */
export const DunningForm = () => {
  const { t, i18n } = useTranslation()
  const { data } = usePaymentRiskSettings()
  const save = useSaveDunningSettings()
  const [draft, setDraft] = useState<DunningDraft | null>(null)
  const [errors, setErrors] = useState<DunningErrors>({})
  const today = new Date().toISOString().slice(0, 10)

  useEffect(() => {
    if (data?.settings.dunning) setDraft(toDunningDraft(data.settings.dunning, i18n.language))
  }, [data, i18n.language])

  if (!draft) return null
  const set = <K extends keyof DunningDraft>(key: K, value: DunningDraft[K]) => setDraft({ ...draft, [key]: value })
  const err = (path: string) => errors[path]

  const submit = () => {
    const found = validateDunning(draft)
    setErrors(Object.fromEntries(Object.entries(found).map(([path, code]) => [path, errorText(code!, t)])))
    if (Object.keys(found).length) {
      toast.error(t(`${KEY}.checkFields`))
      return
    }
    save.mutate(fromDunningDraft(draft), {
      onSuccess: () => toast.success(t(`${KEY}.saved`)),
      onError: (error) => {
        const message = errorMessage(error)
        const serverErrors: DunningErrors = {}
        for (const field of fieldsFromMessage(message)) serverErrors[field.startsWith("dunning.") ? field : `dunning.${field}`] = message
        setErrors(serverErrors)
        toast.error(t(`${KEY}.saveFailed`), { description: message })
      },
    })
  }

  const option = <T extends string>(group: string, value: T) => ({ value, label: t(`${KEY}.${group}.${value}`) })

  return (
    <form className="flex flex-col gap-y-3" noValidate onSubmit={(event) => { event.preventDefault(); submit() }}>
      <Section title={t(`${KEY}.general.title`)} description={t(`${KEY}.general.description`)}>
        <div className="flex items-center gap-x-2">
          <Switch id="dunning-enabled" checked={draft.enabled} onCheckedChange={(enabled) => set("enabled", enabled)} />
          <Label htmlFor="dunning-enabled" size="small" weight="plus">{t(`${KEY}.general.enabled`)}</Label>
        </div>
        <Text size="xsmall" className="text-ui-fg-subtle -mt-2">{t(`${KEY}.general.enabledHint`)}</Text>
        <div className="grid grid-cols-1 gap-4 md:grid-cols-3">
          <SelectField id="dunning-invoice-date" label={t(`${KEY}.general.invoiceDate`)} value={draft.invoice_date}
            options={[option("invoiceDate", "order_placed"), option("invoiceDate", "first_shipment")]}
            onChange={(v) => set("invoice_date", v)} hint={t(`${KEY}.general.invoiceDateHint`)} error={err("dunning.invoice_date")} />
          <TextField id="dunning-payment-term" label={t(`${KEY}.general.paymentTerm`)} hint={t(`${KEY}.general.paymentTermHint`)}
            value={draft.payment_term_days} inputMode="numeric" onChange={(v) => set("payment_term_days", v)} error={err("dunning.payment_term_days")} />
          <SelectField id="dunning-default-from" label={t(`${KEY}.general.defaultFrom`)} value={draft.default_from}
            options={[option("defaultFrom", "due_date"), option("defaultFrom", "first_dunning"), option("defaultFrom", "30_days_after_invoice")]}
            onChange={(v) => set("default_from", v)} hint={t(`${KEY}.defaultFromHints.${draft.default_from}`)} error={err("dunning.default_from")} />
        </div>
      </Section>

      <Section title={t(`${KEY}.interest.title`)} description={t(`${KEY}.interest.description`)}>
        <div className="grid grid-cols-1 gap-4 md:grid-cols-3">
          <TextField id="dunning-consumer-points" label={t(`${KEY}.interest.consumerPoints`)} hint={t(`${KEY}.interest.consumerPointsHint`)}
            value={draft.consumer_points} inputMode="decimal" onChange={(v) => set("consumer_points", v)} error={err("dunning.consumer_points")} />
          <TextField id="dunning-business-points" label={t(`${KEY}.interest.businessPoints`)} hint={t(`${KEY}.interest.businessPointsHint`)}
            value={draft.business_points} inputMode="decimal" onChange={(v) => set("business_points", v)} error={err("dunning.business_points")} />
          <TextField id="dunning-flat-fee" label={t(`${KEY}.interest.flatFee`)} hint={t(`${KEY}.interest.flatFeeHint`)}
            value={draft.business_flat_fee} inputMode="decimal" onChange={(v) => set("business_flat_fee", v)} error={err("dunning.business_flat_fee")} />
        </div>
        <BusinessGroups value={draft.business_customer_group_ids} onChange={(v) => set("business_customer_group_ids", v)}
          error={err("dunning.business_customer_group_ids")} />
      </Section>

      <Section title={t(`${KEY}.stages.title`)} description={t(`${KEY}.stages.description`)}>
        <StagesList stages={draft.stages} onChange={(stages) => set("stages", stages)} err={err} />
      </Section>

      <Section title={t(`${KEY}.rates.title`)} description={t(`${KEY}.rates.description`)}>
        <BaseRatesEditor rates={draft.base_rates} onChange={(rates) => set("base_rates", rates)} err={err} today={today} />
      </Section>

      <Container className="flex justify-end px-6 py-4">
        <Button type="submit" size="small" isLoading={save.isPending}>{t(`${KEY}.save`)}</Button>
      </Container>
    </form>
  )
}

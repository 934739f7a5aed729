import { Button, Container, Heading, Label, Switch, Text, toast } from "@medusajs/ui"
import { useEffect, useState } from "react"
import { useTranslation } from "react-i18next"
import { errorMessage, fieldsFromMessage } from "../lib/errors"
import { usePaymentRiskSettings, useUpdatePaymentRiskSettings } from "../lib/hooks"
import { ClassCheckboxes } from "./class-checkboxes"
import { CreditSettings } from "./credit-settings"
import { ListActionSettings, PlausibilitySettings } from "./list-action-settings"
import { ProtectionSettings } from "./protection-settings"
import { RetentionSettings } from "./retention-settings"
import { ShopperTexts } from "./shopper-texts"
import { DraftErrors, fromDraft, SettingsDraft, toDraft, validateDraft } from "./settings-draft"
import { TextField } from "./text-field"

/** First-order rules, fallback, negative-list actions and the shopper notice, saved together. */
export const SettingsForm = () => {
  const { t } = useTranslation()
  const { data } = usePaymentRiskSettings()
  const update = useUpdatePaymentRiskSettings()
  const [draft, setDraft] = useState<SettingsDraft | null>(null)
  const [errors, setErrors] = useState<DraftErrors>({})

  useEffect(() => {
    if (data?.settings) setDraft(toDraft(data.settings))
  }, [data])

  if (!draft) return null

  const set = <K extends keyof SettingsDraft>(key: K, value: SettingsDraft[K]) =>
    setDraft({ ...draft, [key]: value })
  const err = (path: string) => (errors[path] ? t(`paymentRisk.errors.${errors[path]}`, errors[path]) : undefined)

  const submit = () => {
    const found = validateDraft(draft)
    setErrors(found)
    if (Object.keys(found).length) return
    update.mutate(fromDraft(draft), {
      onSuccess: () => toast.success(t("paymentRisk.saved")),
      onError: (error) => {
        const message = errorMessage(error)
        const serverErrors: DraftErrors = {}
        for (const field of fieldsFromMessage(message)) serverErrors[field] = message
        setErrors(serverErrors)
        toast.error(t("paymentRisk.saveFailed"), { description: message })
      },
    })
  }

  return (
    <form
      className="flex flex-col gap-y-3"
      onSubmit={(event) => {
        event.preventDefault()
        submit()
      }}
      noValidate
    >
      <Container className="flex flex-col gap-y-6 px-6 py-4">
        <div>
          <Heading level="h2">{t("paymentRisk.firstOrder.title")}</Heading>
          <Text size="small" className="text-ui-fg-subtle">
            {t("paymentRisk.firstOrder.description")}
          </Text>
        </div>
        <div className="flex items-center gap-x-2">
          <Switch id="first-order-enabled" checked={draft.enabled} onCheckedChange={(v) => set("enabled", v)} />
          <Label htmlFor="first-order-enabled" size="small" weight="plus">
            {t("paymentRisk.firstOrder.enabled")}
          </Label>
        </div>
        <div className="grid grid-cols-1 gap-4 md:grid-cols-2">
          <TextField
            id="paid-orders-required"
            label={t("paymentRisk.firstOrder.paidOrdersRequired")}
            value={draft.paid_orders_required}
            inputMode="numeric"
            onChange={(v) => set("paid_orders_required", v)}
            error={err("first_order.paid_orders_required")}
          />
          <TextField
            id="cod-max-amount"
            label={t("paymentRisk.firstOrder.codMaxAmount")}
            hint={t("paymentRisk.firstOrder.codMaxAmountHint")}
            value={draft.cod_max_amount}
            inputMode="decimal"
            onChange={(v) => set("cod_max_amount", v)}
            error={err("first_order.cod_max_amount")}
          />
        </div>
        <ClassCheckboxes
          id="allowed-classes"
          label={t("paymentRisk.firstOrder.allowedClasses")}
          value={draft.allowed_classes}
          onChange={(v) => set("allowed_classes", v)}
          error={err("first_order.allowed_classes")}
        />
        <ClassCheckboxes
          id="pending-classes"
          label={t("paymentRisk.firstOrder.pendingClasses")}
          value={draft.pending_order_allowed_classes}
          onChange={(v) => set("pending_order_allowed_classes", v)}
          error={err("first_order.pending_order_allowed_classes")}
        />
        <ClassCheckboxes
          id="fallback-classes"
          label={t("paymentRisk.firstOrder.fallbackClasses")}
          value={draft.fallback_classes}
          onChange={(v) => set("fallback_classes", v)}
          error={err("fallback_classes")}
        />
        <div className="md:w-1/2">
          <TextField
            id="evaluation-timeout"
            label={t("paymentRisk.firstOrder.timeout")}
            value={draft.evaluation_timeout_ms}
            inputMode="numeric"
            onChange={(v) => set("evaluation_timeout_ms", v)}
            error={err("evaluation_timeout_ms")}
          />
        </div>
      </Container>

      <ProtectionSettings value={draft.protection} onChange={(v) => set("protection", v)} err={err} />
      <ListActionSettings value={draft.negative_list} onChange={(v) => set("negative_list", v)} err={err} />
      <PlausibilitySettings value={draft.plausibility} onChange={(v) => set("plausibility", v)} err={err} />
      <CreditSettings value={draft.credit_check} onChange={(v) => set("credit_check", v)} err={err} />
      <RetentionSettings value={draft.retention} onChange={(v) => set("retention", v)} err={err} />

      <ShopperTexts draft={draft} onChange={setDraft} err={err} />

      <Container className="flex flex-col gap-y-4 px-6 py-4">
        <div className="flex justify-end">
          <Button type="submit" size="small" isLoading={update.isPending}>
            {t("paymentRisk.save")}
          </Button>
        </div>
      </Container>
    </form>
  )
}

import { Button, FocusModal, Heading, Input, Label, Switch, Text, Textarea, toast } from "@medusajs/ui"
import { ruleDescription, ruleName } from "../../lib/rule-text"
import { useEffect, useMemo, useRef, useState } from "react"
import { useTranslation } from "react-i18next"
import { errorMessage, figureRunError } from "../../lib/errors"
import { useRuleBacktest, useStoreCurrencies } from "../../lib/figures-hooks"
import { useConditionCatalog, useSaveRule } from "../../lib/rules-hooks"
import type { RuleDTO } from "../../lib/rules-types"
import { FieldError } from "../field-error"
import { periodRange } from "../figures/period"
import { ActionsEditor } from "./actions-editor"
import { BacktestDays, BacktestPanel } from "./backtest-panel"
import { ConditionGroupEditor } from "./condition-group"
import { actionErrors, checkDraft, draftFromRule, DraftErrors, draftToBody, emptyDraft, RuleDraft, serverErrors } from "./rule-draft"

type Props = {
  open: boolean
  onOpenChange: (open: boolean) => void
  /** edit this rule; without it the modal creates one */
  rule?: RuleDTO
}

/** Create or edit a rule: name, priority, switch, validity, the condition builder and the actions. */
export const RuleEditor = ({ open, onOpenChange, rule }: Props) => {
  const { t } = useTranslation()
  const { data: catalogData, isLoading: catalogLoading } = useConditionCatalog()
  const catalog = catalogData?.conditions ?? []
  const byAttribute = useMemo(() => new Map(catalog.map((e) => [e.attribute, e])), [catalog])
  const [draft, setDraft] = useState<RuleDraft>(emptyDraft)
  const [errors, setErrors] = useState<DraftErrors>({})
  /** after the first save attempt the client checks run on every change, so fixed fields clear */
  const [attempted, setAttempted] = useState(false)
  const save = useSaveRule(rule?.id)
  const backtest = useRuleBacktest()
  const [testing, setTesting] = useState(false)
  const [days, setDays] = useState<BacktestDays>(90)
  const { data: currencies } = useStoreCurrencies()
  const [currency, setCurrency] = useState<string | null>(null)
  const resultRef = useRef<HTMLDivElement>(null)

  useEffect(() => {
    if (!open) return
    setDraft(rule ? { ...draftFromRule(rule), name: ruleName(rule, t), description: ruleDescription(rule, t) ?? "" } : emptyDraft())
    setErrors({})
    setAttempted(false)
    setTesting(false)
    save.reset()
    backtest.reset()
  }, [open, rule?.id])

  useEffect(() => {
    if (attempted) setErrors(checkDraft(draft, byAttribute, t))
  }, [draft])

  /** "Test on past orders": the draft (checked like on save) with the other rules, on the period's orders. */
  const test = (period: BacktestDays = days, code: string | null = currency ?? currencies?.default ?? null) => {
    const found = checkDraft(draft, byAttribute, t)
    setAttempted(true)
    setErrors(found)
    if (Object.keys(found).length) {
      toast.error(t("paymentRisk.rules.checkFields"))
      return
    }
    const range = periodRange({ preset: period })
    setTesting(true)
    setTimeout(() => resultRef.current?.scrollIntoView({ behavior: "smooth", block: "start" }), 50)
    if (!range || !code) return
    backtest.mutate(
      { ...range, currency_code: code, draft: draftToBody(draft, byAttribute), editingId: rule?.id },
      {
        onError: (error) => {
          // the draft is the set's first rule: its fields are named "rules, 0, …"
          const message = errorMessage(error)
          const mine = serverErrors(message.replace(/field 'rules, 0, /g, "field '"))
          if (!mine.form) setErrors(mine)
        },
      }
    )
  }

  const set = (patch: Partial<RuleDraft>) => setDraft((current) => ({ ...current, ...patch }))

  const submit = () => {
    const found = checkDraft(draft, byAttribute, t)
    setAttempted(true)
    setErrors(found)
    if (Object.keys(found).length) {
      toast.error(t("paymentRisk.rules.checkFields"))
      return
    }
    save.mutate(draftToBody(draft, byAttribute), {
      onSuccess: () => {
        toast.success(t(rule ? "paymentRisk.rules.updated" : "paymentRisk.rules.created"))
        onOpenChange(false)
      },
      onError: (error) => {
        const message = errorMessage(error)
        setErrors(serverErrors(message))
        toast.error(t("paymentRisk.saveFailed"), { description: message })
      },
    })
  }

  const field = (name: "name" | "priority" | "valid_from" | "valid_until", type = "text") => (
    <div className="flex flex-col gap-y-1">
      <Label htmlFor={`rule-${name}`} size="small" weight="plus">{t(`paymentRisk.rules.fields.${name}`)}</Label>
      <Input id={`rule-${name}`} type={type} value={draft[name]} aria-invalid={!!errors[name]} onChange={(e) => set({ [name]: e.target.value })} />
      <FieldError message={errors[name]} />
    </div>
  )

  return (
    <FocusModal open={open} onOpenChange={onOpenChange}>
      <FocusModal.Content data-testid="rule-editor">
        <FocusModal.Header>
          <div className="flex w-full items-center justify-end gap-x-2">
            <FocusModal.Close asChild>
              <Button size="small" variant="secondary">{t("paymentRisk.rules.cancel")}</Button>
            </FocusModal.Close>
            <Button size="small" variant="secondary" isLoading={backtest.isPending} onClick={() => test()} data-testid="rule-backtest">
              {t("paymentRisk.rules.backtest.button")}
            </Button>
            <Button size="small" isLoading={save.isPending} onClick={submit}>{t("paymentRisk.save")}</Button>
          </div>
        </FocusModal.Header>
        <FocusModal.Body className="flex flex-col items-center overflow-y-auto py-8">
          <div className="flex w-full max-w-[860px] flex-col gap-y-6 px-4">
            <div>
              <FocusModal.Title asChild>
                <Heading level="h1">{t(rule ? "paymentRisk.rules.editTitle" : "paymentRisk.rules.createTitle")}</Heading>
              </FocusModal.Title>
              <FocusModal.Description asChild>
                <Text size="small" className="text-ui-fg-subtle">{t("paymentRisk.rules.editorHint")}</Text>
              </FocusModal.Description>
            </div>
            <div className="grid grid-cols-1 gap-4 md:grid-cols-2">
              {field("name")}
              {field("priority", "number")}
              <div className="flex flex-col gap-y-1 md:col-span-2">
                <Label htmlFor="rule-description" size="small" weight="plus">{t("paymentRisk.rules.fields.description")}</Label>
                <Textarea id="rule-description" value={draft.description} onChange={(e) => set({ description: e.target.value })} />
                <FieldError message={errors.description} />
              </div>
              {field("valid_from", "datetime-local")}
              {field("valid_until", "datetime-local")}
              <div className="flex items-center gap-x-2 md:col-span-2">
                <Switch id="rule-enabled" checked={draft.enabled} onCheckedChange={(enabled) => set({ enabled })} />
                <Label htmlFor="rule-enabled" size="small">{t("paymentRisk.rules.fields.enabled")}</Label>
              </div>
            </div>
            <section className="flex flex-col gap-y-2">
              <Heading level="h2">{t("paymentRisk.rules.conditionsTitle")}</Heading>
              <Text size="small" className="text-ui-fg-subtle">{t("paymentRisk.rules.conditionsHint")}</Text>
              {catalogLoading ? (
                <Text size="small">{t("paymentRisk.rules.loading")}</Text>
              ) : (
                <ConditionGroupEditor group={draft.conditions} catalog={catalog} path="conditions" depth={1} errors={errors}
                  onChange={(conditions) => set({ conditions })} />
              )}
              <FieldError message={errors.conditions} />
            </section>
            <section className="flex flex-col gap-y-2">
              <Heading level="h2">{t("paymentRisk.rules.actionsTitle")}</Heading>
              <ActionsEditor actions={draft.actions} onChange={(actions) => set({ actions })}
                errors={{ ...actionErrors(errors, draft.actions), actions: errors.actions }} />
            </section>
            <FieldError message={errors.form} />
            <div ref={resultRef}>
              {testing && (
                <BacktestPanel result={backtest.data} pending={backtest.isPending} error={backtest.error ? figureRunError(backtest.error, t) : undefined}
                  days={days} onDays={(next) => { setDays(next); test(next) }}
                  currency={currency ?? currencies?.default ?? null} currencies={currencies?.codes ?? []}
                  onCurrency={(next) => { setCurrency(next); test(days, next) }} catalog={catalog} />
              )}
            </div>
          </div>
        </FocusModal.Body>
      </FocusModal.Content>
    </FocusModal>
  )
}

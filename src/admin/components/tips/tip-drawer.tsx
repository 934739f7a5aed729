import { Button, Drawer, Input, Label, Select, Switch, Text, Textarea, toast } from "@medusajs/ui"
import { useEffect, useState } from "react"
import { useTranslation } from "react-i18next"
import { errorMessage, fieldsFromMessage } from "../../lib/errors"
import { SecurityTip, TIP_PLACEHOLDERS, TIP_PLACEMENTS, TipPlacement, useSaveSecurityTip } from "../../lib/tips-hooks"
import { FieldError } from "../field-error"
import { TipDraft, draftOf, emptyDraft, inputOf } from "./tip-draft"
import { TipPreview } from "./tip-preview"

type Props = {
  open: boolean
  onOpenChange: (open: boolean) => void
  /** edit this tip; without it the drawer creates one */
  tip?: SecurityTip
  /** create: start in this language */
  locale?: string
}

/** Create or edit a tip, with a live preview of what shoppers will see. */
export const TipDrawer = ({ open, onOpenChange, tip, locale }: Props) => {
  const { t } = useTranslation()
  const [draft, setDraft] = useState<TipDraft>(emptyDraft())
  const [errors, setErrors] = useState<Record<string, string>>({})
  const save = useSaveSecurityTip(tip?.id)

  useEffect(() => {
    if (!open) return
    setDraft(tip ? draftOf(tip) : emptyDraft(locale || "de"))
    setErrors({})
  }, [open, tip?.id])

  const set = <K extends keyof TipDraft>(key: K, value: TipDraft[K]) => setDraft((current) => ({ ...current, [key]: value }))

  const submit = () => {
    const local: Record<string, string> = {}
    if (!draft.title.trim()) local.title = t("paymentRiskTips.errors.titleRequired")
    if (!draft.body.trim()) local.body = t("paymentRiskTips.errors.bodyRequired")
    if (draft.valid_from && draft.valid_until && draft.valid_from > draft.valid_until) {
      local.valid_until = t("paymentRiskTips.errors.window")
    }
    if (Object.keys(local).length) {
      setErrors(local)
      return
    }
    save.mutate(inputOf(draft), {
      onSuccess: () => {
        toast.success(t(tip ? "paymentRiskTips.updated" : "paymentRiskTips.created"))
        onOpenChange(false)
      },
      onError: (error) => {
        const message = errorMessage(error)
        const found: Record<string, string> = {}
        for (const field of fieldsFromMessage(message)) found[field] = message
        setErrors(Object.keys(found).length ? found : { body: message })
        toast.error(t("paymentRiskTips.saveFailed"), { description: message })
      },
    })
  }

  const label = (name: string, htmlFor?: string) => (
    <Label htmlFor={htmlFor ?? `tip-${name}`} size="small" weight="plus">{t(`paymentRiskTips.fields.${name}`)}</Label>
  )

  return (
    <Drawer open={open} onOpenChange={onOpenChange}>
      <Drawer.Content className="max-w-[720px]">
        <Drawer.Header>
          <Drawer.Title>{t(tip ? "paymentRiskTips.editTitle" : "paymentRiskTips.add")}</Drawer.Title>
        </Drawer.Header>
        <Drawer.Body className="flex flex-col gap-y-4 overflow-y-auto">
          <div className="flex flex-col gap-y-1">
            {label("title")}
            <Input id="tip-title" value={draft.title} maxLength={200} aria-invalid={!!errors.title}
              onChange={(e) => set("title", e.target.value)} />
            <FieldError message={errors.title} />
          </div>
          <div className="flex flex-col gap-y-1">
            {label("body")}
            <Textarea id="tip-body" rows={8} value={draft.body} maxLength={5000} aria-invalid={!!errors.body}
              aria-describedby="tip-body-hint" onChange={(e) => set("body", e.target.value)} />
            <Text id="tip-body-hint" size="xsmall" className="text-ui-fg-subtle">
              {t("paymentRiskTips.bodyHint", { placeholders: TIP_PLACEHOLDERS.map((p) => `{${p}}`).join(", ") })}
            </Text>
            <FieldError message={errors.body} />
          </div>
          <TipPreview title={draft.title} body={draft.body} enabled={open} />
          <div className="grid grid-cols-2 gap-4">
            <div className="flex flex-col gap-y-1">
              {label("placement", "tip-placement")}
              <Select value={draft.placement} onValueChange={(v) => set("placement", v as TipPlacement)}>
                <Select.Trigger id="tip-placement" aria-invalid={!!errors.placement}><Select.Value /></Select.Trigger>
                <Select.Content>
                  {TIP_PLACEMENTS.map((p) => (
                    <Select.Item key={p} value={p}>{t(`paymentRiskTips.placements.${p}`)}</Select.Item>
                  ))}
                </Select.Content>
              </Select>
              <FieldError message={errors.placement} />
            </div>
            <div className="flex flex-col gap-y-1">
              {label("locale")}
              <Input id="tip-locale" value={draft.locale} maxLength={2} placeholder="de" aria-invalid={!!errors.locale}
                aria-describedby="tip-locale-hint" onChange={(e) => set("locale", e.target.value)} />
              <Text id="tip-locale-hint" size="xsmall" className="text-ui-fg-subtle">{t("paymentRiskTips.localeHint")}</Text>
              <FieldError message={errors.locale} />
            </div>
            <div className="flex flex-col gap-y-1">
              {label("rank")}
              <Input id="tip-rank" type="number" step={1} value={draft.rank} aria-invalid={!!errors.rank}
                onChange={(e) => set("rank", e.target.value)} />
              <Text size="xsmall" className="text-ui-fg-subtle">{t("paymentRiskTips.rankHint")}</Text>
              <FieldError message={errors.rank} />
            </div>
            <div className="flex items-center gap-x-2 pt-6">
              <Switch id="tip-active" checked={draft.active} onCheckedChange={(v) => set("active", v)} />
              {label("active")}
            </div>
            <div className="flex flex-col gap-y-1">
              {label("valid_from")}
              <Input id="tip-valid_from" type="date" value={draft.valid_from} aria-invalid={!!errors.valid_from}
                onChange={(e) => set("valid_from", e.target.value)} />
              <FieldError message={errors.valid_from} />
            </div>
            <div className="flex flex-col gap-y-1">
              {label("valid_until")}
              <Input id="tip-valid_until" type="date" value={draft.valid_until} aria-invalid={!!errors.valid_until}
                onChange={(e) => set("valid_until", e.target.value)} />
              <FieldError message={errors.valid_until} />
            </div>
          </div>
        </Drawer.Body>
        <Drawer.Footer>
          <Drawer.Close asChild>
            <Button size="small" variant="secondary">{t("paymentRiskTips.cancel")}</Button>
          </Drawer.Close>
          <Button size="small" isLoading={save.isPending} onClick={submit}>{t("paymentRiskTips.save")}</Button>
        </Drawer.Footer>
      </Drawer.Content>
    </Drawer>
  )
}

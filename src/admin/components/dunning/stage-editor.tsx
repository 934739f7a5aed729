import { ArrowDownMini, ArrowUpMini, Trash } from "@medusajs/icons"
import { Badge, IconButton, Input, Label, Text, Textarea } from "@medusajs/ui"
import { useTranslation } from "react-i18next"
import { DUNNING_CHANNELS, DUNNING_STAGE_KINDS } from "../../../engine/dunning/stages"
import { FieldError } from "../field-error"
import { TextField } from "../text-field"
import { KEY } from "./labels"
import type { StageDraft } from "./dunning-draft"
import { SelectField } from "./select-field"

type Props = {
  index: number
  count: number
  stage: StageDraft
  title: string
  onChange: (stage: StageDraft) => void
  onMove: (delta: -1 | 1) => void
  onRemove: () => void
  err: (path: string) => string | undefined
}

const LANGS = ["de", "en"] as const

/** One dunning stage: kind, timing, fee, channel, subject and text in German and English. */
export const StageEditor = ({ index, count, stage, title, onChange, onMove, onRemove, err }: Props) => {
  const { t } = useTranslation()
  const id = `dunning-stage-${index}`
  const path = (field: string) => `dunning.stages.${index}.${field}`
  const set = <K extends keyof StageDraft>(key: K, value: StageDraft[K]) => onChange({ ...stage, [key]: value })
  return (
    <fieldset className="flex flex-col gap-y-4 rounded-lg border p-4" data-testid={id}>
      <div className="flex items-center justify-between gap-2">
        <legend className="flex items-center gap-x-2">
          <Badge size="2xsmall">{index + 1}</Badge>
          <Text size="small" weight="plus">{title}</Text>
        </legend>
        <div className="flex gap-x-1">
          <IconButton size="small" variant="transparent" type="button" disabled={index === 0} aria-label={t(`${KEY}.stages.moveUp`)} onClick={() => onMove(-1)}><ArrowUpMini /></IconButton>
          <IconButton size="small" variant="transparent" type="button" disabled={index === count - 1} aria-label={t(`${KEY}.stages.moveDown`)} onClick={() => onMove(1)}><ArrowDownMini /></IconButton>
          <IconButton size="small" variant="transparent" type="button" disabled={count <= 1} aria-label={t(`${KEY}.stages.remove`)} onClick={onRemove}><Trash /></IconButton>
        </div>
      </div>
      <div className="grid grid-cols-1 gap-4 md:grid-cols-3">
        <SelectField id={`${id}-kind`} label={t(`${KEY}.stages.kind`)} value={stage.kind} onChange={(kind) => set("kind", kind)}
          options={DUNNING_STAGE_KINDS.map((kind) => ({ value: kind, label: t(`${KEY}.stageKinds.${kind}`) }))}
          hint={t(`${KEY}.stageKindHints.${stage.kind}`)} error={err(path("kind"))} />
        <SelectField id={`${id}-channel`} label={t(`${KEY}.stages.channel`)} value={stage.channel} onChange={(channel) => set("channel", channel)}
          options={DUNNING_CHANNELS.map((channel) => ({ value: channel, label: t(`${KEY}.channels.${channel}`) }))} error={err(path("channel"))} />
        <TextField id={`${id}-fee`} label={t(`${KEY}.stages.fee`)} hint={t(`${KEY}.stages.feeHint`)} value={stage.fee} inputMode="decimal"
          onChange={(fee) => set("fee", fee)} error={err(path("fee"))} />
        <TextField id={`${id}-wait`} label={t(`${KEY}.stages.waitDays`)} hint={t(index === 0 ? `${KEY}.stages.waitDaysFirstHint` : `${KEY}.stages.waitDaysHint`)}
          value={stage.wait_days} inputMode="numeric" onChange={(v) => set("wait_days", v)} error={err(path("wait_days"))} />
        <TextField id={`${id}-deadline`} label={t(`${KEY}.stages.deadlineDays`)} hint={t(`${KEY}.stages.deadlineDaysHint`)}
          value={stage.deadline_days} inputMode="numeric" onChange={(v) => set("deadline_days", v)} error={err(path("deadline_days"))} />
      </div>
      <div className="grid grid-cols-1 gap-4 md:grid-cols-2">
        {LANGS.map((lang) => (
          <div key={lang} className="flex flex-col gap-y-2">
            <Label htmlFor={`${id}-subject-${lang}`} size="small" weight="plus">{t(`${KEY}.stages.subject.${lang}`)}</Label>
            <Input id={`${id}-subject-${lang}`} value={stage.subject[lang]} aria-invalid={!!err(path(`subject.${lang}`))}
              onChange={(e) => set("subject", { ...stage.subject, [lang]: e.target.value })} />
            <FieldError message={err(path(`subject.${lang}`))} />
            <Label htmlFor={`${id}-body-${lang}`} size="small" weight="plus">{t(`${KEY}.stages.body.${lang}`)}</Label>
            <Textarea id={`${id}-body-${lang}`} rows={10} value={stage.body[lang]} aria-invalid={!!err(path(`body.${lang}`))}
              onChange={(e) => set("body", { ...stage.body, [lang]: e.target.value })} />
            <FieldError message={err(path(`body.${lang}`))} />
          </div>
        ))}
      </div>
    </fieldset>
  )
}

import { PlusMini } from "@medusajs/icons"
import { Button, Text } from "@medusajs/ui"
import { useTranslation } from "react-i18next"
import { DEFAULT_DUNNING_STAGES } from "../../../engine/dunning/default-stages"
import { FieldError } from "../field-error"
import { stageLabel } from "../receivables/labels"
import { MAX_STAGES, StageDraft, toStageDraft } from "./dunning-draft"
import { KEY } from "./labels"
import { PlaceholderHelp } from "./placeholder-help"
import { StageEditor } from "./stage-editor"

type Props = { stages: StageDraft[]; onChange: (stages: StageDraft[]) => void; err: (path: string) => string | undefined }

/** Up to six stages in the order they go out: add (a copy of the matching default), remove, move up and down. */
export const StagesList = ({ stages, onChange, err }: Props) => {
  const { t, i18n } = useTranslation()
  const move = (index: number, delta: -1 | 1) => {
    const next = [...stages]
    const [stage] = next.splice(index, 1)
    next.splice(index + delta, 0, stage)
    onChange(next)
  }
  const add = () => {
    // a new stage starts as a dunning letter with the default texts, to be adjusted
    const template = DEFAULT_DUNNING_STAGES[Math.min(stages.length, DEFAULT_DUNNING_STAGES.length - 2)] ?? DEFAULT_DUNNING_STAGES[1]
    onChange([...stages, toStageDraft(template, i18n.language)])
  }
  return (
    <div className="flex flex-col gap-y-4">
      <PlaceholderHelp />
      {stages.map((stage, index) => (
        <StageEditor
          key={stage.key}
          index={index}
          count={stages.length}
          stage={stage}
          title={stageLabel(index, stages, t)}
          onChange={(next) => onChange(stages.map((s, i) => (i === index ? next : s)))}
          onMove={(delta) => move(index, delta)}
          onRemove={() => onChange(stages.filter((_, i) => i !== index))}
          err={err}
        />
      ))}
      <FieldError message={err("dunning.stages")} />
      <div className="flex items-center justify-between gap-2">
        <Text size="xsmall" className="text-ui-fg-subtle">{t(`${KEY}.stages.limit`, { max: MAX_STAGES })}</Text>
        <Button type="button" size="small" variant="secondary" disabled={stages.length >= MAX_STAGES} onClick={add}>
          <PlusMini />{t(`${KEY}.stages.add`)}
        </Button>
      </div>
    </div>
  )
}

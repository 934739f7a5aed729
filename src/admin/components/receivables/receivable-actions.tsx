import { Button, Label, Text, Textarea, toast, usePrompt } from "@medusajs/ui"
import { useState } from "react"
import { useTranslation } from "react-i18next"
import type { DunningStage } from "../../../engine/dunning/stages"
import { errorMessage, fieldsFromMessage } from "../../lib/errors"
import { useFormat } from "../../lib/format"
import { ReceivableDTO, useReceivableAction } from "../../lib/receivable-hooks"
import { FieldError } from "../field-error"
import { availableActions, SimpleAction as Simple } from "./actions"
import { KEY, stageLabel } from "./labels"

const DANGER: Simple[] = ["write-off", "hand-over"]

/** Send the next stage now, pause, resume, hand over, write off: each after a prompt. */
export const ReceivableActions = ({ receivable, stages, order }: { receivable: ReceivableDTO; stages: readonly DunningStage[] | undefined; order: string }) => {
  const { t } = useTranslation()
  const format = useFormat()
  const prompt = usePrompt()
  const act = useReceivableAction(receivable.order_id)
  const [note, setNote] = useState("")
  const [noteError, setNoteError] = useState<string>()
  const actions = availableActions(receivable, stages?.length)
  if (!actions.length) return null

  const run = async (action: Simple) => {
    const ok = await prompt({
      title: t(`${KEY}.confirm.${action}.title`),
      description: t(`${KEY}.confirm.${action}.description`, {
        order,
        stage: stageLabel((receivable.stage ?? -1) + 1, stages, t),
        amount: format.money(receivable.total_due, receivable.currency_code),
      }),
      confirmText: t(`${KEY}.confirm.${action}.confirm`),
      cancelText: t(`${KEY}.confirm.back`),
    })
    if (!ok) return
    const closing = action === "write-off" || action === "hand-over"
    act.mutate(
      { action, body: closing && note.trim() ? { note: note.trim() } : undefined },
      {
        onSuccess: () => {
          toast.success(t(`${KEY}.done.${action}`))
          if (closing) setNote("")
          setNoteError(undefined)
        },
        onError: (error) => {
          const message = errorMessage(error)
          setNoteError(fieldsFromMessage(message).includes("note") ? message : undefined)
          toast.error(t(`${KEY}.failed`), { description: message })
        },
      }
    )
  }

  const closable = actions.includes("write-off") || actions.includes("hand-over")
  return (
    <div className="flex flex-col gap-y-2">
      {receivable.collection_due && <Text size="small">{t(`${KEY}.drawer.collectionDue`)}</Text>}
      {closable && (
        <>
          <Label htmlFor="receivable-note" size="small" weight="plus">{t(`${KEY}.note.label`)}</Label>
          <Textarea id="receivable-note" rows={2} value={note} maxLength={2000} aria-invalid={!!noteError}
            placeholder={t(`${KEY}.note.placeholder`)} onChange={(e) => setNote(e.target.value)} />
          <FieldError message={noteError} />
        </>
      )}
      <div className="flex flex-wrap gap-2">
        {actions.map((action) => (
          <Button key={action} size="small" variant={DANGER.includes(action) ? "danger" : "secondary"}
            isLoading={act.isPending && act.variables?.action === action} onClick={() => run(action)}>
            {t(`${KEY}.actions.${action}`)}
          </Button>
        ))}
      </div>
    </div>
  )
}

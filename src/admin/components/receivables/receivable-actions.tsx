import { Button, toast, usePrompt } from "@medusajs/ui"
import { useTranslation } from "react-i18next"
import type { DunningStage } from "../../../engine/dunning/stages"
import { errorMessage } from "../../lib/errors"
import { useFormat } from "../../lib/format"
import { ReceivableAction, ReceivableDTO, useReceivableAction } from "../../lib/receivable-hooks"
import { KEY, stageLabel } from "./labels"

type Simple = Exclude<ReceivableAction, "payment">

const CLOSED = ["paid", "handed_over", "written_off"]

/** Which actions fit the claim's state (the server answers 409 for the others anyway). */
export function availableActions(receivable: ReceivableDTO, stageCount: number | undefined): Simple[] {
  const { status } = receivable
  const actions: Simple[] = []
  const lastSent = receivable.stage ?? -1
  const hasNext = stageCount === undefined || lastSent + 1 < stageCount
  if (!CLOSED.includes(status) && status !== "paused" && hasNext) actions.push("advance")
  if (!CLOSED.includes(status) && status !== "paused") actions.push("pause")
  if (status === "paused") actions.push("resume")
  if (!CLOSED.includes(status)) actions.push("hand-over")
  if (status !== "paid" && status !== "written_off") actions.push("write-off")
  return actions
}

const DANGER: Simple[] = ["write-off", "hand-over"]

/** Send the next stage now, pause, resume, hand over, write off: each after a prompt. */
export const ReceivableActions = ({ receivable, stages, order }: { receivable: ReceivableDTO; stages: readonly DunningStage[] | undefined; order: string }) => {
  const { t } = useTranslation()
  const format = useFormat()
  const prompt = usePrompt()
  const act = useReceivableAction(receivable.order_id)
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
    act.mutate(
      { action },
      {
        onSuccess: () => toast.success(t(`${KEY}.done.${action}`)),
        onError: (error) => toast.error(t(`${KEY}.failed`), { description: errorMessage(error) }),
      }
    )
  }

  return (
    <div className="flex flex-wrap gap-2">
      {actions.map((action) => (
        <Button key={action} size="small" variant={DANGER.includes(action) ? "danger" : "secondary"}
          isLoading={act.isPending && act.variables?.action === action} onClick={() => run(action)}>
          {t(`${KEY}.actions.${action}`)}
        </Button>
      ))}
    </div>
  )
}

import { Button, toast } from "@medusajs/ui"
import { useTranslation } from "react-i18next"
import type { DunningStage } from "../../../engine/dunning/stages"
import { errorMessage } from "../../lib/errors"
import { downloadLetter, ReceivableDTO } from "../../lib/receivable-hooks"
import { KEY, stageLabel } from "./labels"

/** A PDF download for each stage sent so far (letters are rendered on request with today's figures). */
export const ReceivableLetters = ({ receivable, stages, order }: { receivable: ReceivableDTO; stages: readonly DunningStage[] | undefined; order: string }) => {
  const { t } = useTranslation()
  // the stages the timeline shows as sent; without a timeline every stage up to the current one
  const fromEvents = (receivable.events ?? []).flatMap((event) => (event.kind === "dunning_stage" && event.stage !== null ? [event.stage] : []))
  const sent = fromEvents.length
    ? [...new Set(fromEvents)].sort((a, b) => a - b)
    : receivable.stage === null ? [] : Array.from({ length: receivable.stage + 1 }, (_, index) => index)
  if (!sent.length) return null
  return (
    <div className="flex flex-wrap gap-2">
      {sent.map((index) => {
        const label = stageLabel(index, stages, t)
        const fileName = `${t(`${KEY}.letters.fileName`)}-${order.replace(/[^\w-]/g, "")}-${index + 1}.pdf`
        return (
          <Button key={index} size="small" variant="secondary"
            onClick={() => downloadLetter(receivable.order_id, index, fileName).catch((error) => toast.error(t(`${KEY}.letters.failed`), { description: errorMessage(error) }))}>
            {t(`${KEY}.letters.download`, { stage: label })}
          </Button>
        )
      })}
    </div>
  )
}

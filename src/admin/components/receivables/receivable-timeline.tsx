import { Text } from "@medusajs/ui"
import { useTranslation } from "react-i18next"
import { useFormat } from "../../lib/format"
import type { ReceivableDTO } from "../../lib/receivable-hooks"
import type { DunningStage } from "../../../engine/dunning/stages"
import { eventLabel, KEY, stageLabel } from "./labels"

/** What happened to the claim, newest first: stages sent, payments, return debits, hand-over … */
export const ReceivableTimeline = ({ receivable, stages }: { receivable: ReceivableDTO; stages: readonly DunningStage[] | undefined }) => {
  const { t } = useTranslation()
  const format = useFormat()
  const events = [...(receivable.events ?? [])].sort((a, b) => new Date(b.date).getTime() - new Date(a.date).getTime())
  const label = (event: (typeof events)[number]) => {
    if (event.kind === "payment_captured") return t(`${KEY}.timeline.captured`)
    if (event.kind === "dunning_stage" && event.stage !== null) return `${eventLabel(event.kind, null, format.language)}: ${stageLabel(event.stage, stages, t)}`
    return eventLabel(event.kind, event.reason_code, format.language)
  }
  // a stage's note is how it went out ("channel:email channel:letter"): said in words
  const noteText = (event: (typeof events)[number]) => {
    if (!event.note) return null
    const channels = [...event.note.matchAll(/channel:(email|letter)/g)].map((match) => t(`${KEY}.timeline.channel.${match[1]}`))
    return channels.length ? channels.join(", ") : event.note
  }
  if (!events.length) return <Text size="small" className="text-ui-fg-subtle">{t(`${KEY}.timeline.empty`)}</Text>
  return (
    <ol className="flex flex-col gap-y-3 border-l pl-4" data-testid="receivable-timeline">
      {events.map((event, index) => (
        <li key={event.outcome_id ?? `${event.kind}-${event.date}-${index}`} className="relative">
          <span className="bg-ui-fg-muted absolute -left-[19px] top-1.5 h-1.5 w-1.5 rounded-full" aria-hidden />
          <Text size="small" weight="plus">{label(event)}</Text>
          <Text size="xsmall" className="text-ui-fg-subtle">
            {format.dateTime(event.date, "short")}
            {event.amount ? ` · ${format.money(event.amount, receivable.currency_code)}` : ""}
            {event.fee ? ` · ${t(`${KEY}.timeline.fee`, { amount: format.money(event.fee, receivable.currency_code) })}` : ""}
            {event.source ? ` · ${t(`${KEY}.timeline.source.${event.source}`, event.source)}` : ""}
          </Text>
          {noteText(event) && <Text size="xsmall" className="text-ui-fg-subtle">{noteText(event)}</Text>}
        </li>
      ))}
    </ol>
  )
}

import { Text } from "@medusajs/ui"
import { useTranslation } from "react-i18next"
import { useFormat } from "../../lib/format"
import type { ReceivableDTO } from "../../lib/receivable-hooks"
import { eventLabel, KEY } from "./labels"

/** What happened to the claim, newest first: stages sent, payments, return debits, hand-over … */
export const ReceivableTimeline = ({ receivable }: { receivable: ReceivableDTO }) => {
  const { t } = useTranslation()
  const format = useFormat()
  const events = [...(receivable.events ?? [])].sort((a, b) => new Date(b.occurred_at).getTime() - new Date(a.occurred_at).getTime())
  if (!events.length) return <Text size="small" className="text-ui-fg-subtle">{t(`${KEY}.timeline.empty`)}</Text>
  return (
    <ol className="flex flex-col gap-y-3 border-l pl-4" data-testid="receivable-timeline">
      {events.map((event, index) => (
        <li key={event.id ?? `${event.kind}-${event.occurred_at}-${index}`} className="relative">
          <span className="bg-ui-fg-muted absolute -left-[19px] top-1.5 h-1.5 w-1.5 rounded-full" aria-hidden />
          <Text size="small" weight="plus">{eventLabel(event.kind, event.reason_code, format.language)}</Text>
          <Text size="xsmall" className="text-ui-fg-subtle">
            {format.dateTime(event.occurred_at, "short")}
            {event.amount ? ` · ${format.money(event.amount, receivable.currency_code)}` : ""}
            {event.fee ? ` · ${t(`${KEY}.timeline.fee`, { amount: format.money(event.fee, receivable.currency_code) })}` : ""}
            {event.source ? ` · ${t(`${KEY}.timeline.source.${event.source}`, event.source)}` : ""}
          </Text>
          {event.note && <Text size="xsmall" className="text-ui-fg-subtle">{event.note}</Text>}
        </li>
      ))}
    </ol>
  )
}

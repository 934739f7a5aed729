import { Text } from "@medusajs/ui"
import { useTranslation } from "react-i18next"
import { useFormat } from "../../lib/format"
import type { ReviewEvent } from "../../lib/rules-types"

/** Every review action: what, who, when, note (newest first). */
export const ReviewHistory = ({ events }: { events: ReviewEvent[] }) => {
  const { t } = useTranslation()
  const format = useFormat()
  const KEY = "paymentRisk.reviewWidget"
  if (!events.length) return <Text size="small" className="text-ui-fg-subtle">{t(`${KEY}.noHistory`)}</Text>
  const sorted = [...events].sort((a, b) => b.created_at.localeCompare(a.created_at))
  return (
    <ol className="flex flex-col gap-y-2" data-testid="review-history">
      {sorted.map((event) => (
        <li key={event.id} className="border-l-2 pl-3">
          <Text size="small" weight="plus">{t(`${KEY}.events.${event.action}`, { defaultValue: event.action })}</Text>
          <Text size="xsmall" className="text-ui-fg-subtle">
            {format.dateTime(event.created_at)} · {event.actor_id ?? t(`${KEY}.system`)}
          </Text>
          {event.note && <Text size="xsmall">{t(`${KEY}.noteLine`, { note: event.note })}</Text>}
        </li>
      ))}
    </ol>
  )
}

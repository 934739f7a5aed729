import { Badge, Text } from "@medusajs/ui"
import { useTranslation } from "react-i18next"
import { useFormat } from "../../lib/format"
import type { ListMatch } from "../../lib/negative-list-types"
import { entryLabel } from "./entry-label"

const KEY = "paymentRisk.listWidget"

/** One match: certain or possible, kind, score, the entry, why it matched, reason and source. */
export const MatchItem = ({ match }: { match: ListMatch }) => {
  const { t } = useTranslation()
  const { date } = useFormat()
  const { entry } = match
  const fields = match.matched_on.map((field) => t(`${KEY}.matchedOn.${field}`, { defaultValue: field })).join(", ")
  const facts = [
    t(`${KEY}.sources.${entry.source}`, { defaultValue: entry.source }),
    t(`${KEY}.addedOn`, { date: date(entry.created_at) }),
    entry.expires_at ? t(`${KEY}.expiresOn`, { date: date(entry.expires_at) }) : null,
  ].filter(Boolean)
  return (
    <li className="flex flex-col gap-y-1 rounded-md border px-3 py-2" data-testid="payment-risk-list-match" data-certain={match.certain}>
      <div className="flex flex-wrap items-center gap-2">
        <Badge size="2xsmall" color={match.certain ? "red" : "orange"}>
          {t(match.certain ? `${KEY}.certain` : `${KEY}.possible`)}
        </Badge>
        <Badge size="2xsmall" color="grey">{t(`${KEY}.kinds.${entry.kind}`, { defaultValue: entry.kind })}</Badge>
        <Text size="xsmall" className="text-ui-fg-subtle">
          {t(`${KEY}.score`, { score: Math.round(match.score * 100) })}
        </Text>
      </div>
      <Text size="small" weight="plus" className="break-words">{entryLabel(entry)}</Text>
      {fields && (
        <Text size="xsmall" className="text-ui-fg-subtle">{t(`${KEY}.matchedOnLine`, { fields })}</Text>
      )}
      <Text size="xsmall" className="text-ui-fg-subtle break-words">
        {t(`${KEY}.reasonLine`, { reason: entry.reason })} · {facts.join(" · ")}
      </Text>
      {entry.note && (
        <Text size="xsmall" className="text-ui-fg-muted break-words">{t(`${KEY}.noteLine`, { note: entry.note })}</Text>
      )}
    </li>
  )
}

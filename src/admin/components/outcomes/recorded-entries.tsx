import { Badge, Text } from "@medusajs/ui"
import { useTranslation } from "react-i18next"
import { useFormat } from "../../lib/format"
import type { RecordOutcomeResult } from "../../lib/outcome-hooks"
import { actionSentence } from "../negative-list/action-sentence"

const KEY = "paymentRisk.outcomes.widget"

/** What recording an outcome put on the negative list: each entry with what it does when it matches. */
export const RecordedEntries = ({ result }: { result: RecordOutcomeResult }) => {
  const { t, i18n } = useTranslation()
  const format = useFormat()
  const kinds = (list: string[]) => [...new Set(list)].map((kind) => t(`paymentRisk.outcomes.targets.${kind}`, { defaultValue: kind })).join(", ")
  return (
    <div className="flex flex-col gap-y-1 rounded-md bg-ui-bg-subtle px-3 py-2 [overflow-wrap:anywhere]" data-testid="outcome-recorded">
      <Text size="small" weight="plus">
        {result.list_entries.length ? t(`${KEY}.listed`, { count: result.list_entries.length }) : t(`${KEY}.nothingListed`)}
      </Text>
      {result.list_entries.map((entry) => {
        const what =
          entry.kind === "person" || entry.kind === "address"
            ? [[entry.first_name, entry.last_name].filter(Boolean).join(" "), [entry.address_1, [entry.postal_code, entry.city].filter(Boolean).join(" ")].filter(Boolean).join(", ")].filter(Boolean).join(" · ")
            : entry.display_hint ?? entry.value ?? ""
        return (
          <div key={entry.id} className="flex flex-wrap items-center gap-x-2" data-testid="outcome-recorded-entry">
            <Badge size="2xsmall">{t(`paymentRisk.listWidget.kinds.${entry.kind}`, { defaultValue: entry.kind })}</Badge>
            <Text size="xsmall">{what}</Text>
            <Text size="xsmall" className="text-ui-fg-subtle">
              {actionSentence(entry.action, t, i18n.language)}
              {entry.expires_at ? ` · ${t(`${KEY}.expires`, { date: format.date(entry.expires_at) })}` : ""}
            </Text>
          </div>
        )
      })}
      {result.already_listed.length > 0 && <Text size="xsmall" className="text-ui-fg-subtle">{t(`${KEY}.alreadyListed`, { kinds: kinds(result.already_listed) })}</Text>}
      {result.skipped.length > 0 && <Text size="xsmall" className="text-ui-fg-subtle">{t(`${KEY}.skipped`, { kinds: kinds(result.skipped.map((s) => s.kind)) })}</Text>}
    </div>
  )
}

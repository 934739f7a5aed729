import { Badge, Text } from "@medusajs/ui"
import { useTranslation } from "react-i18next"
import { useFormat } from "../../lib/format"
import { useNegativeListEntry } from "../../lib/negative-list-hooks"

const ACTION_COLOR = { create: "green", update: "blue", delete: "red" } as const

const show = (value: unknown) => (value === null || value === undefined || value === "" ? "–" : String(value))

/** Who changed what and when, newest first (hashed values appear only as hashes). */
export const AuditTrail = ({ entryId }: { entryId: string }) => {
  const { t } = useTranslation()
  const format = useFormat()
  const { data, isLoading } = useNegativeListEntry(entryId)
  return (
    <section className="flex flex-col gap-y-2 border-t pt-4" aria-label={t("paymentRisk.negativeList.audit.title")}>
      <Text size="small" weight="plus">{t("paymentRisk.negativeList.audit.title")}</Text>
      {isLoading && <Text size="small" className="text-ui-fg-subtle">…</Text>}
      <ol className="flex flex-col gap-y-2">
        {data?.audit.map((record) => (
          <li key={record.id} className="rounded-md border px-3 py-2">
            <div className="flex flex-wrap items-center gap-2">
              <Badge size="2xsmall" color={ACTION_COLOR[record.action]}>
                {t(`paymentRisk.negativeList.audit.actions.${record.action}`)}
              </Badge>
              <Text size="xsmall" className="text-ui-fg-subtle">
                {format.dateTime(record.created_at)} · {record.actor_id ?? t("paymentRisk.negativeList.audit.system")}
              </Text>
            </div>
            {record.action === "update" && (
              <dl className="mt-1 grid grid-cols-[auto_1fr] gap-x-3 gap-y-0.5">
                {Object.entries(record.changes).map(([fieldName, [before, after]]) => (
                  <div key={fieldName} className="contents">
                    <dt className="txt-compact-xsmall text-ui-fg-subtle">{t(`paymentRisk.negativeList.fields.${fieldName}`, fieldName)}</dt>
                    <dd className="txt-compact-xsmall break-all">{show(before)} → {show(after)}</dd>
                  </div>
                ))}
              </dl>
            )}
          </li>
        ))}
      </ol>
    </section>
  )
}

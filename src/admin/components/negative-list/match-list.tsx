import { Badge, Text } from "@medusajs/ui"
import { useTranslation } from "react-i18next"
import { ListMatch } from "../../lib/negative-list-types"
import { describeEntry } from "./describe-entry"

/** Matches with the entry, its reason, how sure and on which fields (admin only). */
export const MatchList = ({ matches }: { matches: ListMatch[] }) => {
  const { t } = useTranslation()
  if (!matches.length) {
    return <Text size="small" className="text-ui-fg-subtle">{t("paymentRisk.negativeList.matches.none")}</Text>
  }
  return (
    <ul className="flex flex-col gap-y-2">
      {matches.map((match) => (
        <li key={match.entry.id} className="rounded-md border px-3 py-2">
          <div className="flex flex-wrap items-center gap-2">
            <Badge size="2xsmall" color={match.certain ? "red" : "orange"}>
              {t(match.certain ? "paymentRisk.negativeList.matches.certain" : "paymentRisk.negativeList.matches.possible")}
            </Badge>
            <Badge size="2xsmall">{t(`paymentRisk.negativeList.kinds.${match.entry.kind}`)}</Badge>
            <Text size="xsmall" className="text-ui-fg-subtle">
              {t("paymentRisk.negativeList.matches.score", { score: Math.round(match.score * 100) })}
            </Text>
          </div>
          <Text size="small" weight="plus" className="mt-1">{describeEntry(match.entry)}</Text>
          <Text size="xsmall" className="text-ui-fg-subtle">
            {match.entry.reason} · {t(`paymentRisk.negativeList.sources.${match.entry.source}`)}
          </Text>
          <Text size="xsmall" className="text-ui-fg-subtle">
            {t("paymentRisk.negativeList.matches.on")}:{" "}
            {match.matched_on.map((f) => t(`paymentRisk.negativeList.matchedOn.${f}`, f)).join(", ")}
          </Text>
        </li>
      ))}
    </ul>
  )
}

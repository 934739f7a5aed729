import { Text } from "@medusajs/ui"
import { useTranslation } from "react-i18next"
import { errorMessage } from "../../lib/errors"
import type { ListMatch } from "../../lib/negative-list-types"
import { MatchItem } from "./match-item"

type Props = { matches: ListMatch[] | undefined; isLoading: boolean; error: unknown }

/** The matches, strongest first; a neutral line when there are none. */
export const MatchList = ({ matches, isLoading, error }: Props) => {
  const { t } = useTranslation()
  if (isLoading) {
    return <Text size="small" className="text-ui-fg-subtle">{t("paymentRisk.listWidget.loading")}</Text>
  }
  if (error) {
    return (
      <Text size="small" className="text-ui-fg-error" role="alert">
        {t("paymentRisk.listWidget.loadFailed", { message: errorMessage(error) })}
      </Text>
    )
  }
  if (!matches?.length) {
    return (
      <Text size="small" className="text-ui-fg-subtle" data-testid="payment-risk-list-no-matches">
        {t("paymentRisk.listWidget.none")}
      </Text>
    )
  }
  const sorted = [...matches].sort((a, b) => Number(b.certain) - Number(a.certain) || b.score - a.score)
  return (
    <ul className="flex flex-col gap-y-2">
      {sorted.map((match) => <MatchItem key={match.entry.id} match={match} />)}
    </ul>
  )
}

import { Tabs, Text } from "@medusajs/ui"
import { useTranslation } from "react-i18next"
import { useFormat } from "../../lib/format"
import { RECEIVABLE_TABS, ReceivableTab, ReceivableTotals, useReceivableTabCount } from "../../lib/receivable-hooks"
import { KEY } from "./labels"

type Props = {
  value: ReceivableTab
  onChange: (tab: ReceivableTab) => void
  totals: ReceivableTotals | undefined
  /** the list has answered without totals: each tab counts on its own */
  countEach: boolean
  currency: string | null
}

/** One tab: its name, how many claims and (when the list reports it) how much is owed. */
const TabTrigger = ({ tab, totals, countEach, currency }: Omit<Props, "value" | "onChange"> & { tab: ReceivableTab }) => {
  const { t } = useTranslation()
  const format = useFormat()
  const counted = useReceivableTabCount(tab, countEach)
  const figure = totals ? totals[tab] : counted.data ? { count: counted.data.count, amount: null } : undefined
  return (
    <Tabs.Trigger value={tab} data-testid={`receivables-tab-${tab}`} className="flex flex-col items-start gap-y-0.5 py-1.5">
      <span>{t(`${KEY}.tabs.${tab}`)} <span className="text-ui-fg-muted">({figure?.count ?? "…"})</span></span>
      {figure?.amount !== undefined && figure?.amount !== null && (
        <Text as="span" size="xsmall" className="text-ui-fg-subtle">{format.money(figure.amount, figure.currency_code ?? currency)}</Text>
      )}
    </Tabs.Trigger>
  )
}

/** The status tabs with count and amount per tab. */
export const ReceivableTabs = ({ value, onChange, totals, countEach, currency }: Props) => {
  const { t } = useTranslation()
  return (
    <Tabs value={value} onValueChange={(next) => onChange(next as ReceivableTab)}>
      <Tabs.List aria-label={t(`${KEY}.tabsLabel`)} className="flex flex-wrap gap-1">
        {RECEIVABLE_TABS.map((tab) => (
          <TabTrigger key={tab} tab={tab} totals={totals} countEach={countEach} currency={currency} />
        ))}
      </Tabs.List>
    </Tabs>
  )
}

import { Text } from "@medusajs/ui"
import { useTranslation } from "react-i18next"
import { useFormat } from "../../lib/format"
import type { ReceivableDTO } from "../../lib/receivable-hooks"
import { KEY } from "./labels"

const Row = ({ label, value, strong, testId }: { label: string; value: string; strong?: boolean; testId?: string }) => (
  <div className="flex items-baseline justify-between gap-x-4" data-testid={testId}>
    <Text size="small" weight={strong ? "plus" : "regular"} className={strong ? "" : "text-ui-fg-subtle"}>{label}</Text>
    <Text size="small" weight={strong ? "plus" : "regular"} className="tabular-nums">{value}</Text>
  </div>
)

/** Principal, payments, fees, interest (with each period's days × rate) and what is still owed. */
export const ReceivableAmounts = ({ receivable }: { receivable: ReceivableDTO }) => {
  const { t } = useTranslation()
  const format = useFormat()
  const money = (amount: number) => format.money(amount, receivable.currency_code)
  const periods = receivable.interest_periods ?? []
  return (
    <div className="flex flex-col gap-y-1.5">
      <Row label={t(`${KEY}.amounts.principal`)} value={money(receivable.principal)} />
      <Row label={t(`${KEY}.amounts.paid`)} value={receivable.paid ? `− ${money(receivable.paid)}` : money(0)} />
      <Row label={t(`${KEY}.amounts.fees`)} value={money(receivable.fees)} />
      <Row label={t(`${KEY}.amounts.interest`)} value={money(receivable.interest)} />
      {periods.length > 0 && (
        <ul className="ml-3 flex flex-col gap-y-0.5" aria-label={t(`${KEY}.amounts.periods`)}>
          {periods.map((period) => (
            <li key={`${period.from}-${period.to}`}>
              <Text size="xsmall" className="text-ui-fg-subtle">
                {t(`${KEY}.amounts.period`, {
                  from: format.date(period.from),
                  to: format.date(period.to),
                  days: period.days,
                  rate: format.decimal(period.rate),
                })}
                {period.interest !== undefined && ` = ${money(Math.round(period.interest * 100) / 100)}`}
              </Text>
            </li>
          ))}
        </ul>
      )}
      {receivable.default_from === null ? (
        <Text size="xsmall" className="text-ui-fg-subtle">{t(`${KEY}.amounts.notInDefault`)}</Text>
      ) : (
        <Text size="xsmall" className="text-ui-fg-subtle">{t(`${KEY}.amounts.defaultFrom`, { date: format.date(receivable.default_from) })}</Text>
      )}
      <div className="border-t pt-1.5">
        <Row label={t(`${KEY}.amounts.totalDue`)} value={money(receivable.total_due)} strong testId="receivable-total-due" />
      </div>
    </div>
  )
}

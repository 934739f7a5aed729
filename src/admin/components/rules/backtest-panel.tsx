import { Heading, Label, Select, Text } from "@medusajs/ui"
import { useTranslation } from "react-i18next"
import { Link } from "react-router-dom"
import { OUTCOME_BUCKETS, OutcomeBucket } from "../../../engine/figures/outcome-bucket"
import { CurrencySelect } from "../figures/currency-select"
import type { BacktestResponse } from "../../lib/figures-hooks"
import { useFormat } from "../../lib/format"
import type { CatalogEntry } from "../../lib/rules-types"
import { FieldError } from "../field-error"
import { FigureColumn, FigureTable } from "../figures/figure-table"
import { bucketLabel } from "../figures/labels"

const KEY = "paymentRisk.rules.backtest"
export const BACKTEST_DAYS = [30, 90, 180, 365] as const
export type BacktestDays = (typeof BACKTEST_DAYS)[number]

type Props = {
  result?: BacktestResponse
  pending: boolean
  error?: string
  days: BacktestDays
  onDays: (days: BacktestDays) => void
  currency: string | null
  currencies: readonly string[]
  onCurrency: (currency: string) => void
  catalog: readonly CatalogEntry[]
}

type BucketRow = { bucket: OutcomeBucket; count: number; amount: number }

/**
 * What the draft would have done to the past orders of a period: the orders it would have
 * stopped (a payment method hidden or sent to review), split by what really happened, the orders
 * today's rules stopped that it would let through, and the orders that cannot be replayed.
 */
export const BacktestPanel = ({ result, pending, error, days, onDays, currency, currencies, onCurrency, catalog }: Props) => {
  const { t } = useTranslation()
  const format = useFormat()
  const money = (amount: number) => format.money(amount, currency)
  const language = /^de\b/i.test(format.language) ? "de" : "en"
  const rows: BucketRow[] = result ? OUTCOME_BUCKETS.map((bucket) => ({ bucket, ...result.buckets[bucket] })) : []
  const columns: FigureColumn<BucketRow>[] = [
    { id: "bucket", header: t(`${KEY}.columns.bucket`), value: (row) => bucketLabel(row.bucket, format.language) },
    { id: "count", header: t(`${KEY}.columns.count`), value: (row) => row.count },
    { id: "amount", header: t(`${KEY}.columns.amount`), value: (row) => row.amount, cell: (row) => money(row.amount) },
  ]
  const labels = new Map(catalog.map((entry) => [entry.attribute, entry.label[language]]))
  const inexact = [...new Set((result?.inexact ?? []).map((attribute) => labels.get(attribute)).filter((label): label is string => !!label))]
  const unnamed = (result?.inexact ?? []).filter((attribute) => !labels.has(attribute)).length

  return (
    <section className="flex flex-col gap-y-3 rounded-lg border border-ui-border-base p-4" data-testid="backtest-result" aria-busy={pending}>
      <div>
        <Heading level="h2">{t(`${KEY}.title`)}</Heading>
        <Text size="small" className="text-ui-fg-subtle">{t(`${KEY}.hint`)}</Text>
      </div>
      <div className="flex flex-wrap items-end gap-3">
        <div className="flex flex-col gap-y-1">
          <Label htmlFor="backtest-days" size="small" weight="plus">{t(`${KEY}.period`)}</Label>
          <Select size="small" value={String(days)} onValueChange={(value) => onDays(Number(value) as BacktestDays)}>
            <Select.Trigger id="backtest-days" className="w-[180px]"><Select.Value /></Select.Trigger>
            <Select.Content>
              {BACKTEST_DAYS.map((n) => <Select.Item key={n} value={String(n)}>{t("paymentRisk.figures.period.lastDays", { count: n })}</Select.Item>)}
            </Select.Content>
          </Select>
        </div>
        {currencies.length > 1 && (
          <div className="flex flex-col gap-y-1">
            <Label htmlFor="backtest-currency" size="small" weight="plus">{t("paymentRisk.figures.period.currency")}</Label>
            <CurrencySelect id="backtest-currency" className="w-[120px]" value={currency} codes={currencies} onChange={onCurrency} />
          </div>
        )}
      </div>
      {pending && <Text size="small">{t(`${KEY}.running`)}</Text>}
      <FieldError message={error} />
      {result && !pending && (
        <>
          <Text size="small" data-testid="backtest-summary">
            {t(`${KEY}.summary`, { count: result.orders, replayable: result.replayable })}
            {result.not_replayable > 0 && ` ${t(`${KEY}.notReplayable`, { count: result.not_replayable })}`}
          </Text>
          {result.orders === 0 ? (
            <Text size="small" className="text-ui-fg-subtle">{t(`${KEY}.noOrders`)}</Text>
          ) : (
            <>
              <div className="-mx-4">
                <FigureTable testId="backtest-buckets" title={t(`${KEY}.stopped`)} hint={t(`${KEY}.stoppedHint`)} rows={rows} columns={columns}
                  rowId={(row) => row.bucket} file={t(`${KEY}.fileName`)} empty={t(`${KEY}.noOrders`)} />
              </div>
              {rows.every((row) => row.count === 0) && (
                <Text size="small" className="text-ui-fg-subtle" data-testid="backtest-none-stopped">{t(`${KEY}.noneStopped`)}</Text>
              )}
              <Text size="small" data-testid="backtest-overrides">
                {t(`${KEY}.overrides`, { count: result.overrides.count, amount: money(result.overrides.amount) })}
              </Text>
            </>
          )}
          {(inexact.length > 0 || unnamed > 0) && (
            <Text size="small" className="text-ui-fg-subtle">
              {inexact.length > 0 ? t(`${KEY}.inexact`, { conditions: inexact.join(", ") }) : t(`${KEY}.inexactUnnamed`, { count: unnamed })}
            </Text>
          )}
          {result.samples.length > 0 && (
            <div className="flex flex-col gap-y-1" data-testid="backtest-samples">
              <Text size="small" weight="plus">{t(`${KEY}.samples`)}</Text>
              <div className="flex flex-wrap gap-x-3 gap-y-1">
                {result.samples.map((id, index) => (
                  <Link key={id} to={`/orders/${encodeURIComponent(id)}`} target="_blank" rel="noreferrer"
                    className="text-ui-fg-interactive txt-compact-small hover:underline">
                    {t(`${KEY}.sample`, { number: index + 1 })}
                  </Link>
                ))}
              </div>
            </div>
          )}
        </>
      )}
    </section>
  )
}

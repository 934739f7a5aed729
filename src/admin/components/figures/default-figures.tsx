import { Heading, Text } from "@medusajs/ui"
import { useTranslation } from "react-i18next"
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts"
import { useFormat } from "../../lib/format"
import { FigureColumn, FigureTable } from "./figure-table"
import { classLabel, percent, providerLabel } from "./labels"
import { CHART_COLORS } from "./stat"
import type { AnalyticsResponse, ClassRow, DefaultFigures, ProviderRow } from "./types"

const KEY = "paymentRisk.figures.defaults"

/** A bar per payment class or provider: its default rate. */
const RateChart = ({ rows, testId }: { rows: Array<{ name: string; rate: number }>; testId: string }) => {
  const { t } = useTranslation()
  const format = useFormat()
  if (!rows.length) return null
  return (
    <div className="h-[220px] w-full px-6 pb-4" data-testid={testId}>
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={rows} margin={{ top: 8, right: 16, bottom: 0, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" stroke={CHART_COLORS.grey} strokeOpacity={0.3} />
          <XAxis dataKey="name" fontSize={12} interval={0} />
          <YAxis tickFormatter={(value: number) => percent(value, format.language)} fontSize={12} />
          <Tooltip formatter={(value) => percent(Number(value), format.language)} />
          <Bar dataKey="rate" name={t(`${KEY}.columns.default_rate`)} fill={CHART_COLORS.red} maxBarSize={64} isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </div>
  )
}

/** Orders, amount and default rate per payment class and per provider, with what happened and what was lost and recovered. */
export const DefaultFiguresSection = ({ data, file }: { data: AnalyticsResponse; file: string }) => {
  const { t } = useTranslation()
  const format = useFormat()
  const currency = data.period.currency_code
  const money = (amount: number) => format.money(amount, currency)

  function common<T extends DefaultFigures>(): FigureColumn<T>[] {
    return [
      { id: "orders", header: t(`${KEY}.columns.orders`), value: (row) => row.orders },
      { id: "amount", header: t(`${KEY}.columns.amount`), value: (row) => row.amount, cell: (row) => money(row.amount) },
      { id: "defaulted", header: t(`${KEY}.columns.defaulted`), value: (row) => row.defaulted },
      { id: "default_rate", header: t(`${KEY}.columns.default_rate`), value: (row) => row.default_rate, cell: (row) => percent(row.default_rate, format.language) },
    ]
  }
  const money2 = <T extends DefaultFigures>(): FigureColumn<T>[] => [
    { id: "lost", header: t(`${KEY}.columns.lost`), value: (row) => row.lost, cell: (row) => money(row.lost) },
    { id: "recovered", header: t(`${KEY}.columns.recovered`), value: (row) => row.recovered, cell: (row) => money(row.recovered) },
  ]
  const kinds = ["returned", "charged_back", "refused", "written_off", "in_dunning"] as const
  const classColumns: FigureColumn<ClassRow>[] = [
    { id: "class", header: t(`${KEY}.columns.class`), value: (row) => classLabel(row.class, t) },
    ...common<ClassRow>(),
    ...kinds.map((kind): FigureColumn<ClassRow> => ({ id: kind, header: t(`${KEY}.columns.${kind}`), value: (row) => row[kind] ?? 0 })),
    ...money2<ClassRow>(),
  ]
  const providerColumns: FigureColumn<ProviderRow>[] = [
    { id: "provider", header: t(`${KEY}.columns.provider`), value: (row) => providerLabel(row.provider_id, t) },
    { id: "class", header: t(`${KEY}.columns.class`), value: (row) => classLabel(row.payment_class, t) },
    ...common<ProviderRow>(),
    ...money2<ProviderRow>(),
  ]

  return (
    <div className="flex flex-col divide-y" data-testid="figures-defaults">
      <div className="px-6 py-4">
        <Heading level="h2">{t(`${KEY}.title`)}</Heading>
        <Text size="small" className="text-ui-fg-subtle">{t(`${KEY}.hint`)}</Text>
      </div>
      <div>
        <FigureTable testId="figures-by-class" title={t(`${KEY}.byClass`)} rows={data.by_class} columns={classColumns}
          rowId={(row) => row.class} file={`${file}-payment-classes`} empty={t(`${KEY}.noOrders`)} />
        <RateChart testId="figures-class-chart" rows={data.by_class.map((row) => ({ name: classLabel(row.class, t), rate: row.default_rate }))} />
      </div>
      <div>
        <FigureTable testId="figures-by-provider" title={t(`${KEY}.byProvider`)} rows={data.by_provider} columns={providerColumns}
          rowId={(row) => row.provider_id} file={`${file}-providers`} empty={t(`${KEY}.noOrders`)} />
        <RateChart testId="figures-provider-chart" rows={data.by_provider.map((row) => ({ name: providerLabel(row.provider_id, t), rate: row.default_rate }))} />
      </div>
    </div>
  )
}

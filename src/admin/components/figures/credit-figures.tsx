import { Heading, Text } from "@medusajs/ui"
import { useTranslation } from "react-i18next"
import { Bar, BarChart, CartesianGrid, Cell, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts"
import { useFormat } from "../../lib/format"
import { CHART_COLORS, Stat } from "./stat"
import type { AnalyticsResponse } from "./types"

const KEY = "paymentRisk.figures.credit"

/** Credit checks: queries, cost, reused answers, failures, and spend against the estimated losses avoided. */
export const CreditFigures = ({ data }: { data: AnalyticsResponse }) => {
  const { t } = useTranslation()
  const format = useFormat()
  const { credit } = data
  const money = (amount: number) => format.money(amount, data.period.currency_code)
  const bars = [
    { name: t(`${KEY}.spend`), value: credit.cost, color: CHART_COLORS.orange },
    { name: t(`${KEY}.avoided`), value: credit.losses_avoided_estimate, color: CHART_COLORS.green },
  ]
  const none = credit.queries + credit.cache_hits + credit.failures === 0
  return (
    <div className="flex flex-col gap-y-4 px-6 py-4" data-testid="figures-credit">
      <div>
        <Heading level="h2">{t(`${KEY}.title`)}</Heading>
        <Text size="small" className="text-ui-fg-subtle">{t(`${KEY}.hint`)}</Text>
      </div>
      {none ? (
        <Text size="small" className="text-ui-fg-subtle">{t(`${KEY}.none`)}</Text>
      ) : (
        <>
          <div className="grid grid-cols-2 gap-3 lg:grid-cols-5">
            <Stat label={t(`${KEY}.queries`)} value={format.decimal(credit.queries, 0)} />
            <Stat label={t(`${KEY}.cost`)} value={money(credit.cost)} />
            <Stat label={t(`${KEY}.reused`)} value={format.decimal(credit.cache_hits, 0)} note={t(`${KEY}.reusedNote`)} />
            <Stat label={t(`${KEY}.failures`)} value={format.decimal(credit.failures, 0)} />
            <Stat testId="figure-losses-avoided" label={t(`${KEY}.avoided`)} value={money(credit.losses_avoided_estimate)} note={t(`${KEY}.estimate`)} />
          </div>
          <div className="grid grid-cols-1 items-center gap-4 lg:grid-cols-2">
            <div className="h-[180px] w-full" data-testid="figures-credit-chart">
              <ResponsiveContainer width="100%" height="100%">
                <BarChart data={bars} layout="vertical" margin={{ top: 8, right: 16, bottom: 0, left: 16 }}>
                  <CartesianGrid strokeDasharray="3 3" stroke={CHART_COLORS.grey} strokeOpacity={0.3} />
                  <XAxis type="number" tickFormatter={(value: number) => money(value)} fontSize={12} />
                  <YAxis type="category" dataKey="name" width={170} fontSize={12} />
                  <Tooltip formatter={(value) => money(Number(value))} />
                  <Bar dataKey="value" maxBarSize={40} isAnimationActive={false}>
                    {bars.map((bar) => <Cell key={bar.name} fill={bar.color} />)}
                  </Bar>
                </BarChart>
              </ResponsiveContainer>
            </div>
            <div className="rounded-lg bg-ui-bg-subtle px-4 py-3">
              <Text size="small" weight="plus">{t(`${KEY}.formulaTitle`)}</Text>
              <Text size="small" className="text-ui-fg-subtle">{t(`${KEY}.formula`)}</Text>
            </div>
          </div>
        </>
      )}
    </div>
  )
}

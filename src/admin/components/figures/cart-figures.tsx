import { Heading, Text } from "@medusajs/ui"
import { useMemo } from "react"
import { useTranslation } from "react-i18next"
import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts"
import { useFormat } from "../../lib/format"
import { FigureColumn, FigureTable } from "./figure-table"
import { causeLabel, percent } from "./labels"
import { CHART_COLORS, Stat } from "./stat"
import type { AnalyticsResponse, CauseRow } from "./types"

const KEY = "paymentRisk.figures.carts"

/** Carts evaluated and restricted, completed or abandoned after a restriction, per day and per cause. */
export const CartFigures = ({ data, file }: { data: AnalyticsResponse; file: string }) => {
  const { t, i18n } = useTranslation()
  const format = useFormat()
  const { carts } = data
  const ruleNames = useMemo(() => new Map(data.rules.map((rule) => [rule.rule_id, rule.name])), [data.rules])
  const share = (part: number, whole: number) => (whole > 0 ? part / whole : null)
  const day = (date: string) => new Date(`${date}T00:00:00`).toLocaleDateString(i18n.language, { day: "2-digit", month: "2-digit" })

  const columns: FigureColumn<CauseRow>[] = [
    { id: "cause", header: t(`${KEY}.columns.cause`), value: (row) => causeLabel(row.cause, ruleNames, t) },
    { id: "restricted", header: t(`${KEY}.columns.restricted`), value: (row) => row.restricted },
    { id: "completed", header: t(`${KEY}.columns.completed`), value: (row) => row.completed },
    { id: "abandoned", header: t(`${KEY}.columns.abandoned`), value: (row) => row.abandoned },
    {
      id: "abandonment",
      header: t(`${KEY}.columns.abandonment`),
      value: (row) => (row.restricted ? Math.round((row.abandoned / row.restricted) * 10000) / 10000 : null),
      cell: (row) => percent(share(row.abandoned, row.restricted), format.language),
    },
  ]

  return (
    <div className="flex flex-col divide-y" data-testid="figures-carts">
      <div className="flex flex-col gap-y-4 px-6 py-4">
        <div>
          <Heading level="h2">{t(`${KEY}.title`)}</Heading>
          <Text size="small" className="text-ui-fg-subtle">{t(`${KEY}.hint`)}</Text>
        </div>
        <div className="grid grid-cols-1 gap-3 sm:grid-cols-2 lg:grid-cols-4">
          <Stat testId="figure-evaluated" label={t(`${KEY}.evaluated`)} value={format.decimal(carts.evaluated, 0)} />
          <Stat testId="figure-restricted" label={t(`${KEY}.restricted`)} value={format.decimal(carts.restricted, 0)}
            note={t(`${KEY}.restrictedShare`, { share: percent(share(carts.restricted, carts.evaluated), format.language) })} />
          <Stat testId="figure-completed" label={t(`${KEY}.completed`)} value={format.decimal(carts.completed_after_restriction, 0)}
            note={t(`${KEY}.ofRestricted`, { share: percent(share(carts.completed_after_restriction, carts.restricted), format.language) })} />
          <Stat testId="figure-abandoned" label={t(`${KEY}.abandoned`)} value={format.decimal(carts.abandoned_after_restriction, 0)}
            note={t(`${KEY}.abandonment`, { share: percent(share(carts.abandoned_after_restriction, carts.restricted), format.language) })} />
        </div>
        {data.daily.length > 0 && (
          <div className="h-[260px] w-full" data-testid="figures-daily-chart">
            <ResponsiveContainer width="100%" height="100%">
              <LineChart data={data.daily} margin={{ top: 8, right: 16, bottom: 0, left: 0 }}>
                <CartesianGrid strokeDasharray="3 3" stroke={CHART_COLORS.grey} strokeOpacity={0.3} />
                <XAxis dataKey="date" tickFormatter={day} fontSize={12} />
                <YAxis allowDecimals={false} fontSize={12} />
                <Tooltip labelFormatter={(label) => day(String(label))} />
                <Legend />
                {/* wide lines under narrow ones: equal days stay visible (every cart restricted → two lines on one) */}
                <Line type="linear" dataKey="evaluated" name={t(`${KEY}.evaluated`)} stroke={CHART_COLORS.blue} strokeWidth={5} strokeOpacity={0.5} dot={false} isAnimationActive={false} />
                <Line type="linear" dataKey="restricted" name={t(`${KEY}.restricted`)} stroke={CHART_COLORS.orange} strokeWidth={2.5} dot={false} isAnimationActive={false} />
                <Line type="linear" dataKey="completed_after_restriction" name={t(`${KEY}.completed`)} stroke={CHART_COLORS.green} strokeWidth={1.5} dot={false} isAnimationActive={false} />
              </LineChart>
            </ResponsiveContainer>
          </div>
        )}
      </div>
      <FigureTable testId="figures-causes" title={t(`${KEY}.byCause`)} hint={t(`${KEY}.byCauseHint`)} rows={carts.by_cause} columns={columns}
        rowId={(row) => row.cause} file={`${file}-restricted-by`} empty={t(`${KEY}.noRestrictions`)} />
    </div>
  )
}

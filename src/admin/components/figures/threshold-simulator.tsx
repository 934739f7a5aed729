import { Button, Heading, Label, Select, Text } from "@medusajs/ui"
import { useEffect, useMemo, useState } from "react"
import { useTranslation } from "react-i18next"
import { CartesianGrid, Legend, Line, LineChart, ReferenceDot, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts"
import { figureRunError } from "../../lib/errors"
import { useSimulateThresholds, useStoreCurrencies } from "../../lib/figures-hooks"
import { useFormat } from "../../lib/format"
import { usePaymentRiskSettings } from "../../lib/hooks"
import { FieldError } from "../field-error"
import { TextField } from "../text-field"
import { FigureColumn, FigureTable } from "./figure-table"
import { percent } from "./labels"
import { periodRange } from "./period"
import { bodyOf, fieldOfError, InputErrors, loadInputs, saveInputs, SimulatorInputs } from "./simulator-inputs"
import { CurrencySelect } from "./currency-select"
import { CHART_COLORS } from "./stat"
import type { CountAmount, SimulateResponse } from "./types"

const KEY = "paymentRisk.figures.simulator"
const DAYS = [30, 90, 180, 365] as const
const storage = () => (typeof window === "undefined" ? undefined : window.localStorage)

type VolumeRow = { id: string; label: string; good: CountAmount; bad: CountAmount }

/**
 * The threshold simulator (Fig. 5-10 of the guide): for a period's orders, the cost of each
 * prepayment-only threshold — defaults let through, credit checks paid, margin lost on good
 * shoppers who leave — with its minimum, and the good and bad volume the chosen thresholds touch.
 * The merchant's inputs stay in this browser.
 */
export const ThresholdSimulator = () => {
  const { t } = useTranslation()
  const format = useFormat()
  const { data: settingsData } = usePaymentRiskSettings()
  const { data: currencies } = useStoreCurrencies()
  const [inputs, setInputs] = useState<SimulatorInputs>(() => loadInputs(storage()))
  const [currency, setCurrency] = useState<string | null>(null)
  const [errors, setErrors] = useState<InputErrors>({})
  const simulate = useSimulateThresholds()
  const code = currency ?? currencies?.default ?? null
  const rules = settingsData?.settings.rules

  useEffect(() => saveInputs(storage(), inputs), [inputs])
  const set = (patch: Partial<SimulatorInputs>) => setInputs((current) => ({ ...current, ...patch }))
  const money = (amount: number) => format.money(amount, code)

  const run = () => {
    const range = periodRange({ preset: inputs.days })
    if (!range || !code) return
    const result = bodyOf(inputs, { ...range, currency_code: code }, {
      number: t(`${KEY}.errors.number`), percent: t(`${KEY}.errors.percent`), required: t(`${KEY}.errors.margin`),
    })
    setErrors(result.errors ?? {})
    if (!result.body) return
    simulate.mutate(result.body, {
      onSuccess: (answer) => {
        // the measured abandonment rate becomes the merchant's starting value
        if (!inputs.abandonment_percent.trim() && answer.params.abandonment_source === "measured") {
          set({ abandonment_percent: String(Math.round(answer.params.abandonment_rate * 1000) / 10).replace(".", format.language.startsWith("de") ? "," : ".") })
        }
      },
      onError: (error) => {
        const message = figureRunError(error, t)
        setErrors({ [fieldOfError(message)]: message })
      },
    })
  }

  const data = simulate.data
  const review = parseInt(inputs.review_from, 10) || rules?.review_score
  const prepayment = parseInt(inputs.prepayment_from, 10) || rules?.prepayment_score

  return (
    <div className="flex flex-col gap-y-4 px-6 py-4" data-testid="threshold-simulator">
      <div>
        <Heading level="h2">{t(`${KEY}.title`)}</Heading>
        <Text size="small" className="text-ui-fg-subtle">{t(`${KEY}.hint`)}</Text>
      </div>
      <div className="grid grid-cols-1 gap-4 md:grid-cols-3">
        <div className="flex flex-col gap-y-1">
          <Label htmlFor="simulator-days" size="small" weight="plus">{t("paymentRisk.figures.period.label")}</Label>
          <Select size="small" value={String(inputs.days)} onValueChange={(value) => set({ days: Number(value) })}>
            <Select.Trigger id="simulator-days"><Select.Value /></Select.Trigger>
            <Select.Content>
              {DAYS.map((n) => <Select.Item key={n} value={String(n)}>{t("paymentRisk.figures.period.lastDays", { count: n })}</Select.Item>)}
            </Select.Content>
          </Select>
          <FieldError message={errors.days} />
        </div>
        <div className="flex flex-col gap-y-1">
          <Label htmlFor="simulator-currency" size="small" weight="plus">{t("paymentRisk.figures.period.currency")}</Label>
          <CurrencySelect id="simulator-currency" value={code} codes={currencies?.codes ?? []} onChange={setCurrency} />
          <FieldError message={errors.currency} />
        </div>
        <div />
        <TextField id="simulator-review" label={t(`${KEY}.review_from`)} inputMode="numeric" value={inputs.review_from}
          hint={t(`${KEY}.thresholdHint`, { value: rules?.review_score ?? "–" })} error={errors.review_from} onChange={(review_from) => set({ review_from })} />
        <TextField id="simulator-prepayment" label={t(`${KEY}.prepayment_from`)} inputMode="numeric" value={inputs.prepayment_from}
          hint={t(`${KEY}.thresholdHint`, { value: rules?.prepayment_score ?? "–" })} error={errors.prepayment_from} onChange={(prepayment_from) => set({ prepayment_from })} />
        <div />
        <TextField id="simulator-margin" label={t(`${KEY}.margin`)} inputMode="decimal" value={inputs.margin_percent}
          hint={t(`${KEY}.marginHint`)} error={errors.margin_percent} onChange={(margin_percent) => set({ margin_percent })} />
        <TextField id="simulator-cost" label={t(`${KEY}.cost_per_default`)} inputMode="decimal" value={inputs.cost_per_default}
          hint={t(code === "eur" ? `${KEY}.costHintEur` : `${KEY}.costHint`)} error={errors.cost_per_default} onChange={(cost_per_default) => set({ cost_per_default })} />
        <TextField id="simulator-abandonment" label={t(`${KEY}.abandonment`)} inputMode="decimal" value={inputs.abandonment_percent}
          hint={t(`${KEY}.abandonmentHint`)} error={errors.abandonment_percent} onChange={(abandonment_percent) => set({ abandonment_percent })} />
      </div>
      <FieldError message={errors.form} />
      <div className="flex justify-end">
        <Button size="small" variant="secondary" isLoading={simulate.isPending} onClick={run} data-testid="simulator-run">{t(`${KEY}.run`)}</Button>
      </div>
      {data && <SimulatorResult data={data} review={review} prepayment={prepayment} money={money} language={format.language} />}
    </div>
  )
}

type ResultProps = { data: SimulateResponse; review?: number; prepayment?: number; money: (amount: number) => string; language: string }

const SimulatorResult = ({ data, review, prepayment, money, language }: ResultProps) => {
  const { t } = useTranslation()
  const points = useMemo(
    () => data.points.map((point) => ({ threshold: point.threshold, ...point.cost })),
    [data.points]
  )
  if (!data.points.length) return <Text size="small" className="text-ui-fg-subtle" data-testid="simulator-empty">{t(`${KEY}.noOrders`)}</Text>
  const current = data.current
  const rows: VolumeRow[] = []
  if (current) {
    rows.push({ id: "prepayment", label: t(`${KEY}.rows.prepayment`, { score: current.threshold }), ...current.restricted })
  }
  if (data.review) rows.push({ id: "review", label: t(`${KEY}.rows.review`, { score: data.review.threshold }), good: data.review.good, bad: data.review.bad })
  if (current) rows.push({ id: "through", label: t(`${KEY}.rows.through`), ...current.let_through })
  const columns: FigureColumn<VolumeRow>[] = [
    { id: "orders", header: t(`${KEY}.columns.orders`), value: (row) => row.label },
    { id: "good_count", header: t(`${KEY}.columns.goodCount`), value: (row) => row.good.count },
    { id: "good_amount", header: t(`${KEY}.columns.goodAmount`), value: (row) => row.good.amount, cell: (row) => money(row.good.amount) },
    { id: "bad_count", header: t(`${KEY}.columns.badCount`), value: (row) => row.bad.count },
    { id: "bad_amount", header: t(`${KEY}.columns.badAmount`), value: (row) => row.bad.amount, cell: (row) => money(row.bad.amount) },
  ]
  const { params } = data
  return (
    <div className="flex flex-col gap-y-3" data-testid="simulator-result">
      <Text size="small">
        {t(`${KEY}.used`, {
          count: data.orders,
          orders: data.orders, replayable: data.replayable, margin: percent(params.margin, language),
          cost: money(params.cost_per_default), abandonment: percent(params.abandonment_rate, language), check: money(params.credit_check_cost),
        })}
        {" "}
        {params.cost_per_default_source === "default" && t(`${KEY}.costDefault`)}
        {" "}
        {params.abandonment_source === "measured" && t(`${KEY}.abandonmentMeasured`)}
      </Text>
      {data.minimum && (
        <Text size="small" weight="plus" data-testid="simulator-minimum">
          {t(`${KEY}.minimum`, { score: data.minimum.threshold, total: money(data.minimum.cost.total) })}
          {current && ` ${t(`${KEY}.atCurrent`, { score: current.threshold, total: money(current.cost.total) })}`}
        </Text>
      )}
      <div className="h-[300px] w-full" data-testid="simulator-chart">
        <ResponsiveContainer width="100%" height="100%">
          <LineChart data={points} margin={{ top: 24, right: 24, bottom: 16, left: 8 }}>
            <CartesianGrid strokeDasharray="3 3" stroke={CHART_COLORS.grey} strokeOpacity={0.3} />
            <XAxis dataKey="threshold" type="number" domain={["dataMin", "dataMax"]} allowDecimals={false} fontSize={12} padding={{ left: 8, right: 48 }}
              label={{ value: t(`${KEY}.axis`), position: "insideBottom", offset: -8, fontSize: 12 }} />
            <YAxis tickFormatter={(value: number) => money(value)} width={90} fontSize={12} />
            <Tooltip labelFormatter={(label) => t(`${KEY}.tooltip`, { score: label })} formatter={(value) => money(Number(value))} />
            <Legend verticalAlign="top" />
            {/* the total wide and pale under its parts, dashed: a part equal to the total stays visible */}
            <Line type="stepAfter" dataKey="total" name={t(`${KEY}.cost.total`)} stroke={CHART_COLORS.blue} strokeWidth={6} strokeOpacity={0.45} dot={false} isAnimationActive={false} />
            <Line type="stepAfter" dataKey="defaults" name={t(`${KEY}.cost.defaults`)} stroke={CHART_COLORS.red} strokeDasharray="6 3" dot={false} isAnimationActive={false} />
            <Line type="stepAfter" dataKey="credit_checks" name={t(`${KEY}.cost.credit_checks`)} stroke={CHART_COLORS.violet} strokeDasharray="2 3" dot={false} isAnimationActive={false} />
            <Line type="stepAfter" dataKey="lost_margin" name={t(`${KEY}.cost.lost_margin`)} stroke={CHART_COLORS.orange} strokeDasharray="6 3" dot={false} isAnimationActive={false} />
            {prepayment !== undefined && <ReferenceLine x={prepayment} stroke={CHART_COLORS.grey} strokeDasharray="4 4" label={{ value: t(`${KEY}.yours`), position: "insideTopRight", fontSize: 12 }} />}
            {review !== undefined && review !== prepayment && <ReferenceLine x={review} stroke={CHART_COLORS.grey} strokeDasharray="2 4" />}
            {data.minimum && (
              <ReferenceDot x={data.minimum.threshold} y={data.minimum.cost.total} r={6} fill={CHART_COLORS.green} stroke="white"
                label={{ value: t(`${KEY}.minimumLabel`), position: "top", fontSize: 12, fill: CHART_COLORS.green }} />
            )}
          </LineChart>
        </ResponsiveContainer>
      </div>
      {rows.length > 0 && (
        <div className="-mx-6">
          <FigureTable testId="simulator-volume" title={t(`${KEY}.volume`)} hint={t(`${KEY}.volumeHint`)} rows={rows} columns={columns}
            rowId={(row) => row.id} file={t(`${KEY}.fileName`)} empty={t(`${KEY}.noOrders`)} />
        </div>
      )}
    </div>
  )
}

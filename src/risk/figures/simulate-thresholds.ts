import { MedusaContainer } from "@medusajs/framework/types"
import { MedusaError } from "@medusajs/framework/utils"
import { defaultCostPerDefault, SimulationAnswer, measuredAbandonmentRate, MIN_RESTRICTED_CARTS, ScoredOrder, scoredOrdersOf, thresholdCurve } from "../../engine"
import { figuresDb, FiguresDb, FiguresPeriod, groupingRaw, num } from "./figures-db"
import { streamPeriodOrders } from "./period-orders"
import { exclusiveReplay } from "./replay-guard"
import { PERIOD_CART_FIGURES } from "./load-analytics"
import { configsOf } from "./run-backtest"

export type SimulationInput = {
  review_from?: number
  prepayment_from?: number
  /** gross margin as a share 0..1 */
  margin: number
  cost_per_default?: number
  abandonment_rate?: number
}

export type { SimulationAnswer }

const invalid = (field: string, message: string) => new MedusaError(MedusaError.Types.INVALID_DATA, `Value for field '${field}': ${message}`)

/**
 * What the store's own carts say (one statement over the period's cart summaries,
 * payment_risk_cart_figure: a cart in the period of its first evaluation): carts left with
 * prepayment alone (the samples of `PREPAYMENT_SAMPLE`) and how many of them became orders, and
 * the average price of a credit query paid (the carts' cost over their paid queries,
 * `credit_queries`: cache hits cost nothing; 0 if none).
 */
async function measured(db: FiguresDb, period: FiguresPeriod) {
  const bindings = [period.from, period.to, period.currency_code]
  const { rows } = await groupingRaw(
    db,
    `select (count(*) filter (where prepayment_sample))::int as carts,
            (count(*) filter (where prepayment_sample and completed))::int as completed,
            (sum(credit_cost) filter (where credit_queries > 0) / nullif(sum(credit_queries) filter (where credit_queries > 0), 0))::text as credit_cost
       from payment_risk_cart_figure
      where ${PERIOD_CART_FIGURES} and (prepayment_sample or credit_queries > 0)`,
    bindings
  )
  const row = rows[0] ?? {}
  const carts = num(row.carts)
  const completed = num(row.completed)
  const rate = measuredAbandonmentRate([
    { count: completed, restricted: true, completed: true },
    { count: carts - completed, restricted: true, completed: false },
  ])
  return { carts, rate: rate?.rate ?? null, credit_check_cost: Math.round(num(row.credit_cost) * 100) / 100 }
}

/**
 * The threshold simulator (seed 003 Fig. 5-10): the period's replayable orders scored by today's
 * rules (the score does not depend on the thresholds), the cost parameters from the request, the
 * documented default (cost per default, EUR) or the store's own carts (abandonment rate, credit
 * cost), then the engine's `thresholdCurve`. Review and prepayment thresholds default to today's.
 * A parameter that has neither a value nor a default is a 400 naming it. The orders are scored as
 * the process's only replay, a slice at a time, within the deadline (`exclusiveReplay`).
 */
export async function simulateThresholds(container: MedusaContainer, period: FiguresPeriod, input: SimulationInput): Promise<SimulationAnswer> {
  const db = figuresDb(container)
  const costDefault = defaultCostPerDefault(period.currency_code)
  if (input.cost_per_default === undefined && costDefault === null) {
    throw invalid("cost_per_default", `give the cost of one default in ${period.currency_code.toUpperCase()} (fees, dunning, collection); a default is documented for EUR only`)
  }
  const store = await measured(db, period)
  if (input.abandonment_rate === undefined && store.rate === null) {
    throw invalid(
      "abandonment_rate",
      `give the share of shoppers who leave when only prepayment is offered (0 to 1): the period has ${store.carts} such carts, at least ${MIN_RESTRICTED_CARTS} are needed to measure it`
    )
  }
  const { current } = await configsOf(container, {})
  const { scored, orders } = await exclusiveReplay("simulation", async (run) => {
    const scored: ScoredOrder[] = []
    let orders = 0
    for await (const batch of streamPeriodOrders(db, period)) {
      orders += batch.length
      for await (const slice of run.slices(batch)) for (const order of scoredOrdersOf(slice, current)) scored.push(order)
    }
    return { scored, orders }
  })
  const params = {
    margin: input.margin,
    cost_per_default: input.cost_per_default ?? (costDefault as number),
    cost_per_default_source: input.cost_per_default === undefined ? ("default" as const) : ("request" as const),
    abandonment_rate: input.abandonment_rate ?? (store.rate as number),
    abandonment_source: input.abandonment_rate === undefined ? ("measured" as const) : ("request" as const),
    credit_check_cost: store.credit_check_cost,
  }
  const curve = thresholdCurve(
    scored,
    { gross_margin: params.margin, cost_per_default: params.cost_per_default, abandonment_rate: params.abandonment_rate, credit_check_cost: params.credit_check_cost },
    { review_from: input.review_from ?? current.settings.rules.review_score, prepayment_from: input.prepayment_from ?? current.settings.rules.prepayment_score }
  )
  return { orders, replayable: scored.length, params, points: curve.points, minimum: curve.minimum, current: curve.prepayment, review: curve.review }
}

/**
 * Figures for the merchant (issue 17): replayable inputs and replay, backtest buckets, the cost
 * formula and threshold curve, and the overview's aggregations. Pure: rows in, figures out.
 */
export * from "./replayable"
export * from "./replay"
export { evaluateReplayRules } from "./replay-rules"
export * from "./outcome-bucket"
export * from "./backtest"
export * from "./cost-params"
export * from "./cost"
export * from "./scored-orders"
export * from "./analytics-rows"
export * from "./analytics"
export type { CountAmount } from "./money"
export * from "./evaluation-record"
export * from "./aftermath"
export * from "./daily"
export * from "./calendar"
export * from "./quarter-hours"

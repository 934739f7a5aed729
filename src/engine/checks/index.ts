import { RiskCheck } from "../types"
import { creditCheck } from "./credit-check"
import { firstOrderCheck } from "./first-order"
import { firstOrderCodLimitCheck } from "./first-order-cod-limit"
import { negativeListCheck } from "./negative-list"
import { openOrdersCheck } from "./open-orders"
import { plausibilityCheck } from "./plausibility"
import { probingCheck } from "./probing"
import { rulesCheck } from "./rules"

/**
 * The checks the engine runs, cheapest and internal data first (golden rules, seed 003 §5.2.2).
 * A new check is a new file in this folder plus one line here.
 */
export const DEFAULT_CHECKS: readonly RiskCheck[] = [
  probingCheck,
  negativeListCheck,
  firstOrderCheck,
  openOrdersCheck,
  firstOrderCodLimitCheck,
  rulesCheck,
  plausibilityCheck,
  creditCheck,
]

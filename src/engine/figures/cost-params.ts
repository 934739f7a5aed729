/**
 * The inputs of the cost formula (see `costAt`). The source documents give no complete figure
 * for any of them (below, what they do give), and issue 17 forbids invented numbers; the one
 * default is the cost per default in EUR, summed from two documented fees
 * (`DEFAULT_COST_PER_DEFAULT_EUR`). The adapter fills them from the merchant's input, the store's own data
 * (`measuredAbandonmentRate`) and the credit settings (cost of one query per provider).
 */
export type CostParams = {
  /** gross margin as a share of the order amount (0..1): what a shopper who leaves takes away */
  gross_margin: number
  /** cost of one default besides the lost amount: collection, return-debit/chargeback fees, dunning (currency units) */
  cost_per_default: number
  /** share (0..1) of good shoppers who leave when only prepayment is offered */
  abandonment_rate: number
  /** cost of one paid credit-check query (cache hits cost nothing) */
  credit_check_cost: number
}

/**
 * Figures the documents do give, for hints beside the inputs and for tests — each with its
 * source. Seed 003 = ../shared/seeds/003 (E-Commerce-Leitfaden, chapter 5, ibi research).
 */
export const DOCUMENTED_FIGURES = {
  /** seed 003 §5.1.3 (Lastschrift, "Konto des Kunden ist nicht gedeckt"): the payer's bank charges 3 € per returned debit; the merchant's own bank adds its fee (amount not given) */
  return_debit_fee_eur: 3,
  /** seed 003 §5.3.2, Infobox 5-11 (example first dunning letter): 9.50 € dunning costs */
  first_dunning_fee_eur: 9.5,
  /** seed 003 §5.3.2, Infobox 5-12 (example second dunning letter): 19 € dunning costs */
  second_dunning_fee_eur: 19,
  /** seed 003 §5.2.2, Fig. 5-10 (cost minimum): 7 of 100 orders of 100 € each are not paid */
  fig_5_10: { orders: 100, unpaid: 7, order_value_eur: 100 },
  /** seed 003 §5.1.4: above about 2 % chargebacks the card acceptance contract is at risk */
  chargeback_rate_limit: 0.02,
} as const

/** Throws a RangeError naming the first parameter out of range (the API validates first; this guards the formula). */
export function assertCostParams(params: CostParams): void {
  const shares: Array<keyof CostParams> = ["gross_margin", "abandonment_rate"]
  for (const key of Object.keys(params) as Array<keyof CostParams>) {
    const value = params[key]
    if (typeof value !== "number" || !Number.isFinite(value) || value < 0) throw new RangeError(`${key} must be a number ≥ 0`)
    if (shares.includes(key) && value > 1) throw new RangeError(`${key} must be a share between 0 and 1`)
  }
}

/** At this many restricted carts the measured rate's standard error is at most 5 points (√(0.25/100) = 0.05). */
export const MIN_RESTRICTED_CARTS = 100

export type AbandonmentSample = {
  /** carts this sample stands for (grouped in SQL; default 1) */
  count?: number
  restricted: boolean
  completed: boolean
  /** the classes that stayed offered, where recorded; with them only carts left with prepayment alone count */
  offered_classes?: readonly string[]
}

/**
 * The store's own abandonment rate when only prepayment is offered: of the carts restricted to
 * prepayment alone (all restricted carts when the offered classes are not recorded), the share
 * not completed. null below `minimum` such carts: then the merchant's figure is needed.
 */
export function measuredAbandonmentRate(
  carts: readonly AbandonmentSample[],
  minimum = MIN_RESTRICTED_CARTS
): { rate: number; carts: number } | null {
  const onlyPrepayment = (cart: AbandonmentSample) =>
    !cart.offered_classes || (cart.offered_classes.length > 0 && cart.offered_classes.every((c) => c === "prepayment"))
  let measured = 0
  let left = 0
  for (const cart of carts) {
    if (!cart.restricted || !onlyPrepayment(cart)) continue
    const n = cart.count === undefined ? 1 : Math.max(0, cart.count)
    measured += n
    if (!cart.completed) left += n
  }
  if (measured < Math.max(1, minimum)) return null
  return { rate: left / measured, carts: measured }
}

/**
 * Cost per default used when the merchant gives none, for EUR only: the payer's bank fee for a
 * returned debit (3 €, seed 003 §5.1.3) plus the dunning costs of a first dunning letter
 * (9.50 €, seed 003 §5.3.2 Infobox 5-11). A lower bound: the merchant's own bank fee and
 * collection costs are not in it. Other currencies have no documented figure: the merchant gives one.
 */
export const DEFAULT_COST_PER_DEFAULT_EUR = DOCUMENTED_FIGURES.return_debit_fee_eur + DOCUMENTED_FIGURES.first_dunning_fee_eur

/** The documented default cost per default in a currency, or null where none is documented. */
export function defaultCostPerDefault(currencyCode: string): number | null {
  return currencyCode.toLowerCase() === "eur" ? DEFAULT_COST_PER_DEFAULT_EUR : null
}

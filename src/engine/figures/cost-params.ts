/**
 * The inputs of the cost formula (see `costAt`). None has a default: the source documents give
 * no complete figure for any of them (below, what they do give), and issue 17 forbids invented
 * numbers. The adapter fills them from the merchant's input, the store's own data
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
  const sample = carts.filter((cart) => cart.restricted && onlyPrepayment(cart))
  if (sample.length < Math.max(1, minimum)) return null
  const left = sample.filter((cart) => !cart.completed).length
  return { rate: left / sample.length, carts: sample.length }
}

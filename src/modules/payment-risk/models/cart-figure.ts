import { model } from "@medusajs/framework/utils"

/**
 * One evaluated cart for the figures overview (issue 17): a summary of the cart's rows in
 * payment_risk_cart_evaluation, so the overview counts carts without grouping every row of the
 * period per cart. Written in the same transaction as the cart's evaluation rows (insert,
 * completion; repositories/figures.ts `refreshCartFigures`), renamed with them on erasure and when
 * unlinked (the same token), deleted with them by retention; `rebuildCartFigures` recomputes it
 * from the rows (migration script, bench). No personal data: ids, classes, check and rule ids.
 * A cart counts in the period of its first evaluation (`first_evaluated_at`).
 */
const CartFigure = model
  .define({ name: "CartFigure", tableName: "payment_risk_cart_figure" }, {
    id: model.id({ prefix: "prcf" }).primaryKey(),
    /** the cart id of its rows (or the token 'erased:<uuid>'; the row id for a row whose cart id was removed) */
    cart_id: model.text(),
    /** the cart's first evaluation: the overview counts the cart in the period holding it */
    first_evaluated_at: model.dateTime(),
    /** currency of the first evaluation (lower case) */
    currency_code: model.text(),
    /** any of its rows hid something */
    restricted: model.boolean().default(false),
    /** the cart became an order */
    completed: model.boolean().default(false),
    completed_class: model.text().nullable(),
    /**
     * a sample of the measured abandonment: its latest row left prepayment alone (restricted,
     * only prepayment offered), or it was paid by prepayment after such a row
     */
    prepayment_sample: model.boolean().default(false),
    /** the causes of its restricted rows (check ids and rule ids), each once */
    causes: model.array(),
    /** those causes that were a rule holding on the same restricted row */
    causes_held: model.array(),
    /** ids of the rules that held on any of its rows */
    rules_held: model.array(),
    /** a credit check ran (or a paid query was made) on any of its rows */
    credit_ran: model.boolean().default(false),
    /** paid credit queries of its rows, and their cost */
    credit_queries: model.number().default(0),
    credit_cost: model.float().default(0),
    /** rows answered from the credit cache, rows whose credit check failed */
    credit_cached: model.number().default(0),
    credit_failed: model.number().default(0),
    /** the latest row a credit check restricted: the classes it hid and the cart total (major units) */
    credit_hidden_classes: model.array().nullable(),
    credit_total: model.bigNumber().nullable(),
    /** the negative-list matches of its rows, each (kind, source) once: [{ kind, source }] */
    list_hits: model.json().nullable(),
  })
  .indexes([
    { on: ["cart_id"], unique: true },
    { on: ["first_evaluated_at", "currency_code"] },
    // the carts something happened on, which the overview groups by what happened (a third of
    // them in the bench's 90 days): read through this index, the others are never read
    {
      name: "IDX_payment_risk_cart_figure_marked",
      on: ["currency_code", "first_evaluated_at"],
      where: "deleted_at IS NULL AND (restricted OR credit_ran OR cardinality(rules_held) > 0 OR list_hits IS NOT NULL)",
    },
  ])

export default CartFigure

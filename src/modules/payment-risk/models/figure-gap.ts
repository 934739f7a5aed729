import { model } from "@medusajs/framework/utils"

/**
 * Cart evaluations a day and currency lost for the figures (issue 17): the recording is written
 * in the background and gives up rather than slow a shopper down (too many writes waiting on the
 * database, a lock or statement timeout), so the overview can say its cart figures for a period
 * may be slightly low, and by how many evaluations. Each process counts what it lost and adds the
 * count with its next successful write; the upsert adds across instances. No personal data: a
 * day, a currency and a count. Deleted after `retention.figures_days`.
 */
const FigureGap = model
  .define({ name: "FigureGap", tableName: "payment_risk_figure_gap" }, {
    id: model.id({ prefix: "prfg" }).primaryKey(),
    /** the UTC day the lost evaluations were made (midnight) */
    day: model.dateTime(),
    /** currency of the lost evaluations (lower case) */
    currency_code: model.text(),
    evaluations_lost: model.number().default(0),
  })
  .indexes([{ on: ["day", "currency_code"], unique: true }])

export default FigureGap

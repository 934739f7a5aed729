import { Day, toDay } from "./days"

/** The Bundesbank's base rate (Basiszinssatz, §247 BGB) from a day on, in percent. */
export type BaseRate = { valid_from: string; rate: number }

/**
 * Base rates as published by the Deutsche Bundesbank, one per half-year (fixed on 1 January and
 * 1 July, also when unchanged).
 * Shipped up to the last value known when this release was made; the merchant adds new ones in
 * the settings, and the admin warns when the current half-year has none.
 */
export const KNOWN_BASE_RATES: BaseRate[] = [
  { valid_from: "2007-01-01", rate: 2.7 },
  { valid_from: "2007-07-01", rate: 3.19 },
  { valid_from: "2008-01-01", rate: 3.32 },
  { valid_from: "2008-07-01", rate: 3.19 },
  { valid_from: "2009-01-01", rate: 1.62 },
  { valid_from: "2009-07-01", rate: 0.12 },
  { valid_from: "2010-01-01", rate: 0.12 },
  { valid_from: "2010-07-01", rate: 0.12 },
  { valid_from: "2011-01-01", rate: 0.12 },
  { valid_from: "2011-07-01", rate: 0.37 },
  { valid_from: "2012-01-01", rate: 0.12 },
  { valid_from: "2012-07-01", rate: 0.12 },
  { valid_from: "2013-01-01", rate: -0.13 },
  { valid_from: "2013-07-01", rate: -0.38 },
  { valid_from: "2014-01-01", rate: -0.63 },
  { valid_from: "2014-07-01", rate: -0.73 },
  { valid_from: "2015-01-01", rate: -0.83 },
  { valid_from: "2015-07-01", rate: -0.83 },
  { valid_from: "2016-01-01", rate: -0.83 },
  { valid_from: "2016-07-01", rate: -0.88 },
  { valid_from: "2017-01-01", rate: -0.88 },
  { valid_from: "2017-07-01", rate: -0.88 },
  { valid_from: "2018-01-01", rate: -0.88 },
  { valid_from: "2018-07-01", rate: -0.88 },
  { valid_from: "2019-01-01", rate: -0.88 },
  { valid_from: "2019-07-01", rate: -0.88 },
  { valid_from: "2020-01-01", rate: -0.88 },
  { valid_from: "2020-07-01", rate: -0.88 },
  { valid_from: "2021-01-01", rate: -0.88 },
  { valid_from: "2021-07-01", rate: -0.88 },
  { valid_from: "2022-01-01", rate: -0.88 },
  { valid_from: "2022-07-01", rate: -0.88 },
  { valid_from: "2023-01-01", rate: 1.62 },
  { valid_from: "2023-07-01", rate: 3.12 },
  { valid_from: "2024-01-01", rate: 3.62 },
  { valid_from: "2024-07-01", rate: 3.37 },
  { valid_from: "2025-01-01", rate: 2.27 },
  { valid_from: "2025-07-01", rate: 1.27 },
]

export type RateTable = Array<{ from: Day; rate: number }>

/** The table sorted by day, unreadable rows left out. */
export function rateTable(rates: readonly BaseRate[]): RateTable {
  return rates
    .map((row) => ({ from: toDay(row.valid_from), rate: row.rate }))
    .filter((row) => Number.isFinite(row.from) && Number.isFinite(row.rate))
    .sort((a, b) => a.from - b.from)
}

/** The base rate on a day, or null when the table starts later. */
export function baseRateOn(table: RateTable, day: Day): number | null {
  let rate: number | null = null
  for (const row of table) {
    if (row.from > day) break
    rate = row.rate
  }
  return rate
}

/** The first day of the half-year a day lies in (1 January or 1 July), as "YYYY-MM-DD". */
export function halfYearStart(day: Day): string {
  const date = new Date(day * 86_400_000)
  return `${date.getUTCFullYear()}-${date.getUTCMonth() < 6 ? "01" : "07"}-01`
}

/**
 * Whether the table lacks the base rate of the half-year `day` lies in: the rate changes every
 * 1 January and 1 July, so a table whose last entry is older than the half-year's start is stale.
 */
export function missingBaseRate(table: RateTable, day: Day): boolean {
  const start = toDay(halfYearStart(day))
  return !table.some((row) => row.from >= start && row.from <= day)
}

/**
 * Every react-query key of the admin extension, in one place. All live under ["payment-risk"],
 * grouped by resource: a mutation invalidates its resource's `all` prefix and so refreshes every
 * list, detail and widget of that resource (the negative-list matches of the customer and order
 * widgets live under the negative list's prefix, so saving an entry anywhere refreshes them).
 */
import type { MatchQuery } from "./negative-list-types"

const ROOT = ["payment-risk"] as const

export type PageQuery = { limit: number; offset: number }

const negativeList = [...ROOT, "negative-list"] as const
const rules = [...ROOT, "rules"] as const
const reviews = [...ROOT, "reviews"] as const
const tips = [...ROOT, "security-tips"] as const
const receivables = [...ROOT, "receivables"] as const
const figures = [...ROOT, "figures"] as const

export const queryKeys = {
  all: ROOT,
  settings: () => [...ROOT, "settings"] as const,
  providers: () => [...ROOT, "providers"] as const,
  assessments: (orderId: string) => [...ROOT, "assessments", orderId] as const,
  credit: {
    checks: (query: PageQuery) => [...ROOT, "credit-checks", query] as const,
    providers: () => [...ROOT, "credit-providers"] as const,
  },
  rules: {
    all: rules,
    list: (query: PageQuery) => [...rules, "list", query] as const,
    /** outside `rules.all`: the condition registry does not change when a rule is saved */
    catalog: () => [...ROOT, "rule-conditions"] as const,
  },
  reviews: {
    all: reviews,
    list: (query: PageQuery & { status: string }) => [...reviews, "list", query] as const,
    detail: (orderId: string) => [...reviews, "detail", orderId] as const,
  },
  negativeList: {
    all: negativeList,
    list: (query: Record<string, unknown>) => [...negativeList, "list", query] as const,
    detail: (id: string) => [...negativeList, "detail", id] as const,
    matches: (query: MatchQuery) => [...negativeList, "matches", query] as const,
  },
  tips: {
    all: tips,
    list: (query: Record<string, unknown>) => [...tips, "list", query] as const,
    preview: (title: string, body: string) => [...tips, "preview", title, body] as const,
  },
  /** receivables (dunning): lists per tab and filter, one receivable as of a day */
  receivables: {
    all: receivables,
    list: (query: Record<string, unknown>) => [...receivables, "list", query] as const,
    detail: (orderId: string, asOf?: string) => [...receivables, "detail", orderId, asOf ?? "today"] as const,
    /** the store's default currency, for the tabs' totals */
    storeCurrency: () => [...ROOT, "store-currency"] as const,
  },
  /** the overview's figures per period and currency; the store's currencies for its picker */
  figures: {
    all: figures,
    analytics: (query: { from: string; to: string; currency_code: string }) => [...figures, "analytics", query] as const,
    currencies: () => [...ROOT, "store-currencies"] as const,
  },
  /** the customer and order data the "Add to negative list" drawer is prefilled from */
  listWidget: {
    customer: (id: string) => [...ROOT, "list-widget", "customer", id] as const,
    order: (id: string) => [...ROOT, "list-widget", "order", id] as const,
  },
  /** the Medusa dashboard's own order queries (an order's status changes on cancel) */
  dashboardOrders: ["orders"] as const,
}

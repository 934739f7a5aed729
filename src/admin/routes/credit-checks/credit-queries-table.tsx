import { Badge, createDataTableColumnHelper, DataTable, DataTablePaginationState, Text, useDataTable } from "@medusajs/ui"
import { useMemo } from "react"
import { useTranslation } from "react-i18next"
import { ListPagination } from "../../components/data-table-parts"
import { CreditQueryRow } from "../../lib/credit-hooks"
import { useFormat } from "../../lib/format"

const KEY = "paymentRisk.credit"
const RESULT_COLOR = { none: "green", soft: "orange", medium: "red", hard: "red", unknown: "orange" } as const
const columnHelper = createDataTableColumnHelper<CreditQueryRow>()

type Props = {
  queries: CreditQueryRow[]
  count: number
  isLoading: boolean
  pagination: DataTablePaginationState
  onPaginationChange: (next: DataTablePaginationState) => void
}

/** The credit-check queries, newest first, paginated by the server: result, cost, latency, cart. */
export const CreditQueriesTable = ({ queries, count, isLoading, pagination, onPaginationChange }: Props) => {
  const { t } = useTranslation()
  const format = useFormat()

  const columns = useMemo(
    () => [
      columnHelper.accessor("created_at", { header: t(`${KEY}.columns.time`), cell: ({ getValue }) => format.dateTime(getValue()) }),
      columnHelper.accessor("provider_id", { header: t(`${KEY}.columns.provider`) }),
      columnHelper.accessor("result", {
        header: t(`${KEY}.columns.result`),
        cell: ({ row: { original: q } }) => (
          <div className="flex flex-wrap items-center gap-1 py-2">
            {q.result ? (
              <Badge size="2xsmall" color={RESULT_COLOR[q.result]}>{t(`${KEY}.results.${q.result}`)}</Badge>
            ) : (
              <Badge size="2xsmall" color="grey">{t(`${KEY}.failed`)}</Badge>
            )}
            {q.score != null && <Text size="xsmall">{t(`${KEY}.score`, { score: q.score })}</Text>}
            {q.traffic_light && <Text size="xsmall">{t(`${KEY}.lights.${q.traffic_light}`)}</Text>}
            {q.cached && <Badge size="2xsmall">{t(`${KEY}.cached`)}</Badge>}
            {q.failure_kind && <Badge size="2xsmall" color="grey">{t(`${KEY}.failureKinds.${q.failure_kind}`)}</Badge>}
            {q.error && <Text size="xsmall" className="text-ui-fg-error whitespace-normal">{q.error}</Text>}
          </div>
        ),
      }),
      columnHelper.accessor("cost", { header: t(`${KEY}.columns.cost`), cell: ({ getValue }) => format.decimal(getValue()) }),
      columnHelper.accessor("latency_ms", {
        header: t(`${KEY}.columns.latency`),
        cell: ({ row }) => (row.original.cached ? "–" : `${row.original.latency_ms} ms`),
      }),
      columnHelper.accessor("cart_id", {
        header: t(`${KEY}.columns.cart`),
        cell: ({ getValue }) => <span className="font-mono txt-compact-xsmall">{getValue() ?? "–"}</span>,
      }),
    ],
    [t, format]
  )

  const table = useDataTable({
    data: queries,
    columns,
    getRowId: (q) => q.id,
    rowCount: count,
    isLoading,
    pagination: { state: pagination, onPaginationChange },
  })

  return (
    <DataTable instance={table}>
      <DataTable.Table emptyState={{ empty: { heading: t(`${KEY}.empty`) } }} />
      <ListPagination />
    </DataTable>
  )
}

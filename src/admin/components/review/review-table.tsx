import { Badge, createDataTableColumnHelper, DataTable, DataTablePaginationState, Select, Text, useDataTable } from "@medusajs/ui"
import { useMemo, useState } from "react"
import { useTranslation } from "react-i18next"
import { Link, useNavigate } from "react-router-dom"
import { useFormat } from "../../lib/format"
import { useReviews } from "../../lib/review-hooks"
import { REVIEW_FILTERS, ReviewDTO, ReviewFilter } from "../../lib/rules-types"
import { ListPagination, onRowOpen } from "../data-table-parts"
import { reviewReasonText } from "../rules/labels"
import { STATUS_COLOR } from "./status"

const PAGE_SIZE = 20
const columnHelper = createDataTableColumnHelper<ReviewDTO>()
const KEY = "paymentRisk.reviews"

/** Flagged orders: order, score, reasons, customer, amount, age; filtered by review status. */
export const ReviewTable = () => {
  const { t } = useTranslation()
  const format = useFormat()
  const navigate = useNavigate()
  const [status, setStatus] = useState<ReviewFilter>("pending")
  const [pagination, setPagination] = useState<DataTablePaginationState>({ pageIndex: 0, pageSize: PAGE_SIZE })
  const { data, isLoading } = useReviews({ status, limit: pagination.pageSize, offset: pagination.pageIndex * pagination.pageSize })

  const columns = useMemo(
    () => [
      columnHelper.accessor("display_id", {
        header: t(`${KEY}.columns.order`),
        cell: ({ row }) => (
          <Link to={`/orders/${row.original.order_id}`} className="text-ui-fg-interactive hover:underline" onClick={(e) => e.stopPropagation()}>
            #{row.original.display_id ?? row.original.order_id}
          </Link>
        ),
      }),
      columnHelper.accessor("review_status", {
        header: t(`${KEY}.columns.status`),
        cell: ({ getValue }) => <Badge size="2xsmall" color={STATUS_COLOR[getValue()]}>{t(`${KEY}.status.${getValue()}`)}</Badge>,
      }),
      columnHelper.accessor("risk_score", { header: t(`${KEY}.columns.score`), cell: ({ getValue }) => getValue() ?? "–" }),
      columnHelper.accessor("review_reasons", {
        header: t(`${KEY}.columns.reasons`),
        cell: ({ getValue }) => (
          <div className="flex max-w-[320px] flex-wrap gap-1">
            {getValue().map((reason) => <Badge key={reason} size="2xsmall">{reviewReasonText(reason, t)}</Badge>)}
          </div>
        ),
      }),
      columnHelper.accessor("email", { header: t(`${KEY}.columns.customer`), cell: ({ getValue }) => getValue() ?? "–" }),
      columnHelper.accessor("total", {
        header: t(`${KEY}.columns.amount`),
        cell: ({ row }) => format.money(row.original.total, row.original.currency_code),
      }),
      columnHelper.accessor("order_created_at", {
        header: t(`${KEY}.columns.age`),
        cell: ({ getValue }) => {
          const created = getValue()
          return created ? <span title={format.dateTime(created)}>{format.age(created)}</span> : "–"
        },
      }),
    ],
    [t, format]
  )

  const table = useDataTable({
    data: data?.reviews ?? [],
    columns,
    getRowId: (row) => row.order_id,
    rowCount: data?.count ?? 0,
    isLoading,
    pagination: { state: pagination, onPaginationChange: setPagination },
    onRowClick: onRowOpen((row: { order_id: string }) => navigate(`/orders/${row.order_id}`)),
  })

  return (
    <DataTable instance={table}>
      <DataTable.Toolbar className="flex items-center justify-between gap-2 px-6 py-4">
        <Text size="small" className="text-ui-fg-subtle">{t(`${KEY}.count`, { count: data?.count ?? 0 })}</Text>
        <div className="w-48">
          <Select size="small" value={status} onValueChange={(next) => {
            setStatus(next as ReviewFilter)
            setPagination((p) => ({ ...p, pageIndex: 0 }))
          }}>
            <Select.Trigger aria-label={t(`${KEY}.filter`)}><Select.Value /></Select.Trigger>
            <Select.Content>
              {REVIEW_FILTERS.map((filter) => (
                <Select.Item key={filter} value={filter}>{t(`${KEY}.filters.${filter}`)}</Select.Item>
              ))}
            </Select.Content>
          </Select>
        </div>
      </DataTable.Toolbar>
      <DataTable.Table emptyState={{ empty: { heading: t(`${KEY}.empty`), description: t(`${KEY}.emptyHint`) } }} />
      <ListPagination />
    </DataTable>
  )
}

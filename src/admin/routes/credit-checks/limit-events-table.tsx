import { Badge, createDataTableColumnHelper, DataTable, DataTablePaginationState, Heading, Text, useDataTable } from "@medusajs/ui"
import { useMemo, useState } from "react"
import { useTranslation } from "react-i18next"
import { ListPagination } from "../../components/data-table-parts"
import { CreditLimitEventRow } from "../../lib/credit-hooks"
import { useFormat } from "../../lib/format"

const PAGE_SIZE = 10
const KEY = "paymentRisk.credit.limitEvents"
const columnHelper = createDataTableColumnHelper<CreditLimitEventRow>()

/**
 * Credit checks an abuse limit stopped (newest first, paged in the browser over the newest
 * events the route returns): when, which limit, its value, the cart. No personal data.
 */
export const LimitEventsTable = ({ events, total, isLoading }: { events: CreditLimitEventRow[]; total: number; isLoading: boolean }) => {
  const { t } = useTranslation()
  const format = useFormat()
  const [pagination, setPagination] = useState<DataTablePaginationState>({ pageIndex: 0, pageSize: PAGE_SIZE })
  const page = events.slice(pagination.pageIndex * pagination.pageSize, (pagination.pageIndex + 1) * pagination.pageSize)

  const columns = useMemo(
    () => [
      columnHelper.accessor("created_at", {
        header: t(`${KEY}.columns.time`),
        cell: ({ getValue }) => format.dateTime(getValue()),
      }),
      columnHelper.accessor("limit_name", {
        header: t(`${KEY}.columns.limit`),
        cell: ({ getValue }) => <Badge size="2xsmall" color="orange">{t(`${KEY}.limits.${getValue()}`)}</Badge>,
      }),
      columnHelper.accessor("max", { header: t(`${KEY}.columns.max`) }),
      columnHelper.accessor("cart_id", {
        header: t(`${KEY}.columns.cart`),
        cell: ({ getValue }) => <span className="font-mono txt-compact-xsmall">{getValue()}</span>,
      }),
    ],
    [t, format]
  )

  const table = useDataTable({
    data: page,
    columns,
    getRowId: (row) => row.id,
    rowCount: events.length,
    isLoading,
    pagination: { state: pagination, onPaginationChange: setPagination },
  })

  return (
    <DataTable instance={table}>
      <DataTable.Toolbar className="flex flex-col items-start gap-1 px-6 py-4">
        <Heading level="h2">{t(`${KEY}.title`)}</Heading>
        <Text size="small" className="text-ui-fg-subtle">{t(`${KEY}.description`)}</Text>
        <Text size="small" className="text-ui-fg-subtle">{t(`${KEY}.count`, { count: total })}</Text>
      </DataTable.Toolbar>
      <DataTable.Table emptyState={{ empty: { heading: t(`${KEY}.empty`), description: t(`${KEY}.emptyHint`) } }} />
      <ListPagination results={t(`${KEY}.pagination.results`)} />
    </DataTable>
  )
}

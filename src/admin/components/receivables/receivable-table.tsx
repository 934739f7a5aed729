import { Badge, createDataTableColumnHelper, DataTable, DataTablePaginationState, useDataTable } from "@medusajs/ui"
import { useMemo } from "react"
import { useTranslation } from "react-i18next"
import { Link } from "react-router-dom"
import type { DunningStage } from "../../../engine/dunning/stages"
import { useFormat } from "../../lib/format"
import type { ReceivableDTO } from "../../lib/receivable-hooks"
import { ListPagination, onRowOpen } from "../data-table-parts"
import { KEY, stageLabel, STATUS_COLOR } from "./labels"
import { originalOf } from "./row-original"

const columnHelper = createDataTableColumnHelper<ReceivableDTO>()

type Props = {
  receivables: ReceivableDTO[]
  count: number
  isLoading: boolean
  pagination: DataTablePaginationState
  onPaginationChange: (p: DataTablePaginationState) => void
  stages: readonly DunningStage[] | undefined
  onOpen: (receivable: ReceivableDTO) => void
  toolbar: React.ReactNode
}

/** Order, debtor type, due date, stage, total due, next stage; a row opens the drawer. */
export const ReceivableTable = ({ receivables, count, isLoading, pagination, onPaginationChange, stages, onOpen, toolbar }: Props) => {
  const { t } = useTranslation()
  const format = useFormat()

  const columns = useMemo(
    () => [
      columnHelper.accessor("order_id", {
        header: t(`${KEY}.columns.order`),
        cell: ({ row }) => {
          const name = [row.original.first_name, row.original.last_name].filter(Boolean).join(" ")
          return (
            <div className="flex flex-col">
              <Link to={`/orders/${row.original.order_id}`} className="text-ui-fg-interactive hover:underline">
                {row.original.display_id ? `#${row.original.display_id}` : row.original.order_id}
              </Link>
              {(name || row.original.email) && <span className="text-ui-fg-subtle txt-compact-xsmall">{name || row.original.email}</span>}
            </div>
          )
        },
      }),
      columnHelper.accessor("debtor_type", {
        header: t(`${KEY}.columns.debtor`),
        cell: ({ getValue }) => t(`${KEY}.debtor.${getValue()}`),
      }),
      columnHelper.accessor("due_date", {
        header: t(`${KEY}.columns.dueDate`),
        cell: ({ getValue }) => format.date(getValue()),
      }),
      columnHelper.accessor("stage", {
        header: t(`${KEY}.columns.stage`),
        cell: ({ row }) => (
          <div className="flex flex-wrap items-center gap-1">
            <span>{stageLabel(row.original.stage, stages, t)}</span>
            <Badge size="2xsmall" color={STATUS_COLOR[row.original.status] ?? "grey"}>{t(`${KEY}.status.${row.original.status}`)}</Badge>
          </div>
        ),
      }),
      columnHelper.accessor("total_due", {
        header: t(`${KEY}.columns.totalDue`),
        cell: ({ row }) => format.money(row.original.total_due, row.original.currency_code),
      }),
      columnHelper.accessor("next_stage_at", {
        header: t(`${KEY}.columns.nextStage`),
        cell: ({ row }) => {
          const next = row.original.next_stage_at
          if (!next) return "–"
          const label = stageLabel((row.original.stage ?? -1) + 1, stages, t)
          return `${label}, ${format.date(next)}`
        },
      }),
    ],
    [t, format, stages]
  )

  const table = useDataTable({
    data: receivables,
    columns,
    getRowId: (row) => row.order_id,
    rowCount: count,
    isLoading,
    pagination: { state: pagination, onPaginationChange },
    onRowClick: onRowOpen((row: ReceivableDTO) => onOpen(originalOf(row))),
  })

  return (
    <DataTable instance={table}>
      <DataTable.Toolbar className="flex flex-wrap items-center justify-between gap-2 px-6 py-4">{toolbar}</DataTable.Toolbar>
      <DataTable.Table emptyState={{ empty: { heading: t(`${KEY}.empty`), description: t(`${KEY}.emptyHint`) } }} />
      <ListPagination results={t(`${KEY}.results`)} />
    </DataTable>
  )
}

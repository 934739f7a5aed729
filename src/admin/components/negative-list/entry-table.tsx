import { PencilSquare, Trash } from "@medusajs/icons"
import { Badge, createDataTableColumnHelper, DataTable, DataTablePaginationState, toast, useDataTable, usePrompt } from "@medusajs/ui"
import { Dispatch, SetStateAction, useMemo, useState } from "react"
import { useTranslation } from "react-i18next"
import { errorMessage } from "../../lib/errors"
import { useFormat } from "../../lib/format"
import { useDeleteNegativeListEntry, useNegativeList } from "../../lib/negative-list-hooks"
import { NegativeListEntry } from "../../lib/negative-list-types"
import { ListPagination, onRowOpen } from "../data-table-parts"
import { actionSentence } from "./action-sentence"
import { describeEntry } from "./describe-entry"
import { EntryFilters, Filters } from "./entry-filters"
import { EntryDrawer } from "./entry-form"

const PAGE_SIZE = 20
const KEY = "paymentRisk.negativeList"
const columnHelper = createDataTableColumnHelper<NegativeListEntry>()
const FIRST_PAGE: DataTablePaginationState = { pageIndex: 0, pageSize: PAGE_SIZE }

type Props = { filters: Filters; onFiltersChange: Dispatch<SetStateAction<Filters>> }

/** The entries with search and filters, paginated by the server; a row opens the edit drawer (with the audit trail). */
export const EntryTable = ({ filters, onFiltersChange }: Props) => {
  const { t, i18n } = useTranslation()
  const format = useFormat()
  const prompt = usePrompt()
  const [pagination, setPagination] = useState<DataTablePaginationState>(FIRST_PAGE)
  const [editing, setEditing] = useState<NegativeListEntry | undefined>()
  const { data, isLoading } = useNegativeList({ ...filters, limit: pagination.pageSize, offset: pagination.pageIndex * pagination.pageSize })
  const remove = useDeleteNegativeListEntry()

  const columns = useMemo(() => {
    const confirmDelete = async (entry: NegativeListEntry) => {
      const ok = await prompt({
        title: t(`${KEY}.deleteTitle`),
        description: describeEntry(entry),
        confirmText: t(`${KEY}.delete`),
        cancelText: t(`${KEY}.cancel`),
      })
      if (ok) {
        remove.mutate(entry.id, {
          onSuccess: () => toast.success(t(`${KEY}.deleted`)),
          onError: (error) => toast.error(errorMessage(error)),
        })
      }
    }
    return [
      columnHelper.accessor("kind", {
        header: t(`${KEY}.fields.kind`),
        size: 140,
        cell: ({ getValue }) => <Badge size="2xsmall">{t(`${KEY}.kinds.${getValue()}`)}</Badge>,
      }),
      columnHelper.display({
        id: "entry",
        header: t(`${KEY}.entry`),
        size: 260,
        cell: ({ row }) => <span className="block whitespace-normal break-words">{describeEntry(row.original)}</span>,
      }),
      columnHelper.accessor("reason", {
        header: t(`${KEY}.fields.reason`),
        size: 300,
        // the reason, and what the entry does when it matches (its own action, else the list's)
        cell: ({ row }) => (
          <span className="block whitespace-normal break-words">
            {row.original.reason}
            <span className="text-ui-fg-subtle block" data-testid="entry-action-cell">
              {t("paymentRisk.outcomes.action.column")}: {actionSentence((row.original as NegativeListEntry & { action?: unknown }).action, t, i18n.language)}
            </span>
          </span>
        ),
      }),
      columnHelper.accessor("source", { header: t(`${KEY}.fields.source`), size: 150, cell: ({ getValue }) => t(`${KEY}.sources.${getValue()}`) }),
      columnHelper.accessor("expires_at", {
        header: t(`${KEY}.fields.expires_at`),
        size: 120,
        cell: ({ getValue }) => {
          const expires = getValue()
          return expires ? format.date(expires) : "–"
        },
      }),
      columnHelper.action({
        actions: ({ row }) => [
          [{ label: t(`${KEY}.edit`), icon: <PencilSquare />, onClick: () => setEditing(row.original) }],
          [{ label: t(`${KEY}.delete`), icon: <Trash />, onClick: () => confirmDelete(row.original) }],
        ],
      }),
    ]
  }, [t, i18n.language, format, prompt, remove])

  const table = useDataTable({
    data: data?.entries ?? [],
    columns,
    getRowId: (entry) => entry.id,
    rowCount: data?.count ?? 0,
    isLoading,
    pagination: { state: pagination, onPaginationChange: setPagination },
    search: { state: filters.q, onSearchChange: (q) => onFiltersChange((current) => ({ ...current, q })) },
    onRowClick: onRowOpen(setEditing),
  })

  const setFilters = (next: Filters) => {
    onFiltersChange(next)
    setPagination(FIRST_PAGE)
  }

  return (
    <>
      <DataTable instance={table}>
        <DataTable.Toolbar className="flex-wrap gap-2 px-6 py-3">
          <DataTable.Search className="min-w-[240px] flex-1" placeholder={t(`${KEY}.search`)} aria-label={t(`${KEY}.search`)} />
          <EntryFilters value={filters} onChange={setFilters} />
        </DataTable.Toolbar>
        <DataTable.Table
          emptyState={{ empty: { heading: t(`${KEY}.empty`) }, filtered: { heading: t(`${KEY}.empty`) } }}
        />
        <ListPagination />
      </DataTable>
      <EntryDrawer open={!!editing} onOpenChange={(open) => !open && setEditing(undefined)} entry={editing} />
    </>
  )
}

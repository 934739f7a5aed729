import { PencilSquare, Trash } from "@medusajs/icons"
import {
  Badge,
  createDataTableColumnHelper,
  DataTable,
  DataTablePaginationState,
  InlineTip,
  Switch,
  Text,
  toast,
  useDataTable,
  usePrompt,
} from "@medusajs/ui"
import { useMemo, useState } from "react"
import { useTranslation } from "react-i18next"
import { errorMessage } from "../../lib/errors"
import { useFormat } from "../../lib/format"
import { SecurityTip, useDeleteSecurityTip, useSecurityTips, useToggleSecurityTip } from "../../lib/tips-hooks"
import { ListPagination, onRowOpen } from "../data-table-parts"
import { ShopDetailsBadge } from "./shop-details-badge"
import { TipDrawer } from "./tip-drawer"
import { TipFilters, TipFiltersBar } from "./tip-filters"

const PAGE_SIZE = 20
const KEY = "paymentRiskTips"
const columnHelper = createDataTableColumnHelper<SecurityTip>()
const FIRST_PAGE: DataTablePaginationState = { pageIndex: 0, pageSize: PAGE_SIZE }

type Props = { filters: TipFilters; onFiltersChange: (next: TipFilters) => void }

/** The tips, placement then rank, with their filters; a row opens the editor, the switch turns a tip on or off. */
export const TipTable = ({ filters, onFiltersChange }: Props) => {
  const { t } = useTranslation()
  const format = useFormat()
  const prompt = usePrompt()
  const [pagination, setPagination] = useState<DataTablePaginationState>(FIRST_PAGE)
  const [editing, setEditing] = useState<SecurityTip | undefined>()
  const { data, isLoading, error } = useSecurityTips({ ...filters, limit: pagination.pageSize, offset: pagination.pageIndex * pagination.pageSize })
  const toggle = useToggleSecurityTip()
  const remove = useDeleteSecurityTip()

  const columns = useMemo(() => {
    const date = (iso: string | null) => (iso ? format.date(iso) : "")
    const validity = (tip: SecurityTip) =>
      !tip.valid_from && !tip.valid_until
        ? t(`${KEY}.always`)
        : t(`${KEY}.window`, { from: date(tip.valid_from) || "…", until: date(tip.valid_until) || "…" })
    const setActive = (tip: SecurityTip, active: boolean) =>
      toggle.mutate({ id: tip.id, active }, { onError: (e) => toast.error(errorMessage(e)) })
    const confirmDelete = async (tip: SecurityTip) => {
      const ok = await prompt({
        title: t(`${KEY}.deleteTitle`),
        description: t(tip.default_key ? `${KEY}.deleteDefault` : `${KEY}.deleteDescription`, { title: tip.title }),
        confirmText: t(`${KEY}.delete`),
        cancelText: t(`${KEY}.cancel`),
      })
      if (ok) remove.mutate(tip.id, { onSuccess: () => toast.success(t(`${KEY}.deleted`)), onError: (e) => toast.error(errorMessage(e)) })
    }

    return [
      columnHelper.accessor("title", {
        header: t(`${KEY}.fields.title`),
        cell: ({ row: { original: tip } }) => (
          <div className="flex flex-col items-start py-2">
            <Text size="small" className="max-w-full truncate">{tip.title}</Text>
            <ShopDetailsBadge display={tip.display} missing={tip.missing_placeholders} />
          </div>
        ),
      }),
      columnHelper.accessor("placement", {
        header: t(`${KEY}.fields.placement`),
        cell: ({ getValue }) => <Badge size="2xsmall">{t(`${KEY}.placements.${getValue()}`)}</Badge>,
      }),
      columnHelper.accessor("locale", { header: t(`${KEY}.fields.locale`), size: 100, cell: ({ getValue }) => getValue().toUpperCase() }),
      columnHelper.accessor("rank", { header: t(`${KEY}.fields.rank`), size: 100 }),
      columnHelper.display({ id: "validity", header: t(`${KEY}.fields.validity`), cell: ({ row }) => validity(row.original) }),
      columnHelper.accessor("active", {
        header: t(`${KEY}.fields.active`),
        size: 100,
        cell: ({ row: { original: tip } }) => (
          <Switch checked={tip.active} aria-label={t(`${KEY}.toggle`, { title: tip.title })}
            disabled={toggle.isPending} onCheckedChange={(active) => setActive(tip, active)} />
        ),
      }),
      columnHelper.action({
        actions: ({ row }) => [
          [{ label: t(`${KEY}.edit`), icon: <PencilSquare />, onClick: () => setEditing(row.original) }],
          [{ label: t(`${KEY}.delete`), icon: <Trash />, onClick: () => confirmDelete(row.original) }],
        ],
      }),
    ]
  }, [t, format, prompt, toggle, remove])

  const table = useDataTable({
    data: data?.tips ?? [],
    columns,
    getRowId: (tip) => tip.id,
    rowCount: data?.count ?? 0,
    isLoading,
    pagination: { state: pagination, onPaginationChange: setPagination },
    onRowClick: onRowOpen(setEditing),
  })

  const shortened = data?.tips.some((tip) => tip.display !== "full")

  return (
    <>
      <DataTable instance={table}>
        <DataTable.Toolbar className="px-6 py-3">
          <TipFiltersBar value={filters} onChange={(next) => {
            onFiltersChange(next)
            setPagination(FIRST_PAGE)
          }} />
        </DataTable.Toolbar>
        {shortened && (
          <InlineTip variant="info" label={t(`${KEY}.shop.title`)} className="mx-6 my-3">
            {t(`${KEY}.shortenedHint`)}
          </InlineTip>
        )}
        <DataTable.Table emptyState={{ empty: { heading: t(`${KEY}.empty`) } }} />
        {error && <Text size="small" className="text-ui-fg-error px-6 py-4">{errorMessage(error)}</Text>}
        <ListPagination />
      </DataTable>
      <TipDrawer open={!!editing} onOpenChange={(open) => !open && setEditing(undefined)} tip={editing} />
    </>
  )
}

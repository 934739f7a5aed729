import { DataTable } from "@medusajs/ui"
import type { MouseEvent } from "react"
import { useTranslation } from "react-i18next"
import { originalOf } from "./receivables/row-original"

/** DataTable's pagination with the admin's texts; `results` names what is counted (default "results"). */
export const ListPagination = ({ results }: { results?: string }) => {
  const { t } = useTranslation()
  return (
    <DataTable.Pagination
      translations={{
        of: t("paymentRisk.pagination.of"),
        results: results ?? t("paymentRisk.pagination.results"),
        pages: t("paymentRisk.pagination.pages"),
        prev: t("paymentRisk.pagination.prev"),
        next: t("paymentRisk.pagination.next"),
      }}
    />
  )
}

const CONTROLS = "button, a, input, label, [role='switch'], [role='menuitem']"

/**
 * A row click handler that leaves clicks on the row's own controls (switch, action menu, links)
 * to those controls, so they do not also open the row. `open` gets the row's data: @medusajs/ui
 * 4.2.6 hands TanStack's Row (the data in `.original`) to onRowClick, despite its type.
 */
export function onRowOpen<T>(open: (row: T) => void) {
  return (event: MouseEvent<HTMLTableRowElement>, row: T) => {
    const target = event.target as Element | null
    if (target?.closest?.(CONTROLS) && event.currentTarget.contains(target)) return
    open(originalOf(row as unknown as object) as T)
  }
}

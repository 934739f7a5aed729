import { ArrowDownTray } from "@medusajs/icons"
import { Button, createDataTableColumnHelper, DataTable, Heading, Text, useDataTable } from "@medusajs/ui"
import { ReactNode, useMemo } from "react"
import { useTranslation } from "react-i18next"
import { downloadCsv, toCsv } from "./csv"

export type FigureColumn<T> = {
  id: string
  header: string
  /** the cell's value in the CSV file (numbers stay numbers) */
  value: (row: T) => string | number | null | undefined
  /** the cell on screen; the value as text without it */
  cell?: (row: T) => ReactNode
}

type Props<T> = {
  title: string
  hint?: string
  rows: readonly T[]
  columns: readonly FigureColumn<T>[]
  rowId: (row: T) => string
  /** file name without extension */
  file: string
  empty: string
  testId?: string
}

/** A table of figures with "Export CSV": the file holds exactly the rows and columns shown. */
export function FigureTable<T>({ title, hint, rows, columns, rowId, file, empty, testId }: Props<T>) {
  const { t, i18n } = useTranslation()
  const helper = useMemo(() => createDataTableColumnHelper<T>(), [])
  const tableColumns = useMemo(
    () =>
      columns.map((column) =>
        helper.display({
          id: column.id,
          header: column.header,
          cell: ({ row }) => {
            if (column.cell) return column.cell(row.original)
            const value = column.value(row.original)
            // counts with the language's thousands separator ("1.200" / "1,200")
            return typeof value === "number" ? value.toLocaleString(i18n.language) : value ?? "–"
          },
        })
      ),
    [columns, helper, i18n.language]
  )
  const table = useDataTable({ data: rows as T[], columns: tableColumns, getRowId: rowId, rowCount: rows.length })
  const exportCsv = () => downloadCsv(`${file}.csv`, toCsv(rows, columns, i18n.language))

  return (
    <div className="flex flex-col" data-testid={testId}>
      <div className="flex flex-wrap items-start justify-between gap-2 px-6 py-4">
        <div>
          <Heading level="h2">{title}</Heading>
          {hint && <Text size="small" className="text-ui-fg-subtle">{hint}</Text>}
        </div>
        <Button size="small" variant="secondary" onClick={exportCsv} disabled={!rows.length}>
          <ArrowDownTray />
          {t("paymentRisk.figures.exportCsv")}
        </Button>
      </div>
      {/* headers may wrap and columns sit closer: with the German headers ("Verweigerte Sendungen")
          the twelve columns per payment class scrolled sideways at 1440 px */}
      <div className="[&_td]:pr-3 [&_th]:pr-3 [&_th]:align-bottom [&_th]:whitespace-normal">
        <DataTable instance={table}>
          <DataTable.Table emptyState={{ empty: { heading: empty } }} />
        </DataTable>
      </div>
    </div>
  )
}

import { Badge, Button, createDataTableColumnHelper, DataTable, Text, toast, useDataTable, usePrompt } from "@medusajs/ui"
import { useMemo, useState } from "react"
import { useTranslation } from "react-i18next"
import { Consequence, CONSEQUENCE_KEYS, DEFAULT_CONSEQUENCES } from "../../../engine/outcomes/consequences"
import { useSaveConsequence } from "../../lib/dunning-hooks"
import { errorMessage } from "../../lib/errors"
import { usePaymentRiskSettings } from "../../lib/hooks"
import { onRowOpen } from "../data-table-parts"
import { originalOf } from "../receivables/row-original"
import { ConsequenceEditor } from "./consequence-editor"
import { actionText, consequenceLabel, expiryText, KEY, listedText } from "./labels"

type Row = { key: string; consequence: Consequence; changed: boolean }

const columnHelper = createDataTableColumnHelper<Row>()

/** Every outcome kind and reason with what it lists, the action and the expiry; edit and reset per row. */
export const ConsequenceTable = () => {
  const { t, i18n } = useTranslation()
  const prompt = usePrompt()
  const { data, isLoading } = usePaymentRiskSettings()
  const save = useSaveConsequence()
  const [editing, setEditing] = useState<Row | null>(null)
  const configured = data?.settings.outcomes?.consequences

  const rows = useMemo<Row[]>(
    () =>
      CONSEQUENCE_KEYS.map((key) => {
        const own = configured?.[key]
        return { key, consequence: own ?? DEFAULT_CONSEQUENCES[key], changed: !!own }
      }),
    [configured]
  )

  const reset = async (row: Row) => {
    const label = consequenceLabel(row.key, t, i18n.language)
    const ok = await prompt({
      title: t(`${KEY}.confirmReset.title`),
      description: t(`${KEY}.confirmReset.description`, { event: label.reason ? `${label.kind}: ${label.reason}` : label.kind }),
      confirmText: t(`${KEY}.confirmReset.confirm`),
      cancelText: t(`${KEY}.confirmReset.back`),
    })
    if (!ok) return
    save.mutate(
      { key: row.key, consequence: null },
      {
        onSuccess: () => toast.success(t(`${KEY}.resetDone`)),
        onError: (error) => toast.error(t(`${KEY}.saveFailed`), { description: errorMessage(error) }),
      }
    )
  }

  const columns = useMemo(
    () => [
      columnHelper.accessor("key", {
        header: t(`${KEY}.columns.event`),
        size: 280,
        cell: ({ row }) => {
          const label = consequenceLabel(row.original.key, t, i18n.language)
          return (
            <div className="flex max-w-[320px] flex-col whitespace-normal py-1">
              <Text size="small" weight="plus">{label.kind}</Text>
              {label.reason && <Text size="xsmall" className="text-ui-fg-subtle">{label.reason}</Text>}
            </div>
          )
        },
      }),
      columnHelper.display({
        id: "listed",
        header: t(`${KEY}.columns.listed`),
        size: 200,
        cell: ({ row }) => <span className="block whitespace-normal">{listedText(row.original.consequence, t)}</span>,
      }),
      columnHelper.display({
        id: "consequence",
        header: t(`${KEY}.columns.action`),
        size: 240,
        cell: ({ row }) => (row.original.consequence.list.length ? <span className="block whitespace-normal">{actionText(row.original.consequence.action, t)}</span> : "–"),
      }),
      columnHelper.display({
        id: "expires",
        header: t(`${KEY}.columns.expires`),
        size: 180,
        cell: ({ row }) => <span className="block whitespace-normal">{expiryText(row.original.consequence, t)}</span>,
      }),
      columnHelper.display({
        id: "controls",
        size: 280,
        cell: ({ row }) => (
          <div className="flex items-center justify-end gap-2">
            {row.original.changed && <Badge size="2xsmall" color="blue">{t(`${KEY}.changed`)}</Badge>}
            <Button size="small" variant="transparent" onClick={() => setEditing(row.original)}>{t(`${KEY}.edit`)}</Button>
            {row.original.changed && (
              <Button size="small" variant="transparent" onClick={() => reset(row.original)}>{t(`${KEY}.reset`)}</Button>
            )}
          </div>
        ),
      }),
    ],
    // reset reads only prompt and save.mutate, both stable
    [t, i18n.language, prompt, save.mutate]
  )

  const table = useDataTable({
    data: rows,
    columns,
    getRowId: (row) => row.key,
    rowCount: rows.length,
    isLoading,
    onRowClick: onRowOpen((row: Row) => setEditing(originalOf(row))),
  })

  return (
    <>
      <DataTable instance={table}>
        <DataTable.Table />
      </DataTable>
      <ConsequenceEditor consequenceKey={editing?.key ?? null} current={editing?.consequence ?? null} onClose={() => setEditing(null)} />
    </>
  )
}

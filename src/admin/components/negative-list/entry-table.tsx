import { Badge, Button, Table, Text, toast, usePrompt } from "@medusajs/ui"
import { useState } from "react"
import { useTranslation } from "react-i18next"
import { errorMessage } from "../../lib/errors"
import { useDeleteNegativeListEntry, useNegativeList } from "../../lib/negative-list-hooks"
import { NegativeListEntry } from "../../lib/negative-list-types"
import { describeEntry } from "./describe-entry"
import { EntryDrawer } from "./entry-form"
import { Filters } from "./entry-filters"

const PAGE_SIZE = 20

/** Paginated table of the entries; a row opens the edit drawer (with the audit trail). */
export const EntryTable = ({ filters }: { filters: Filters }) => {
  const { t, i18n } = useTranslation()
  const prompt = usePrompt()
  const [page, setPage] = useState(0)
  const [editing, setEditing] = useState<NegativeListEntry | undefined>()
  const [pageFilters, setPageFilters] = useState(filters)
  if (pageFilters !== filters) {
    setPageFilters(filters)
    setPage(0)
  }
  const { data, isLoading } = useNegativeList({ ...filters, limit: PAGE_SIZE, offset: page * PAGE_SIZE })
  const remove = useDeleteNegativeListEntry()
  const count = data?.count ?? 0

  const confirmDelete = async (entry: NegativeListEntry) => {
    const ok = await prompt({
      title: t("paymentRisk.negativeList.deleteTitle"),
      description: describeEntry(entry),
      confirmText: t("paymentRisk.negativeList.delete"),
      cancelText: t("paymentRisk.negativeList.cancel"),
    })
    if (ok) {
      remove.mutate(entry.id, {
        onSuccess: () => toast.success(t("paymentRisk.negativeList.deleted")),
        onError: (error) => toast.error(errorMessage(error)),
      })
    }
  }

  return (
    <div className="flex flex-col">
      <Table>
        <Table.Header>
          <Table.Row>
            <Table.HeaderCell>{t("paymentRisk.negativeList.fields.kind")}</Table.HeaderCell>
            <Table.HeaderCell>{t("paymentRisk.negativeList.entry")}</Table.HeaderCell>
            <Table.HeaderCell>{t("paymentRisk.negativeList.fields.reason")}</Table.HeaderCell>
            <Table.HeaderCell>{t("paymentRisk.negativeList.fields.source")}</Table.HeaderCell>
            <Table.HeaderCell>{t("paymentRisk.negativeList.fields.expires_at")}</Table.HeaderCell>
            <Table.HeaderCell />
          </Table.Row>
        </Table.Header>
        <Table.Body>
          {data?.entries.map((entry) => (
            <Table.Row key={entry.id} className="cursor-pointer" onClick={() => setEditing(entry)}>
              <Table.Cell><Badge size="2xsmall">{t(`paymentRisk.negativeList.kinds.${entry.kind}`)}</Badge></Table.Cell>
              <Table.Cell>{describeEntry(entry)}</Table.Cell>
              <Table.Cell className="max-w-[240px] truncate">{entry.reason}</Table.Cell>
              <Table.Cell>{t(`paymentRisk.negativeList.sources.${entry.source}`)}</Table.Cell>
              <Table.Cell>{entry.expires_at ? new Date(entry.expires_at).toLocaleDateString(i18n.language) : "–"}</Table.Cell>
              <Table.Cell className="text-right" onClick={(event) => event.stopPropagation()}>
                <Button size="small" variant="transparent" onClick={() => setEditing(entry)}>
                  {t("paymentRisk.negativeList.edit")}
                </Button>
                <Button size="small" variant="transparent" onClick={() => confirmDelete(entry)}>
                  {t("paymentRisk.negativeList.delete")}
                </Button>
              </Table.Cell>
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
      {!isLoading && !count && (
        <Text size="small" className="px-6 py-4 text-ui-fg-subtle">{t("paymentRisk.negativeList.empty")}</Text>
      )}
      <Table.Pagination
        count={count}
        pageSize={PAGE_SIZE}
        pageIndex={page}
        pageCount={Math.max(1, Math.ceil(count / PAGE_SIZE))}
        canPreviousPage={page > 0}
        canNextPage={(page + 1) * PAGE_SIZE < count}
        previousPage={() => setPage((p) => Math.max(0, p - 1))}
        nextPage={() => setPage((p) => p + 1)}
      />
      <EntryDrawer open={!!editing} onOpenChange={(open) => !open && setEditing(undefined)} entry={editing} />
    </div>
  )
}

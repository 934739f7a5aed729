import { Badge, Button, Input, Table, Text, toast, usePrompt } from "@medusajs/ui"
import { useState } from "react"
import { useTranslation } from "react-i18next"
import { errorMessage } from "../../lib/errors"
import { useDeleteNegativeListEntry, useNegativeList } from "../../lib/negative-list-hooks"
import { ADDRESS_KINDS, NegativeListEntry } from "../../lib/negative-list-types"

const PAGE_SIZE = 20

function describeEntry(entry: NegativeListEntry): string {
  if (ADDRESS_KINDS.includes(entry.kind)) {
    const name = [entry.first_name, entry.last_name].filter(Boolean).join(" ") || entry.company || ""
    const place = [entry.address_1, [entry.postal_code, entry.city].filter(Boolean).join(" ")].filter(Boolean).join(", ")
    return [name, place].filter(Boolean).join(" · ")
  }
  return entry.display_hint ?? entry.value ?? ""
}

/** Searchable, paginated table of the entries with delete. */
export const EntryTable = () => {
  const { t } = useTranslation()
  const prompt = usePrompt()
  const [q, setQ] = useState("")
  const [page, setPage] = useState(0)
  const { data, isLoading } = useNegativeList({ q, limit: PAGE_SIZE, offset: page * PAGE_SIZE })
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
      <div className="px-6 py-3">
        <Input
          type="search"
          size="small"
          placeholder={t("paymentRisk.negativeList.search")}
          aria-label={t("paymentRisk.negativeList.search")}
          value={q}
          onChange={(event) => {
            setQ(event.target.value)
            setPage(0)
          }}
        />
      </div>
      <Table>
        <Table.Header>
          <Table.Row>
            <Table.HeaderCell>{t("paymentRisk.negativeList.fields.kind")}</Table.HeaderCell>
            <Table.HeaderCell>{t("paymentRisk.negativeList.entry")}</Table.HeaderCell>
            <Table.HeaderCell>{t("paymentRisk.negativeList.fields.reason")}</Table.HeaderCell>
            <Table.HeaderCell>{t("paymentRisk.negativeList.fields.source")}</Table.HeaderCell>
            <Table.HeaderCell />
          </Table.Row>
        </Table.Header>
        <Table.Body>
          {data?.entries.map((entry) => (
            <Table.Row key={entry.id}>
              <Table.Cell><Badge size="2xsmall">{t(`paymentRisk.negativeList.kinds.${entry.kind}`)}</Badge></Table.Cell>
              <Table.Cell>{describeEntry(entry)}</Table.Cell>
              <Table.Cell className="max-w-[240px] truncate">{entry.reason}</Table.Cell>
              <Table.Cell>{t(`paymentRisk.negativeList.sources.${entry.source}`)}</Table.Cell>
              <Table.Cell className="text-right">
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
    </div>
  )
}

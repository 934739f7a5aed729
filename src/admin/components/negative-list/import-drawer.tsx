import { Button, Drawer, Table, Text, toast } from "@medusajs/ui"
import { useQuery } from "@tanstack/react-query"
import { useRef, useState } from "react"
import { useTranslation } from "react-i18next"
import { errorMessage } from "../../lib/errors"
import { sdk } from "../../lib/sdk"
import { useImportNegativeList } from "../../lib/negative-list-hooks"
import { IMPORT_COLUMNS, ImportReport } from "../../lib/negative-list-types"

const EXAMPLE = [
  IMPORT_COLUMNS.join(","),
  'person,Hans,Müller,,"Hauptstraße 5",,10115,Berlin,de,,Rechnung nach 3. Mahnung offen,dunning,,',
  "email,,,,,,,,,betrug@example.com,Bestellbetrug,fraud_review,,",
  "iban,,,,,,,,,DE89 3704 0044 0532 0130 00,Rücklastschrift,return_debit,2027-12-31,",
].join("\n")

function downloadExample() {
  const url = URL.createObjectURL(new Blob([EXAMPLE], { type: "text/csv" }))
  const link = document.createElement("a")
  link.href = url
  link.download = "negative-list-example.csv"
  link.click()
  URL.revokeObjectURL(url)
}

/** CSV import: choose a file, upload it, show the counts and the rejected rows. */
export const ImportDrawer = () => {
  const { t } = useTranslation()
  const [open, setOpen] = useState(false)
  const [file, setFile] = useState<File | null>(null)
  const [report, setReport] = useState<ImportReport | null>(null)
  const upload = useImportNegativeList()
  // the last run: an import cut off by a server restart says how far it got (every line up to it is stored or rejected)
  const lastRun = useQuery({
    queryKey: ["payment-risk", "negative-list", "imports", "last"],
    queryFn: () => sdk.client.fetch<{ imports: Array<{ status: string; last_line: number; imported: number; updated: number }> }>("/admin/payment-risk/negative-list/imports", { query: { limit: 1 } }),
    enabled: open,
  }).data?.imports?.[0]
  const input = useRef<HTMLInputElement>(null)
  /** a rejected row's column in the admin's words ("row": the whole line) */
  const fieldName = (field: string) =>
    field === "row" ? t("paymentRisk.negativeList.import.row") : t(`paymentRisk.negativeList.fields.${field}`, { defaultValue: field })
  /** why a row was rejected, in the admin's language (the server's English text only for a code this admin does not know) */
  const problem = (row: ImportReport["rejected"][number]) => {
    if (!row.code) return row.message
    const params: Record<string, string | number> = { ...(row.params ?? {}) }
    if (typeof params.kind === "string") params.kind = t(`paymentRisk.negativeList.kinds.${params.kind}`, { defaultValue: params.kind })
    return t(`paymentRisk.negativeList.import.problems.${row.code}`, { ...params, defaultValue: row.message })
  }

  const start = () => {
    if (!file) return
    upload.mutate(file, {
      onSuccess: (result) => {
        setReport(result)
        toast.success(t("paymentRisk.negativeList.import.done", { count: result.imported }))
      },
      onError: (error) => toast.error(t("paymentRisk.negativeList.import.failed"), { description: errorMessage(error) }),
    })
  }

  return (
    <Drawer open={open} onOpenChange={(next) => { setOpen(next); if (!next) { setFile(null); setReport(null) } }}>
      <Drawer.Trigger asChild>
        <Button size="small" variant="secondary">{t("paymentRisk.negativeList.import.button")}</Button>
      </Drawer.Trigger>
      <Drawer.Content>
        <Drawer.Header>
          <Drawer.Title>{t("paymentRisk.negativeList.import.title")}</Drawer.Title>
        </Drawer.Header>
        <Drawer.Body className="flex flex-col gap-y-4 overflow-y-auto">
          <Text size="small" className="text-ui-fg-subtle">{t("paymentRisk.negativeList.import.help")}</Text>
          {lastRun?.status === "interrupted" && !report && (
            <Text size="small" className="text-ui-fg-error">
              {t("paymentRisk.negativeList.import.interrupted", { line: lastRun.last_line, count: lastRun.imported + lastRun.updated })}
            </Text>
          )}
          <div className="flex flex-col gap-y-1">
            <Text size="xsmall" className="text-ui-fg-subtle">{t("paymentRisk.negativeList.import.columns")}</Text>
            <code className="txt-compact-xsmall bg-ui-bg-subtle break-all rounded-md border px-2 py-1">{IMPORT_COLUMNS.join(",")}</code>
          </div>
          <div>
            <Button size="small" variant="transparent" onClick={downloadExample}>{t("paymentRisk.negativeList.import.example")}</Button>
          </div>
          {/* the browser's own file button speaks the browser's language: a button of ours instead */}
          <div className="flex items-center gap-x-3">
            <input
              ref={input}
              id="negative-list-import-file"
              type="file"
              accept=".csv,text/csv"
              aria-label={t("paymentRisk.negativeList.import.file")}
              className="sr-only"
              onChange={(event) => { setFile(event.target.files?.[0] ?? null); setReport(null) }}
            />
            <Button size="small" variant="secondary" type="button" onClick={() => input.current?.click()}>
              {t("paymentRisk.negativeList.import.chooseFile")}
            </Button>
            <Text size="small" className="text-ui-fg-subtle break-all">{file?.name ?? t("paymentRisk.negativeList.import.noFile")}</Text>
          </div>
          {report && (
            <div className="flex flex-col gap-y-2" role="status">
              <Text size="small" weight="plus">
                {report.updated === undefined
                  ? t("paymentRisk.negativeList.import.summary", { imported: report.imported, rejected: report.rejected_count })
                  : t("paymentRisk.negativeList.import.summaryUpdated", { imported: report.imported, updated: report.updated, rejected: report.rejected_count })}
              </Text>
              {report.rejected.length > 0 && (
                <Table>
                  <Table.Header>
                    <Table.Row>
                      <Table.HeaderCell>{t("paymentRisk.negativeList.import.line")}</Table.HeaderCell>
                      <Table.HeaderCell>{t("paymentRisk.negativeList.import.field")}</Table.HeaderCell>
                      <Table.HeaderCell>{t("paymentRisk.negativeList.import.message")}</Table.HeaderCell>
                    </Table.Row>
                  </Table.Header>
                  <Table.Body>
                    {report.rejected.map((row) => (
                      <Table.Row key={`${row.line}-${row.field}`}>
                        <Table.Cell>{row.line}</Table.Cell>
                        <Table.Cell>{fieldName(row.field)}</Table.Cell>
                        <Table.Cell className="whitespace-normal">{problem(row)}</Table.Cell>
                      </Table.Row>
                    ))}
                  </Table.Body>
                </Table>
              )}
              {report.rejected_count > report.rejected.length && (
                <Text size="xsmall" className="text-ui-fg-subtle">
                  {t("paymentRisk.negativeList.import.more", { count: report.rejected_count - report.rejected.length })}
                </Text>
              )}
            </div>
          )}
        </Drawer.Body>
        <Drawer.Footer>
          <Drawer.Close asChild>
            <Button size="small" variant="secondary">{t("paymentRisk.negativeList.close")}</Button>
          </Drawer.Close>
          <Button size="small" disabled={!file} isLoading={upload.isPending} onClick={start}>
            {t("paymentRisk.negativeList.import.start")}
          </Button>
        </Drawer.Footer>
      </Drawer.Content>
    </Drawer>
  )
}

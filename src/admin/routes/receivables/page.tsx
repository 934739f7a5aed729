import { defineRouteConfig } from "@medusajs/admin-sdk"
import { ReceiptPercent } from "@medusajs/icons"
import { Button, Container, DataTablePaginationState, Heading, Text, toast } from "@medusajs/ui"
import { useState } from "react"
import { useTranslation } from "react-i18next"
import { KEY } from "../../components/receivables/labels"
import { NO_RECEIVABLE_FILTERS, ReceivableFilterBar, ReceivableFilters } from "../../components/receivables/receivable-filters"
import { ReceivableDrawer } from "../../components/receivables/receivable-drawer"
import { ReceivableTable } from "../../components/receivables/receivable-table"
import { ReceivableTabs } from "../../components/receivables/receivable-tabs"
import { errorMessage } from "../../lib/errors"
import { usePaymentRiskSettings } from "../../lib/hooks"
import { downloadCollectionExport, ReceivableDTO, ReceivableTab, useReceivables, useStoreCurrency } from "../../lib/receivable-hooks"

const PAGE_SIZE = 20

/** Unpaid invoices: tabs per status with count and amount, filters, the table and a drawer per claim. */
const ReceivablesPage = () => {
  const { t } = useTranslation()
  const [tab, setTab] = useState<ReceivableTab>("open")
  const [filters, setFilters] = useState<ReceivableFilters>(NO_RECEIVABLE_FILTERS)
  const [pagination, setPagination] = useState<DataTablePaginationState>({ pageIndex: 0, pageSize: PAGE_SIZE })
  const [selected, setSelected] = useState<ReceivableDTO | null>(null)
  const { data: settings } = usePaymentRiskSettings()
  const stages = settings?.settings.dunning?.stages
  const { data, isLoading } = useReceivables({
    status: tab,
    stage: filters.stage || undefined,
    overdue: filters.overdue || undefined,
    limit: pagination.pageSize,
    offset: pagination.pageIndex * pagination.pageSize,
  })
  const { data: storeCurrency } = useStoreCurrency()
  const firstPage = () => setPagination((p) => ({ ...p, pageIndex: 0 }))
  const exportCsv = () => downloadCollectionExport().catch((error) => toast.error(t(`${KEY}.exportFailed`), { description: errorMessage(error) }))

  return (
    <Container className="divide-y p-0">
      <div className="flex flex-wrap items-center justify-between gap-4 px-6 py-4">
        <div>
          <Heading level="h1">{t(`${KEY}.title`)}</Heading>
          <Text size="small" className="text-ui-fg-subtle">{t(`${KEY}.description`)}</Text>
        </div>
        {tab === "handed_over" && (
          <Button size="small" variant="secondary" onClick={exportCsv}>{t(`${KEY}.export`)}</Button>
        )}
      </div>
      {settings && !settings.settings.dunning?.enabled && (
        <Text size="small" className="text-ui-fg-subtle px-6 py-3">{t(`${KEY}.dunningOff`)}</Text>
      )}
      <div className="px-6 py-3">
        <ReceivableTabs
          value={tab}
          onChange={(next) => {
            setTab(next)
            firstPage()
          }}
          totals={data?.totals}
          countEach={!!data && !data.totals}
          currency={data?.receivables[0]?.currency_code ?? storeCurrency ?? null}
        />
      </div>
      <ReceivableTable
        receivables={data?.receivables ?? []}
        count={data?.count ?? 0}
        isLoading={isLoading}
        pagination={pagination}
        onPaginationChange={setPagination}
        stages={stages}
        onOpen={setSelected}
        toolbar={
          <>
            <Text size="small" className="text-ui-fg-subtle">{t(`${KEY}.count`, { count: data?.count ?? 0 })}</Text>
            <ReceivableFilterBar value={filters} stages={stages} onChange={(next) => {
              setFilters(next)
              firstPage()
            }} />
          </>
        }
      />
      <ReceivableDrawer orderId={selected?.order_id ?? null} displayId={selected?.display_id} stages={stages} onClose={() => setSelected(null)} />
    </Container>
  )
}

export const config = defineRouteConfig({
  label: `${KEY}.menuLabel`,
  translationNs: "translation",
  icon: ReceiptPercent,
})

export default ReceivablesPage

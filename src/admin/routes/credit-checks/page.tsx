import { defineRouteConfig } from "@medusajs/admin-sdk"
import { CreditCard } from "@medusajs/icons"
import { Container, DataTablePaginationState, Heading, Text } from "@medusajs/ui"
import { useState } from "react"
import { useTranslation } from "react-i18next"
import { useCreditQueries } from "../../lib/credit-hooks"
import { useFormat } from "../../lib/format"
import { CreditQueriesTable } from "./credit-queries-table"
import { LimitEventsTable } from "./limit-events-table"

const PAGE_SIZE = 20

const Figure = ({ label, value }: { label: string; value: string }) => (
  <div className="flex flex-col">
    <Text size="xsmall" className="text-ui-fg-subtle">{label}</Text>
    <Text size="large" weight="plus">{value}</Text>
  </div>
)

/**
 * Recent credit-check queries with result, cost, latency, cache hits and why a query failed,
 * this month's spend, and the checks an abuse limit stopped.
 */
const CreditChecksPage = () => {
  const { t } = useTranslation()
  const format = useFormat()
  const [pagination, setPagination] = useState<DataTablePaginationState>({ pageIndex: 0, pageSize: PAGE_SIZE })
  const { data, isLoading } = useCreditQueries({ limit: pagination.pageSize, offset: pagination.pageIndex * pagination.pageSize })
  return (
    <Container className="divide-y p-0">
      <div className="px-6 py-4">
        <Heading level="h1">{t("paymentRisk.credit.title")}</Heading>
        <Text size="small" className="text-ui-fg-subtle">{t("paymentRisk.credit.description")}</Text>
      </div>
      {data && (
        <div className="grid grid-cols-2 gap-4 px-6 py-4 md:grid-cols-5">
          <Figure label={t("paymentRisk.credit.month.spend")} value={format.decimal(data.month.spend)} />
          <Figure label={t("paymentRisk.credit.month.queries")} value={String(data.month.queries)} />
          <Figure label={t("paymentRisk.credit.month.cacheHits")} value={String(data.month.cache_hits)} />
          <Figure label={t("paymentRisk.credit.month.failures")} value={String(data.month.failures)} />
          <Figure label={t("paymentRisk.credit.month.limitHits")} value={String(data.month.limit_hits)} />
        </div>
      )}
      <CreditQueriesTable queries={data?.queries ?? []} count={data?.count ?? 0} isLoading={isLoading}
        pagination={pagination} onPaginationChange={setPagination} />
      <Text size="xsmall" className="px-6 py-3 text-ui-fg-subtle">{t("paymentRisk.credit.breakerHint")}</Text>
      <LimitEventsTable events={data?.limit_events ?? []} total={data?.limit_events_count ?? 0} isLoading={isLoading} />
    </Container>
  )
}

export const config = defineRouteConfig({
  label: "paymentRisk.credit.menuLabel",
  translationNs: "translation",
  icon: CreditCard,
})

export default CreditChecksPage

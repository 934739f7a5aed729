import { defineRouteConfig } from "@medusajs/admin-sdk"
import { CreditCard } from "@medusajs/icons"
import { Badge, Container, Heading, Table, Text } from "@medusajs/ui"
import { useState } from "react"
import { useTranslation } from "react-i18next"
import { useCreditQueries } from "../../lib/credit-hooks"
import { LimitEventsTable } from "./limit-events-table"

const PAGE_SIZE = 20
const RESULT_COLOR = { none: "green", soft: "orange", medium: "red", hard: "red", unknown: "orange" } as const

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
  const { t, i18n } = useTranslation()
  const [page, setPage] = useState(0)
  const { data, isLoading } = useCreditQueries({ limit: PAGE_SIZE, offset: page * PAGE_SIZE })
  const count = data?.count ?? 0
  const money = (n: number) => n.toLocaleString(i18n.language, { minimumFractionDigits: 2, maximumFractionDigits: 2 })
  return (
    <Container className="divide-y p-0">
      <div className="px-6 py-4">
        <Heading level="h1">{t("paymentRisk.credit.title")}</Heading>
        <Text size="small" className="text-ui-fg-subtle">{t("paymentRisk.credit.description")}</Text>
      </div>
      {data && (
        <div className="grid grid-cols-2 gap-4 px-6 py-4 md:grid-cols-5">
          <Figure label={t("paymentRisk.credit.month.spend")} value={money(data.month.spend)} />
          <Figure label={t("paymentRisk.credit.month.queries")} value={String(data.month.queries)} />
          <Figure label={t("paymentRisk.credit.month.cacheHits")} value={String(data.month.cache_hits)} />
          <Figure label={t("paymentRisk.credit.month.failures")} value={String(data.month.failures)} />
          <Figure label={t("paymentRisk.credit.month.limitHits")} value={String(data.month.limit_hits)} />
        </div>
      )}
      <Table>
        <Table.Header>
          <Table.Row>
            <Table.HeaderCell>{t("paymentRisk.credit.columns.time")}</Table.HeaderCell>
            <Table.HeaderCell>{t("paymentRisk.credit.columns.provider")}</Table.HeaderCell>
            <Table.HeaderCell>{t("paymentRisk.credit.columns.result")}</Table.HeaderCell>
            <Table.HeaderCell>{t("paymentRisk.credit.columns.cost")}</Table.HeaderCell>
            <Table.HeaderCell>{t("paymentRisk.credit.columns.latency")}</Table.HeaderCell>
            <Table.HeaderCell>{t("paymentRisk.credit.columns.cart")}</Table.HeaderCell>
          </Table.Row>
        </Table.Header>
        <Table.Body>
          {data?.queries.map((q) => (
            <Table.Row key={q.id}>
              <Table.Cell>{new Date(q.created_at).toLocaleString(i18n.language)}</Table.Cell>
              <Table.Cell>{q.provider_id}</Table.Cell>
              <Table.Cell>
                <div className="flex flex-wrap items-center gap-1">
                  {q.result ? (
                    <Badge size="2xsmall" color={RESULT_COLOR[q.result]}>{t(`paymentRisk.credit.results.${q.result}`)}</Badge>
                  ) : (
                    <Badge size="2xsmall" color="grey">{t("paymentRisk.credit.failed")}</Badge>
                  )}
                  {q.score != null && <Text size="xsmall">{t("paymentRisk.credit.score", { score: q.score })}</Text>}
                  {q.traffic_light && <Text size="xsmall">{t(`paymentRisk.credit.lights.${q.traffic_light}`)}</Text>}
                  {q.cached && <Badge size="2xsmall">{t("paymentRisk.credit.cached")}</Badge>}
                  {q.failure_kind && <Badge size="2xsmall" color="grey">{t(`paymentRisk.credit.failureKinds.${q.failure_kind}`)}</Badge>}
                  {q.error && <Text size="xsmall" className="text-ui-fg-error">{q.error}</Text>}
                </div>
              </Table.Cell>
              <Table.Cell>{money(q.cost)}</Table.Cell>
              <Table.Cell>{q.cached ? "–" : `${q.latency_ms} ms`}</Table.Cell>
              <Table.Cell className="font-mono txt-compact-xsmall">{q.cart_id ?? "–"}</Table.Cell>
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
      {data && !count && <Text size="small" className="px-6 py-4 text-ui-fg-subtle">{t("paymentRisk.credit.empty")}</Text>}
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

import { Badge, Button, Container, Heading, Text } from "@medusajs/ui"
import { useQueries } from "@tanstack/react-query"
import { useMemo, useState } from "react"
import { useTranslation } from "react-i18next"
import { useNegativeListMatches } from "../../lib/negative-list-hooks"
import type { ListMatch, MatchQuery } from "../../lib/negative-list-types"
import { queryKeys } from "../../lib/query-keys"
import { sdk } from "../../lib/sdk"
import { AddToListDrawer } from "./add-to-list-drawer"
import { Candidate } from "./candidates"
import { MatchList } from "./match-list"
import { mergeMatches } from "./merge-matches"

type Props = {
  subject: "customer" | "order"
  query: MatchQuery
  /** what "Add to negative list" offers; undefined while the customer/order is loading */
  candidates: Candidate[] | undefined
  testId: string
  /** further data of the same shopper checked too (a customer's orders: a guest has no saved addresses) */
  extraQueries?: MatchQuery[]
}

/** Negative-list matches of a customer or an order, with "Add to negative list". */
export const ListWidget = ({ subject, query, candidates, testId, extraQueries = [] }: Props) => {
  const { t } = useTranslation()
  const [open, setOpen] = useState(false)
  const own = useNegativeListMatches(query)
  const extra = useQueries({
    queries: extraQueries.map((extraQuery) => ({
      queryKey: queryKeys.negativeList.matches(extraQuery),
      queryFn: () => sdk.client.fetch<{ matches: ListMatch[] }>("/admin/payment-risk/negative-list/matches", { query: extraQuery }),
    })),
  })
  const extraData = extra.map((result) => result.data?.matches)
  const extraKey = extra.map((result) => result.dataUpdatedAt).join()
  const matches = useMemo(
    () => (own.data ? mergeMatches([own.data.matches, ...extraData]) : undefined),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [own.data, extraKey]
  )
  const data = matches ? { matches } : undefined
  const isLoading = own.isLoading || extra.some((result) => result.isLoading)
  const error = own.error ?? extra.find((result) => result.error)?.error ?? null
  const count = data?.matches.length ?? 0
  return (
    <Container className="divide-y p-0" data-testid={testId}>
      <div className="flex items-start justify-between gap-x-4 px-6 py-4">
        <div className="flex min-w-0 flex-col gap-y-1">
          <div className="flex items-center gap-x-2">
            <Heading level="h2">{t("paymentRisk.listWidget.title")}</Heading>
            {count > 0 && (
              <Badge size="2xsmall" color={data?.matches.some((m) => m.certain) ? "red" : "orange"}>
                {t("paymentRisk.listWidget.count", { count })}
              </Badge>
            )}
          </div>
          <Text size="small" className="text-ui-fg-subtle">{t(`paymentRisk.listWidget.hint.${subject}`)}</Text>
        </div>
        <Button size="small" variant="secondary" className="shrink-0" disabled={!candidates?.length} onClick={() => setOpen(true)}>
          {t("paymentRisk.listWidget.add")}
        </Button>
      </div>
      <div className="px-6 py-4">
        <MatchList matches={data?.matches} isLoading={isLoading} error={error} />
      </div>
      <AddToListDrawer open={open} onOpenChange={setOpen} candidates={candidates ?? []} subject={subject} />
    </Container>
  )
}

import { Badge, Button, Container, Heading, Text } from "@medusajs/ui"
import { useState } from "react"
import { useTranslation } from "react-i18next"
import { useNegativeListMatches } from "../../lib/negative-list-hooks"
import type { MatchQuery } from "../../lib/negative-list-types"
import { AddToListDrawer } from "./add-to-list-drawer"
import { Candidate } from "./candidates"
import { MatchList } from "./match-list"

type Props = {
  subject: "customer" | "order"
  query: MatchQuery
  /** what "Add to negative list" offers; undefined while the customer/order is loading */
  candidates: Candidate[] | undefined
  testId: string
}

/** Negative-list matches of a customer or an order, with "Add to negative list". */
export const ListWidget = ({ subject, query, candidates, testId }: Props) => {
  const { t } = useTranslation()
  const [open, setOpen] = useState(false)
  const { data, isLoading, error } = useNegativeListMatches(query)
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

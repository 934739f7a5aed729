import { Button, Container, Heading } from "@medusajs/ui"
import { useState } from "react"
import { useTranslation } from "react-i18next"
import { useListMatches } from "../../lib/negative-list-hooks"
import { NegativeListKind } from "../../lib/negative-list-types"
import { Draft, EntryDrawer } from "./entry-form"
import { MatchList } from "./match-list"

type Props = {
  query: { customer_id?: string; order_id?: string }
  /** data of the customer or order, per kind, for "Add to negative list" */
  prefill: Partial<Record<NegativeListKind, Draft>>
  testId: string
}

const OFFERED: NegativeListKind[] = ["person", "address", "email", "phone"]

/** Negative-list matches of a customer or an order, and "add to negative list" prefilled. */
export const MatchesWidget = ({ query, prefill, testId }: Props) => {
  const { t } = useTranslation()
  const [open, setOpen] = useState(false)
  const { data, isLoading } = useListMatches(query)
  const kinds = OFFERED.filter((kind) => prefill[kind])
  return (
    <Container className="divide-y p-0" data-testid={testId}>
      <div className="flex items-center justify-between px-6 py-4">
        <Heading level="h2">{t("paymentRisk.negativeList.matches.title")}</Heading>
        <Button size="small" variant="secondary" disabled={!kinds.length} onClick={() => setOpen(true)}>
          {t("paymentRisk.negativeList.matches.add")}
        </Button>
      </div>
      <div className="px-6 py-4">{isLoading ? null : <MatchList matches={data?.matches ?? []} />}</div>
      {kinds.length > 0 && <EntryDrawer open={open} onOpenChange={setOpen} prefill={prefill} kinds={kinds} />}
    </Container>
  )
}

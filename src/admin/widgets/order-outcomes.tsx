import { defineWidgetConfig } from "@medusajs/admin-sdk"
import { AdminOrder, DetailWidgetProps } from "@medusajs/framework/types"
import { Button, Container, Heading, Text } from "@medusajs/ui"
import { useMemo, useState } from "react"
import { useTranslation } from "react-i18next"
import { OutcomeList } from "../components/outcomes/outcome-list"
import { ReceivableBlock } from "../components/outcomes/receivable-summary"
import { RecordableKind, RecordOutcomeDrawer } from "../components/outcomes/record-outcome-drawer"
import { RecordedEntries } from "../components/outcomes/recorded-entries"
import { errorMessage } from "../lib/errors"
import { usePaymentRiskProviders } from "../lib/hooks"
import { RecordOutcomeResult, useOrderPayment, useOrderReceivable, useOutcomes } from "../lib/outcome-hooks"

const KEY = "paymentRisk.outcomes"

/**
 * Order page: what happened after checkout (returned debits, chargebacks, payments, refused
 * parcels), the receivable when dunning has one, and the actions to record an outcome; a
 * refused parcel only on cash-on-delivery orders. After recording, the list entries it created.
 */
const OrderOutcomesWidget = ({ data: order }: DetailWidgetProps<AdminOrder>) => {
  const { t } = useTranslation()
  const { data, isLoading, error } = useOutcomes({ order_id: order.id })
  const receivable = useOrderReceivable(order.id)
  const payment = useOrderPayment(order.id)
  const providers = usePaymentRiskProviders()
  const [recording, setRecording] = useState<RecordableKind | null>(null)
  const [last, setLast] = useState<RecordOutcomeResult | null>(null)

  const isCod = useMemo(() => {
    const classes = new Map((providers.data?.providers ?? []).map((p) => [p.id, p.risk_class]))
    return (payment.data?.provider_ids ?? []).some((id) => classes.get(id) === "cash_on_delivery")
  }, [providers.data, payment.data])
  const kinds: RecordableKind[] = ["return_debit", "chargeback", "payment_received", ...(isCod ? (["cod_refused"] as const) : [])]

  return (
    <Container className="divide-y p-0" data-testid="payment-risk-order-outcomes">
      <div className="flex flex-col gap-y-1 px-6 py-4">
        <Heading level="h2">{t(`${KEY}.widget.title`)}</Heading>
        <Text size="small" className="text-ui-fg-subtle">{t(`${KEY}.widget.hint`)}</Text>
      </div>
      <div className="flex flex-col gap-y-3 px-6 py-4">
        {isLoading && <Text size="small">{t(`${KEY}.widget.loading`)}</Text>}
        {error && <Text size="small" className="text-ui-fg-error">{t(`${KEY}.widget.loadFailed`, { message: errorMessage(error) })}</Text>}
        {data && !data.outcomes.length && <Text size="small" className="text-ui-fg-subtle">{t(`${KEY}.widget.none`)}</Text>}
        {data && data.outcomes.length > 0 && <OutcomeList outcomes={data.outcomes} />}
        {last && <RecordedEntries result={last} />}
        {receivable.data && <ReceivableBlock receivable={receivable.data} />}
      </div>
      <div className="flex flex-wrap gap-2 px-6 py-4">
        {kinds.map((kind) => (
          <Button key={kind} size="small" variant="secondary" onClick={() => setRecording(kind)} data-testid={`record-${kind}`}>
            {t(`${KEY}.actions.${kind}`)}
          </Button>
        ))}
      </div>
      <RecordOutcomeDrawer orderId={order.id} kind={recording} onClose={() => setRecording(null)} onRecorded={setLast} />
    </Container>
  )
}

export const config = defineWidgetConfig({ zone: "order.details.side.after" })

export default OrderOutcomesWidget

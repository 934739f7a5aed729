import { Badge, Text } from "@medusajs/ui"
import { useTranslation } from "react-i18next"
import { useFormat } from "../../lib/format"
import type { Outcome } from "../../lib/outcome-hooks"
import { kindLabel, reasonText } from "./labels"

const KEY = "paymentRisk.outcomes.widget"
const NEGATIVE = new Set(["return_debit", "chargeback", "cod_refused", "written_off", "handed_over", "address_unknown"])

/** One block per outcome: kind, reason, amount and fee, date, who recorded it (and the order on the customer page). */
export const OutcomeList = ({ outcomes, showOrder = false }: { outcomes: Outcome[]; showOrder?: boolean }) => {
  const { t, i18n } = useTranslation()
  const format = useFormat()
  return (
    <ul className="flex flex-col gap-y-2" data-testid="outcome-list">
      {outcomes.map((outcome) => {
        const reason = reasonText(outcome.kind, outcome.reason_code, i18n.language)
        return (
          <li key={outcome.id} className="rounded-md border px-3 py-2 min-w-0 [overflow-wrap:anywhere]" data-testid="outcome-item">
            <div className="flex flex-wrap items-center gap-2">
              <Badge size="2xsmall" color={NEGATIVE.has(outcome.kind) ? "red" : outcome.kind === "payment_received" || outcome.kind === "chargeback_reversed" ? "green" : "grey"}>
                {kindLabel(outcome.kind, i18n.language)}
              </Badge>
              <Text size="xsmall" className="text-ui-fg-subtle">{format.date(outcome.occurred_at)}</Text>
            </div>
            {reason && <Text size="small" className="mt-1">{reason}</Text>}
            <div className="mt-1 grid grid-cols-[auto_1fr] gap-x-3">
              {outcome.amount !== null && outcome.amount !== undefined && (
                <>
                  <Text size="xsmall" className="text-ui-fg-subtle">{t(`${KEY}.amount`)}</Text>
                  <Text size="xsmall">{format.money(Number(outcome.amount), outcome.currency_code)}</Text>
                </>
              )}
              {outcome.fee !== null && outcome.fee !== undefined && Number(outcome.fee) > 0 && (
                <>
                  <Text size="xsmall" className="text-ui-fg-subtle">{t(`${KEY}.fee`)}</Text>
                  <Text size="xsmall">{format.money(Number(outcome.fee), outcome.currency_code)}</Text>
                </>
              )}
              <Text size="xsmall" className="text-ui-fg-subtle">{t(`${KEY}.source`)}</Text>
              <Text size="xsmall">{t(`${KEY}.sources.${outcome.source}`)}</Text>
              {showOrder && (
                <>
                  <Text size="xsmall" className="text-ui-fg-subtle">{t(`${KEY}.order`)}</Text>
                  <a href={`/app/orders/${outcome.order_id}`} className="txt-compact-xsmall text-ui-fg-interactive break-all">
                    {outcome.order_id}
                  </a>
                </>
              )}
            </div>
            {outcome.note && <Text size="xsmall" className="text-ui-fg-subtle mt-1 whitespace-pre-wrap">{outcome.note}</Text>}
          </li>
        )
      })}
    </ul>
  )
}

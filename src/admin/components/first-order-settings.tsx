import { Label, Switch } from "@medusajs/ui"
import { useTranslation } from "react-i18next"
import { ClassCheckboxes } from "./class-checkboxes"
import { FallbackDraft, FirstOrderDraft } from "./settings-draft"
import { SectionFields } from "./settings-section"
import { TextField } from "./text-field"

const KEY = "paymentRisk.firstOrder"

/** First orders: the switch, when a customer counts as known, the methods for new customers and the COD limit. */
export const FirstOrderFields = ({ draft, set, err }: SectionFields<FirstOrderDraft>) => {
  const { t } = useTranslation()
  const field = <K extends keyof FirstOrderDraft>(key: K, value: FirstOrderDraft[K]) => set({ ...draft, [key]: value })
  return (
    <>
      <div className="flex items-center gap-x-2">
        <Switch id="first-order-enabled" checked={draft.enabled} onCheckedChange={(v) => field("enabled", v)} />
        <Label htmlFor="first-order-enabled" size="small" weight="plus">
          {t(`${KEY}.enabled`)}
        </Label>
      </div>
      <div className="grid grid-cols-1 gap-4 md:grid-cols-2">
        <TextField
          id="paid-orders-required"
          label={t(`${KEY}.paidOrdersRequired`)}
          hint={t(`${KEY}.paidOrdersRequiredHint`)}
          value={draft.paid_orders_required}
          inputMode="numeric"
          onChange={(v) => field("paid_orders_required", v)}
          error={err("first_order.paid_orders_required")}
        />
        <TextField
          id="cod-max-amount"
          label={t(`${KEY}.codMaxAmount`)}
          hint={t(`${KEY}.codMaxAmountHint`)}
          value={draft.cod_max_amount}
          inputMode="decimal"
          onChange={(v) => field("cod_max_amount", v)}
          error={err("first_order.cod_max_amount")}
        />
      </div>
      <ClassCheckboxes
        id="allowed-classes"
        label={t(`${KEY}.allowedClasses`)}
        value={draft.allowed_classes}
        onChange={(v) => field("allowed_classes", v)}
        error={err("first_order.allowed_classes")}
      />
      <ClassCheckboxes
        id="pending-classes"
        label={t(`${KEY}.pendingClasses`)}
        value={draft.pending_order_allowed_classes}
        onChange={(v) => field("pending_order_allowed_classes", v)}
        error={err("first_order.pending_order_allowed_classes")}
      />
    </>
  )
}

/** What shoppers may use when the check itself fails or takes too long. */
export const FallbackFields = ({ draft, set, err }: SectionFields<FallbackDraft>) => {
  const { t } = useTranslation()
  return (
    <>
      <ClassCheckboxes
        id="fallback-classes"
        label={t(`${KEY}.fallbackClasses`)}
        value={draft.fallback_classes}
        onChange={(v) => set({ ...draft, fallback_classes: v })}
        error={err("fallback_classes")}
      />
      <div className="md:w-1/2">
        <TextField
          id="evaluation-timeout"
          label={t(`${KEY}.timeout`)}
          hint={t(`${KEY}.timeoutHint`)}
          value={draft.evaluation_timeout_ms}
          inputMode="numeric"
          onChange={(v) => set({ ...draft, evaluation_timeout_ms: v })}
          error={err("evaluation_timeout_ms")}
        />
      </div>
    </>
  )
}

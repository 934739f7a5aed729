import { Checkbox, Label } from "@medusajs/ui"
import { useTranslation } from "react-i18next"
import { PAYMENT_CLASSES, PaymentClass } from "../lib/types"
import { FieldError } from "./field-error"

type Props = {
  id: string
  label: string
  value: PaymentClass[]
  onChange: (value: PaymentClass[]) => void
  error?: string
}

/** A multi-select of payment classes as checkboxes, in the engine's order. */
export const ClassCheckboxes = ({ id, label, value, onChange, error }: Props) => {
  const { t } = useTranslation()
  const toggle = (paymentClass: PaymentClass, checked: boolean) => {
    const next = checked ? [...value, paymentClass] : value.filter((c) => c !== paymentClass)
    onChange(PAYMENT_CLASSES.filter((c) => next.includes(c)))
  }
  return (
    <fieldset className="flex flex-col gap-y-2" aria-describedby={error ? `${id}-error` : undefined}>
      <legend className="txt-compact-small-plus mb-2">{label}</legend>
      <div className="grid grid-cols-2 gap-2 md:grid-cols-4">
        {PAYMENT_CLASSES.map((paymentClass) => (
          <div key={paymentClass} className="flex items-center gap-x-2">
            <Checkbox
              id={`${id}-${paymentClass}`}
              checked={value.includes(paymentClass)}
              onCheckedChange={(checked) => toggle(paymentClass, checked === true)}
            />
            <Label htmlFor={`${id}-${paymentClass}`} size="small">
              {t(`paymentRisk.classes.${paymentClass}`)}
            </Label>
          </div>
        ))}
      </div>
      <div id={`${id}-error`}>
        <FieldError message={error} />
      </div>
    </fieldset>
  )
}

import { Button, Input, Label, toast, usePrompt } from "@medusajs/ui"
import { useState } from "react"
import { useTranslation } from "react-i18next"
import { errorMessage, fieldsFromMessage } from "../../lib/errors"
import { useFormat } from "../../lib/format"
import { ReceivableDTO, useReceivableAction } from "../../lib/receivable-hooks"
import { FieldError } from "../field-error"
import { parseAmount } from "./actions"
import { KEY } from "./labels"

const today = () => new Date().toISOString().slice(0, 10)

/** Record a payment: amount and the day it arrived, confirmed in a prompt; errors shown at their field. */
export const PaymentForm = ({ receivable }: { receivable: ReceivableDTO }) => {
  const { t } = useTranslation()
  const format = useFormat()
  const prompt = usePrompt()
  const act = useReceivableAction(receivable.order_id)
  const [amount, setAmount] = useState("")
  const [paidAt, setPaidAt] = useState(today())
  const [errors, setErrors] = useState<{ amount?: string; paid_at?: string }>({})

  const submit = async () => {
    const value = parseAmount(amount, format.language)
    const found: typeof errors = {}
    if (!Number.isFinite(value) || value <= 0) found.amount = t(`${KEY}.payment.amountInvalid`)
    if (!/^\d{4}-\d{2}-\d{2}$/.test(paidAt) || paidAt > today()) found.paid_at = t(`${KEY}.payment.dateInvalid`)
    setErrors(found)
    if (Object.keys(found).length) return
    const ok = await prompt({
      title: t(`${KEY}.confirm.payment.title`),
      description: t(`${KEY}.confirm.payment.description`, { amount: format.money(value, receivable.currency_code), date: format.date(paidAt) }),
      confirmText: t(`${KEY}.confirm.payment.confirm`),
      cancelText: t(`${KEY}.confirm.back`),
    })
    if (!ok) return
    act.mutate(
      { action: "payment", body: { amount: value, paid_at: paidAt } },
      {
        onSuccess: () => {
          toast.success(t(`${KEY}.done.payment`))
          setAmount("")
        },
        onError: (error) => {
          const message = errorMessage(error)
          const fields = fieldsFromMessage(message)
          setErrors({
            amount: fields.includes("amount") ? message : undefined,
            paid_at: fields.includes("paid_at") ? message : undefined,
          })
          toast.error(t(`${KEY}.failed`), { description: message })
        },
      }
    )
  }

  return (
    <form
      className="grid grid-cols-1 items-start gap-3 md:grid-cols-[1fr_1fr_auto]"
      onSubmit={(event) => {
        event.preventDefault()
        submit()
      }}
      noValidate
    >
      <div className="flex flex-col gap-y-1">
        <Label htmlFor="receivable-payment-amount" size="small" weight="plus">{t(`${KEY}.payment.amount`)}</Label>
        <Input id="receivable-payment-amount" inputMode="decimal" value={amount} aria-invalid={!!errors.amount}
          placeholder={format.decimal(receivable.total_due)} onChange={(e) => setAmount(e.target.value)} />
        <FieldError message={errors.amount} />
      </div>
      <div className="flex flex-col gap-y-1">
        <Label htmlFor="receivable-payment-date" size="small" weight="plus">{t(`${KEY}.payment.date`)}</Label>
        <Input id="receivable-payment-date" type="date" max={today()} value={paidAt} aria-invalid={!!errors.paid_at}
          onChange={(e) => setPaidAt(e.target.value)} />
        <FieldError message={errors.paid_at} />
      </div>
      <Button type="submit" size="small" variant="secondary" className="md:mt-6" isLoading={act.isPending && act.variables?.action === "payment"}>
        {t(`${KEY}.payment.record`)}
      </Button>
    </form>
  )
}

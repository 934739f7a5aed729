import { Button, Drawer, Label, Select, Text, toast } from "@medusajs/ui"
import { useEffect, useState } from "react"
import { useTranslation } from "react-i18next"
import { CHARGEBACK_REASONS, RETURN_DEBIT_REASONS } from "../../../engine/outcomes/reason-codes"
import { errorMessage, fieldsFromMessage } from "../../lib/errors"
import { RecordOutcomeResult, useRecordOutcome } from "../../lib/outcome-hooks"
import { FormField } from "../list-widget/form-field"
import { labelLanguage, parseAmount } from "./labels"

const KEY = "paymentRisk.outcomes.form"

/** What the order page records by hand. */
export type RecordableKind = "return_debit" | "chargeback" | "payment_received" | "cod_refused"

type Props = {
  orderId: string
  kind: RecordableKind | null
  onClose: () => void
  onRecorded: (result: RecordOutcomeResult) => void
}

const today = () => new Date().toISOString().slice(0, 10)

/** The reason codes a kind offers: SEPA codes for returned debits, the card reasons for chargebacks. */
function reasonOptions(kind: RecordableKind, language: "de" | "en"): Array<{ value: string; label: string }> {
  if (kind === "return_debit") return Object.entries(RETURN_DEBIT_REASONS).map(([code, label]) => ({ value: code, label: `${code} – ${label[language]}` }))
  if (kind === "chargeback") return Object.entries(CHARGEBACK_REASONS).map(([code, reason]) => ({ value: code, label: reason[language] }))
  return []
}

/** A drawer to record a returned debit, a chargeback, a payment or a refused parcel for the order. */
export const RecordOutcomeDrawer = ({ orderId, kind, onClose, onRecorded }: Props) => {
  const { t, i18n } = useTranslation()
  const record = useRecordOutcome(orderId)
  const [reason, setReason] = useState("")
  const [amount, setAmount] = useState("")
  const [fee, setFee] = useState("")
  const [postage, setPostage] = useState("")
  const [codFee, setCodFee] = useState("")
  const [date, setDate] = useState(today())
  const [note, setNote] = useState("")
  const [errors, setErrors] = useState<Record<string, string>>({})

  useEffect(() => {
    if (!kind) return
    setReason("")
    setAmount("")
    setFee("")
    setPostage("")
    setCodFee("")
    setDate(today())
    setNote("")
    setErrors({})
  }, [kind])

  if (!kind) return null
  const options = reasonOptions(kind, labelLanguage(i18n.language))

  const submit = () => {
    const invalid: Record<string, string> = {}
    const read = (field: string, text: string) => {
      const value = parseAmount(text)
      if (Number.isNaN(value)) invalid[field] = t(`${KEY}.amountInvalid`)
      return value
    }
    const amountValue = read("amount", amount)
    const feeValue = kind === "cod_refused" ? undefined : read("fee", fee)
    const postageValue = kind === "cod_refused" ? read("postage", postage) : undefined
    const codFeeValue = kind === "cod_refused" ? read("cod_fee", codFee) : undefined
    if (Object.keys(invalid).length) {
      setErrors(invalid)
      return
    }
    // a refused parcel costs the return postage and the cash-on-delivery fee: recorded as its fee
    const costs = kind === "cod_refused" && (postageValue !== undefined || codFeeValue !== undefined)
      ? Math.round(((postageValue ?? 0) + (codFeeValue ?? 0)) * 100) / 100
      : feeValue
    record.mutate(
      {
        kind,
        ...(reason ? { reason_code: reason } : {}),
        ...(amountValue !== undefined ? { amount: amountValue } : {}),
        ...(costs !== undefined ? { fee: costs } : {}),
        ...(date ? { occurred_at: date } : {}),
        ...(note.trim() ? { note: note.trim() } : {}),
      },
      {
        onSuccess: (result) => {
          toast.success(result.duplicate ? t(`${KEY}.duplicate`) : t(`${KEY}.saved`))
          onRecorded(result)
          onClose()
        },
        onError: (error) => {
          const message = errorMessage(error)
          const fields = fieldsFromMessage(message)
          setErrors(Object.fromEntries(fields.map((field) => [field, message])))
          toast.error(t(`${KEY}.failed`), { description: message })
        },
      }
    )
  }

  return (
    <Drawer open={!!kind} onOpenChange={(open) => !open && onClose()}>
      <Drawer.Content data-testid="record-outcome-drawer">
        <Drawer.Header>
          <Drawer.Title>{t(`${KEY}.title.${kind}`)}</Drawer.Title>
        </Drawer.Header>
        <Drawer.Body className="flex flex-col gap-y-4 overflow-y-auto">
          <Text size="small" className="text-ui-fg-subtle">{t(`${KEY}.hint.${kind}`)}</Text>
          {options.length > 0 && (
            <div className="flex flex-col gap-y-1">
              <Label size="small" weight="plus">{t(`${KEY}.reason`)}</Label>
              <Select value={reason} onValueChange={setReason}>
                <Select.Trigger aria-label={t(`${KEY}.reason`)} data-testid="outcome-reason">
                  <Select.Value placeholder={t(`${KEY}.chooseReason`)} />
                </Select.Trigger>
                <Select.Content>
                  {options.map((option) => (
                    <Select.Item key={option.value} value={option.value}>{option.label}</Select.Item>
                  ))}
                </Select.Content>
              </Select>
              {errors.reason_code && <Text size="xsmall" className="text-ui-fg-error">{errors.reason_code}</Text>}
            </div>
          )}
          <FormField id="outcome-amount" label={t(`${KEY}.amount`)} marker={t(`${KEY}.optional`)} value={amount} onChange={setAmount} error={errors.amount} />
          {kind === "cod_refused" ? (
            <>
              <FormField id="outcome-postage" label={t(`${KEY}.returnPostage`)} marker={t(`${KEY}.optional`)} value={postage} onChange={setPostage} error={errors.postage ?? errors.fee} />
              <FormField id="outcome-cod-fee" label={t(`${KEY}.codFee`)} marker={t(`${KEY}.optional`)} value={codFee} onChange={setCodFee} error={errors.cod_fee} />
            </>
          ) : (
            kind !== "payment_received" && (
              <FormField id="outcome-fee" label={t(`${KEY}.fee`)} marker={t(`${KEY}.optional`)} value={fee} onChange={setFee} error={errors.fee} />
            )
          )}
          <FormField id="outcome-date" type="date" label={t(`${KEY}.date`)} value={date} onChange={setDate} error={errors.occurred_at} />
          <FormField id="outcome-note" label={t(`${KEY}.note`)} marker={t(`${KEY}.optional`)} value={note} onChange={setNote} error={errors.note} multiline />
        </Drawer.Body>
        <Drawer.Footer>
          <Drawer.Close asChild>
            <Button size="small" variant="secondary">{t(`${KEY}.cancel`)}</Button>
          </Drawer.Close>
          <Button size="small" isLoading={record.isPending} onClick={submit} data-testid="outcome-save">
            {t(`${KEY}.save`)}
          </Button>
        </Drawer.Footer>
      </Drawer.Content>
    </Drawer>
  )
}

import { Button, Container, Heading, Text, toast } from "@medusajs/ui"
import { useEffect, useState } from "react"
import { useTranslation } from "react-i18next"
import type { ShopDetails } from "../../../engine/types"
import { errorMessage, fieldsFromMessage } from "../../lib/errors"
import { usePaymentRiskSettings } from "../../lib/hooks"
import { useSaveShopDetails } from "../../lib/tips-hooks"
import { TextField } from "../text-field"

const EMPTY: ShopDetails = {
  name: "",
  statement_descriptor: "",
  hotline: "",
  support_email: "",
  default_locale: "de",
  account_holder: "",
  iban: "",
  bic: "",
  bank_name: "",
  postal_address: "",
}
/** form field → placeholder it fills (the default language fills none) */
const FIELDS: Array<[keyof ShopDetails, string | null]> = [
  ["name", "shop_name"],
  ["statement_descriptor", "statement_descriptor"],
  ["hotline", "hotline"],
  ["support_email", "support_email"],
  ["default_locale", null],
  ["account_holder", null],
  ["iban", null],
  ["bic", null],
  ["bank_name", null],
  ["postal_address", null],
]
/** hint under a field without a placeholder */
const HINTS: Partial<Record<keyof ShopDetails, string>> = {
  default_locale: "paymentRiskTips.shop.localeHint",
  account_holder: "paymentRiskTips.shop.bankHint",
  iban: "paymentRiskTips.shop.bankHint",
  bic: "paymentRiskTips.shop.bankHint",
  bank_name: "paymentRiskTips.shop.bankHint",
  postal_address: "paymentRiskTips.shop.addressHint",
}

/** The shop details the tips' placeholders are filled from, and the shoppers' fallback language. */
export const ShopDetailsCard = () => {
  const { t } = useTranslation()
  const { data } = usePaymentRiskSettings()
  const save = useSaveShopDetails()
  const [draft, setDraft] = useState<ShopDetails>(EMPTY)
  const [errors, setErrors] = useState<Record<string, string>>({})

  useEffect(() => {
    if (data?.settings.shop) setDraft({ ...EMPTY, ...data.settings.shop })
  }, [data])

  const submit = () => {
    setErrors({})
    const body = Object.fromEntries(Object.entries(draft).map(([k, v]) => [k, v.trim()])) as ShopDetails
    save.mutate(body, {
      onSuccess: () => toast.success(t("paymentRiskTips.shop.saved")),
      onError: (error) => {
        const message = errorMessage(error)
        const found: Record<string, string> = {}
        for (const field of fieldsFromMessage(message)) found[field.replace(/^shop\./, "")] = message
        setErrors(found)
        toast.error(t("paymentRiskTips.saveFailed"), { description: message })
      },
    })
  }

  return (
    <Container className="divide-y p-0">
      <div className="px-6 py-4">
        <Heading level="h2">{t("paymentRiskTips.shop.title")}</Heading>
        <Text size="small" className="text-ui-fg-subtle">{t("paymentRiskTips.shop.description")}</Text>
      </div>
      <div className="grid grid-cols-1 gap-4 px-6 py-4 md:grid-cols-2">
        {FIELDS.map(([field, placeholder]) => (
          <TextField
            key={field}
            id={`shop-${field}`}
            label={t(`paymentRiskTips.shop.fields.${placeholder ?? field}`)}
            hint={placeholder ? t("paymentRiskTips.shop.placeholderHint", { placeholder: `{${placeholder}}` }) : t(HINTS[field] ?? "paymentRiskTips.shop.localeHint")}
            value={draft[field]}
            error={errors[field]}
            onChange={(value) => setDraft({ ...draft, [field]: value })}
          />
        ))}
      </div>
      <div className="flex justify-end px-6 py-4">
        <Button size="small" isLoading={save.isPending} onClick={submit}>{t("paymentRiskTips.save")}</Button>
      </div>
    </Container>
  )
}

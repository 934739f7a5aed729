import { Badge, Button, Select, Text, toast } from "@medusajs/ui"
import { useEffect, useState } from "react"
import { useTranslation } from "react-i18next"
import { errorMessage } from "../lib/errors"
import { useClassifyProvider } from "../lib/hooks"
import { providerName } from "../lib/provider-name"
import { PAYMENT_CLASSES, PaymentClass, ProviderClass } from "../lib/types"

/** One provider with its risk-class select; unconfirmed providers ask for confirmation. */
export const ProviderClassRow = ({ provider }: { provider: ProviderClass }) => {
  const { t } = useTranslation()
  const [value, setValue] = useState<PaymentClass>(provider.risk_class)
  const classify = useClassifyProvider()
  useEffect(() => setValue(provider.risk_class), [provider.risk_class])

  const save = (riskClass: PaymentClass) =>
    classify.mutate(
      { id: provider.id, risk_class: riskClass },
      {
        onSuccess: () => toast.success(t("paymentRisk.providers.saved")),
        onError: (error) => toast.error(errorMessage(error)),
      }
    )

  return (
    <div className="flex items-center justify-between gap-x-4 px-6 py-3">
      <div className="flex flex-col">
        <Text size="small" weight="plus">
          {providerName(provider.id)}
        </Text>
        <Text size="xsmall" className="text-ui-fg-subtle font-mono">
          {provider.id}
        </Text>
      </div>
      <div className="flex items-center gap-x-2">
        {!provider.confirmed && <Badge color="orange" size="2xsmall">{t("paymentRisk.providers.confirm")}</Badge>}
        <div className="w-48">
          <Select
            size="small"
            value={value}
            onValueChange={(next) => {
              setValue(next as PaymentClass)
              save(next as PaymentClass)
            }}
          >
            <Select.Trigger aria-label={providerName(provider.id)}>
              <Select.Value />
            </Select.Trigger>
            <Select.Content>
              {PAYMENT_CLASSES.map((paymentClass) => (
                <Select.Item key={paymentClass} value={paymentClass}>
                  {t(`paymentRisk.classes.${paymentClass}`)}
                </Select.Item>
              ))}
            </Select.Content>
          </Select>
        </div>
        {!provider.confirmed && (
          <Button size="small" variant="secondary" isLoading={classify.isPending} onClick={() => save(value)}>
            {t("paymentRisk.providers.save")}
          </Button>
        )}
      </div>
    </div>
  )
}

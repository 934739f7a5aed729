import { Text } from "@medusajs/ui"
import { useTranslation } from "react-i18next"
import { providerName } from "../../lib/provider-name"
import type { HiddenProvider } from "../../../engine/types"

/** Hidden payment methods with every reason, translated (rule names as given). */
export const HiddenList = ({ hidden }: { hidden: HiddenProvider[] }) => {
  const { t } = useTranslation()
  if (!hidden.length) return <Text size="small" className="text-ui-fg-subtle">{t("paymentRisk.widget.noneHidden")}</Text>
  return (
    <ul className="flex flex-col gap-y-2">
      {hidden.map((h) => (
        <li key={h.provider_id} className="rounded-md border px-3 py-2" data-testid="hidden-provider" data-provider={h.provider_id}>
          <Text size="small" weight="plus">{providerName(h.provider_id)} · {t(`paymentRisk.classes.${h.risk_class}`)}</Text>
          {h.reasons.map((reason, index) => (
            <Text key={index} size="xsmall" className="text-ui-fg-subtle">
              {t(`paymentRisk.reasons.${reason.code}`, { ...reason.values, defaultValue: reason.message })}
            </Text>
          ))}
        </li>
      ))}
    </ul>
  )
}

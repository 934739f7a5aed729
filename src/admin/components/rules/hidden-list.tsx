import { Text } from "@medusajs/ui"
import { useTranslation } from "react-i18next"
import { providerName } from "../../lib/provider-name"
import type { HiddenProvider } from "../../../engine/types"
import { reasonDetails, reasonSentence } from "../review/reason-text"

/**
 * Hidden payment methods with every reason as a sentence in the admin's language, the same
 * words as the order widget (entry kinds, matched fields, amounts and default rule names
 * translated, never raw keys).
 */
export const HiddenList = ({ hidden }: { hidden: HiddenProvider[] }) => {
  const { t, i18n } = useTranslation()
  if (!hidden.length) return <Text size="small" className="text-ui-fg-subtle">{t("paymentRisk.widget.noneHidden")}</Text>
  return (
    <ul className="flex flex-col gap-y-2">
      {hidden.map((h) => (
        <li key={h.provider_id} className="rounded-md border px-3 py-2 [overflow-wrap:anywhere]" data-testid="hidden-provider" data-provider={h.provider_id}>
          <Text size="small" weight="plus">{providerName(h.provider_id)} · {t(`paymentRisk.classes.${h.risk_class}`)}</Text>
          {h.reasons.map((reason, index) => (
            <div key={index} className="mt-1" data-testid="hidden-reason">
              <Text size="xsmall">{reasonSentence(reason, t, i18n.language)}</Text>
              {reasonDetails(reason, t, i18n.language).map((line) => (
                <Text key={line} size="xsmall" className="text-ui-fg-subtle">{line}</Text>
              ))}
            </div>
          ))}
        </li>
      ))}
    </ul>
  )
}

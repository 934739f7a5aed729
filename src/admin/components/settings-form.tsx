import { useTranslation } from "react-i18next"
import { usePaymentRiskSettings } from "../lib/hooks"
import { CreditFields } from "./credit-settings"
import { FallbackFields, FirstOrderFields } from "./first-order-settings"
import { ListActionFields, PlausibilityFields } from "./list-action-settings"
import { ProtectionFields } from "./protection-settings"
import { RetentionFields } from "./retention-settings"
import {
  creditSection,
  fallbackSection,
  firstOrderSection,
  negativeListSection,
  plausibilitySection,
  protectionSection,
  retentionSection,
  shopperTextsSection,
} from "./settings-draft"
import { SettingsSection } from "./settings-section"
import { ShopperTextsFields } from "./shopper-texts"

/**
 * The settings in sections, each with its own Save (rule settings live on the rules page, shop
 * details on the tips page, dunning and consequences on their own pages).
 */
export const SettingsForm = () => {
  const { t } = useTranslation()
  const { data } = usePaymentRiskSettings()
  const settings = data?.settings
  if (!settings) return null
  const text = (key: string) => ({ title: t(`paymentRisk.sections.${key}.title`), description: t(`paymentRisk.sections.${key}.description`) })
  return (
    <>
      <SettingsSection spec={firstOrderSection} settings={settings} {...text("firstOrder")}>
        {(fields) => <FirstOrderFields {...fields} />}
      </SettingsSection>
      <SettingsSection spec={fallbackSection} settings={settings} {...text("fallback")}>
        {(fields) => <FallbackFields {...fields} />}
      </SettingsSection>
      <SettingsSection spec={protectionSection} settings={settings} {...text("protection")}>
        {(fields) => <ProtectionFields {...fields} />}
      </SettingsSection>
      <SettingsSection spec={negativeListSection} settings={settings} {...text("negativeList")}>
        {(fields) => <ListActionFields {...fields} />}
      </SettingsSection>
      <SettingsSection spec={plausibilitySection} settings={settings} {...text("plausibility")}>
        {(fields) => <PlausibilityFields {...fields} />}
      </SettingsSection>
      <SettingsSection spec={creditSection} settings={settings} {...text("credit")}>
        {(fields) => <CreditFields {...fields} />}
      </SettingsSection>
      <SettingsSection spec={shopperTextsSection} settings={settings} {...text("shopperTexts")}>
        {(fields) => <ShopperTextsFields {...fields} />}
      </SettingsSection>
      <SettingsSection spec={retentionSection} settings={settings} {...text("retention")}>
        {(fields) => <RetentionFields {...fields} />}
      </SettingsSection>
    </>
  )
}

import { defineRouteConfig } from "@medusajs/admin-sdk"
import { ShieldCheck } from "@medusajs/icons"
import { Container, Heading, Text } from "@medusajs/ui"
import { useTranslation } from "react-i18next"
import { AfterCheckoutSettingsLinks } from "../../../components/dunning/settings-links"
import { ProviderClassesSection } from "../../../components/provider-classes-section"
import { SettingsForm } from "../../../components/settings-form"

const PaymentRiskSettingsPage = () => {
  const { t } = useTranslation()
  return (
    <div className="flex flex-col gap-y-3">
      <Container className="px-6 py-4">
        <Heading level="h1">{t("paymentRisk.title")}</Heading>
        <Text size="small" className="text-ui-fg-subtle">
          {t("paymentRisk.subtitle")}
        </Text>
      </Container>
      <AfterCheckoutSettingsLinks />
      <ProviderClassesSection />
      <SettingsForm />
    </div>
  )
}

export const config = defineRouteConfig({
  label: "paymentRisk.menuLabel",
  translationNs: "translation",
  icon: ShieldCheck,
})

export default PaymentRiskSettingsPage

import { Container, Heading, Text } from "@medusajs/ui"
import { useTranslation } from "react-i18next"
import { usePaymentRiskProviders } from "../lib/hooks"
import { ProviderClassRow } from "./provider-class-row"

/** Every region with its payment providers and their risk classes. */
export const ProviderClassesSection = () => {
  const { t } = useTranslation()
  const { data, isLoading } = usePaymentRiskProviders()
  const byId = new Map((data?.providers ?? []).map((provider) => [provider.id, provider]))

  return (
    <Container className="divide-y p-0">
      <div className="px-6 py-4">
        <Heading level="h2">{t("paymentRisk.providers.title")}</Heading>
        <Text size="small" className="text-ui-fg-subtle">
          {t("paymentRisk.providers.description")}
        </Text>
      </div>
      {!isLoading && !data?.regions.length && (
        <Text size="small" className="px-6 py-4 text-ui-fg-subtle">
          {t("paymentRisk.providers.noRegions")}
        </Text>
      )}
      {data?.regions.map((region) => (
        <div key={region.id} className="divide-y">
          <div className="bg-ui-bg-subtle px-6 py-2">
            <Text size="small" weight="plus">
              {region.name} <span className="text-ui-fg-muted uppercase">· {region.currency_code}</span>
            </Text>
          </div>
          {!region.provider_ids.length && (
            <Text size="small" className="px-6 py-3 text-ui-fg-subtle">
              {t("paymentRisk.providers.noProviders")}
            </Text>
          )}
          {region.provider_ids.map((id) => {
            const provider = byId.get(id)
            return provider ? <ProviderClassRow key={`${region.id}-${id}`} provider={provider} /> : null
          })}
        </div>
      ))}
    </Container>
  )
}

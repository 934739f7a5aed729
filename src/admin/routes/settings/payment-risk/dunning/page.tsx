import { Container, Heading, Text } from "@medusajs/ui"
import { useTranslation } from "react-i18next"
import { BackToSettings } from "../../../../components/dunning/back-link"
import { DunningForm } from "../../../../components/dunning/dunning-form"
import { KEY } from "../../../../components/dunning/labels"

/**
 * Settings › Payment risk › Dunning: when invoices fall due, the stages with fees and texts,
 * default interest and the base-rate table. Linked from the payment-risk settings page (nested
 * settings pages get no sidebar entry in the Medusa admin).
 */
const DunningSettingsPage = () => {
  const { t } = useTranslation()
  return (
    <div className="flex flex-col gap-y-3">
      <BackToSettings />
      <Container className="px-6 py-4">
        <Heading level="h1">{t(`${KEY}.title`)}</Heading>
        <Text size="small" className="text-ui-fg-subtle">{t(`${KEY}.description`)}</Text>
      </Container>
      <DunningForm />
    </div>
  )
}

export default DunningSettingsPage

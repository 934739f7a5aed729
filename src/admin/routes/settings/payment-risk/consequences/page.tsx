import { Container, Heading, Text } from "@medusajs/ui"
import { useTranslation } from "react-i18next"
import { ConsequenceTable } from "../../../../components/consequences/consequence-table"
import { KEY } from "../../../../components/consequences/labels"
import { BackToSettings } from "../../../../components/dunning/back-link"

/**
 * Settings › Payment risk › Consequences of payment defaults: per outcome kind and reason, what
 * goes on the negative list, with which action and for how long. Linked from the payment-risk
 * settings page.
 */
const ConsequencesSettingsPage = () => {
  const { t } = useTranslation()
  return (
    <div className="flex flex-col gap-y-3">
      <BackToSettings />
      <Container className="divide-y p-0">
        <div className="px-6 py-4">
          <Heading level="h1">{t(`${KEY}.title`)}</Heading>
          <Text size="small" className="text-ui-fg-subtle">{t(`${KEY}.description`)}</Text>
        </div>
        <ConsequenceTable />
      </Container>
    </div>
  )
}

export default ConsequencesSettingsPage

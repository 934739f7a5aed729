import { defineRouteConfig } from "@medusajs/admin-sdk"
import { ExclamationCircle } from "@medusajs/icons"
import { Container, Heading, Text } from "@medusajs/ui"
import { useTranslation } from "react-i18next"
import { EntryFormDrawer } from "../../components/negative-list/entry-form"
import { EntryTable } from "../../components/negative-list/entry-table"

const NegativeListPage = () => {
  const { t } = useTranslation()
  return (
    <Container className="divide-y p-0">
      <div className="flex items-center justify-between px-6 py-4">
        <div>
          <Heading level="h1">{t("paymentRisk.negativeList.title")}</Heading>
          <Text size="small" className="text-ui-fg-subtle">{t("paymentRisk.negativeList.description")}</Text>
        </div>
        <EntryFormDrawer />
      </div>
      <EntryTable />
    </Container>
  )
}

export const config = defineRouteConfig({
  label: "paymentRisk.negativeList.menuLabel",
  translationNs: "translation",
  icon: ExclamationCircle,
})

export default NegativeListPage

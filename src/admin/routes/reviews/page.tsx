import { defineRouteConfig } from "@medusajs/admin-sdk"
import { ShieldCheck } from "@medusajs/icons"
import { Container, Heading, Text } from "@medusajs/ui"
import { useTranslation } from "react-i18next"
import { ReviewTable } from "../../components/review/review-table"

/** The review queue: orders held by a rule, the score threshold or as a duplicate. */
const ReviewsPage = () => {
  const { t } = useTranslation()
  return (
    <Container className="divide-y p-0">
      <div className="px-6 py-4">
        <Heading level="h1">{t("paymentRisk.reviews.title")}</Heading>
        <Text size="small" className="text-ui-fg-subtle">{t("paymentRisk.reviews.description")}</Text>
      </div>
      <ReviewTable />
    </Container>
  )
}

export const config = defineRouteConfig({
  label: "paymentRisk.reviews.menuLabel",
  translationNs: "translation",
  icon: ShieldCheck,
})

export default ReviewsPage

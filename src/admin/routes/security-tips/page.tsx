import { defineRouteConfig } from "@medusajs/admin-sdk"
import { LightBulb } from "@medusajs/icons"
import { Button, Container, Heading, Text } from "@medusajs/ui"
import { useState } from "react"
import { useTranslation } from "react-i18next"
import { ShopDetailsCard } from "../../components/tips/shop-details-card"
import { TipDrawer } from "../../components/tips/tip-drawer"
import { NO_TIP_FILTERS, TipFilters } from "../../components/tips/tip-filters"
import { TipTable } from "../../components/tips/tip-table"

/** Security tips for shoppers: the list with filters, the editor with live preview, the shop details. */
const SecurityTipsPage = () => {
  const { t } = useTranslation()
  const [filters, setFilters] = useState<TipFilters>(NO_TIP_FILTERS)
  const [creating, setCreating] = useState(false)
  return (
    <div className="flex flex-col gap-y-3">
      <Container className="divide-y p-0">
        <div className="flex flex-wrap items-center justify-between gap-4 px-6 py-4">
          <div>
            <Heading level="h1">{t("paymentRiskTips.title")}</Heading>
            <Text size="small" className="text-ui-fg-subtle">{t("paymentRiskTips.description")}</Text>
          </div>
          <Button size="small" variant="secondary" onClick={() => setCreating(true)}>{t("paymentRiskTips.add")}</Button>
        </div>
        <TipTable filters={filters} onFiltersChange={setFilters} />
      </Container>
      <ShopDetailsCard />
      <TipDrawer open={creating} onOpenChange={setCreating} locale={filters.locale} />
    </div>
  )
}

export const config = defineRouteConfig({
  label: "paymentRiskTips.menuLabel",
  translationNs: "translation",
  icon: LightBulb,
})

export default SecurityTipsPage

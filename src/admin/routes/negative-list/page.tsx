import { defineRouteConfig } from "@medusajs/admin-sdk"
import { ExclamationCircle } from "@medusajs/icons"
import { Button, Container, Heading, Text, toast } from "@medusajs/ui"
import { useState } from "react"
import { useTranslation } from "react-i18next"
import { AddEntryButton } from "../../components/negative-list/entry-form"
import { Filters, NO_FILTERS } from "../../components/negative-list/entry-filters"
import { EntryTable } from "../../components/negative-list/entry-table"
import { ImportDrawer } from "../../components/negative-list/import-drawer"
import { errorMessage } from "../../lib/errors"
import { downloadExport } from "../../lib/negative-list-hooks"

const NegativeListPage = () => {
  const { t } = useTranslation()
  const [filters, setFilters] = useState<Filters>(NO_FILTERS)
  const exportCsv = () => downloadExport(filters).catch((error) => toast.error(errorMessage(error)))
  return (
    <Container className="divide-y p-0">
      <div className="flex flex-wrap items-center justify-between gap-4 px-6 py-4">
        <div>
          <Heading level="h1">{t("paymentRisk.negativeList.title")}</Heading>
          <Text size="small" className="text-ui-fg-subtle">{t("paymentRisk.negativeList.description")}</Text>
        </div>
        <div className="flex gap-x-2">
          <Button size="small" variant="secondary" onClick={exportCsv}>{t("paymentRisk.negativeList.export")}</Button>
          <ImportDrawer />
          <AddEntryButton />
        </div>
      </div>
      <EntryTable filters={filters} onFiltersChange={setFilters} />
    </Container>
  )
}

export const config = defineRouteConfig({
  label: "paymentRisk.negativeList.menuLabel",
  translationNs: "translation",
  icon: ExclamationCircle,
})

export default NegativeListPage

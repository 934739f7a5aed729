import { DataTable } from "@medusajs/ui"
import { useTranslation } from "react-i18next"

/** DataTable's pagination with the admin's texts; `results` names what is counted (default "results"). */
export const ListPagination = ({ results }: { results?: string }) => {
  const { t } = useTranslation()
  return (
    <DataTable.Pagination
      translations={{
        of: t("paymentRisk.pagination.of"),
        results: results ?? t("paymentRisk.pagination.results"),
        pages: t("paymentRisk.pagination.pages"),
        prev: t("paymentRisk.pagination.prev"),
        next: t("paymentRisk.pagination.next"),
      }}
    />
  )
}

import { Badge } from "@medusajs/ui"
import { useTranslation } from "react-i18next"
import type { TipDisplay, TipPlaceholder } from "../../lib/tips-hooks"

/**
 * Marks a tip that needs shop details still empty: "reads better with …" when shoppers get it
 * without the sentences needing them, "hidden until filled in …" when they do not get it at all.
 */
export const ShopDetailsBadge = ({ display, missing }: { display: TipDisplay; missing: TipPlaceholder[] }) => {
  const { t } = useTranslation()
  if (display === "full" || !missing.length) {
    return null
  }
  const names = missing.map((name) => t(`paymentRiskTips.shop.fields.${name}`)).join(", ")
  return display === "hidden" ? (
    <Badge size="2xsmall" color="orange" className="mt-1">{t("paymentRiskTips.waitingFor", { names })}</Badge>
  ) : (
    <Badge size="2xsmall" color="blue" className="mt-1">{t("paymentRiskTips.readsBetterWith", { names })}</Badge>
  )
}

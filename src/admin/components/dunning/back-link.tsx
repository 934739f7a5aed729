import { ArrowLeftMini } from "@medusajs/icons"
import { Text } from "@medusajs/ui"
import { useTranslation } from "react-i18next"
import { Link } from "react-router-dom"
import { KEY } from "./labels"

/** Back to the payment-risk settings (the dunning and consequences pages are below it and not in the sidebar). */
export const BackToSettings = () => {
  const { t } = useTranslation()
  return (
    <Link to="/settings/payment-risk" className="text-ui-fg-subtle hover:text-ui-fg-base flex w-fit items-center gap-x-1">
      <ArrowLeftMini />
      <Text size="small">{t(`${KEY}.back`)}</Text>
    </Link>
  )
}

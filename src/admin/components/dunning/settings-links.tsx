import { ArrowRightMini } from "@medusajs/icons"
import { Container, Heading, Text } from "@medusajs/ui"
import { useTranslation } from "react-i18next"
import { Link } from "react-router-dom"

const CARDS = [
  { to: "dunning", key: "paymentRiskDunning.card", testId: "settings-link-dunning" },
  { to: "consequences", key: "paymentRiskConsequences.card", testId: "settings-link-consequences" },
] as const

/** Cards on the payment-risk settings page leading to the dunning and consequences pages. */
export const AfterCheckoutSettingsLinks = () => {
  const { t } = useTranslation()
  return (
    <div className="grid grid-cols-1 gap-3 md:grid-cols-2">
      {CARDS.map((card) => (
        <Link key={card.to} to={`/settings/payment-risk/${card.to}`} data-testid={card.testId} className="group">
          <Container className="flex h-full items-center justify-between gap-4 px-6 py-4 transition-colors group-hover:bg-ui-bg-base-hover">
            <div>
              <Heading level="h2">{t(`${card.key}.title`)}</Heading>
              <Text size="small" className="text-ui-fg-subtle">{t(`${card.key}.description`)}</Text>
            </div>
            <span className="text-ui-fg-interactive flex items-center gap-x-1 whitespace-nowrap">
              <Text size="small">{t(`${card.key}.open`)}</Text>
              <ArrowRightMini />
            </span>
          </Container>
        </Link>
      ))}
    </div>
  )
}

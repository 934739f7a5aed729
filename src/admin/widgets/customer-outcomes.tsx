import { defineWidgetConfig } from "@medusajs/admin-sdk"
import { AdminCustomer, DetailWidgetProps } from "@medusajs/framework/types"
import { Container, Heading, Text } from "@medusajs/ui"
import { useTranslation } from "react-i18next"
import { OutcomeList } from "../components/outcomes/outcome-list"
import { errorMessage } from "../lib/errors"
import { useOutcomes } from "../lib/outcome-hooks"

const KEY = "paymentRisk.outcomes.widget"

/** Customer page: what happened after checkout to the customer's orders (account and email, as the rules count them). */
const CustomerOutcomesWidget = ({ data: customer }: DetailWidgetProps<AdminCustomer>) => {
  const { t } = useTranslation()
  const { data, isLoading, error } = useOutcomes({ customer_id: customer.id })
  return (
    <Container className="divide-y p-0" data-testid="payment-risk-customer-outcomes">
      <div className="flex flex-col gap-y-1 px-6 py-4">
        <Heading level="h2">{t(`${KEY}.customerTitle`)}</Heading>
        <Text size="small" className="text-ui-fg-subtle">{t(`${KEY}.customerHint`)}</Text>
      </div>
      <div className="px-6 py-4">
        {isLoading && <Text size="small">{t(`${KEY}.loading`)}</Text>}
        {error && <Text size="small" className="text-ui-fg-error">{t(`${KEY}.loadFailed`, { message: errorMessage(error) })}</Text>}
        {data && !data.outcomes.length && <Text size="small" className="text-ui-fg-subtle">{t(`${KEY}.none`)}</Text>}
        {data && data.outcomes.length > 0 && <OutcomeList outcomes={data.outcomes} showOrder />}
      </div>
    </Container>
  )
}

export const config = defineWidgetConfig({ zone: "customer.details.after" })

export default CustomerOutcomesWidget

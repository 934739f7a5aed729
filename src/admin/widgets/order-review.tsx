import { defineWidgetConfig } from "@medusajs/admin-sdk"
import { AdminOrder, DetailWidgetProps } from "@medusajs/framework/types"
import { Badge, Container, Heading, Text } from "@medusajs/ui"
import { useTranslation } from "react-i18next"
import { ReviewActions } from "../components/review/review-actions"
import { ReviewHistory } from "../components/review/review-history"
import { STATUS_COLOR } from "../components/review/status"
import { reviewReasonText } from "../components/rules/labels"
import { RulesResultView } from "../components/rules/rules-result-view"
import { errorMessage } from "../lib/errors"
import { useOrderReview } from "../lib/review-hooks"

const KEY = "paymentRisk.reviewWidget"

/** Risk badge (score, review state), the review actions and the history, on the order page. */
const OrderReviewWidget = ({ data: order }: DetailWidgetProps<AdminOrder>) => {
  const { t } = useTranslation()
  const { data: review, isLoading, error } = useOrderReview(order.id)
  return (
    <Container className="divide-y p-0" data-testid="payment-risk-order-review">
      <div className="flex flex-wrap items-center gap-2 px-6 py-4">
        <Heading level="h2">{t(`${KEY}.title`)}</Heading>
        {review && (
          <>
            <Badge size="2xsmall" color={STATUS_COLOR[review.review_status]} data-testid="review-status">
              {t(`paymentRisk.reviews.status.${review.review_status}`)}
            </Badge>
            <Badge size="2xsmall" color={(review.risk_score ?? 0) > 0 ? "orange" : "grey"}>
              {t(`${KEY}.score`, { score: review.risk_score ?? 0 })}
            </Badge>
          </>
        )}
      </div>
      {isLoading && <Text size="small" className="px-6 py-4">{t("paymentRisk.rules.loading")}</Text>}
      {error && <Text size="small" className="text-ui-fg-error px-6 py-4">{errorMessage(error)}</Text>}
      {!isLoading && !error && !review && (
        <Text size="small" className="text-ui-fg-subtle px-6 py-4">{t(`${KEY}.none`)}</Text>
      )}
      {review && (
        <>
          <div className="flex flex-col gap-y-2 px-6 py-4">
            <Text size="small" className="text-ui-fg-subtle">{t(`${KEY}.hint.${review.review_status}`)}</Text>
            {review.review_reasons.length > 0 && (
              <ul className="flex flex-col gap-y-1" data-testid="review-reasons">
                {review.review_reasons.map((reason) => (
                  <li key={reason}><Text size="small">• {reviewReasonText(reason, t)}</Text></li>
                ))}
              </ul>
            )}
          </div>
          <div className="px-6 py-4">
            <ReviewActions review={review} />
          </div>
          {review.rules && (
            <details className="px-6 py-4">
              <summary className="txt-compact-small-plus cursor-pointer">{t(`${KEY}.rules`)}</summary>
              <div className="mt-2">
                <RulesResultView result={review.rules} />
              </div>
            </details>
          )}
          <div className="flex flex-col gap-y-2 px-6 py-4">
            <Text size="small" weight="plus">{t(`${KEY}.history`)}</Text>
            <ReviewHistory events={review.events} />
          </div>
        </>
      )}
    </Container>
  )
}

export const config = defineWidgetConfig({
  zone: "order.details.side.before",
})

export default OrderReviewWidget

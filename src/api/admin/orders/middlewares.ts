import { MiddlewareRoute } from "@medusajs/framework/http"
import { refuseFulfillmentWhileInReview } from "./review-hold"

/** The review hold on Medusa's own order routes (no fulfillment while an order awaits review). */
export const adminOrderReviewHoldMiddlewares: MiddlewareRoute[] = [
  {
    matcher: "/admin/orders/:id/fulfillments",
    methods: ["POST"],
    middlewares: [refuseFulfillmentWhileInReview],
  },
]

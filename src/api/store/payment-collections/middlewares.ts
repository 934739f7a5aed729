import { MiddlewareRoute } from "@medusajs/framework/http"
import { enforcePaymentRiskOnSession } from "./enforce-payment-risk"

export const storePaymentCollectionsMiddlewares: MiddlewareRoute[] = [
  {
    matcher: "/store/payment-collections/:id/payment-sessions",
    methods: ["POST"],
    middlewares: [enforcePaymentRiskOnSession],
  },
]

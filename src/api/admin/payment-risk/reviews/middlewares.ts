import { MiddlewareRoute } from "@medusajs/framework/http"

/** Validation for the review queue. */
export const adminReviewsMiddlewares: MiddlewareRoute[] = []

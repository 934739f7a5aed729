import { MiddlewareRoute } from "@medusajs/framework/http"
import { validateAndTransformBody, validateAndTransformQuery } from "../../../utils/validate"
import { AdminEmptyQuery } from "../validators"
import { AdminListReviewOrder, AdminListReviews, AdminReviewAction } from "./validators"

/** Validation for the review queue. */
export const adminReviewsMiddlewares: MiddlewareRoute[] = [
  {
    matcher: "/admin/payment-risk/reviews",
    methods: ["GET"],
    middlewares: [validateAndTransformQuery(AdminListReviews, {})],
  },
  {
    matcher: "/admin/payment-risk/reviews/:order_id",
    methods: ["GET"],
    middlewares: [validateAndTransformQuery(AdminEmptyQuery, {})],
  },
  {
    matcher: "/admin/payment-risk/reviews/:order_id/approve",
    methods: ["POST"],
    middlewares: [validateAndTransformBody(AdminReviewAction)],
  },
  {
    matcher: "/admin/payment-risk/reviews/:order_id/cancel",
    methods: ["POST"],
    middlewares: [validateAndTransformBody(AdminReviewAction)],
  },
  {
    matcher: "/admin/payment-risk/reviews/:order_id/list",
    methods: ["POST"],
    middlewares: [validateAndTransformBody(AdminListReviewOrder)],
  },
]

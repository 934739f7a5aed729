import { MiddlewareRoute, validateAndTransformBody } from "@medusajs/framework/http"
import { AdminEvaluateCart } from "./validators"

/** Validation for the evaluate tool. */
export const adminEvaluateMiddlewares: MiddlewareRoute[] = [
  {
    matcher: "/admin/payment-risk/evaluate",
    methods: ["POST"],
    middlewares: [validateAndTransformBody(AdminEvaluateCart)],
  },
]

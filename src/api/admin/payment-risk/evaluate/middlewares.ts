import { MiddlewareRoute } from "@medusajs/framework/http"
import { validateAndTransformBody } from "../../../utils/validate"
import { AdminEvaluateCart } from "./validators"

/** Validation for the evaluate tool. */
export const adminEvaluateMiddlewares: MiddlewareRoute[] = [
  {
    matcher: "/admin/payment-risk/evaluate",
    methods: ["POST"],
    middlewares: [validateAndTransformBody(AdminEvaluateCart)],
  },
]

import { MiddlewareRoute } from "@medusajs/framework/http"
import { validateAndTransformQuery } from "../../../../utils/validate"
import { StoreGetPaymentInstructions } from "./validators"

export const storeOrderPaymentInstructionsMiddlewares: MiddlewareRoute[] = [
  {
    matcher: "/store/orders/:id/payment-instructions",
    methods: ["GET"],
    middlewares: [validateAndTransformQuery(StoreGetPaymentInstructions, {})],
  },
]

import { MiddlewareRoute } from "@medusajs/framework/http"
import { validateAndTransformQuery } from "../../../../utils/validate"
import { StoreGetCartPaymentProviders } from "./validators"

export const storeCartPaymentProvidersMiddlewares: MiddlewareRoute[] = [
  {
    matcher: "/store/carts/:id/payment-providers",
    methods: ["GET"],
    middlewares: [validateAndTransformQuery(StoreGetCartPaymentProviders, {})],
  },
]

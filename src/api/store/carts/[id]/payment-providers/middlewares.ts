import { MiddlewareRoute, validateAndTransformQuery } from "@medusajs/framework/http"
import { StoreGetCartPaymentProviders } from "./validators"

export const storeCartPaymentProvidersMiddlewares: MiddlewareRoute[] = [
  {
    matcher: "/store/carts/:id/payment-providers",
    methods: ["GET"],
    middlewares: [validateAndTransformQuery(StoreGetCartPaymentProviders, {})],
  },
]

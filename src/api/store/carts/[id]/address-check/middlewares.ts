import { MiddlewareRoute, validateAndTransformBody } from "@medusajs/framework/http"
import { StoreCheckCartAddress } from "./validators"

export const storeCartAddressCheckMiddlewares: MiddlewareRoute[] = [
  {
    matcher: "/store/carts/:id/address-check",
    methods: ["POST"],
    middlewares: [validateAndTransformBody(StoreCheckCartAddress)],
  },
]

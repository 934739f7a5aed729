import { MiddlewareRoute } from "@medusajs/framework/http"
import { validateAndTransformBody } from "../../../../utils/validate"
import { StoreCheckCartAddress } from "./validators"

export const storeCartAddressCheckMiddlewares: MiddlewareRoute[] = [
  {
    matcher: "/store/carts/:id/address-check",
    methods: ["POST"],
    middlewares: [validateAndTransformBody(StoreCheckCartAddress)],
  },
]

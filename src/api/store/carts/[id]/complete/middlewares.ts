import { MiddlewareRoute } from "@medusajs/framework/http"
import { rememberShopperRequest } from "../../../../utils/shopper-request"

/** Medusa's own completion route: its validate hook reads the shopper's IP and account from here. */
export const storeCartCompleteMiddlewares: MiddlewareRoute[] = [
  {
    matcher: "/store/carts/:id/complete",
    methods: ["POST"],
    middlewares: [rememberShopperRequest],
  },
]

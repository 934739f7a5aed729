import { defineMiddlewares } from "@medusajs/framework/http"
import { adminOrderReviewHoldMiddlewares } from "./admin/orders/middlewares"
import { adminPaymentRiskMiddlewares } from "./admin/payment-risk/middlewares"
import { storeCartAddressCheckMiddlewares } from "./store/carts/[id]/address-check/middlewares"
import { storeCartPaymentProvidersMiddlewares } from "./store/carts/[id]/payment-providers/middlewares"
import { storePaymentCollectionsMiddlewares } from "./store/payment-collections/middlewares"
import { storeSecurityTipsMiddlewares } from "./store/security-tips/middlewares"

export default defineMiddlewares({
  routes: [
    ...storeCartPaymentProvidersMiddlewares,
    ...storeCartAddressCheckMiddlewares,
    ...storePaymentCollectionsMiddlewares,
    ...storeSecurityTipsMiddlewares,
    ...adminPaymentRiskMiddlewares,
    ...adminOrderReviewHoldMiddlewares,
  ],
})

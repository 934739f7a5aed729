import { defineMiddlewares } from "@medusajs/framework/http"
import { adminOrderReviewHoldMiddlewares } from "./admin/orders/middlewares"
import { adminPaymentRiskMiddlewares } from "./admin/payment-risk/middlewares"
import { paymentRiskHookMiddlewares } from "./hooks/payment-risk/middlewares"
import { storeCartCompleteMiddlewares } from "./store/carts/[id]/complete/middlewares"
import { storeCartAddressCheckMiddlewares } from "./store/carts/[id]/address-check/middlewares"
import { storeCartPaymentProvidersMiddlewares } from "./store/carts/[id]/payment-providers/middlewares"
import { storePaymentCollectionsMiddlewares } from "./store/payment-collections/middlewares"
import { storeSecurityTipsMiddlewares } from "./store/security-tips/middlewares"
import { storeOrderPaymentInstructionsMiddlewares } from "./store/orders/[id]/payment-instructions/middlewares"
import { refuseUnstorableText } from "./utils/refuse-unstorable-text"
import { requireJsonBody } from "./utils/require-json-body"


export default defineMiddlewares({
  routes: [
    // mounted without params: Express decodes a route's params while matching, and an id that is
    // not valid percent-encoding would fail there as a 500 before any route middleware runs
    ...["/admin", "/store"].map((matcher) => ({ matcher, middlewares: [refuseUnstorableText] })),
    // the plugin's own JSON routes (Medusa's routes keep Medusa's behaviour)
    ...["/admin/payment-risk/*", "/store/carts/:id/address-check"].map((matcher) => ({
      matcher,
      methods: ["POST" as const],
      middlewares: [requireJsonBody],
    })),
    ...storeCartPaymentProvidersMiddlewares,
    ...storeCartCompleteMiddlewares,
    ...storeCartAddressCheckMiddlewares,
    ...storePaymentCollectionsMiddlewares,
    ...storeSecurityTipsMiddlewares,
    ...storeOrderPaymentInstructionsMiddlewares,
    ...adminPaymentRiskMiddlewares,
    ...adminOrderReviewHoldMiddlewares,
    ...paymentRiskHookMiddlewares,
  ],
})

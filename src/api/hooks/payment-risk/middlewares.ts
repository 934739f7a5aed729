import type { MiddlewareRoute } from "@medusajs/framework/http"
import { validateAndTransformBody } from "../../utils/validate"
import { HookRecordOutcome } from "./outcomes/validators"
import { verifyOutcomesSignature, verifyStripeSignature } from "./verify-signature"

/**
 * Webhooks from payment providers: no admin or store auth, a signature instead, checked over
 * the raw body before anything else (so the body parser keeps it).
 */
export const paymentRiskHookMiddlewares: MiddlewareRoute[] = [
  {
    matcher: "/hooks/payment-risk/stripe",
    methods: ["POST"],
    bodyParser: { preserveRawBody: true, sizeLimit: "512kb" },
    middlewares: [verifyStripeSignature],
  },
  {
    matcher: "/hooks/payment-risk/outcomes",
    methods: ["POST"],
    bodyParser: { preserveRawBody: true, sizeLimit: "16kb" },
    middlewares: [verifyOutcomesSignature, validateAndTransformBody(HookRecordOutcome)],
  },
]

import type { MiddlewareRoute } from "@medusajs/framework/http"

/** Webhooks from payment providers (signed; no admin or store auth). */
export const paymentRiskHookMiddlewares: MiddlewareRoute[] = []

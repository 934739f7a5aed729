import { MiddlewareRoute } from "@medusajs/framework/http"

/** Validation for the evaluate tool. */
export const adminEvaluateMiddlewares: MiddlewareRoute[] = []

import { MiddlewareRoute } from "@medusajs/framework/http"

/** Validation for rule CRUD and the condition catalogue. */
export const adminRulesMiddlewares: MiddlewareRoute[] = []

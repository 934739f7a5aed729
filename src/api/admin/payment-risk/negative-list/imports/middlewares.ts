import { MiddlewareRoute } from "@medusajs/framework/http"
import { validateAndTransformQuery } from "../../../../utils/validate"
import { AdminListNegativeListImports } from "./validators"

export const adminNegativeListImportsMiddlewares: MiddlewareRoute[] = [
  {
    matcher: "/admin/payment-risk/negative-list/imports",
    methods: ["GET"],
    middlewares: [validateAndTransformQuery(AdminListNegativeListImports, {})],
  },
]

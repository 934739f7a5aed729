import { MiddlewareRoute } from "@medusajs/framework/http"
import { validateAndTransformBody, validateAndTransformQuery } from "../../../utils/validate"
import { AdminListOutcomes, AdminRecordOutcome } from "./validators"

export const adminOutcomesMiddlewares: MiddlewareRoute[] = [
  {
    matcher: "/admin/payment-risk/outcomes",
    methods: ["GET"],
    middlewares: [validateAndTransformQuery(AdminListOutcomes, {})],
  },
  {
    matcher: "/admin/payment-risk/outcomes",
    methods: ["POST"],
    middlewares: [validateAndTransformBody(AdminRecordOutcome)],
  },
]

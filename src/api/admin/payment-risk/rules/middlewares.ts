import { MedusaNextFunction, MedusaRequest, MedusaResponse, MiddlewareRoute } from "@medusajs/framework/http"
import { validateAndTransformBody, validateAndTransformQuery } from "../../../utils/validate"
import { AdminEmptyQuery } from "../validators"
import { AdminCreateRule, AdminListRules, AdminUpdateRule } from "./validators"

type Middleware = (req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) => unknown

/** `/rules/:id` also matches the static `/rules/conditions`: the rule validators must not run there. */
const exceptConditions = (middleware: Middleware): Middleware => (req, res, next) =>
  req.params.id === "conditions" ? next() : middleware(req, res, next)

/** Validation for rule CRUD and the condition catalogue. */
export const adminRulesMiddlewares: MiddlewareRoute[] = [
  {
    matcher: "/admin/payment-risk/rules",
    methods: ["GET"],
    middlewares: [validateAndTransformQuery(AdminListRules, {})],
  },
  {
    matcher: "/admin/payment-risk/rules",
    methods: ["POST"],
    middlewares: [validateAndTransformBody(AdminCreateRule)],
  },
  {
    matcher: "/admin/payment-risk/rules/conditions",
    methods: ["GET"],
    middlewares: [validateAndTransformQuery(AdminEmptyQuery, {})],
  },
  {
    matcher: "/admin/payment-risk/rules/:id",
    methods: ["GET"],
    middlewares: [exceptConditions(validateAndTransformQuery(AdminEmptyQuery, {}))],
  },
  {
    matcher: "/admin/payment-risk/rules/:id",
    methods: ["POST"],
    middlewares: [exceptConditions(validateAndTransformBody(AdminUpdateRule))],
  },
]

import {
  MedusaNextFunction,
  MedusaRequest,
  MedusaResponse,
  MiddlewareRoute,
  validateAndTransformBody,
  validateAndTransformQuery,
} from "@medusajs/framework/http"
import {
  AdminCheckNegativeList,
  AdminCreateNegativeListEntry,
  AdminListNegativeList,
  AdminUpdateNegativeListEntry,
} from "./validators"

type Middleware = (req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) => unknown

/** `/negative-list/:id` also matches `/negative-list/check`: its body validator must not run there. */
const exceptCheck = (middleware: Middleware): Middleware => (req, res, next) =>
  req.params.id === "check" ? next() : middleware(req, res, next)

export const adminNegativeListMiddlewares: MiddlewareRoute[] = [
  {
    matcher: "/admin/payment-risk/negative-list",
    methods: ["GET"],
    middlewares: [validateAndTransformQuery(AdminListNegativeList, {})],
  },
  {
    matcher: "/admin/payment-risk/negative-list",
    methods: ["POST"],
    middlewares: [validateAndTransformBody(AdminCreateNegativeListEntry)],
  },
  {
    matcher: "/admin/payment-risk/negative-list/check",
    methods: ["POST"],
    middlewares: [validateAndTransformBody(AdminCheckNegativeList)],
  },
  {
    matcher: "/admin/payment-risk/negative-list/:id",
    methods: ["POST"],
    middlewares: [exceptCheck(validateAndTransformBody(AdminUpdateNegativeListEntry))],
  },
]

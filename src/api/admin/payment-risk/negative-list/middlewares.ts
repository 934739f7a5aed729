import { MedusaNextFunction, MedusaRequest, MedusaResponse, MiddlewareRoute } from "@medusajs/framework/http"
import { validateAndTransformBody, validateAndTransformQuery } from "../../../utils/validate"
import { AdminEmptyQuery } from "../validators"
import {
  AdminCheckNegativeList,
  AdminCreateNegativeListEntry,
  AdminExportNegativeList,
  AdminNegativeListMatches,
  AdminListNegativeList,
  AdminUpdateNegativeListEntry,
} from "./validators"
import { adminNegativeListImportsMiddlewares } from "./imports/middlewares"

type Middleware = (req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) => unknown

/** `/negative-list/:id` also matches the static sub-routes: the entry validators must not run there. */
const STATIC_ROUTES = ["check", "import", "imports", "export", "matches"]
const exceptStatic = (middleware: Middleware): Middleware => (req, res, next) =>
  STATIC_ROUTES.includes(req.params.id) ? next() : middleware(req, res, next)

export const adminNegativeListMiddlewares: MiddlewareRoute[] = [
  ...adminNegativeListImportsMiddlewares,
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
    matcher: "/admin/payment-risk/negative-list/import",
    methods: ["POST"],
    bodyParser: false,
  },
  {
    matcher: "/admin/payment-risk/negative-list/export",
    methods: ["GET"],
    middlewares: [validateAndTransformQuery(AdminExportNegativeList, {})],
  },
  {
    matcher: "/admin/payment-risk/negative-list/matches",
    methods: ["GET"],
    middlewares: [validateAndTransformQuery(AdminNegativeListMatches, {})],
  },
  {
    matcher: "/admin/payment-risk/negative-list/:id",
    methods: ["GET"],
    middlewares: [exceptStatic(validateAndTransformQuery(AdminEmptyQuery, {}))],
  },
  {
    matcher: "/admin/payment-risk/negative-list/:id",
    methods: ["POST"],
    middlewares: [exceptStatic(validateAndTransformBody(AdminUpdateNegativeListEntry))],
  },
]

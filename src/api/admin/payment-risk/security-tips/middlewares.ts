import { MedusaNextFunction, MedusaRequest, MedusaResponse, MiddlewareRoute } from "@medusajs/framework/http"
import { validateAndTransformBody, validateAndTransformQuery } from "../../../utils/validate"
import {
  AdminCreateSecurityTip,
  AdminListSecurityTips,
  AdminPreviewSecurityTip,
  AdminUpdateSecurityTip,
} from "./validators"
import { AdminEmptyQuery } from "../validators"

type Middleware = (req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) => unknown

/** `/security-tips/:id` also matches `/security-tips/preview`: the update validator must not run there. */
const exceptPreview = (middleware: Middleware): Middleware => (req, res, next) =>
  req.params.id === "preview" ? next() : middleware(req, res, next)

/** Validation for the security tips the merchant manages. */
export const adminSecurityTipsMiddlewares: MiddlewareRoute[] = [
  {
    matcher: "/admin/payment-risk/security-tips",
    methods: ["GET"],
    middlewares: [validateAndTransformQuery(AdminListSecurityTips, {})],
  },
  {
    matcher: "/admin/payment-risk/security-tips",
    methods: ["POST"],
    middlewares: [validateAndTransformBody(AdminCreateSecurityTip)],
  },
  {
    matcher: "/admin/payment-risk/security-tips/preview",
    methods: ["POST"],
    middlewares: [validateAndTransformBody(AdminPreviewSecurityTip)],
  },
  {
    matcher: "/admin/payment-risk/security-tips/:id",
    methods: ["GET"],
    middlewares: [validateAndTransformQuery(AdminEmptyQuery, {})],
  },
  {
    matcher: "/admin/payment-risk/security-tips/:id",
    methods: ["POST"],
    middlewares: [exceptPreview(validateAndTransformBody(AdminUpdateSecurityTip))],
  },
]

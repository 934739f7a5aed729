import { MiddlewareRoute, MiddlewareFunction } from "@medusajs/framework/http"
import { validateAndTransformBody, validateAndTransformQuery } from "../../../utils/validate"
import {
  AdminCloseReceivable,
  AdminExportReceivables,
  AdminGetReceivable,
  AdminListReceivables,
  AdminReceivableAction,
  AdminReceivableLetter,
  AdminReceivablePayment,
} from "./validators"

const BASE = "/admin/payment-risk/receivables"

/** `/receivables/:order_id` also matches `/receivables/export`: the receivable's validator must not run there. */
const exceptExport = (middleware: MiddlewareFunction): MiddlewareFunction => (req, res, next) =>
  req.params.order_id === "export" ? next() : middleware(req, res, next)

/** Validation for the receivables (dunning) routes. */
export const adminReceivablesMiddlewares: MiddlewareRoute[] = [
  { matcher: BASE, methods: ["GET"], middlewares: [validateAndTransformQuery(AdminListReceivables, {})] },
  { matcher: `${BASE}/export`, methods: ["GET"], middlewares: [validateAndTransformQuery(AdminExportReceivables, {})] },
  { matcher: `${BASE}/:order_id`, methods: ["GET"], middlewares: [exceptExport(validateAndTransformQuery(AdminGetReceivable, {}))] },
  { matcher: `${BASE}/:order_id/letter`, methods: ["GET"], middlewares: [validateAndTransformQuery(AdminReceivableLetter, {})] },
  ...["advance", "pause", "resume"].map((action) => ({
    matcher: `${BASE}/:order_id/${action}`,
    methods: ["POST" as const],
    middlewares: [validateAndTransformBody(AdminReceivableAction)],
  })),
  ...["write-off", "hand-over"].map((action) => ({
    matcher: `${BASE}/:order_id/${action}`,
    methods: ["POST" as const],
    middlewares: [validateAndTransformBody(AdminCloseReceivable)],
  })),
  { matcher: `${BASE}/:order_id/payment`, methods: ["POST"], middlewares: [validateAndTransformBody(AdminReceivablePayment)] },
]

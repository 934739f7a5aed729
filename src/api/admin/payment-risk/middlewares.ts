import { MiddlewareRoute } from "@medusajs/framework/http"
import { validateAndTransformBody, validateAndTransformQuery } from "../../utils/validate"
import {
  AdminEmptyBody,
  AdminEmptyQuery,
  AdminErasePersonalData,
  AdminListAssessments,
  AdminListCreditChecks,
  AdminSetProviderClass,
  AdminUpdatePaymentRiskSettings,
} from "./validators"
import { AdminFiguresQuery } from "./analytics/validators"
import { AdminBacktest } from "./backtest/validators"
import { adminEvaluateMiddlewares } from "./evaluate/middlewares"
import { adminNegativeListMiddlewares } from "./negative-list/middlewares"
import { adminOutcomesMiddlewares } from "./outcomes/middlewares"
import { adminReceivablesMiddlewares } from "./receivables/middlewares"
import { adminReviewsMiddlewares } from "./reviews/middlewares"
import { adminRulesMiddlewares } from "./rules/middlewares"
import { adminSecurityTipsMiddlewares } from "./security-tips/middlewares"
import { AdminSimulateThresholds } from "./simulate-thresholds/validators"

/** Admin routes are behind Medusa's admin authentication (every /admin/* route). */
export const adminPaymentRiskMiddlewares: MiddlewareRoute[] = [
  ...adminNegativeListMiddlewares,
  ...adminRulesMiddlewares,
  ...adminEvaluateMiddlewares,
  ...adminReviewsMiddlewares,
  ...adminSecurityTipsMiddlewares,
  ...adminOutcomesMiddlewares,
  ...adminReceivablesMiddlewares,
  {
    matcher: "/admin/payment-risk/credit-providers",
    methods: ["GET"],
    middlewares: [validateAndTransformQuery(AdminEmptyQuery, {})],
  },
  {
    matcher: "/admin/payment-risk/credit-checks",
    methods: ["GET"],
    middlewares: [validateAndTransformQuery(AdminListCreditChecks, {})],
  },
  {
    matcher: "/admin/payment-risk/settings",
    methods: ["GET"],
    middlewares: [validateAndTransformQuery(AdminEmptyQuery, {})],
  },
  {
    matcher: "/admin/payment-risk/settings",
    methods: ["POST"],
    middlewares: [validateAndTransformBody(AdminUpdatePaymentRiskSettings)],
  },
  {
    matcher: "/admin/payment-risk/providers",
    methods: ["GET"],
    middlewares: [validateAndTransformQuery(AdminEmptyQuery, {})],
  },
  {
    matcher: "/admin/payment-risk/providers/:id",
    methods: ["POST"],
    middlewares: [validateAndTransformBody(AdminSetProviderClass)],
  },
  {
    matcher: "/admin/payment-risk/hash-keys",
    methods: ["GET"],
    middlewares: [validateAndTransformQuery(AdminEmptyQuery, {})],
  },
  {
    matcher: "/admin/payment-risk/hash-keys/rekey",
    methods: ["POST"],
    middlewares: [validateAndTransformBody(AdminEmptyBody)],
  },
  {
    matcher: "/admin/payment-risk/erasure",
    methods: ["POST"],
    middlewares: [validateAndTransformBody(AdminErasePersonalData)],
  },
  {
    matcher: "/admin/payment-risk/assessments",
    methods: ["GET"],
    middlewares: [validateAndTransformQuery(AdminListAssessments, {})],
  },
  // figures (issue 17)
  {
    matcher: "/admin/payment-risk/analytics",
    methods: ["GET"],
    middlewares: [validateAndTransformQuery(AdminFiguresQuery, {})],
  },
  {
    matcher: "/admin/payment-risk/backtest",
    methods: ["POST"],
    middlewares: [validateAndTransformBody(AdminBacktest)],
  },
  {
    matcher: "/admin/payment-risk/simulate-thresholds",
    methods: ["POST"],
    middlewares: [validateAndTransformBody(AdminSimulateThresholds)],
  },
]

import { MedusaNextFunction, MedusaRequest, MedusaResponse, MiddlewareRoute } from "@medusajs/framework/http"
import { validateAndTransformQuery } from "../../utils/validate"
import { MedusaError } from "@medusajs/framework/utils"
import { LANGUAGE_TAG, LOCALE_MESSAGE, StoreListSecurityTips } from "./validators"

/** The requested language (Medusa's `req.locale`, from `?locale=` or `x-medusa-locale`) must be a language tag. */
function validateRequestLocale(req: MedusaRequest, _res: MedusaResponse, next: MedusaNextFunction) {
  if (req.locale !== undefined && !LANGUAGE_TAG.test(req.locale)) {
    return next(new MedusaError(MedusaError.Types.INVALID_DATA, `Invalid request: ${LOCALE_MESSAGE}`))
  }
  next()
}

/** Validation for the shopper-facing security tips. */
export const storeSecurityTipsMiddlewares: MiddlewareRoute[] = [
  {
    matcher: "/store/security-tips",
    methods: ["GET"],
    middlewares: [validateRequestLocale, validateAndTransformQuery(StoreListSecurityTips, {})],
  },
]

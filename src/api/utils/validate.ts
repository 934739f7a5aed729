import {
  validateAndTransformBody as medusaValidateBody,
  validateAndTransformQuery as medusaValidateQuery,
} from "@medusajs/framework/http"
import { withRedactedErrors } from "./redact-request-errors"

/**
 * Medusa's body and query validators, whose 400 message quotes the received value: here an
 * IBAN or card number typed into the wrong field is redacted before the message reaches the
 * answer or the log (the message still names the field). Every plugin route validates with these.
 */
export const validateAndTransformBody = ((...args: Parameters<typeof medusaValidateBody>) =>
  withRedactedErrors(medusaValidateBody(...args) as never)) as unknown as typeof medusaValidateBody

export const validateAndTransformQuery = ((...args: Parameters<typeof medusaValidateQuery>) =>
  withRedactedErrors(medusaValidateQuery(...args) as never)) as unknown as typeof medusaValidateQuery

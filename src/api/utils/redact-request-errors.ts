import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { redactPaymentNumbers } from "../../engine/payment-data/redact-log"

type Middleware = (req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) => unknown
type Handler<Req extends MedusaRequest> = (req: Req, res: MedusaResponse) => Promise<unknown>

function redact(error: unknown): unknown {
  if (error instanceof Error) error.message = redactPaymentNumbers(error.message)
  return error
}

/**
 * Medusa's body and query validators quote the received value in their 400 message
 * (`Expected type: 'string' for field 'iban', got: '4111…'`), and Medusa logs every 4xx
 * message. Wrapped around such a validator, an IBAN or card number typed into the wrong field
 * reaches neither the response nor the log; the message still names the field.
 */
export function withRedactedErrors(middleware: Middleware): Middleware {
  return (req, res, next) => middleware(req, res, ((error?: unknown) => next(redact(error) as never)) as MedusaNextFunction)
}

/**
 * The same for a route handler whose errors quote the request, e.g. Medusa's generated
 * `retrieve…` ("NegativeListEntry with id: DE89… was not found").
 */
export function withRedactedHandlerErrors<Req extends MedusaRequest>(handler: Handler<Req>): Handler<Req> {
  return async (req, res) => {
    try {
      return await handler(req, res)
    } catch (error) {
      throw redact(error)
    }
  }
}

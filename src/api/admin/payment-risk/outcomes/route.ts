import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { customerOrderIds } from "../../../../risk/readers/load-customer-history"
import { PAYMENT_RISK_MODULE } from "../../../../modules/payment-risk"
import PaymentRiskModuleService from "../../../../modules/payment-risk/service"
import { recordOutcomeWorkflow } from "../../../../workflows/outcomes/record-outcome"
import { throwAsError } from "../workflow-error"
import { withRedactedHandlerErrors } from "../../../utils/redact-request-errors"
import { AdminListOutcomesType, AdminRecordOutcomeType } from "./validators"

/**
 * Outcomes after checkout, newest first, by order (or a customer's orders: account and email,
 * as the history counts them; an unknown customer is a 404) and kind.
 */
export const GET = withRedactedHandlerErrors(async (req: AuthenticatedMedusaRequest<unknown, AdminListOutcomesType>, res: MedusaResponse) => {
  const { order_id, customer_id, kind, limit, offset } = req.validatedQuery as AdminListOutcomesType
  const service = req.scope.resolve<PaymentRiskModuleService>(PAYMENT_RISK_MODULE)
  const orderIds = customer_id ? await customerOrderIds(req.scope, customer_id) : undefined
  if (orderIds === null) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Customer with id: ${customer_id} was not found`)
  }
  if (orderIds && !orderIds.length) {
    res.json({ outcomes: [], count: 0, limit, offset })
    return
  }
  const [outcomes, count] = await service.listAndCountPaymentOutcomes(
    { ...(order_id ? { order_id } : {}), ...(orderIds ? { order_id: orderIds } : {}), ...(kind ? { kind } : {}) },
    { take: limit, skip: offset, order: { occurred_at: "DESC", created_at: "DESC" } }
  )
  res.json({ outcomes, count, limit, offset })
})

/**
 * Records an outcome (a returned debit, a chargeback, a refused parcel …) and applies its
 * consequence → `{ outcome, duplicate, list_entries, skipped, already_listed }`; 201 for a new
 * outcome, 200 when the same `external_id` was recorded before (nothing else happens then).
 */
export const POST = withRedactedHandlerErrors(async (req: AuthenticatedMedusaRequest<AdminRecordOutcomeType>, res: MedusaResponse) => {
  const body = req.validatedBody
  const { result } = await recordOutcomeWorkflow(req.scope)
    .run({
      input: {
        ...body,
        occurred_at: body.occurred_at ?? null,
        source: "admin",
        actor_id: req.auth_context?.actor_id ?? null,
      },
    })
    .catch(throwAsError)
  res.status(result.duplicate ? 200 : 201).json(result)
})

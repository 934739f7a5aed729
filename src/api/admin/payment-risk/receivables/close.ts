import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { withReceivableLock } from "../../../../risk/dunning/receivable-lock"
import { UNPAID_STATUSES } from "../../../../risk/dunning/statuses"
import { recordOutcomeWorkflow } from "../../../../workflows/outcomes/record-outcome"
import { withRedactedHandlerErrors } from "../../../utils/redact-request-errors"
import { throwAsError } from "../workflow-error"
import { notApplicable, receivableOr404, serializeReceivable } from "./serialize"
import { AdminCloseReceivableType } from "./validators"

/**
 * Writing off or handing over a claim: an outcome (`written_off` / `handed_over`, amount = what
 * is still due) through the record-outcome workflow, so the negative-list consequence applies
 * and the receivable is closed in the same workflow. Once per claim (and per reopening): the
 * outcome's key is the order's. 409 for a claim paid or closed.
 */
export function closeReceivableRoute(kind: "written_off" | "handed_over") {
  return withRedactedHandlerErrors(async (req: AuthenticatedMedusaRequest<AdminCloseReceivableType>, res: MedusaResponse) => {
    const orderId = req.params.order_id
    // under the receivable's lock: the amount written off is what is due after any payment at the same moment
    const result = await withReceivableLock(req.scope, orderId, async () => {
      const { view, row } = await receivableOr404(req.scope, orderId)
      const allowed = kind === "written_off" ? [...UNPAID_STATUSES, "handed_over"] : UNPAID_STATUSES
      if (!allowed.includes(view.status)) notApplicable(`The receivable is ${view.status}: it cannot be ${kind.replace("_", " ")}`)
      const { result } = await recordOutcomeWorkflow(req.scope)
        .run({
          input: {
            order_id: orderId,
            kind,
            amount: view.total_due,
            note: req.validatedBody.note ?? null,
            source: "admin",
            external_id: `receivable:${orderId}:${kind}:${row.reopened_by ?? "first"}`,
            actor_id: req.auth_context?.actor_id ?? null,
          },
        })
        .catch(throwAsError)
      return result
    })
    if (result.duplicate) notApplicable(`The receivable was ${kind.replace("_", " ")} a moment ago`)
    res.json({
      receivable: serializeReceivable(await receivableOr404(req.scope, orderId)),
      outcome: result.outcome,
      list_entries: result.list_entries,
    })
  })
}

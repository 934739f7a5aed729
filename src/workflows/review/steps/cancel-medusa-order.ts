import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { cancelOrderWorkflow } from "@medusajs/medusa/core-flows"

export const cancelMedusaOrderStepId = "cancel-medusa-order-for-payment-risk"

/**
 * Cancels the order through Medusa's own cancelOrderWorkflow, so payments and inventory are
 * handled as Medusa does. A cancelled order cannot be restored: run this as the last step.
 * When Medusa refuses (e.g. an existing fulfillment), its reason becomes a NOT_ALLOWED (400).
 */
export const cancelMedusaOrderStep = createStep(
  cancelMedusaOrderStepId,
  async (input: { order_id: string; canceled_by?: string | null }, { container }) => {
    const { errors } = await cancelOrderWorkflow(container).run({
      input: { order_id: input.order_id, canceled_by: input.canceled_by ?? undefined },
      throwOnError: false,
    })
    if (errors?.length) {
      const reason = errors.map((e) => (e.error as { message?: string })?.message ?? String(e.error)).join("; ")
      throw new MedusaError(MedusaError.Types.NOT_ALLOWED, `Medusa refused to cancel order ${input.order_id}: ${reason}`)
    }
    return new StepResponse({ order_id: input.order_id })
  }
)

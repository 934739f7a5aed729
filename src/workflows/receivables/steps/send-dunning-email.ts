import { Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { dunningNotificationFor } from "../../../risk/dunning/stage-notification"

export const sendDunningEmailStepId = "send-payment-risk-dunning-email"

/**
 * Sends a newly recorded stage's email through Medusa's Notification Module (channel `email`,
 * template `payment-risk.dunning-stage`, one per order and stage by its idempotency key). A
 * stage recorded before (another run got there first) sends nothing. The last step: an email
 * cannot be unsent, so there is nothing to compensate.
 */
export const sendDunningEmailStep = createStep(
  sendDunningEmailStepId,
  async (input: { order_id: string; stage: number; duplicate: boolean }, { container }) => {
    if (input.duplicate) return new StepResponse({ sent: false, notification_id: null as string | null })
    const notification = await dunningNotificationFor(container, input.order_id, input.stage)
    if (!notification) return new StepResponse({ sent: false, notification_id: null as string | null })
    const [created] = await container.resolve(Modules.NOTIFICATION).createNotifications([notification])
    return new StepResponse({ sent: true, notification_id: (created?.id as string | undefined) ?? null })
  }
)

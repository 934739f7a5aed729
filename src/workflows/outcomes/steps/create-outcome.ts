import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { PAYMENT_RISK_MODULE } from "../../../modules/payment-risk"
import PaymentRiskModuleService from "../../../modules/payment-risk/service"
import type { PreparedOutcome } from "./prepare-outcome"

export const createOutcomeStepId = "create-payment-risk-outcome"

/** The recorded outcome as the module returns it. */
export type OutcomeRow = { id: string } & Record<string, unknown>
export type RecordedOutcome = { outcome: OutcomeRow; duplicate: boolean }

const isUniqueViolation = (error: unknown) =>
  /duplicate key|unique constraint|already exists/i.test(String((error as { message?: unknown })?.message ?? error))

/**
 * Records the outcome once: an event delivered again (same source and external id, also at the
 * same moment on two instances — the unique index decides) returns the outcome recorded first,
 * with `duplicate: true`, and nothing else happens; the same key for another order or kind is a
 * 409. The compensation deletes a new outcome.
 */
export const createOutcomeStep = createStep(
  createOutcomeStepId,
  async (input: PreparedOutcome["row"], { container }) => {
    const service = container.resolve<PaymentRiskModuleService>(PAYMENT_RISK_MODULE)
    const earlier = async (): Promise<OutcomeRow | undefined> =>
      input.external_id
        ? ((await service.listPaymentOutcomes({ source: input.source, external_id: input.external_id }, { take: 1 }))[0] as OutcomeRow | undefined)
        : undefined
    // the same key for another order or kind is a mistake, not a repeated delivery: say so
    const same = (row: OutcomeRow) => {
      if (row.order_id !== input.order_id || row.kind !== input.kind) {
        throw new MedusaError(
          MedusaError.Types.CONFLICT,
          `external_id ${JSON.stringify(String(input.external_id).slice(0, 60))} was already recorded for another order or kind`
        )
      }
      return new StepResponse<RecordedOutcome, string | null>({ outcome: row, duplicate: true }, null)
    }
    const existing = await earlier()
    if (existing) return same(existing)
    try {
      const outcome = (await service.createPaymentOutcomes(input)) as unknown as OutcomeRow
      return new StepResponse<RecordedOutcome, string | null>({ outcome, duplicate: false }, outcome.id)
    } catch (error) {
      const raced = isUniqueViolation(error) ? await earlier() : undefined
      if (raced) return same(raced)
      throw error
    }
  },
  async (id: string | null | undefined, { container }) => {
    if (!id) return
    await container.resolve<PaymentRiskModuleService>(PAYMENT_RISK_MODULE).deletePaymentOutcomes(id)
  }
)

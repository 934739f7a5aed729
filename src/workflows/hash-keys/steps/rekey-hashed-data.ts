import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { rekeyHashedData } from "../../../risk/hash-keys/rekey"

export const rekeyHashedDataStepId = "rekey-payment-risk-hashed-data"

/**
 * After a rotation of `hash_secret`: re-keys, batch by batch, what can be recomputed (the
 * credit answers' cache) and reports what still depends on an earlier secret.
 *
 * No compensation on purpose: each batch is committed on its own and a re-keyed row matches
 * exactly as before (the earlier secret's hash is replaced by the current one's for the same
 * identity), so a run that stopped half-way leaves a consistent store and is simply run again;
 * undoing it would mean keeping the replaced hashes, which the rotation is meant to retire.
 */
export const rekeyHashedDataStep = createStep(rekeyHashedDataStepId, async (_input: void, { container }) => {
  return new StepResponse(await rekeyHashedData(container))
})

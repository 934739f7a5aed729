import { z } from "@medusajs/framework/zod"
import { CREDIT_RESULTS, TRAFFIC_LIGHTS } from "../../engine"

/**
 * A provider's answer as the plugin accepts it; anything else is a malformed answer. `unknown`
 * (the bureau does not know the person) is its own result: a score or traffic light sent with it
 * is dropped, so an unknown person is never stored or shown like one without negative features.
 */
export const CreditAnswerSchema = z
  .object({
    result: z.enum(CREDIT_RESULTS),
    score: z.number().finite().nullish(),
    traffic_light: z.enum(TRAFFIC_LIGHTS).nullish(),
    reference: z.string().max(200).nullish(),
  })
  .transform((answer) => (answer.result === "unknown" ? { ...answer, score: null, traffic_light: null } : answer))

import { z } from "@medusajs/framework/zod"
import { CREDIT_RESULTS, TRAFFIC_LIGHTS } from "../../engine"

/** A provider's answer as the plugin accepts it; anything else is a malformed answer. */
export const CreditAnswerSchema = z.object({
  result: z.enum(CREDIT_RESULTS),
  score: z.number().finite().nullish(),
  traffic_light: z.enum(TRAFFIC_LIGHTS).nullish(),
  reference: z.string().max(200).nullish(),
})

import { z } from "@medusajs/framework/zod"

function isTimeZone(value: string): boolean {
  try {
    new Intl.DateTimeFormat("en", { timeZone: value })
    return true
  } catch {
    return false
  }
}

/**
 * Secrets published as defaults (the development store's medusa-config.ts): anyone can compute
 * hashes with them, so production refuses them as `hash_secret` (see validate-options.ts).
 * (Medusa's own template default "supersecret" is already too short.)
 */
export const WELL_KNOWN_HASH_SECRETS = ["dev-only-payment-risk-secret-change-me"]

/** Options a store passes in `plugins: [{ resolve: "medusa-payment-risk", options }]`. */
export const PaymentRiskOptionsSchema = z
  .object({
    /**
     * secret from which the keys of every keyed hash are derived (HKDF, one key per purpose:
     * negative-list IBANs and cards, credit-check identities, velocity signals, probing
     * observations); required, ≥ 16 characters; a published default is refused in production
     */
    hash_secret: z
      .string({ error: "hash_secret is required (a secret of at least 16 characters)" })
      .min(16, "hash_secret must have at least 16 characters"),
    /**
     * earlier values of `hash_secret`, kept after a rotation so values hashed with them still
     * match (negative-list IBAN/card entries, the credit answers' cache) until they are re-keyed,
     * re-listed or expire; at most two
     */
    previous_hash_secrets: z
      .array(z.string().min(16, "each previous secret must have at least 16 characters"))
      .max(2, "keep at most two previous secrets (every check hashes under each of them)")
      .default([]),
    /**
     * full card numbers (PAN) may be typed into the negative list, imported and checked; only
     * for merchants whose PCI DSS scope covers card numbers on their server. Default false:
     * card fingerprints of the payment provider only, a card number is refused with a 400.
     */
    accept_card_numbers: z.boolean().default(false),
    /**
     * days after which stored assessments lose their personal data (email, customer id, cart
     * and order link, the decision's values): the default of the admin setting
     * `retention.assessment_days`, used while that setting is empty (null, the default). A
     * period saved in the admin wins; saving it empty gives the period back to this option.
     */
    assessment_retention_days: z.number().int().positive().default(730),
    /**
     * credit-check providers: `{ id, resolve, options }` with resolve `sandbox`, `http` or a
     * package/path whose default export implements CreditCheckProvider. Credentials live here
     * (server side) and are never returned by any route.
     */
    credit_check_providers: z
      .array(
        z
          .object({
            id: z.string().min(1).max(100),
            resolve: z.string().min(1),
            options: z.record(z.string(), z.unknown()).optional(),
          })
          .strict()
      )
      .default([]),
    /**
     * path of a MaxMind-format GeoIP country database (GeoLite2-Country.mmdb or compatible) for
     * the `network.ip_country*` rule conditions; without one those conditions report themselves
     * unavailable
     */
    geoip_database_path: z.string().min(1).optional(),
    /** IANA time zone of the store, for the `time.weekday` / `time.hour` rule conditions */
    timezone: z
      .string()
      .refine(isTimeZone, "timezone must be an IANA time zone such as Europe/Berlin")
      .default("Europe/Berlin"),
    /**
     * signing secret of the Stripe webhook endpoint `/hooks/payment-risk/stripe` (`whsec_…`,
     * Stripe Dashboard → Developers → Webhooks); without it that hook answers 503 and records nothing
     */
    stripe_webhook_secret: z
      .string()
      .regex(/^whsec_\S{8,}$/, "stripe_webhook_secret must be the endpoint's signing secret (whsec_…)")
      .optional(),
    /**
     * shared secret of the signed outcomes hook `/hooks/payment-risk/outcomes` (any payment
     * provider, HMAC-SHA256 like the credit-check HTTP provider); without it that hook answers 503
     */
    outcomes_webhook_secret: z.string().min(16, "outcomes_webhook_secret must have at least 16 characters").optional(),
  })
  .passthrough()

export type PaymentRiskOptions = z.infer<typeof PaymentRiskOptionsSchema>

import { LoaderOptions } from "@medusajs/framework/types"
import { MedusaError } from "@medusajs/framework/utils"
import { loadCreditProviders } from "../credit/registry"
import { PaymentRiskOptionsSchema, WELL_KNOWN_HASH_SECRETS } from "../options"

/**
 * Why `hash_secret` cannot be used in production: a published default (anyone could compute the
 * stored hashes and test guessed IBANs against them). Null when it is fine. A default among
 * `previous_hash_secrets` is allowed: it is how a store moves its data away from it.
 */
export function productionSecretProblem(options: { hash_secret?: unknown; previous_hash_secrets?: unknown }, env: string | undefined): string | null {
  if (env !== "production" || typeof options.hash_secret !== "string") return null
  if (WELL_KNOWN_HASH_SECRETS.includes(options.hash_secret)) {
    return (
      "hash_secret is a published default value and must not be used in production: anyone could compute the " +
      "stored hashes with it. Set a random secret of your own (e.g. `openssl rand -hex 32`) in PAYMENT_RISK_HASH_SECRET; " +
      "if data was already hashed with the default, list it in previous_hash_secrets until it is re-keyed."
    )
  }
  return null
}

/** Fails the start-up with a message naming the option when the plugin options are invalid. */
export default async function validateOptionsLoader({ options }: LoaderOptions) {
  const result = PaymentRiskOptionsSchema.safeParse(options ?? {})
  if (!result.success) {
    const details = result.error.issues
      .map((issue) => `${issue.path.join(".") || "options"}: ${issue.message}`)
      .join("; ")
    throw new MedusaError(
      MedusaError.Types.INVALID_DATA,
      `medusa-payment-risk: invalid plugin options: ${details}`
    )
  }
  const problem = productionSecretProblem(result.data, process.env.NODE_ENV)
  if (problem) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, `medusa-payment-risk: invalid plugin options: ${problem}`)
  }
  try {
    loadCreditProviders(result.data.credit_check_providers)
  } catch (error) {
    throw new MedusaError(
      MedusaError.Types.INVALID_DATA,
      `medusa-payment-risk: invalid plugin options: credit_check_providers: ${(error as Error).message}`
    )
  }
}

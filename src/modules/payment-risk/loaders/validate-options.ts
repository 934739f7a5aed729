import { LoaderOptions } from "@medusajs/framework/types"
import { MedusaError } from "@medusajs/framework/utils"
import { loadCreditProviders } from "../credit/registry"
import { PaymentRiskOptionsSchema } from "../options"

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
  try {
    loadCreditProviders(result.data.credit_check_providers)
  } catch (error) {
    throw new MedusaError(
      MedusaError.Types.INVALID_DATA,
      `medusa-payment-risk: invalid plugin options: credit_check_providers: ${(error as Error).message}`
    )
  }
}

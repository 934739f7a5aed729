import { MedusaError } from "@medusajs/framework/utils"
import { HashKeys, hashKeys } from "../../engine"
import { CreditCheckProvider } from "./credit/provider"
import { loadCreditProviders } from "./credit/registry"
import { PaymentRiskOptions } from "./options"

/**
 * What the module reads from the plugin options (validated at start-up, see
 * loaders/validate-options.ts), with the derived keys and providers built once.
 */
export class PaymentRiskConfig {
  private creditProviders_?: Map<string, CreditCheckProvider>
  private hashKeys_?: HashKeys

  constructor(private readonly options: PaymentRiskOptions) {}

  /** The configured credit-check providers (plugin option `credit_check_providers`), by id. */
  creditProviders(): Map<string, CreditCheckProvider> {
    this.creditProviders_ ??= loadCreditProviders(this.options.credit_check_providers)
    return this.creditProviders_
  }

  /**
   * The keys of every keyed hash the plugin stores: derived per purpose (HKDF) from the plugin
   * option `hash_secret`, which hashes everything new, with `previous_hash_secrets` kept for
   * matching values hashed before a rotation (validated at start-up).
   */
  hashKeys(): HashKeys {
    if (!this.options.hash_secret) {
      throw new MedusaError(MedusaError.Types.UNEXPECTED_STATE, "medusa-payment-risk: hash_secret is not configured")
    }
    this.hashKeys_ ??= hashKeys(this.options.hash_secret, this.options.previous_hash_secrets ?? [])
    return this.hashKeys_
  }

  /** Whether the merchant accepts full card numbers (PCI DSS scope; plugin option `accept_card_numbers`). */
  acceptsCardNumbers(): boolean {
    return this.options.accept_card_numbers === true
  }

  /** Plugin option `assessment_retention_days`. */
  retentionDays(): number {
    return this.options.assessment_retention_days
  }

  /** Path of the MaxMind-format GeoIP database (plugin option), if any. */
  geoipDatabasePath(): string | undefined {
    return this.options.geoip_database_path
  }

  /** The store's IANA time zone for the time conditions (plugin option, default Europe/Berlin). */
  timezone(): string {
    return this.options.timezone
  }
}

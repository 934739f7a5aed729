import { ManualPaymentProviderService } from "./manual-base"

/**
 * Prepayment by bank transfer (Vorkasse). Authorized when the order is placed; the shopper
 * transfers the amount quoting `data.reference`; the merchant captures the payment when the
 * transfer shows up on the bank statement. Provider id: `pp_prepayment_<id>`.
 */
export class PrepaymentProviderService extends ManualPaymentProviderService {
  static identifier = "prepayment"

  protected readonly method = "prepayment"
  protected readonly referencePrefix = "PR"
}

export default PrepaymentProviderService

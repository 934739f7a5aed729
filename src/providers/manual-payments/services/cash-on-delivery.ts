import { ManualPaymentProviderService } from "./manual-base"

/**
 * Cash on delivery (Nachnahme). Authorized when the order is placed; the carrier collects the
 * money at the door; the merchant captures the payment when the carrier's payout arrives
 * (`data.reference` helps to match the payout). Provider id: `pp_cash-on-delivery_<id>`.
 */
export class CashOnDeliveryProviderService extends ManualPaymentProviderService {
  static identifier = "cash-on-delivery"

  protected readonly method = "cash-on-delivery"
  protected readonly referencePrefix = "COD"
}

export default CashOnDeliveryProviderService

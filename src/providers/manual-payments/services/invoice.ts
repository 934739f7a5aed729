import { ManualPaymentProviderService } from "./manual-base"

/**
 * Purchase on invoice (Rechnung). Authorized when the order is placed; the shopper pays after
 * receiving the goods, quoting `data.reference`; the merchant captures the payment when it
 * arrives. Provider id: `pp_invoice_<id>`.
 */
export class InvoiceProviderService extends ManualPaymentProviderService {
  static identifier = "invoice"

  protected readonly method = "invoice"
  protected readonly referencePrefix = "INV"
}

export default InvoiceProviderService

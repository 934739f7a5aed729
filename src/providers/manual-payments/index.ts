import { ModuleProvider, Modules } from "@medusajs/framework/utils"
import { CashOnDeliveryProviderService } from "./services/cash-on-delivery"
import { InvoiceProviderService } from "./services/invoice"
import { PrepaymentProviderService } from "./services/prepayment"

/**
 * Manual payment methods as one Payment Module provider package.
 *
 * Register in the store's medusa-config.ts under the payment module:
 *   { resolve: "medusa-payment-risk/providers/manual-payments", id: "manual" }
 * which yields the providers `pp_prepayment_manual`, `pp_cash-on-delivery_manual` and
 * `pp_invoice_manual`. Enable them per region afterwards.
 */
export default ModuleProvider(Modules.PAYMENT, {
  services: [PrepaymentProviderService, CashOnDeliveryProviderService, InvoiceProviderService],
})

export { CashOnDeliveryProviderService, InvoiceProviderService, PrepaymentProviderService }
export { ManualPaymentProviderService } from "./services/manual-base"
export type {
  ManualPaymentData,
  ManualPaymentMethod,
  ManualCaptureEntry,
  ManualRefundEntry,
} from "./services/payment-data"

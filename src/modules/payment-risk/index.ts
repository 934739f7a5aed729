import { Module } from "@medusajs/framework/utils"
import validateOptionsLoader from "./loaders/validate-options"
import PaymentRiskModuleService from "./service"

export const PAYMENT_RISK_MODULE = "paymentRisk"

export default Module(PAYMENT_RISK_MODULE, {
  service: PaymentRiskModuleService,
  loaders: [validateOptionsLoader],
})

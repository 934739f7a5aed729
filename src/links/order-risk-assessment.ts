import { defineLink } from "@medusajs/framework/utils"
import OrderModule from "@medusajs/medusa/order"
import PaymentRiskModule from "../modules/payment-risk"

/** An order and the payment-risk assessment taken when its cart was completed. */
export default defineLink(OrderModule.linkable.order, PaymentRiskModule.linkable.riskAssessment)

export const KEY = "paymentRiskDunning"

/** The placeholders a stage's subject and text may use, in the order the help lists them. */
export const PLACEHOLDERS = [
  "first_name",
  "last_name",
  "order_number",
  "invoice_date",
  "due_date",
  "principal",
  "fees",
  "interest",
  "total_due",
  "deadline",
  "shop_name",
  "payment_reference",
  "bank_details",
] as const

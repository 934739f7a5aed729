/** The placeholders a dunning stage's subject and body may use (see DEFAULT_DUNNING_STAGES). */
export const DUNNING_PLACEHOLDERS = [
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
export type DunningPlaceholder = (typeof DUNNING_PLACEHOLDERS)[number]

import { placeholderValues } from "../../../modules/payment-risk/tips"

/** A shop with every placeholder value filled, and one with none. */
export const SHOP = placeholderValues({
  name: "Kaffee & Co",
  statement_descriptor: "KAFFEE*CO SHOP",
  hotline: "+49 30 123456",
  support_email: "hilfe@kaffee.example",
})
export const EMPTY = placeholderValues({})

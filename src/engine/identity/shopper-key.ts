/** Emails compare case-insensitively and without surrounding spaces. */
export function normalizeEmail(email?: string | null): string | null {
  const trimmed = email?.trim().toLowerCase()
  return trimmed ? trimmed : null
}

/** The key under which first-order state of a shopper is tracked and locked. */
export function identityKeyFor(cart: {
  id: string
  email?: string | null
  customer_id?: string | null
}): string {
  const email = normalizeEmail(cart.email)
  if (email) {
    return `email:${email}`
  }
  if (cart.customer_id) {
    return `customer:${cart.customer_id}`
  }
  return `cart:${cart.id}`
}

/** Escapes LIKE wildcards so an email is matched literally by `$ilike`. */
export function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, (char) => `\\${char}`)
}

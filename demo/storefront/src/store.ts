import type { HttpTypes } from "@medusajs/types"
import { sdk } from "./medusa"

/**
 * The shopper's region and cart, with the store API calls that change them. The cart id is kept
 * in sessionStorage so a reload continues the same cart; a completed cart is dropped.
 */
const CART_KEY = "payment-risk-demo-cart"
const CART_FIELDS =
  "id,email,currency_code,region_id,completed_at,item_total,shipping_total,total," +
  "*items,*shipping_address,*billing_address,*shipping_methods,*payment_collection,*payment_collection.payment_sessions"

export type Cart = HttpTypes.StoreCart
export type Region = HttpTypes.StoreRegion
export type Product = HttpTypes.StoreProduct

let region: Region | null = null
let cart: Cart | null = null
const listeners: Array<(cart: Cart | null) => void> = []

export const currentRegion = (): Region => {
  if (!region) throw new Error("region not loaded")
  return region
}
export const currentCart = (): Cart | null => cart

/** Called with the new cart after every change (items, addresses, completion). */
export function onCartChange(listener: (cart: Cart | null) => void): void {
  listeners.push(listener)
}

function setCart(next: Cart | null): Cart | null {
  cart = next
  try {
    if (next) window.sessionStorage.setItem(CART_KEY, next.id)
    else window.sessionStorage.removeItem(CART_KEY)
  } catch {}
  listeners.forEach((listener) => listener(next))
  return next
}

/** The region named in the config (the demo's "Deutschland"), else the first one. */
export async function loadRegion(name?: string): Promise<Region> {
  const { regions } = await sdk().store.region.list({ fields: "id,name,currency_code,*countries" })
  region = regions.find((r) => r.name === name) ?? regions[0] ?? null
  if (!region) throw new Error("the store has no region")
  return region
}

export async function loadProducts(): Promise<Product[]> {
  const { products } = await sdk().store.product.list({
    region_id: currentRegion().id,
    limit: 50,
    fields: "id,title,handle,description,thumbnail,*variants,*variants.calculated_price",
  })
  return products
}

/** The cart of this browser tab, if it is still open. */
export async function restoreCart(): Promise<Cart | null> {
  let id: string | null = null
  try {
    id = window.sessionStorage.getItem(CART_KEY)
  } catch {}
  if (!id) return null
  try {
    const { cart: found } = await sdk().store.cart.retrieve(id, { fields: CART_FIELDS })
    return setCart(found.completed_at || found.region_id !== currentRegion().id ? null : found)
  } catch {
    return setCart(null)
  }
}

export async function refreshCart(): Promise<Cart> {
  const { cart: found } = await sdk().store.cart.retrieve(requireCart().id, { fields: CART_FIELDS })
  return setCart(found)!
}

function requireCart(): Cart {
  if (!cart) throw new Error("no cart")
  return cart
}

export async function addItem(variantId: string, quantity: number): Promise<Cart> {
  if (!cart) {
    const { cart: created } = await sdk().store.cart.create(
      { region_id: currentRegion().id, items: [{ variant_id: variantId, quantity }] },
      { fields: CART_FIELDS }
    )
    return setCart(created)!
  }
  const { cart: updated } = await sdk().store.cart.createLineItem(cart.id, { variant_id: variantId, quantity }, { fields: CART_FIELDS })
  return setCart(updated)!
}

export async function removeItem(lineId: string): Promise<Cart> {
  await sdk().store.cart.deleteLineItem(requireCart().id, lineId)
  return refreshCart()
}

export type AddressInput = {
  first_name: string
  last_name: string
  company?: string
  address_1: string
  address_2?: string
  postal_code: string
  city: string
  country_code: string
  phone?: string
}

/** Saves email and addresses on the cart and picks the cheapest shipping option once. */
export async function saveDetails(input: { email: string; billing_address: AddressInput; shipping_address: AddressInput }): Promise<Cart> {
  const id = requireCart().id
  await sdk().store.cart.update(id, input)
  const { shipping_options } = await sdk().store.fulfillment.listCartOptions({ cart_id: id })
  const current = requireCart().shipping_methods?.[0]?.shipping_option_id
  const usable = shipping_options.filter((option) => !option.insufficient_inventory)
  if (usable.length && !usable.some((option) => option.id === current)) {
    const cheapest = [...usable].sort((a, b) => (a.amount ?? 0) - (b.amount ?? 0))[0]
    await sdk().store.cart.addShippingMethod(id, { option_id: cheapest.id })
  }
  return refreshCart()
}

/** Starts a new cart with the next product (after an order, or on "place another order"). */
export function forgetCart(): void {
  setCart(null)
}

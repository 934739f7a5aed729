/**
 * Carts as a storefront builds them, up to the last step: items, addresses, email, a shipping
 * method, a payment collection and a session with a provider. Only `POST /store/carts/:id/complete`
 * is timed, one call at a time, so the figure is what one shopper waits for the order.
 */
const ADDRESS = { first_name: "Eva", last_name: "Schulz", address_1: "Ringstraße 9", postal_code: "80331", city: "München", country_code: "de" }

async function call(baseUrl, method, path, headers, body) {
  const res = await fetch(`${baseUrl}${path}`, {
    method,
    headers: { ...headers, ...(body === undefined ? {} : { "content-type": "application/json" }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  const text = await res.text()
  let data = text
  try {
    data = JSON.parse(text)
  } catch {}
  if (res.status >= 300) throw new Error(`${method} ${path} answered ${res.status}: ${String(text).slice(0, 300)}`)
  return data
}

/** The demo product with 1,000 in stock (demo/seed.ts), so hundreds of orders do not run out. */
export async function stockedVariant(host) {
  const headers = { "x-publishable-api-key": host.publishableKey }
  const data = await call(host.baseUrl, "GET", `/store/products?handle=satellitenschuessel&region_id=${host.regionId}&fields=id,*variants`, headers)
  const variant = data.products[0]?.variants?.[0]
  if (!variant) throw new Error("the demo product satellitenschuessel (1,000 in stock) is missing")
  return variant.id
}

/**
 * A cart of a registered customer (`customer_id` set in the database, as after a storefront
 * login), ready to complete with `providerId`. Returns the cart id.
 */
export async function readyCart(host, db, { variantId, email, customerId, providerId, address = ADDRESS }) {
  const headers = { "x-publishable-api-key": host.publishableKey }
  const { cart } = await call(host.baseUrl, "POST", "/store/carts", headers, {
    region_id: host.regionId,
    email,
    items: [{ variant_id: variantId, quantity: 1 }],
    shipping_address: address,
    billing_address: address,
  })
  if (customerId) await db.query("update cart set customer_id = $1 where id = $2", [customerId, cart.id])
  const { shipping_options } = await call(host.baseUrl, "GET", `/store/shipping-options?cart_id=${cart.id}`, headers)
  await call(host.baseUrl, "POST", `/store/carts/${cart.id}/shipping-methods`, headers, { option_id: shipping_options[0].id })
  if (providerId) {
    const { payment_collection } = await call(host.baseUrl, "POST", "/store/payment-collections", headers, { cart_id: cart.id })
    await call(host.baseUrl, "POST", `/store/payment-collections/${payment_collection.id}/payment-sessions`, headers, { provider_id: providerId })
  }
  return cart.id
}

/** Prepares carts with `concurrency` in flight (preparation is not measured). */
export async function readyCarts(count, make, concurrency = 3) {
  const ids = new Array(count)
  let next = 0
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < count) {
        const index = next++
        ids[index] = await make(index)
      }
    })
  )
  return ids
}

/**
 * Completes the carts one after another; the first `warmup` are not counted. Every completion
 * must answer an order (type "order"), otherwise the figures would time refusals. After each,
 * `settleMs` of quiet: the order.placed subscribers (run asynchronously after the answer) then
 * finish before the next completion starts, so each figure is one completion's own wait.
 */
export async function timeCompletions(host, cartIds, warmup, settleMs = 200) {
  const headers = { "x-publishable-api-key": host.publishableKey }
  const samples = []
  for (const [index, cartId] of cartIds.entries()) {
    const started = process.hrtime.bigint()
    const res = await fetch(`${host.baseUrl}/store/carts/${cartId}/complete`, { method: "POST", headers })
    const body = await res.json()
    const ms = Number(process.hrtime.bigint() - started) / 1e6
    if (res.status !== 200 || body.type !== "order") {
      throw new Error(`completion of ${cartId} answered ${res.status}: ${JSON.stringify(body).slice(0, 300)}`)
    }
    if (index >= warmup) samples.push(ms)
    await new Promise((resolve) => setTimeout(resolve, settleMs))
  }
  samples.sort((a, b) => a - b)
  const q = (p) => Number(samples[Math.min(samples.length - 1, Math.floor(p * samples.length))].toFixed(2))
  return {
    samples: samples.length,
    p50_ms: q(0.5),
    p99_ms: q(0.99),
    avg_ms: Number((samples.reduce((a, b) => a + b, 0) / samples.length).toFixed(2)),
    max_ms: Number(samples[samples.length - 1].toFixed(2)),
  }
}

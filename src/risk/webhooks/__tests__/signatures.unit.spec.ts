import { createHmac } from "node:crypto"
import Stripe from "stripe"
import { sign } from "../../../modules/payment-risk/credit/http"
import { checkSignedRequest, signRequest, SIGNATURE_TOLERANCE_SECONDS } from "../signed-request"
import { verifyStripeEvent } from "../stripe-signature"

const SECRET = "psp-outcomes-secret-0123456789abcdef"
const NOW = 1_800_000_000
const body = JSON.stringify({ event_id: "e-1", order_id: "order_1", kind: "chargeback" })
const hmac = (secret: string, payload: string) => `sha256=${createHmac("sha256", secret).update(payload).digest("hex")}`

describe("checkSignedRequest", () => {
  const signed = (timestamp: number | string) => hmac(SECRET, `payment-risk-outcomes:${timestamp}.${body}`)
  const check = (fields: Partial<Parameters<typeof checkSignedRequest>[0]>, now = NOW) =>
    checkSignedRequest({ rawBody: body, timestamp: String(NOW), signature: signed(NOW), secret: SECRET, ...fields }, now)

  it("should accept sha256=HMAC(secret, 'payment-risk-outcomes:<timestamp>.<body>')", () => {
    expect(check({})).toBeNull()
    expect(check({ rawBody: Buffer.from(body) })).toBeNull()
    const headers = signRequest(SECRET, body, NOW)
    expect(check({ timestamp: headers["x-payment-risk-timestamp"], signature: headers["x-payment-risk-signature"] })).toBeNull()
  })

  describe("when the merchant's credit check signs with the same secret", () => {
    it("should refuse a credit-check request replayed to the hook (HMAC over '<timestamp>.<body>')", () => {
      expect(check({ signature: sign(SECRET, `${NOW}.${body}`) })).toBe("mismatch")
    })

    it("should refuse a credit-check answer replayed to the hook (HMAC over '<request_id>.<body>')", () => {
      const requestId = "2f1c8a9e-3b7d-4e21-9a55-0c6d2b1e7f40"
      expect(check({ timestamp: requestId, signature: sign(SECRET, `${requestId}.${body}`) })).toBe("malformed_timestamp")
      expect(check({ signature: sign(SECRET, `${requestId}.${body}`) })).toBe("mismatch")
    })

    it("should give a credit-check endpoint nothing it could accept: the hook's signed text is never '<digits>.<body>'", () => {
      const headers = signRequest(SECRET, body, NOW)
      expect(headers["x-payment-risk-signature"]).not.toBe(sign(SECRET, `${NOW}.${body}`))
    })
  })

  it.each([
    ["no timestamp", { timestamp: undefined }, "missing"],
    ["no signature", { signature: undefined }, "missing"],
    ["a repeated header (array)", { signature: [signed(NOW)] }, "missing"],
    ["a timestamp that is no number", { timestamp: "1e9" }, "malformed_timestamp"],
    ["another secret", { signature: hmac("another-secret-0123456789", `payment-risk-outcomes:${NOW}.${body}`) }, "mismatch"],
    ["another body", { rawBody: body.replace("order_1", "order_2") }, "mismatch"],
    ["the body signed without timestamp", { signature: hmac(SECRET, body) }, "mismatch"],
    ["the hex alone", { signature: signed(NOW).slice(7) }, "mismatch"],
    ["the signed text without the purpose (the credit check's scheme)", { signature: hmac(SECRET, `${NOW}.${body}`) }, "mismatch"],
  ])("should refuse %s", (_name, fields, problem) => {
    expect(check(fields as never)).toBe(problem)
  })

  it("should refuse a timestamp more than five minutes away, either way", () => {
    expect(check({}, NOW + SIGNATURE_TOLERANCE_SECONDS)).toBeNull()
    expect(check({}, NOW + SIGNATURE_TOLERANCE_SECONDS + 1)).toBe("expired")
    expect(check({}, NOW - SIGNATURE_TOLERANCE_SECONDS - 1)).toBe("expired")
  })
})

describe("verifyStripeEvent", () => {
  const STRIPE_SECRET = "whsec_test_0123456789"
  const payload = JSON.stringify({ id: "evt_1", object: "event", type: "charge.dispute.created", data: { object: { id: "dp_1" } } })

  it("should return the event of a request Stripe signed", () => {
    const header = Stripe.webhooks.generateTestHeaderString({ payload, secret: STRIPE_SECRET })
    expect(verifyStripeEvent(Buffer.from(payload), header, STRIPE_SECRET)).toMatchObject({ id: "evt_1", type: "charge.dispute.created" })
  })

  it.each([
    ["another secret", () => Stripe.webhooks.generateTestHeaderString({ payload, secret: "whsec_other_0123456789" }), payload],
    ["an old signature", () => Stripe.webhooks.generateTestHeaderString({ payload, secret: STRIPE_SECRET, timestamp: Math.floor(Date.now() / 1000) - 301 }), payload],
    ["a changed body", () => Stripe.webhooks.generateTestHeaderString({ payload, secret: STRIPE_SECRET }), payload.replace("dp_1", "dp_2")],
    ["no header", () => undefined, payload],
    ["a header without signature", () => `t=${Math.floor(Date.now() / 1000)}`, payload],
  ])("should refuse %s", (_name, header, sent) => {
    expect(verifyStripeEvent(Buffer.from(sent), header(), STRIPE_SECRET)).toBeNull()
  })

  it("should refuse a body that was not kept raw", () => {
    const header = Stripe.webhooks.generateTestHeaderString({ payload, secret: STRIPE_SECRET })
    expect(verifyStripeEvent(undefined, header, STRIPE_SECRET)).toBeNull()
  })
})

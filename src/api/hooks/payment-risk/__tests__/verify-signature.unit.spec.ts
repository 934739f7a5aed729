import Stripe from "stripe"
import HttpCreditCheckProvider from "../../../../modules/payment-risk/credit/http"
import { signRequest } from "../../../../risk/webhooks/signed-request"
import { StripeHookRequest, verifyOutcomesSignature, verifyStripeSignature } from "../verify-signature"

type Secrets = { stripe: string | null; outcomes: string | null; credit?: string }

/** A request with the module's secrets, and what the middleware answered or passed on. */
function run(middleware: typeof verifyStripeSignature, secrets: Secrets, rawBody: string | undefined, headers: Record<string, string>) {
  const warnings: string[] = []
  const errors: string[] = []
  const credit = secrets.credit ? new Map([["bureau", new HttpCreditCheckProvider({ url: "https://bureau.example", secret: secrets.credit })]]) : new Map()
  const scope = {
    resolve: (key: string) =>
      key === "logger"
        ? { warn: (message: string) => warnings.push(message), error: (message: string) => errors.push(message) }
        : { getWebhookSecret: (hook: "stripe" | "outcomes") => secrets[hook], getCreditProviders: () => credit },
  }
  const req = { scope, headers, rawBody: rawBody === undefined ? undefined : Buffer.from(rawBody) } as unknown as StripeHookRequest
  const answer: { status?: number; body?: { message?: string }; next: boolean } = { next: false }
  const res = {
    status(code: number) {
      answer.status = code
      return this
    },
    json(body: { message?: string }) {
      answer.body = body
      return this
    },
  }
  middleware(req, res as never, () => (answer.next = true))
  return { ...answer, req, warnings, errors }
}

const STRIPE_SECRET = "whsec_test_0123456789"
const OUTCOMES_SECRET = "psp-outcomes-secret-0123456789abcdef"
const payload = JSON.stringify({ id: "evt_1", object: "event", type: "charge.dispute.created", data: { object: { id: "dp_1" } } })

describe("verifyStripeSignature", () => {
  it("should answer 503 and pass nothing on while no secret is configured", () => {
    const header = Stripe.webhooks.generateTestHeaderString({ payload, secret: STRIPE_SECRET })
    const answer = run(verifyStripeSignature, { stripe: null, outcomes: OUTCOMES_SECRET }, payload, { "stripe-signature": header })
    expect(answer).toMatchObject({ status: 503, next: false })
    expect(answer.body?.message).toContain("stripe_webhook_secret")
  })

  it("should pass a signed event on and refuse a forged one with 401, logging no body", () => {
    const secrets = { stripe: STRIPE_SECRET, outcomes: null }
    const good = run(verifyStripeSignature, secrets, payload, { "stripe-signature": Stripe.webhooks.generateTestHeaderString({ payload, secret: STRIPE_SECRET }) })
    expect(good.next).toBe(true)
    expect(good.req.paymentRiskStripeEvent).toMatchObject({ id: "evt_1" })
    const forged = run(verifyStripeSignature, secrets, payload, { "stripe-signature": Stripe.webhooks.generateTestHeaderString({ payload, secret: "whsec_other_0123456789" }) })
    expect(forged).toMatchObject({ status: 401, next: false })
    expect(forged.warnings.join(" ")).not.toContain("dp_1")
  })
})

describe("verifyOutcomesSignature", () => {
  const body = JSON.stringify({ event_id: "e-1", order_id: "order_1", kind: "chargeback" })

  it("should answer 503 while no secret is configured, even for a request signed with some secret", () => {
    const answer = run(verifyOutcomesSignature, { stripe: STRIPE_SECRET, outcomes: null }, body, signRequest(OUTCOMES_SECRET, body))
    expect(answer).toMatchObject({ status: 503, next: false })
    expect(answer.body?.message).toContain("outcomes_webhook_secret")
  })

  it("should stay off (503, an error logged once) while its secret is also the credit check's, and run with a secret of its own", () => {
    const shared = { stripe: null, outcomes: OUTCOMES_SECRET, credit: OUTCOMES_SECRET }
    const first = run(verifyOutcomesSignature, shared, body, signRequest(OUTCOMES_SECRET, body))
    expect(first).toMatchObject({ status: 503, next: false })
    expect(first.body?.message).toContain("outcomes_webhook_secret")
    expect(first.errors).toEqual([expect.stringContaining("credit-check provider bureau")])
    expect(first.errors[0]).not.toContain(OUTCOMES_SECRET)
    const second = run(verifyOutcomesSignature, shared, body, signRequest(OUTCOMES_SECRET, body))
    expect(second).toMatchObject({ status: 503, next: false, errors: [] })

    const own = run(verifyOutcomesSignature, { ...shared, credit: "bureau-secret-0123456789abcdef" }, body, signRequest(OUTCOMES_SECRET, body))
    expect(own.next).toBe(true)
  })

  it("should pass a signed request on and refuse an unsigned or unparsed one with 401", () => {
    const secrets = { stripe: null, outcomes: OUTCOMES_SECRET }
    expect(run(verifyOutcomesSignature, secrets, body, signRequest(OUTCOMES_SECRET, body)).next).toBe(true)
    expect(run(verifyOutcomesSignature, secrets, body, {})).toMatchObject({ status: 401, next: false })
    // a body the parser did not keep cannot match what the sender signed
    expect(run(verifyOutcomesSignature, secrets, undefined, signRequest(OUTCOMES_SECRET, body))).toMatchObject({ status: 401, next: false })
  })
})

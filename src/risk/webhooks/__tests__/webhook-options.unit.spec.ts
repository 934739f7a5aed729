import { PaymentRiskOptionsSchema } from "../../../modules/payment-risk/options"

const base = { hash_secret: "a-hash-secret-of-enough-length" }

describe("webhook plugin options", () => {
  it("should be optional (the hooks then answer 503)", () => {
    const options = PaymentRiskOptionsSchema.parse(base)
    expect(options.stripe_webhook_secret).toBeUndefined()
    expect(options.outcomes_webhook_secret).toBeUndefined()
  })

  it("should take a Stripe signing secret and a long enough shared secret", () => {
    const options = PaymentRiskOptionsSchema.parse({ ...base, stripe_webhook_secret: "whsec_abcdefgh1234", outcomes_webhook_secret: "0123456789abcdef" })
    expect(options).toMatchObject({ stripe_webhook_secret: "whsec_abcdefgh1234", outcomes_webhook_secret: "0123456789abcdef" })
  })

  it.each([
    ["an API key instead of the signing secret", { stripe_webhook_secret: "sk_test_abcdefgh1234" }, "stripe_webhook_secret"],
    ["an empty Stripe secret", { stripe_webhook_secret: "" }, "stripe_webhook_secret"],
    ["a short shared secret", { outcomes_webhook_secret: "short" }, "outcomes_webhook_secret"],
  ])("should refuse %s, naming the option", (_name, options, field) => {
    const result = PaymentRiskOptionsSchema.safeParse({ ...base, ...options })
    expect(result.success).toBe(false)
    expect(result.error!.issues[0].path).toEqual([field])
  })
})

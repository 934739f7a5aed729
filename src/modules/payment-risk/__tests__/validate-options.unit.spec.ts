import validateOptionsLoader from "../loaders/validate-options"

const DEV_DEFAULT = "dev-only-payment-risk-secret-change-me"
const OWN = "a-random-secret-9f8e7d6c5b4a"

const load = (options: Record<string, unknown>) => validateOptionsLoader({ options } as Parameters<typeof validateOptionsLoader>[0])

describe("plugin options at start-up", () => {
  const env = process.env.NODE_ENV
  afterEach(() => {
    process.env.NODE_ENV = env
  })

  describe("when NODE_ENV is production", () => {
    beforeEach(() => {
      process.env.NODE_ENV = "production"
    })

    it("should refuse the development default hash_secret with a message naming the option", async () => {
      await expect(load({ hash_secret: DEV_DEFAULT })).rejects.toThrow(/hash_secret is a published default value and must not be used in production/)
    })

    it("should start with a secret of the store's own", async () => {
      await expect(load({ hash_secret: OWN })).resolves.toBeUndefined()
    })

    it("should accept the default among the previous secrets, so a store can move away from it", async () => {
      await expect(load({ hash_secret: OWN, previous_hash_secrets: [DEV_DEFAULT] })).resolves.toBeUndefined()
    })
  })

  describe("when NODE_ENV is development", () => {
    it("should start with the development default", async () => {
      process.env.NODE_ENV = "development"
      await expect(load({ hash_secret: DEV_DEFAULT })).resolves.toBeUndefined()
    })
  })

  describe("when previous secrets are given", () => {
    it.each([
      [{ hash_secret: OWN, previous_hash_secrets: ["short"] }, "previous_hash_secrets.0"],
      [{ hash_secret: OWN, previous_hash_secrets: [OWN + "1", OWN + "2", OWN + "3"] }, "previous_hash_secrets"],
      [{ hash_secret: OWN, accept_card_numbers: "yes" }, "accept_card_numbers"],
    ])("should refuse %o naming %s", async (options, field) => {
      await expect(load(options)).rejects.toThrow(`${field}:`)
    })
  })
})

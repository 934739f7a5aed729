import { validateAndTransformBody, validateAndTransformQuery } from "@medusajs/framework/http"
import { z } from "@medusajs/framework/zod"
import { withRedactedErrors, withRedactedHandlerErrors } from "../redact-request-errors"

describe("withRedactedErrors", () => {
  const Body = z.object({ iban: z.string().optional(), kind: z.enum(["iban", "card"]).optional() }).strict()

  const run = async (middleware: ReturnType<typeof withRedactedErrors>, req: Record<string, unknown>) => {
    let passed: unknown = "not called"
    await middleware(req as never, {} as never, ((error?: unknown) => (passed = error)) as never)
    return passed as Error | undefined
  }

  it("should keep the field in Medusa's 400 message and hide the IBAN or card number it quoted", async () => {
    const body = withRedactedErrors(validateAndTransformBody(Body))
    const wrongType = await run(body, { body: { iban: 4111111111111111 } })
    expect(wrongType!.message).toContain("'iban'")
    expect(wrongType!.message).not.toMatch(/4111/)
    const wrongEnum = await run(body, { body: { kind: "DE89 3704 0044 0532 0130 00" } })
    expect(wrongEnum!.message).toContain("'kind'")
    expect(wrongEnum!.message).not.toMatch(/3704/)
    const query = withRedactedErrors(validateAndTransformQuery(z.object({ kind: z.enum(["iban"]).optional() }), {}))
    const wrongQuery = await run(query, { query: { kind: "4111111111111111" } })
    expect(wrongQuery!.message).not.toMatch(/4111/)
  })

  it("should pass a valid request on untouched", async () => {
    expect(await run(withRedactedErrors(validateAndTransformBody(Body)), { body: { kind: "iban" } })).toBeUndefined()
  })
})

describe("withRedactedHandlerErrors", () => {
  it("should hide an IBAN quoted in the error of a route handler and keep the error's type", async () => {
    const error = Object.assign(new Error("NegativeListEntry with id: DE89370400440532013000 was not found"), { type: "not_found" })
    const handler = withRedactedHandlerErrors(async () => {
      throw error
    })
    await expect(handler({} as never, {} as never)).rejects.toMatchObject({ type: "not_found", message: "NegativeListEntry with id: [iban] was not found" })
  })
})

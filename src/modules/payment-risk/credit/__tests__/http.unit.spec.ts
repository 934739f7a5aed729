import http from "node:http"
import { AddressInfo } from "node:net"
import HttpCreditCheckProvider, { isLoopbackHost, sign } from "../http"
import { CreditCheckInput, CreditProviderError } from "../provider"

const SECRET = "unit-bureau-secret-0123456789"

type Handler = (req: http.IncomingMessage, body: string, res: http.ServerResponse) => void
const received: Array<{ url: string; body: any }> = []
let handler: Handler = () => undefined
let base = ""
const server = http.createServer((req, res) => {
  let body = ""
  req.on("data", (chunk) => (body += chunk))
  req.on("end", () => {
    received.push({ url: req.url ?? "", body: body ? JSON.parse(body) : null })
    handler(req, body, res)
  })
})

beforeAll(() => new Promise<void>((resolve) => server.listen(0, "127.0.0.1", () => {
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  resolve()
})))
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())))
beforeEach(() => {
  received.length = 0
})

const input = (request_id = "req-1"): CreditCheckInput => ({
  request_id,
  person: { first_name: "Hans", last_name: "Meier", company: null, birth_date: null },
  address: { address_1: "Hauptstraße 5", address_2: null, postal_code: "10115", city: "Berlin", country_code: "de" },
  email: "hans@example.com",
  amount: 500,
  currency_code: "eur",
})
const provider = (options: Record<string, unknown> = {}) => new HttpCreditCheckProvider({ url: `${base}/check`, secret: SECRET, ...options })
const ask = (p: HttpCreditCheckProvider, requestId = "req-1") => p.check(input(requestId), { signal: new AbortController().signal })
/** Answers with a body signed for `requestId` (the one of the request, unless a replay is simulated). */
const signedAnswer = (text: string, requestId?: string): Handler => (_req, body, res) => {
  const id = requestId ?? JSON.parse(body).request_id
  res.writeHead(200, { "content-type": "application/json", "x-payment-risk-signature": sign(SECRET, `${id}.${text}`) })
  res.end(text)
}
const failureOf = async (promise: Promise<unknown>) => {
  const error = await promise.then(() => null, (e) => e)
  expect(error).toBeInstanceOf(CreditProviderError)
  return error as CreditProviderError
}

describe("HTTP credit provider", () => {
  describe("when it is configured", () => {
    it.each([
      ["https://risk.example.com/check"],
      ["http://127.0.0.1:9000/check"],
      ["http://127.10.0.1/check"],
      ["http://localhost:9000/check"],
      ["http://[::1]:9000/check"],
    ])("should accept %s", (url) => {
      expect(() => new HttpCreditCheckProvider({ url, secret: SECRET })).not.toThrow()
    })

    it.each([
      ["plain http to another host", "http://risk.example.com/check"],
      ["plain http to a private address", "http://10.0.0.5/check"],
      ["a host that only starts like loopback", "http://127.0.0.1.evil.example/check"],
      ["another scheme", "ftp://risk.example.com/check"],
      ["no URL", ""],
    ])("should refuse %s", (_, url) => {
      expect(() => new HttpCreditCheckProvider({ url, secret: SECRET })).toThrow(/https/)
    })

    it("should know the loopback hosts", () => {
      expect(["127.0.0.1", "127.255.255.254", "localhost", "LOCALHOST", "[::1]", "::1"].every(isLoopbackHost)).toBe(true)
      expect(["128.0.0.1", "127.0.0.256", "localhost.example", "::2", "0.0.0.0"].some(isLoopbackHost)).toBe(false)
    })
  })

  describe("when the bureau answers", () => {
    it("should accept an answer signed for this request's id, and sign the request", async () => {
      handler = signedAnswer(JSON.stringify({ result: "none", score: 900 }))
      await expect(ask(provider())).resolves.toEqual({ result: "none", score: 900 })
    })

    it("should refuse a replayed answer: validly signed, but for another request id", async () => {
      handler = signedAnswer(JSON.stringify({ result: "none", score: 900 }), "req-earlier")
      const error = await failureOf(ask(provider(), "req-now"))
      expect(error.message).toMatch(/signature/)
      expect(error.kind).toBe("invalid_answer")
    })

    it("should refuse an answer signed over the body alone (the old format)", async () => {
      handler = (_req, _body, res) => {
        const text = JSON.stringify({ result: "none" })
        res.writeHead(200, { "x-payment-risk-signature": sign(SECRET, text) })
        res.end(text)
      }
      expect((await failureOf(ask(provider()))).message).toMatch(/signature/)
    })

    it("should not send the email unless the options ask for it", async () => {
      handler = signedAnswer(JSON.stringify({ result: "none" }))
      await ask(provider())
      expect(received[0].body).not.toHaveProperty("email")
      expect(received[0].body).toMatchObject({ request_id: "req-1", person: { last_name: "Meier" } })
      await ask(provider({ send_email: true }))
      expect(received[1].body).toMatchObject({ email: "hans@example.com" })
    })

    it("should not follow a redirect: a 3xx is a failure and the target is never asked", async () => {
      handler = (req, _body, res) => {
        if (req.url === "/check") {
          res.writeHead(307, { location: "/elsewhere" })
          return void res.end()
        }
        signedAnswer(JSON.stringify({ result: "none" }))(req, _body, res)
      }
      const error = await failureOf(ask(provider()))
      expect(error.message).toMatch(/307/)
      expect(error.kind).toBe("invalid_answer")
      expect(received.map((r) => r.url)).toEqual(["/check"])
    })

    it("should refuse an answer beyond the size cap, declared or streamed", async () => {
      const big = JSON.stringify({ result: "none", reference: "x".repeat(70 * 1024) })
      handler = signedAnswer(big)
      expect((await failureOf(ask(provider()))).message).toMatch(/larger than 65536 bytes/)
      // no content-length: chunks until the cap is passed
      handler = (_req, body, res) => {
        res.writeHead(200, { "x-payment-risk-signature": sign(SECRET, `${JSON.parse(body).request_id}.${big}`) })
        for (let i = 0; i < big.length; i += 4096) res.write(big.slice(i, i + 4096))
        res.end()
      }
      const error = await failureOf(ask(provider()))
      expect(error.message).toMatch(/larger than 65536 bytes/)
      expect(error.kind).toBe("invalid_answer")
    })

    it.each<[number, string]>([
      [400, "client_error"],
      [404, "client_error"],
      [422, "client_error"],
      [500, "server_error"],
      [503, "server_error"],
    ])("should classify a %s answer as %s", async (status, kind) => {
      handler = (_req, _body, res) => {
        res.writeHead(status)
        res.end("{}")
      }
      expect((await failureOf(ask(provider()))).kind).toBe(kind)
    })

    it("should classify a refused connection as a transport error", async () => {
      const closed = http.createServer()
      await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve))
      const port = (closed.address() as AddressInfo).port
      await new Promise<void>((resolve) => closed.close(() => resolve()))
      const p = new HttpCreditCheckProvider({ url: `http://127.0.0.1:${port}/check`, secret: SECRET })
      expect((await failureOf(ask(p))).kind).toBe("transport")
    })
  })
})

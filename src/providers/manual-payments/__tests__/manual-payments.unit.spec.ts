import { Modules, PaymentSessionStatus } from "@medusajs/framework/utils"
import manualPayments, {
  CashOnDeliveryProviderService,
  InvoiceProviderService,
  ManualPaymentProviderService,
  PrepaymentProviderService,
} from ".."
import { statusOf, readPaymentData } from "../services/payment-data"

type ProviderCase = {
  name: string
  create: () => ManualPaymentProviderService
  identifier: string
  providerId: string
  referencePattern: RegExp
}

const cases: ProviderCase[] = [
  {
    name: "prepayment",
    create: () => new PrepaymentProviderService({}),
    identifier: "prepayment",
    providerId: "pp_prepayment_manual",
    referencePattern: /^PR-[A-Z0-9]{8}$/,
  },
  {
    name: "cash on delivery",
    create: () => new CashOnDeliveryProviderService({}),
    identifier: "cash-on-delivery",
    providerId: "pp_cash-on-delivery_manual",
    referencePattern: /^COD-[A-Z0-9]{8}$/,
  },
  {
    name: "invoice",
    create: () => new InvoiceProviderService({}),
    identifier: "invoice",
    providerId: "pp_invoice_manual",
    referencePattern: /^INV-[A-Z0-9]{8}$/,
  },
]

const ISO_DATE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/

/** Walks a provider through Medusa's order of calls up to the authorized payment's data. */
async function authorizedData(provider: ManualPaymentProviderService): Promise<Record<string, unknown>> {
  const session = await provider.initiatePayment({
    amount: 100,
    currency_code: "eur",
    data: { session_id: "payses_1" },
  })
  const authorized = await provider.authorizePayment({ data: session.data })
  return authorized.data ?? {}
}

async function capturedData(provider: ManualPaymentProviderService): Promise<Record<string, unknown>> {
  const data = await authorizedData(provider)
  const captured = await provider.capturePayment({ data, context: { idempotency_key: "capt_1" } })
  return captured.data ?? {}
}

describe("manual payment providers", () => {
  describe("when the package is loaded by the payment module", () => {
    it("should export the three services for the payment module", () => {
      expect(manualPayments.services).toEqual([
        PrepaymentProviderService,
        CashOnDeliveryProviderService,
        InvoiceProviderService,
      ])
      expect(Modules.PAYMENT).toBe("payment")
    })
  })

  describe.each(cases)("when the provider is $name", (testCase) => {
    it("should have the identifier that makes the expected provider id", () => {
      const provider = testCase.create()
      expect(provider.getIdentifier()).toBe(testCase.identifier)
      expect(`pp_${provider.getIdentifier()}_manual`).toBe(testCase.providerId)
    })

    describe("when a session is initiated", () => {
      it("should return an id, pending status and a reference in data", async () => {
        const result = await testCase.create().initiatePayment({
          amount: 49.9,
          currency_code: "eur",
          data: { session_id: "payses_1" },
        })

        expect(result.id).toEqual(expect.any(String))
        expect(result.status).toBe(PaymentSessionStatus.PENDING)
        expect(result.data).toEqual({
          session_id: "payses_1",
          method: testCase.identifier,
          reference: result.id,
          authorized_at: null,
          captured_at: null,
          captures: [],
          refunded_amount: 0,
          refunds: [],
          canceled_at: null,
        })
        expect(result.data?.reference).toMatch(testCase.referencePattern)
      })

      it("should give every session its own reference", async () => {
        const provider = testCase.create()
        const references = new Set<unknown>()
        for (let i = 0; i < 50; i++) {
          const result = await provider.initiatePayment({ amount: 1, currency_code: "eur" })
          references.add(result.data?.reference)
        }
        expect(references.size).toBe(50)
      })

      it("should overwrite lifecycle fields a shopper sends in data", async () => {
        const result = await testCase.create().initiatePayment({
          amount: 10,
          currency_code: "eur",
          data: {
            captured_at: "2020-01-01T00:00:00.000Z",
            authorized_at: "2020-01-01T00:00:00.000Z",
            reference: "PR-FAKE",
            method: "card",
            refunded_amount: 5,
          },
        })

        expect(result.data).toMatchObject({
          method: testCase.identifier,
          captured_at: null,
          authorized_at: null,
          refunded_amount: 0,
        })
        expect(result.data?.reference).toMatch(testCase.referencePattern)
      })
    })

    describe("when the session is updated", () => {
      it("should keep the reference and the foreign keys", async () => {
        const provider = testCase.create()
        const session = await provider.initiatePayment({ amount: 10, currency_code: "eur", data: { session_id: "s" } })
        const updated = await provider.updatePayment({ amount: 20, currency_code: "eur", data: session.data })

        expect(updated.data).toEqual(session.data)
      })
    })

    describe("when the order is placed", () => {
      it("should authorize the payment and record authorized_at", async () => {
        const provider = testCase.create()
        const session = await provider.initiatePayment({ amount: 10, currency_code: "eur" })
        const result = await provider.authorizePayment({ data: session.data })

        expect(result.status).toBe(PaymentSessionStatus.AUTHORIZED)
        expect(result.data).toMatchObject({
          reference: session.data?.reference,
          authorized_at: expect.stringMatching(ISO_DATE),
        })
      })
    })

    describe("when the merchant captures the payment", () => {
      it("should keep data and record captured_at", async () => {
        const provider = testCase.create()
        const authorized = await authorizedData(provider)
        const result = await provider.capturePayment({ data: authorized, context: { idempotency_key: "capt_1" } })

        expect(result.data).toEqual({
          ...authorized,
          captured_at: expect.stringMatching(ISO_DATE),
          captures: [{ capture_id: "capt_1", captured_at: result.data?.captured_at }],
        })
      })

      it("should list partial captures and ignore a retried one", async () => {
        const provider = testCase.create()
        const first = await capturedData(provider)
        const retried = await provider.capturePayment({ data: first, context: { idempotency_key: "capt_1" } })
        const second = await provider.capturePayment({ data: retried.data, context: { idempotency_key: "capt_2" } })

        expect(retried.data).toEqual(first)
        expect(second.data?.captures).toEqual([
          { capture_id: "capt_1", captured_at: expect.stringMatching(ISO_DATE) },
          { capture_id: "capt_2", captured_at: expect.stringMatching(ISO_DATE) },
        ])
      })
    })

    describe("when the merchant refunds", () => {
      it.each([
        { amounts: [30], expected: 30 },
        { amounts: [0.1, 0.2], expected: 0.3 },
        { amounts: [10, 15.5, 4.5], expected: 30 },
      ])("should accumulate $amounts to $expected", async ({ amounts, expected }) => {
        const provider = testCase.create()
        let data = await capturedData(provider)
        for (const [index, amount] of amounts.entries()) {
          const result = await provider.refundPayment({ data, amount, context: { idempotency_key: `ref_${index}` } })
          data = result.data ?? {}
        }

        expect(data.refunded_amount).toBe(expected)
        expect(data.refunds).toHaveLength(amounts.length)
        expect(data.reference).toEqual(expect.stringMatching(testCase.referencePattern))
        expect(data.captured_at).toEqual(expect.stringMatching(ISO_DATE))
      })

      it("should read Medusa's raw big-number amounts", async () => {
        const provider = testCase.create()
        const data = await capturedData(provider)
        const result = await provider.refundPayment({ data, amount: { value: "12.34", precision: 20 } })

        expect(result.data).toMatchObject({ refunded_amount: 12.34, refunds: [{ amount: 12.34, refund_id: null }] })
      })

      it("should not count a retried refund twice", async () => {
        const provider = testCase.create()
        const data = await capturedData(provider)
        const first = await provider.refundPayment({ data, amount: 5, context: { idempotency_key: "ref_1" } })
        const retried = await provider.refundPayment({ data: first.data, amount: 5, context: { idempotency_key: "ref_1" } })

        expect(retried.data?.refunded_amount).toBe(5)
      })
    })

    describe("when the payment is canceled", () => {
      it("should record canceled_at and report canceled", async () => {
        const provider = testCase.create()
        const authorized = await authorizedData(provider)
        const canceled = await provider.cancelPayment({ data: authorized })
        const again = await provider.cancelPayment({ data: canceled.data })
        const status = await provider.getPaymentStatus({ data: canceled.data })

        expect(canceled.data).toMatchObject({ ...authorized, canceled_at: expect.stringMatching(ISO_DATE) })
        expect(again.data?.canceled_at).toBe(canceled.data?.canceled_at)
        expect(status.status).toBe(PaymentSessionStatus.CANCELED)
      })

      it("should not authorize a canceled session", async () => {
        const provider = testCase.create()
        const session = await provider.initiatePayment({ amount: 10, currency_code: "eur" })
        const canceled = await provider.cancelPayment({ data: session.data })
        const result = await provider.authorizePayment({ data: canceled.data })

        expect(result.status).toBe(PaymentSessionStatus.CANCELED)
      })
    })

    describe("when the status is asked for", () => {
      it.each([
        { stage: "initiated", expected: PaymentSessionStatus.PENDING },
        { stage: "authorized", expected: PaymentSessionStatus.AUTHORIZED },
        { stage: "captured", expected: PaymentSessionStatus.CAPTURED },
      ])("should report $expected for a $stage payment", async ({ stage, expected }) => {
        const provider = testCase.create()
        const data =
          stage === "initiated"
            ? (await provider.initiatePayment({ amount: 1, currency_code: "eur" })).data
            : stage === "authorized"
              ? await authorizedData(provider)
              : await capturedData(provider)

        const result = await provider.getPaymentStatus({ data })

        expect(result.status).toBe(expected)
        expect(result.data).toEqual(data)
      })
    })

    describe("when the payment is retrieved or deleted", () => {
      it("should return the stored data unchanged", async () => {
        const provider = testCase.create()
        const data = await authorizedData(provider)

        expect((await provider.retrievePayment({ data })).data).toEqual(data)
        expect((await provider.deletePayment({ data })).data).toEqual(data)
      })
    })

    describe("when a webhook arrives", () => {
      it("should answer not_supported", async () => {
        const result = await testCase.create().getWebhookActionAndData({ data: {}, rawData: "", headers: {} })

        expect(result).toEqual({ action: "not_supported" })
      })
    })
  })

  describe("when stored data is missing or malformed", () => {
    it.each([
      { data: undefined, expected: "pending" },
      { data: {}, expected: "pending" },
      { data: { authorized_at: 42 }, expected: "pending" },
      { data: { authorized_at: "2024-01-01T00:00:00.000Z" }, expected: "authorized" },
      { data: { authorized_at: "2024-01-01T00:00:00.000Z", captured_at: "2024-01-02T00:00:00.000Z" }, expected: "captured" },
      { data: { captured_at: "2024-01-02T00:00:00.000Z", canceled_at: "2024-01-03T00:00:00.000Z" }, expected: "canceled" },
    ])("should derive $expected from $data", ({ data, expected }) => {
      const read = readPaymentData(data, { method: "invoice", reference: () => "INV-TEST" })

      expect(statusOf(read)).toBe(expected)
    })

    it("should keep a stored reference and drop malformed list entries", () => {
      const read = readPaymentData(
        {
          reference: "PR-KEEPME22",
          refunded_amount: "7.5",
          refunds: [{ amount: 7.5, refunded_at: "2024-01-01T00:00:00.000Z" }, { amount: "x" }, "junk"],
          captures: [null, { captured_at: "2024-01-01T00:00:00.000Z", capture_id: "capt_1" }],
        },
        { method: "prepayment", reference: () => "PR-NEW" }
      )

      expect(read).toMatchObject({
        reference: "PR-KEEPME22",
        refunded_amount: 7.5,
        refunds: [{ amount: 7.5, refund_id: null, refunded_at: "2024-01-01T00:00:00.000Z" }],
        captures: [{ capture_id: "capt_1", captured_at: "2024-01-01T00:00:00.000Z" }],
      })
    })
  })
})

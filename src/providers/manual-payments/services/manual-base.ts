import {
  AuthorizePaymentInput,
  AuthorizePaymentOutput,
  CancelPaymentInput,
  CancelPaymentOutput,
  CapturePaymentInput,
  CapturePaymentOutput,
  DeletePaymentInput,
  DeletePaymentOutput,
  GetPaymentStatusInput,
  GetPaymentStatusOutput,
  InitiatePaymentInput,
  InitiatePaymentOutput,
  ProviderWebhookPayload,
  RefundPaymentInput,
  RefundPaymentOutput,
  RetrievePaymentInput,
  RetrievePaymentOutput,
  UpdatePaymentInput,
  UpdatePaymentOutput,
  WebhookActionResult,
} from "@medusajs/framework/types"
import {
  AbstractPaymentProvider,
  MathBN,
  PaymentActions,
  PaymentSessionStatus,
} from "@medusajs/framework/utils"
import {
  generateReference,
  ManualLifecycleStatus,
  ManualPaymentData,
  ManualPaymentMethod,
  newPaymentData,
  readPaymentData,
  statusOf,
} from "./payment-data"

/** The providers take no options today; the type leaves room for them. */
export type ManualPaymentsOptions = Record<string, unknown>

const SESSION_STATUS: Record<ManualLifecycleStatus, PaymentSessionStatus> = {
  pending: PaymentSessionStatus.PENDING,
  authorized: PaymentSessionStatus.AUTHORIZED,
  captured: PaymentSessionStatus.CAPTURED,
  canceled: PaymentSessionStatus.CANCELED,
}

/**
 * Shared behaviour of the manual payment methods (prepayment, cash on delivery, invoice).
 *
 * No money moves through Medusa: placing the order authorizes the payment, and the merchant
 * "captures" it (admin order page → capture, `POST /admin/payments/:id/capture`) once the
 * bank transfer, the carrier's payout or the invoice payment has arrived. Refunds and cancels
 * are recorded in `data`; the merchant sends refunds back by hand.
 *
 * Every method keeps the keys it does not own (e.g. Medusa's `session_id`) and returns the full
 * `data`, because Medusa overwrites the stored `data` with what the provider returns.
 */
export abstract class ManualPaymentProviderService extends AbstractPaymentProvider<ManualPaymentsOptions> {
  /** The method stored in `data.method`; equals the subclass' static `identifier`. */
  protected abstract readonly method: ManualPaymentMethod
  /** Prefix of the human-readable payment reference, e.g. `PR`. */
  protected abstract readonly referencePrefix: string

  constructor(cradle: Record<string, unknown>, options?: ManualPaymentsOptions) {
    super(cradle, options ?? {})
  }

  /** Current time as ISO string; a seam for tests. */
  protected now(): string {
    return new Date().toISOString()
  }

  protected newReference(): string {
    return generateReference(this.referencePrefix)
  }

  protected read(data: Record<string, unknown> | undefined): ManualPaymentData {
    return readPaymentData(data, {
      method: this.method,
      reference: () => this.newReference(),
    })
  }

  /** Foreign keys first, ours on top: our fields can never be set by a caller's `data`. */
  protected write(
    input: Record<string, unknown> | undefined,
    data: ManualPaymentData
  ): Record<string, unknown> {
    return { ...(input ?? {}), ...data }
  }

  /**
   * A new session with a fresh reference. Every lifecycle field is written explicitly (as
   * `null`/empty): Medusa stores `{ ...callerData, ...providerData }`, and the caller's `data`
   * can come from the storefront, so a shopper must not be able to smuggle in `captured_at`.
   */
  async initiatePayment(input: InitiatePaymentInput): Promise<InitiatePaymentOutput> {
    const data = newPaymentData(this.method, this.newReference())
    return {
      id: data.reference,
      status: PaymentSessionStatus.PENDING,
      data: this.write(input.data, data),
    }
  }

  /** Amount or currency changed: nothing to tell a third party; keep the reference. */
  async updatePayment(input: UpdatePaymentInput): Promise<UpdatePaymentOutput> {
    return { data: this.write(input.data, this.read(input.data)) }
  }

  /** Nothing exists outside Medusa, so there is nothing to delete. */
  async deletePayment(input: DeletePaymentInput): Promise<DeletePaymentOutput> {
    return { data: input.data ?? {} }
  }

  /** Placing the order authorizes the payment: the shopper has promised to pay. */
  async authorizePayment(input: AuthorizePaymentInput): Promise<AuthorizePaymentOutput> {
    const current = this.read(input.data)
    if (current.canceled_at) {
      return { status: PaymentSessionStatus.CANCELED, data: this.write(input.data, current) }
    }
    const data: ManualPaymentData = {
      ...current,
      authorized_at: current.authorized_at ?? this.now(),
    }
    return { status: PaymentSessionStatus.AUTHORIZED, data: this.write(input.data, data) }
  }

  /**
   * The merchant recorded the incoming money. Medusa may capture in parts, so each call is
   * listed in `captures`; `captured_at` is the latest. A retried call with the same
   * idempotency key (Medusa's capture id) changes nothing.
   */
  async capturePayment(input: CapturePaymentInput): Promise<CapturePaymentOutput> {
    const current = this.read(input.data)
    const captureId = input.context?.idempotency_key ?? null
    if (captureId && current.captures.some((entry) => entry.capture_id === captureId)) {
      return { data: this.write(input.data, current) }
    }
    const capturedAt = this.now()
    const data: ManualPaymentData = {
      ...current,
      captured_at: capturedAt,
      captures: [...current.captures, { capture_id: captureId, captured_at: capturedAt }],
    }
    return { data: this.write(input.data, data) }
  }

  /**
   * Records a refund the merchant pays back by hand. Medusa has already checked the amount
   * against what was captured. Amounts are summed with Medusa's big-number maths.
   */
  async refundPayment(input: RefundPaymentInput): Promise<RefundPaymentOutput> {
    const current = this.read(input.data)
    const refundId = input.context?.idempotency_key ?? null
    if (refundId && current.refunds.some((entry) => entry.refund_id === refundId)) {
      return { data: this.write(input.data, current) }
    }
    const amount = MathBN.convert(input.amount).toNumber()
    const data: ManualPaymentData = {
      ...current,
      refunded_amount: MathBN.add(current.refunded_amount, amount).toNumber(),
      refunds: [...current.refunds, { refund_id: refundId, amount, refunded_at: this.now() }],
    }
    return { data: this.write(input.data, data) }
  }

  /** The order was canceled before the money arrived. Idempotent: the first time is kept. */
  async cancelPayment(input: CancelPaymentInput): Promise<CancelPaymentOutput> {
    const current = this.read(input.data)
    const data: ManualPaymentData = {
      ...current,
      canceled_at: current.canceled_at ?? this.now(),
    }
    return { data: this.write(input.data, data) }
  }

  /** Medusa's record is the only record. */
  async retrievePayment(input: RetrievePaymentInput): Promise<RetrievePaymentOutput> {
    return { data: input.data ?? {} }
  }

  /** Derived from the timestamps in `data`: canceled > captured > authorized > pending. */
  async getPaymentStatus(input: GetPaymentStatusInput): Promise<GetPaymentStatusOutput> {
    const data = this.read(input.data)
    return { status: SESSION_STATUS[statusOf(data)], data: this.write(input.data, data) }
  }

  /** Manual payments have no payment service provider that could call a webhook. */
  async getWebhookActionAndData(
    _payload: ProviderWebhookPayload["payload"]
  ): Promise<WebhookActionResult> {
    return { action: PaymentActions.NOT_SUPPORTED }
  }
}

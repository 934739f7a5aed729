import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { normaliseSubject, PersonAddress } from "../../../engine"
import orderRiskAssessmentLink from "../../../links/order-risk-assessment"
import { PAYMENT_RISK_MODULE } from "../../../modules/payment-risk"
import PaymentRiskModuleService, { ShopperErasurePlan } from "../../../modules/payment-risk/service"
import { normalizeEmail } from "../../../engine/identity/shopper-key"
import { AssessmentOrderLink } from "../../../risk/privacy/assessment-links"
import { isShopperIpEntry, isShopperListEntry, ShopperData, shopperListCriteria } from "../../../risk/privacy/shopper-entries"
import { cartsOfOrders } from "../../../risk/readers/cart-of-order"
import { signalKeyCandidates } from "../../../risk/signals/signal-keys"

export const findShopperDataStepId = "find-payment-risk-shopper-data"

export type FindShopperDataInput = {
  email?: string | null
  customer_id?: string | null
  /** keep her negative-list entries (they are still found, to report them) */
  keep_negative_list?: boolean
}

export type ShopperDataPlan = ShopperErasurePlan & {
  /** order ↔ assessment links of her assessments, deleted before the rows are scrubbed */
  assessment_links: AssessmentOrderLink[]
  /** her orders held for payment-risk review (the erasure waits for the merchant's decision) */
  pending_review_order_ids: string[]
}

type Knex = { raw: (sql: string, bindings: unknown[]) => Promise<{ rows: any[] }> }
type Address = PersonAddress & { phone?: string | null }
type Sessions = Array<{ data?: unknown } | null> | null | undefined

const ADDRESS_FIELDS = ["first_name", "last_name", "company", "address_1", "address_2", "postal_code", "city", "country_code", "phone"]
const unique = (values: Array<string | null | undefined>): string[] => [...new Set(values.filter((v): v is string => !!v))]
const addressesOf = (...addresses: Array<Address | null | undefined>): Address[] => addresses.filter((a): a is Address => !!a)

/**
 * Finds everything of one shopper that the plugin holds, from her email and/or customer id:
 * her customer accounts (same email, case-insensitive), the carts and orders of those emails and
 * accounts in Medusa's own tables (plain SQL with bound parameters: `lower(email)` uses the
 * plugin's order-email index), the carts those orders came from, her assessments (by email,
 * account, cart or order, which adds their carts and orders), the keyed hashes her tracking rows
 * hold, and her negative-list entries (see isShopperListEntry; exact IPs by the keyed hash of the
 * IPs her carts were seen from). Read only.
 */
export const findShopperDataStep = createStep(
  findShopperDataStepId,
  async (input: FindShopperDataInput, { container }) => {
    const knex = container.resolve<Knex>(ContainerRegistrationKeys.PG_CONNECTION)
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const service = container.resolve<PaymentRiskModuleService>(PAYMENT_RISK_MODULE)
    // every configured secret and the legacy scheme: rows hashed before a rotation are hers too
    const hashKeys = service.getHashKeys()

    const givenEmail = normalizeEmail(input.email)
    const accounts = (
      await knex.raw(`select id, lower(email) as email, phone from customer where id = any(?::text[]) or lower(email) = any(?::text[])`, [
        unique([input.customer_id]),
        unique([givenEmail]),
      ])
    ).rows as Array<{ id: string; email: string | null; phone: string | null }>
    const customerIds = unique([input.customer_id, ...accounts.map((a) => a.id)])
    let emails = unique([givenEmail, ...accounts.map((a) => a.email)])

    const carts = (
      await knex.raw(`select id, lower(email) as email from cart where lower(email) = any(?::text[]) or customer_id = any(?::text[])`, [emails, customerIds])
    ).rows as Array<{ id: string; email: string | null }>
    const orders = (
      await knex.raw(`select id, lower(email) as email from "order" where lower(email) = any(?::text[]) or customer_id = any(?::text[])`, [emails, customerIds])
    ).rows as Array<{ id: string; email: string | null }>
    emails = unique([...emails, ...carts.map((c) => c.email), ...orders.map((o) => o.email)])
    let orderIds = unique(orders.map((o) => o.id))
    const orderCarts = await cartsOfOrders(container, orderIds)
    let cartIds = unique([...carts.map((c) => c.id), ...orderCarts.map((link) => link.cart_id)])

    const assessments = await service.findShopperAssessments({ emails, customer_ids: customerIds, cart_ids: cartIds, order_ids: orderIds })
    cartIds = unique([...cartIds, ...assessments.map((a) => (a.cart_id.startsWith("erased:") ? null : a.cart_id))])
    orderIds = unique([...orderIds, ...assessments.map((a) => a.order_id)])
    const assessmentIds = assessments.map((a) => a.id)
    const { data: links } = assessmentIds.length
      ? await query.graph({
          entity: orderRiskAssessmentLink.entryPoint,
          fields: ["order_id", "risk_assessment_id"],
          filters: { risk_assessment_id: assessmentIds },
        })
      : { data: [] }

    const keys = await service.findShopperKeys({ cart_ids: cartIds, customer_ids: customerIds })
    const emailKeys = unique(
      emails
        .map((email) => normaliseSubject({ addresses: [], email }, hashKeys).email)
        .flatMap((e) => (e ? signalKeyCandidates(hashKeys, "email", e) : []))
    )

    const shopper = await readShopperData(query, { cartIds, orderIds, customerIds, emails })
    const criteria = shopperListCriteria({ ...shopper, phones: [...shopper.phones, ...accounts.map((a) => a.phone ?? "")].filter(Boolean) }, hashKeys)
    const candidates = await service.findShopperListEntries(criteria)
    const entryIds = candidates.filter((entry) => isShopperListEntry(entry, criteria, shopper.addresses)).map((entry) => entry.id)
    if (keys.ip_keys.length) {
      const ipKeys = new Set(keys.ip_keys)
      for (let after = ""; ; ) {
        const page = await service.listIpEntries(after)
        if (!page.length) break
        entryIds.push(...page.filter((entry) => isShopperIpEntry(entry.value, ipKeys, (ip) => signalKeyCandidates(hashKeys, "ip", ip))).map((entry) => entry.id))
        after = page[page.length - 1].id
      }
    }
    const listEntryIds = unique(entryIds)

    const plan: ShopperDataPlan = {
      customer_ids: customerIds,
      cart_ids: cartIds,
      order_ids: orderIds,
      email_keys: emailKeys,
      assessment_ids: assessmentIds,
      credit_identity_hashes: keys.credit_identity_hashes,
      list_entry_ids: input.keep_negative_list ? [] : listEntryIds,
      kept_list_entry_ids: input.keep_negative_list ? listEntryIds : [],
      pending_review_order_ids: unique(assessments.filter((a) => a.review_status === "pending").map((a) => a.order_id)),
      assessment_links: (links as Array<{ order_id?: string; risk_assessment_id?: string }>)
        .filter((link): link is AssessmentOrderLink => !!link.order_id && !!link.risk_assessment_id)
        .map((link) => ({ order_id: link.order_id, risk_assessment_id: link.risk_assessment_id })),
    }
    return new StepResponse(plan)
  }
)

type Query = { graph: (config: { entity: string; fields: string[]; filters: Record<string, unknown> }) => Promise<{ data: unknown[] }> }

/** Her addresses, phone numbers and payment sessions' data, from her carts, orders and accounts. */
async function readShopperData(
  query: Query,
  ids: { cartIds: string[]; orderIds: string[]; customerIds: string[]; emails: string[] }
): Promise<ShopperData> {
  const addressFields = (path: string) => ADDRESS_FIELDS.map((field) => `${path}.${field}`)
  const [carts, orders, customers] = await Promise.all([
    ids.cartIds.length
      ? query.graph({
          entity: "cart",
          fields: ["id", ...addressFields("billing_address"), ...addressFields("shipping_address"), "payment_collection.payment_sessions.data"],
          filters: { id: ids.cartIds },
        })
      : { data: [] },
    ids.orderIds.length
      ? query.graph({
          entity: "order",
          fields: ["id", ...addressFields("billing_address"), ...addressFields("shipping_address"), "payment_collections.payment_sessions.data"],
          filters: { id: ids.orderIds },
        })
      : { data: [] },
    ids.customerIds.length
      ? query.graph({ entity: "customer", fields: ["id", "first_name", "last_name", "company_name", "phone", ...addressFields("addresses")], filters: { id: ids.customerIds } })
      : { data: [] },
  ])
  type Row = {
    billing_address?: Address | null
    shipping_address?: Address | null
    payment_collection?: { payment_sessions?: Sessions } | null
    payment_collections?: Array<{ payment_sessions?: Sessions } | null> | null
  }
  type Customer = { first_name?: string | null; last_name?: string | null; company_name?: string | null; phone?: string | null; addresses?: Address[] | null }
  const cartRows = carts.data as Row[]
  const orderRows = orders.data as Row[]
  const customerRows = customers.data as Customer[]
  const sessions = [
    ...cartRows.flatMap((cart) => cart.payment_collection?.payment_sessions ?? []),
    ...orderRows.flatMap((order) => (order.payment_collections ?? []).flatMap((collection) => collection?.payment_sessions ?? [])),
  ]
  return {
    emails: ids.emails,
    customer_ids: ids.customerIds,
    order_ids: ids.orderIds,
    addresses: [
      ...[...cartRows, ...orderRows].flatMap((row) => addressesOf(row.billing_address, row.shipping_address)),
      // an address-book entry without a name belongs to the account's own name
      ...customerRows.flatMap((customer) =>
        (customer.addresses ?? []).map((address) => ({
          ...address,
          first_name: address.first_name || customer.first_name,
          last_name: address.last_name || customer.last_name,
          company: address.company || customer.company_name,
        }))
      ),
    ],
    phones: unique(customerRows.map((customer) => customer.phone)),
    session_data: sessions.map((session) => session?.data).filter((data) => data !== undefined && data !== null),
  }
}

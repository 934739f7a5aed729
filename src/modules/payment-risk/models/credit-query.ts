import { model } from "@medusajs/framework/utils"
import { CREDIT_FAILURE_KINDS, CREDIT_RESULTS, TRAFFIC_LIGHTS } from "../../../engine/credit/types"

/**
 * One credit-check query (or cache hit): which provider, for which identity (keyed hash only,
 * no personal data), the answer, what it cost and how long it took, or why it failed.
 * Cache lookups and the circuit breaker read this table, so they hold across server instances;
 * the breaker counts only failures whose kind says the bureau is unwell. Hard-deleted after
 * `retention.credit_query_days` (never before the answers' cache) and on the shopper's erasure
 * request (her carts and the identities asked for them).
 */
const CreditQuery = model
  .define({ name: "CreditQuery", tableName: "payment_risk_credit_query" }, {
    id: model.id({ prefix: "prcq" }).primaryKey(),
    provider_id: model.text(),
    identity_hash: model.text(),
    /**
     * id of the secret `identity_hash` was made with (`legacy` before per-purpose keys): the
     * answers' cache looks the identity up under every configured secret
     */
    key_id: model.text().nullable(),
    cart_id: model.text().nullable(),
    result: model.enum([...CREDIT_RESULTS]).nullable(),
    score: model.float().nullable(),
    traffic_light: model.enum([...TRAFFIC_LIGHTS]).nullable(),
    reference: model.text().nullable(),
    cost: model.float().default(0),
    latency_ms: model.number().default(0),
    cached: model.boolean().default(false),
    error: model.text().nullable(),
    /** why it failed: only transport, timeout and server_error count for the circuit breaker */
    failure_kind: model.enum([...CREDIT_FAILURE_KINDS]).nullable(),
  })
  .indexes([{ on: ["identity_hash", "created_at"] }, { on: ["provider_id", "created_at"] }, { on: ["cart_id", "created_at"] }])

export default CreditQuery

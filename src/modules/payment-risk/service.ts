import { Context } from "@medusajs/framework/types"
import {
  InjectManager,
  InjectTransactionManager,
  MedusaContext,
  MedusaError,
  MedusaService,
  generateEntityId,
} from "@medusajs/framework/utils"
import { EntityManager, Knex } from "@medusajs/framework/mikro-orm/knex"
import {
  BREAKER_FAILURE_KINDS,
  CreditLimitName,
  CreditLimits,
  Decision,
  exceededCreditLimit,
  HashKeys,
  hashKeys,
  HiddenProvider,
  defaultClassFor,
  PaymentClass,
  RiskRule as EngineRule,
  RiskSettings as EngineSettings,
  withDefaults,
} from "../../engine"
import CartSignal from "./models/cart-signal"
import CreditLimitEvent from "./models/credit-limit-event"
import CreditQuery from "./models/credit-query"
import CreditReservation from "./models/credit-reservation"
import IdentityObservation from "./models/identity-observation"
import NegativeListAudit from "./models/negative-list-audit"
import NegativeListEntry from "./models/negative-list-entry"
import ProviderClassification from "./models/provider-classification"
import ReviewEvent from "./models/review-event"
import RiskAssessment from "./models/risk-assessment"
import RiskRule from "./models/risk-rule"
import RiskSettings from "./models/risk-settings"
import SecurityTip from "./models/security-tip"
import { AUDITED_FIELDS, PreparedEntry } from "./negative-list-types"
import { maskAuditChanges } from "../../engine/privacy/mask"
import { scrubDecision } from "./privacy/scrub-decision"
import {
  backfilledListEntryExpiry,
  daysBefore,
  newListEntryExpiry,
  RetentionPeriods,
  retentionPeriods,
} from "../../engine/privacy/retention"
import { CreditCheckProvider } from "./credit/provider"
import { loadCreditProviders } from "./credit/registry"
import { PaymentRiskOptions, PaymentRiskOptionsSchema } from "./options"
import { bulkEntityId } from "./entity-id"

const STORE_SCOPE = "store"
/** settings row whose presence records that the default rules were seeded (once, ever) */
const RULES_SEEDED_SCOPE = "rules_seeded"
/** columns a velocity count may read: a fixed list, never taken from a request */
const SIGNAL_COLUMNS = ["email_key", "phone_key", "address_key", "ip_key", "customer_id"] as const

/** Who a credit check is about and for (keyed hashes only), for the abuse limits. */
export type CreditRequest = {
  cart_id: string
  identity_hash: string
  ip_key: string | null
  customer_id: string | null
  /** a query to a bureau (false: a cache hit) */
  paid: boolean
}

export type CreditReservationResult = { ok: true; reservation_id: string } | { ok: false; limit: CreditLimitName; max: number }

/** the abuse limits' rolling window */
export const CREDIT_LIMIT_WINDOW_SECONDS = 3600
/** reservation rows are kept this long (far beyond the window), then deleted */
const CREDIT_RESERVATION_KEEP_SECONDS = 86_400

export type ListEntryFilters = { kind?: string; source?: string; q?: string; expired?: boolean }

/** What an export holds: hashed values only (IBAN/card as keyed hash + display hint). */
export const EXPORT_COLUMNS = [
  "id", "kind", "first_name", "last_name", "company", "address_1", "address_2", "postal_code",
  "city", "country_code", "value", "display_hint", "reason", "source", "expires_at", "note",
  "created_at", "created_by", "key_id",
]
/** identity key of an assessment whose personal data was erased */
export const ERASED = "erased"

/**
 * One shopper's rows in the plugin's tables, as the erasure workflow found them
 * (src/workflows/steps/find-shopper-data.ts): ids and keyed hashes, no clear values.
 */
export type ShopperErasurePlan = {
  customer_ids: string[]
  cart_ids: string[]
  order_ids: string[]
  /** keyed hashes of the shopper's emails, as velocity signals and identity observations hold them */
  email_keys: string[]
  assessment_ids: string[]
  /** keyed hashes of the person + address the credit bureau was asked about */
  credit_identity_hashes: string[]
  /** negative-list entries to delete with their audit rows (none with `keep_negative_list`) */
  list_entry_ids: string[]
  /** the shopper's entries kept on the list (`keep_negative_list`) */
  kept_list_entry_ids: string[]
}

export type ShopperErasureResult = {
  /** assessments scrubbed to anonymous figures */
  erased: number
  signals_deleted: number
  identity_observations_deleted: number
  credit_queries_deleted: number
  credit_reservations_deleted: number
  credit_limit_events_deleted: number
  review_events_deleted: number
  list_entries_deleted: number
  list_audits_deleted: number
  list_entries_kept: number
}

/** What the erasure looks for on the negative list (normalised as entries store them). */
export type ShopperListCriteria = {
  emails: string[]
  customer_ids: string[]
  phones: string[]
  order_ids: string[]
  iban_hashes: string[]
  card_hashes: string[]
  /** lookup keys of the shopper's addresses: candidates for person entries (scored by the caller) */
  address_keys: string[]
}

export type ListEntryCandidate = {
  id: string
  kind: string
  first_name: string | null
  last_name: string | null
  company: string | null
  address_1: string | null
  address_2: string | null
  postal_code: string | null
  city: string | null
  country_code: string | null
  value: string | null
  order_id: string | null
}

/** Rows the retention job deleted (assessments: scrubbed) per table. */
export type RetentionResult = {
  credit_queries: number
  credit_limit_events: number
  review_events: number
  list_entries_backfilled: number
  list_entries: number
  list_audits: number
}

/** rows deleted per statement by the retention job, so no delete holds its locks for long */
const PURGE_BATCH = 5000
/** assessments scrubbed per statement */
const SCRUB_BATCH = 500
/**
 * Tables and the time column their retention counts from: a fixed list, never taken from a
 * request (identity observations count from their last sighting, as the probing limit does).
 */
const PURGED_TABLES = {
  credit_queries: ["payment_risk_credit_query", "created_at"],
  credit_limit_events: ["payment_risk_credit_limit_event", "created_at"],
  review_events: ["payment_risk_review_event", "created_at"],
  list_audits: ["payment_risk_negative_list_audit", "created_at"],
} as const

/**
 * Scrubs assessments (bindings: the erased identity key, the rows as JSON): no email, customer
 * id, order link or cart link (the cart id becomes `erased:<own id>`, unique and pointing
 * nowhere), the decision reduced to anonymous figures (scrubDecision).
 */
const UPDATE_SCRUBBED_ASSESSMENTS = `
  update payment_risk_assessment a
     set email = null, customer_id = null, order_id = null, identity_key = ?,
         cart_id = 'erased:' || a.id, decision = u.decision, updated_at = now()
    from json_to_recordset(?::json) as u(id text, decision jsonb)
   where a.id = u.id`
export type ProviderClassView = {
  id: string
  risk_class: PaymentClass
  /** true when the merchant saved a class, or the plugin knows the provider */
  confirmed: boolean
  default_class: PaymentClass
  known: boolean
}

export type StoredDecision = {
  /** true once the personal data was erased: anonymous figures only (scrubDecision) */
  erased?: true
  allowed_provider_ids: string[]
  hidden: HiddenProvider[]
  facts: Decision["facts"]
  signals?: Decision["signals"]
  /** every rule with its conditions' results, the score and the review flag */
  rules?: Decision["rules"]
}

export type AssessmentInput = {
  cart_id: string
  order_id?: string | null
  customer_id?: string | null
  email?: string | null
  identity_key: string
  selected_provider_id?: string | null
  outcome: "accepted" | "refused" | "abandoned"
  fallback: boolean
  decision: StoredDecision
  engine_version: string
  /** sum of the points of the rules that held */
  risk_score?: number
}

/** A default rule as shipped by the engine (`DEFAULT_RULES`). */
export type DefaultRuleRow = Omit<EngineRule, "id"> & { default_key: string }

/** One cart's signal row: keyed hashes only. `completed_at` undefined leaves it as it is. */
export type CartSignalRow = {
  cart_id: string
  customer_id: string | null
  email_key: string | null
  phone_key: string | null
  address_key: string | null
  ip_key: string | null
  contents_key: string | null
  completed_at?: Date | null
}

/** One velocity count: rows with `column = value` created (carts) or completed (orders) since `since`. */
export type SignalCount = {
  column: "email_key" | "phone_key" | "address_key" | "ip_key" | "customer_id"
  value: string
  source: "orders" | "carts"
  since: Date
}

const isoOrNull = (value: unknown): string | null =>
  value instanceof Date ? value.toISOString() : typeof value === "string" && value ? new Date(value).toISOString() : null

/** A stored rule row as the engine reads it (dates as ISO text). */
export function toEngineRule(row: {
  id: string
  name: string
  description?: string | null
  priority: number
  enabled: boolean
  valid_from?: unknown
  valid_until?: unknown
  conditions: unknown
  actions: unknown
  default_key?: string | null
}): EngineRule {
  return {
    id: row.id,
    name: row.name,
    description: row.description ?? null,
    priority: row.priority,
    enabled: row.enabled,
    valid_from: isoOrNull(row.valid_from),
    valid_until: isoOrNull(row.valid_until),
    conditions: row.conditions as EngineRule["conditions"],
    actions: row.actions as EngineRule["actions"],
    default_key: row.default_key ?? null,
  }
}

type InjectedDependencies = Record<string, unknown>

class PaymentRiskModuleService extends MedusaService({
  RiskSettings,
  ProviderClassification,
  RiskAssessment,
  NegativeListEntry,
  NegativeListAudit,
  CreditQuery,
  RiskRule,
  CartSignal,
  ReviewEvent,
  SecurityTip,
  IdentityObservation,
  CreditReservation,
  CreditLimitEvent,
}) {
  protected readonly options_: PaymentRiskOptions

  constructor(container: InjectedDependencies, options?: Record<string, unknown>) {
    super(...arguments)
    this.options_ = PaymentRiskOptionsSchema.parse(options ?? {})
  }

  /** The store's settings, merged with the defaults. Never returns plugin options. */
  async getSettings(): Promise<EngineSettings> {
    const [row] = await this.listRiskSettings({ scope: STORE_SCOPE }, { take: 1 })
    return withDefaults((row?.values as Partial<EngineSettings> | undefined) ?? null)
  }

  /** Saves validated settings (already merged by the caller) for the store scope. */
  async saveSettings(values: EngineSettings): Promise<EngineSettings> {
    const [row] = await this.listRiskSettings({ scope: STORE_SCOPE }, { take: 1 })
    if (row) {
      await this.updateRiskSettings({ id: row.id, values })
    } else {
      await this.createRiskSettings({ scope: STORE_SCOPE, values })
    }
    return withDefaults(values)
  }

  /** The class of each provider: the merchant's choice, else the plugin's default. */
  async getProviderClasses(providerIds: string[]): Promise<ProviderClassView[]> {
    if (!providerIds.length) {
      return []
    }
    const rows = await this.listProviderClassifications({ provider_id: providerIds })
    const saved = new Map(rows.map((row) => [row.provider_id, row.risk_class as PaymentClass]))
    return providerIds.map((id) => {
      const fallback = defaultClassFor(id)
      const stored = saved.get(id)
      return {
        id,
        risk_class: stored ?? fallback.risk_class,
        confirmed: stored !== undefined || fallback.known,
        default_class: fallback.risk_class,
        known: fallback.known,
      }
    })
  }

  async setProviderClass(providerId: string, riskClass: PaymentClass): Promise<ProviderClassView> {
    const [row] = await this.listProviderClassifications({ provider_id: providerId }, { take: 1 })
    if (row) {
      await this.updateProviderClassifications({ id: row.id, risk_class: riskClass })
    } else {
      await this.createProviderClassifications({ provider_id: providerId, risk_class: riskClass })
    }
    const [view] = await this.getProviderClasses([providerId])
    return view
  }

  /** One assessment per cart: the latest completion attempt replaces the earlier one. */
  async recordAssessment(data: AssessmentInput) {
    const [existing] = await this.listRiskAssessments({ cart_id: data.cart_id }, { take: 1 })
    if (existing) {
      return await this.updateRiskAssessments({ id: existing.id, ...data })
    }
    return await this.createRiskAssessments(data)
  }

  /**
   * Completions of the same identity accepted in the last minutes whose order is not linked
   * yet: they count as orders awaiting payment, so two carts completed at the same moment
   * cannot both pass the first-order rule.
   */
  async listInFlightCompletions(identityKey: string, excludeCartId: string, windowMinutes = 15) {
    const since = new Date(Date.now() - windowMinutes * 60_000)
    const rows = await this.listRiskAssessments(
      { identity_key: identityKey, outcome: "accepted", order_id: null, created_at: { $gte: since } },
      { select: ["id", "cart_id", "created_at"] }
    )
    return rows.filter((row) => row.cart_id !== excludeCartId)
  }

  /**
   * Assessments whose personal data is due (created before `olderThan`) or was erased by an
   * earlier version without scrubbing the decision: their ids, a batch at a time. One still
   * awaiting review is left until it is decided (scrubbing would lift its fulfilment hold).
   */
  @InjectManager()
  async listAssessmentsToScrub(
    olderThan: Date,
    limit = SCRUB_BATCH,
    @MedusaContext() sharedContext: Context<EntityManager> = {}
  ): Promise<Array<{ id: string; order_id: string | null }>> {
    const knex = sharedContext.manager!.getKnex()
    const { rows } = await knex.raw(
      `select id, order_id from payment_risk_assessment
        where (created_at < ? or identity_key = ?) and coalesce(decision->>'erased', '') <> 'true'
          and review_status <> 'pending'
        order by created_at limit ?`,
      [olderThan, ERASED, limit]
    )
    return rows
  }

  /**
   * Reduces assessments to anonymous figures (scrubDecision): no email, customer id, cart or
   * order link, no values or messages in the decision. Returns how many rows were scrubbed.
   */
  @InjectManager()
  async scrubAssessments(ids: string[], @MedusaContext() sharedContext: Context<EntityManager> = {}): Promise<number> {
    if (!ids.length) return 0
    const knex = sharedContext.manager!.getKnex()
    return await knex.transaction((trx) => scrubAssessmentRows(trx, ids))
  }

  /**
   * Removes one shopper from the plugin's tables in one transaction (all or nothing): her
   * assessments are scrubbed, and her velocity signals, identity observations, credit queries,
   * reservations and limit events, the review events of her orders, and the list entries of
   * the plan with their audit rows are hard-deleted.
   */
  @InjectManager()
  async eraseShopperRecords(
    plan: ShopperErasurePlan,
    @MedusaContext() sharedContext: Context<EntityManager> = {}
  ): Promise<ShopperErasureResult> {
    const knex = sharedContext.manager!.getKnex()
    const { cart_ids: carts, customer_ids: customers, email_keys: emailKeys, credit_identity_hashes: hashes } = plan
    return await knex.transaction(async (trx) => {
      const deleted = async (sql: string, bindings: string[][]) => Number((await trx.raw(sql, bindings)).rowCount) || 0
      const erased = await scrubAssessmentRows(trx, plan.assessment_ids)
      const signals = await deleted(
        `delete from payment_risk_cart_signal where cart_id = any(?::text[]) or customer_id = any(?::text[]) or email_key = any(?::text[])`,
        [carts, customers, emailKeys]
      )
      const observations = await deleted(
        `delete from payment_risk_identity_observation where cart_id = any(?::text[]) or customer_id = any(?::text[]) or email_key = any(?::text[])`,
        [carts, customers, emailKeys]
      )
      const queries = await deleted(
        `delete from payment_risk_credit_query where cart_id = any(?::text[]) or identity_hash = any(?::text[])`,
        [carts, hashes]
      )
      const reservations = await deleted(
        `delete from payment_risk_credit_reservation where cart_id = any(?::text[]) or customer_id = any(?::text[]) or identity_hash = any(?::text[])`,
        [carts, customers, hashes]
      )
      const limitEvents = await deleted(`delete from payment_risk_credit_limit_event where cart_id = any(?::text[])`, [carts])
      const reviewEvents = await deleted(
        `delete from payment_risk_review_event where order_id = any(?::text[]) or assessment_id = any(?::text[])`,
        [plan.order_ids, plan.assessment_ids]
      )
      const audits = await deleted(`delete from payment_risk_negative_list_audit where entry_id = any(?::text[])`, [plan.list_entry_ids])
      const entries = await deleted(`delete from payment_risk_negative_list_entry where id = any(?::text[])`, [plan.list_entry_ids])
      return {
        erased,
        signals_deleted: signals,
        identity_observations_deleted: observations,
        credit_queries_deleted: queries,
        credit_reservations_deleted: reservations,
        credit_limit_events_deleted: limitEvents,
        review_events_deleted: reviewEvents,
        list_entries_deleted: entries,
        list_audits_deleted: audits,
        list_entries_kept: plan.kept_list_entry_ids.length,
      }
    })
  }

  /**
   * The shopper's keyed hashes in the tracking tables, for an erasure: the credit identities
   * asked for her carts or account, and the IP keys recorded for her carts.
   */
  @InjectManager()
  async findShopperKeys(
    filter: { cart_ids: string[]; customer_ids: string[] },
    @MedusaContext() sharedContext: Context<EntityManager> = {}
  ): Promise<{ credit_identity_hashes: string[]; ip_keys: string[] }> {
    const knex = sharedContext.manager!.getKnex()
    const { cart_ids: carts, customer_ids: customers } = filter
    const credit = await knex.raw(
      `select identity_hash as key from payment_risk_credit_query where cart_id = any(?::text[])
       union select identity_hash from payment_risk_credit_reservation where cart_id = any(?::text[]) or customer_id = any(?::text[])`,
      [carts, carts, customers]
    )
    const ips = await knex.raw(
      `select ip_key as key from payment_risk_cart_signal where ip_key is not null and (cart_id = any(?::text[]) or customer_id = any(?::text[]))
       union select ip_key from payment_risk_identity_observation where ip_key <> '' and (cart_id = any(?::text[]) or customer_id = any(?::text[]))
       union select ip_key from payment_risk_credit_reservation where ip_key is not null and (cart_id = any(?::text[]) or customer_id = any(?::text[]))`,
      [carts, customers, carts, customers, carts, customers]
    )
    const keys = (result: { rows: Array<{ key: string }> }) => result.rows.map((row) => row.key)
    return { credit_identity_hashes: keys(credit), ip_keys: keys(ips) }
  }

  /** Assessments of a shopper: by email, customer id, or one of her carts or orders. */
  @InjectManager()
  async findShopperAssessments(
    filter: { emails: string[]; customer_ids: string[]; cart_ids: string[]; order_ids: string[] },
    @MedusaContext() sharedContext: Context<EntityManager> = {}
  ): Promise<Array<{ id: string; cart_id: string; order_id: string | null; review_status: string }>> {
    const knex = sharedContext.manager!.getKnex()
    const { rows } = await knex.raw(
      `select id, cart_id, order_id, review_status from payment_risk_assessment
        where email = any(?::text[]) or customer_id = any(?::text[]) or cart_id = any(?::text[]) or order_id = any(?::text[])`,
      [filter.emails, filter.customer_ids, filter.cart_ids, filter.order_ids]
    )
    return rows
  }

  /**
   * Negative-list entries that may be the shopper's, deleted or expired ones included: exact
   * values (email, customer, phone, IBAN/card hashes), entries taken from her orders, and
   * person entries sharing a lookup key with her addresses (the caller keeps certain matches).
   */
  @InjectManager()
  async findShopperListEntries(
    c: ShopperListCriteria,
    @MedusaContext() sharedContext: Context<EntityManager> = {}
  ): Promise<ListEntryCandidate[]> {
    const knex = sharedContext.manager!.getKnex()
    const exact = (kind: string, values: string[]) => (q: Knex.QueryBuilder) => q.where("kind", kind).whereRaw("value = any(?::text[])", [values])
    return await knex("payment_risk_negative_list_entry")
      .select(
        "id", "kind", "first_name", "last_name", "company", "address_1", "address_2", "postal_code", "city",
        "country_code", "value", "order_id"
      )
      .where((q) =>
        q
          .whereRaw("order_id = any(?::text[])", [c.order_ids])
          .orWhere(exact("email", c.emails))
          .orWhere(exact("customer", c.customer_ids))
          .orWhere(exact("phone", c.phones))
          .orWhere(exact("iban", c.iban_hashes))
          .orWhere(exact("card", c.card_hashes))
          .orWhere((p) => p.where("kind", "person").whereRaw("lookup_keys && ?::text[]", [c.address_keys]))
      )
      .limit(10_000)
  }

  /** Exact-IP entries (no ranges), deleted or expired included, a page at a time by id. */
  @InjectManager()
  async listIpEntries(
    after: string,
    limit = 5000,
    @MedusaContext() sharedContext: Context<EntityManager> = {}
  ): Promise<Array<{ id: string; value: string }>> {
    const knex = sharedContext.manager!.getKnex()
    return await knex("payment_risk_negative_list_entry")
      .select("id", "value")
      .where("kind", "ip")
      .whereNotNull("value")
      .whereRaw("position('/' in value) = 0")
      .andWhere("id", ">", after)
      .orderBy("id")
      .limit(limit)
  }

  /**
   * The periods the retention job applies: the `retention` settings, the plugin option
   * `assessment_retention_days` where the assessments' period is empty, and never shorter than
   * a window a check still counts over (see retentionPeriods).
   */
  async getRetentionPeriods(): Promise<RetentionPeriods> {
    const [settings, rules] = await Promise.all([this.getSettings(), this.listEngineRules()])
    return retentionPeriods(settings, this.options_.assessment_retention_days, rules)
  }

  /**
   * The retention job's deletes, each table on its own and in batches (hard deletes): credit
   * queries and limit events, review events and audit rows past their period; list entries without an expiry get one (backfilledListEntryExpiry);
   * entries expired longer than the grace period, and entries an earlier version only
   * soft-deleted, are deleted, each with a "delete" audit row without values.
   */
  @InjectManager()
  async purgeExpiredData(
    periods: RetentionPeriods,
    now: Date = new Date(),
    @MedusaContext() sharedContext: Context<EntityManager> = {}
  ): Promise<RetentionResult> {
    const knex = sharedContext.manager!.getKnex()
    const purge = async (table: keyof typeof PURGED_TABLES, days: number) => {
      const [name, column] = PURGED_TABLES[table]
      const before = daysBefore(now, days)
      let total = 0
      for (;;) {
        const result = await knex.raw(`delete from ?? where id in (select id from ?? where ?? < ? limit ?)`, [name, name, column, before, PURGE_BATCH])
        total += Number(result.rowCount) || 0
        if ((Number(result.rowCount) || 0) < PURGE_BATCH) return total
      }
    }
    const settings = await this.getSettings()
    const backfilled = await knex.raw(
      `update payment_risk_negative_list_entry
          set expires_at = greatest(created_at + make_interval(days => ?), ?::timestamptz), updated_at = ?
        where expires_at is null and deleted_at is null`,
      [settings.retention.list_entry_days, new Date(now.getTime() + settings.retention.list_entry_grace_days * 86_400_000), now]
    )
    let entries = 0
    const expiredBefore = daysBefore(now, periods.list_entry_grace_days)
    for (;;) {
      const { rows } = await knex.raw(
        `select id, deleted_at from payment_risk_negative_list_entry where deleted_at is not null or expires_at < ? order by id limit ?`,
        [expiredBefore, PURGE_BATCH]
      )
      if (!rows.length) break
      await knex.transaction(async (trx) => {
        const ids = rows.map((row: { id: string }) => row.id)
        await trx.raw(`delete from payment_risk_negative_list_entry where id = any(?::text[])`, [ids])
        // soft-deleted entries got their "delete" audit row when they were deleted
        const expired = rows.filter((row: { deleted_at: Date | null }) => !row.deleted_at).map((row: { id: string }) => row.id)
        if (expired.length) {
          await trx("payment_risk_negative_list_audit").insert(
            expired.map((id: string) => ({
              id: bulkEntityId("prnla", now.getTime()),
              entry_id: id,
              action: "delete",
              actor_id: null,
              changes: JSON.stringify({}),
              created_at: now,
              updated_at: now,
            }))
          )
        }
      })
      entries += rows.length
      if (rows.length < PURGE_BATCH) break
    }
    return {
      credit_queries: await purge("credit_queries", periods.credit_query_days),
      credit_limit_events: await purge("credit_limit_events", periods.credit_query_days),
      review_events: await purge("review_events", periods.review_event_days),
      list_entries_backfilled: Number(backfilled.rowCount) || 0,
      list_entries: entries,
      list_audits: await purge("list_audits", periods.list_audit_days),
    }
  }

  /**
   * Creates an entry and its audit record (masked values) in one transaction. An entry given
   * without an expiry expires after the retention settings' `list_entry_days`; `order_id` links
   * an entry taken from an order (review → list), so the shopper's erasure finds it.
   */
  @InjectTransactionManager()
  async createListEntry(
    data: PreparedEntry,
    actorId: string | null,
    link: { order_id?: string | null } = {},
    @MedusaContext() sharedContext: Context<EntityManager> = {}
  ) {
    const stored = { ...data, expires_at: data.expires_at ?? newListEntryExpiry(await this.getSettings()) }
    const entry = await this.createNegativeListEntries(
      { ...stored, order_id: link.order_id ?? null, created_by: actorId, updated_by: actorId },
      sharedContext
    )
    await this.createNegativeListAudits(
      { entry_id: entry.id, action: "create", actor_id: actorId, changes: diff(null, stored) },
      sharedContext
    )
    return entry
  }

  /**
   * Updates an entry and records which fields changed (masked values), in one transaction. An
   * entry never loses its expiry: a cleared date becomes the default again, counted from the
   * entry's creation (backfilledListEntryExpiry).
   */
  @InjectTransactionManager()
  async updateListEntry(
    id: string,
    data: PreparedEntry,
    actorId: string | null,
    @MedusaContext() sharedContext: Context<EntityManager> = {}
  ) {
    const before = await this.retrieveNegativeListEntry(id, {}, sharedContext)
    const stored = {
      ...data,
      expires_at: data.expires_at ?? backfilledListEntryExpiry(await this.getSettings(), new Date(before.created_at)),
    }
    const entry = await this.updateNegativeListEntries({ id, ...stored, updated_by: actorId }, sharedContext)
    await this.createNegativeListAudits(
      { entry_id: id, action: "update", actor_id: actorId, changes: diff(before, stored) },
      sharedContext
    )
    return entry
  }

  /**
   * Deletes an entry for good (no soft delete: a deleted entry keeps no personal data) and
   * records who deleted it when, without values, in one transaction.
   */
  @InjectTransactionManager()
  async deleteListEntry(
    id: string,
    actorId: string | null,
    @MedusaContext() sharedContext: Context<EntityManager> = {}
  ) {
    await this.retrieveNegativeListEntry(id, { select: ["id"] }, sharedContext)
    await this.deleteNegativeListEntries([id], sharedContext)
    await this.createNegativeListAudits(
      { entry_id: id, action: "delete", actor_id: actorId, changes: {} },
      sharedContext
    )
  }

  /**
   * Entries sharing at least one lookup key with the subject, not deleted and not expired:
   * one GIN-indexed overlap query with bound parameters, never a scan of the list. Ordered by
   * the number of keys shared, so many entries under one crowded key (a postcode, a surname)
   * cannot push the real match beyond the limit.
   */
  @InjectManager()
  async findListCandidates(
    keys: string[],
    limit = 200,
    @MedusaContext() sharedContext: Context<EntityManager> = {}
  ): Promise<Array<Record<string, unknown>>> {
    if (!keys.length) {
      return []
    }
    const knex = sharedContext.manager!.getKnex()
    return await knex("payment_risk_negative_list_entry")
      .select(
        "id", "kind", "first_name", "last_name", "company", "address_1", "address_2",
        "postal_code", "city", "country_code", "value", "display_hint", "key_id", "expires_at", "reason",
        "source", "note", "created_at", "created_by"
      )
      .whereRaw("lookup_keys && ?::text[]", [keys])
      .whereNull("deleted_at")
      .andWhere((q) => q.whereNull("expires_at").orWhere("expires_at", ">", new Date()))
      .orderByRaw("(select count(*) from unnest(lookup_keys) as k where k = any(?::text[])) desc, created_at desc, id", [keys])
      .limit(limit)
  }

  /**
   * Inserts a batch of prepared entries and their audit records in one transaction (an import
   * commits batch by batch, so a bad row elsewhere loses nothing). One statement per batch with
   * the rows as a single JSON parameter instead of two multi-row inserts with ~20 bound
   * parameters per row (a 20,000-row import went from ~1,450 to ~1,850 rows/s with this alone);
   * an import of a million rows must not build a million ORM entities either.
   */
  @InjectTransactionManager()
  async insertListEntries(
    rows: PreparedEntry[],
    actorId: string | null,
    @MedusaContext() sharedContext: Context<EntityManager> = {}
  ): Promise<number> {
    if (!rows.length) {
      return 0
    }
    const knex = sharedContext.transactionManager!.getKnex()
    const now = new Date()
    const defaultExpiry = newListEntryExpiry(await this.getSettings(), now)
    // ids of the ORM's format (see bulkEntityId); the audit row is what createListEntry records
    const records = rows.map((row) => {
      const stored = { ...row, expires_at: row.expires_at ?? defaultExpiry }
      return {
        ...stored,
        id: bulkEntityId("prnle", now.getTime()),
        audit_id: bulkEntityId("prnla", now.getTime()),
        changes: diff(null, stored),
      }
    })
    await knex.raw(INSERT_ENTRIES_WITH_AUDIT, [wellFormedJson(records), actorId, actorId, now, now, actorId, now, now])
    return records.length
  }

  /**
   * Entries for an export, read in pages by id (keyset), so a million rows never sit in memory.
   */
  async *streamListEntries(filters: ListEntryFilters, pageSize = 1000): AsyncGenerator<Array<Record<string, unknown>>> {
    let after = ""
    for (;;) {
      const page = await this.listEntryPage(filters, after, pageSize)
      if (!page.length) {
        return
      }
      yield page
      after = page[page.length - 1].id as string
    }
  }

  @InjectManager()
  protected async listEntryPage(
    filters: ListEntryFilters,
    after: string,
    pageSize: number,
    @MedusaContext() sharedContext: Context<EntityManager> = {}
  ): Promise<Array<Record<string, unknown>>> {
    const knex = sharedContext.manager!.getKnex()
    const query = knex("payment_risk_negative_list_entry")
      .select(EXPORT_COLUMNS)
      .whereNull("deleted_at")
      .andWhere("id", ">", after)
      .orderBy("id")
      .limit(pageSize)
    if (filters.kind) query.andWhere("kind", filters.kind)
    if (filters.source) query.andWhere("source", filters.source)
    if (filters.q) query.andWhereRaw("search_text ilike ?", [`%${filters.q}%`])
    if (filters.expired === true) query.andWhere("expires_at", "<=", new Date())
    if (filters.expired === false) query.andWhere((q) => q.whereNull("expires_at").orWhere("expires_at", ">", new Date()))
    return await query
  }

  private creditProviders_?: Map<string, CreditCheckProvider>

  /** The configured credit-check providers (plugin option `credit_check_providers`), by id. */
  getCreditProviders(): Map<string, CreditCheckProvider> {
    this.creditProviders_ ??= loadCreditProviders(this.options_.credit_check_providers)
    return this.creditProviders_
  }

  /**
   * The newest answered query for this identity within `days`, if any. `identityHashes` are the
   * identity's hashes under every configured secret, so the cache survives a rotation while the
   * earlier secret is kept.
   */
  async findCachedCreditAnswer(identityHashes: string[], days: number) {
    if (days <= 0 || !identityHashes.length) return null
    const [row] = await this.listCreditQueries(
      {
        identity_hash: identityHashes,
        error: null,
        result: { $ne: null },
        created_at: { $gte: new Date(Date.now() - days * 86_400_000) },
      },
      { take: 1, order: { created_at: "DESC" } }
    )
    return row ?? null
  }

  /**
   * Moves negative-list IBAN/card entries onto the current key: `value` is the same clear value's
   * hash under the current secret (the caller proved it equal by matching the clear value under
   * an earlier one). Not an edit of the entry, so no audit row.
   */
  @InjectManager()
  async rekeyListEntries(
    rows: Array<{ id: string; value: string; key_id: string; lookup_keys: string[] }>,
    @MedusaContext() sharedContext: Context<EntityManager> = {}
  ): Promise<number> {
    if (!rows.length) return 0
    const knex = sharedContext.manager!.getKnex()
    const result = await knex.raw(
      `update payment_risk_negative_list_entry as e
       set value = r.value, key_id = r.key_id, lookup_keys = r.lookup_keys, updated_at = now()
       from json_to_recordset(?::json) as r(id text, value text, key_id text, lookup_keys text[])
       where e.id = r.id and e.deleted_at is null`,
      [JSON.stringify(rows)]
    )
    return Number(result.rowCount) || 0
  }

  /**
   * How many stored hashes depend on which secret: negative-list IBAN/card entries (not deleted)
   * and answered credit queries (the cache), by key id (`legacy` for values from before per-purpose keys).
   */
  @InjectManager()
  async countHashKeyUse(
    @MedusaContext() sharedContext: Context<EntityManager> = {}
  ): Promise<{ list_entries: Record<string, number>; credit_queries: Record<string, number> }> {
    const knex = sharedContext.manager!.getKnex()
    const byKey = (rows: Array<{ key_id: string; count: number }>) =>
      Object.fromEntries(rows.map((row) => [row.key_id, Number(row.count)]))
    const entries = await knex("payment_risk_negative_list_entry")
      .select(knex.raw("coalesce(key_id, 'legacy') as key_id"), knex.raw("count(*)::int as count"))
      .whereIn("kind", ["iban", "card"])
      .whereNull("deleted_at")
      .groupByRaw("1")
    const queries = await knex("payment_risk_credit_query")
      .select(knex.raw("coalesce(key_id, 'legacy') as key_id"), knex.raw("count(*)::int as count"))
      .whereNull("deleted_at")
      .whereNotNull("result")
      .groupByRaw("1")
    return { list_entries: byKey(entries), credit_queries: byKey(queries) }
  }

  /** Answered credit queries not on the current key that still have a cart, a page at a time by id. */
  @InjectManager()
  async listCreditQueriesToRekey(
    currentKeyId: string,
    after: string,
    limit = 1000,
    @MedusaContext() sharedContext: Context<EntityManager> = {}
  ): Promise<Array<{ id: string; cart_id: string; identity_hash: string }>> {
    const knex = sharedContext.manager!.getKnex()
    return await knex("payment_risk_credit_query")
      .select("id", "cart_id", "identity_hash")
      .whereNull("deleted_at")
      .whereNotNull("result")
      .whereNotNull("cart_id")
      .andWhere((q) => q.whereNull("key_id").orWhere("key_id", "<>", currentKeyId))
      .andWhere("id", ">", after)
      .orderBy("id")
      .limit(limit)
  }

  /** Writes credit queries' identity hashes recomputed under the current key. */
  @InjectManager()
  async rekeyCreditQueries(
    rows: Array<{ id: string; identity_hash: string; key_id: string }>,
    @MedusaContext() sharedContext: Context<EntityManager> = {}
  ): Promise<number> {
    if (!rows.length) return 0
    const knex = sharedContext.manager!.getKnex()
    const result = await knex.raw(
      `update payment_risk_credit_query as q
       set identity_hash = r.identity_hash, key_id = r.key_id
       from json_to_recordset(?::json) as r(id text, identity_hash text, key_id text)
       where q.id = r.id`,
      [JSON.stringify(rows)]
    )
    return Number(result.rowCount) || 0
  }

  /**
   * Circuit breaker: open when the provider's last `failures` own queries all failed with a kind
   * that says the bureau is unwell (transport error, timeout, 5xx) and the newest is younger than
   * the cool-down. A 4xx, an invalid answer or a provider's own error counts like an answer (the
   * bureau is up, and a shopper's input may have caused it), so no shopper can open the breaker.
   * Read from the table, so it holds across instances.
   */
  async isCreditProviderTripped(providerId: string, failures: number, cooldownSeconds: number): Promise<boolean> {
    const rows = await this.listCreditQueries(
      { provider_id: providerId, cached: false },
      { take: failures, order: { created_at: "DESC" }, select: ["id", "failure_kind", "created_at"] }
    )
    if (rows.length < failures || rows.some((row) => !row.failure_kind || !BREAKER_FAILURE_KINDS.includes(row.failure_kind))) return false
    return new Date(rows[0].created_at).getTime() > Date.now() - cooldownSeconds * 1000
  }

  /**
   * The abuse limits of the credit check, exact across instances: one transaction takes
   * advisory locks on the cart, IP and customer keys (sorted, so two requests cannot deadlock),
   * counts the rolling hour's reservations for them (distinct identities per key, whether this
   * identity is among them, the cart's paid queries), and either inserts this request's
   * reservation or records the limit event. Only keyed hashes are stored.
   */
  @InjectManager()
  async reserveCreditQuery(
    request: CreditRequest,
    limits: CreditLimits,
    @MedusaContext() sharedContext: Context<EntityManager> = {}
  ): Promise<CreditReservationResult> {
    const knex = sharedContext.manager!.getKnex()
    const lockKeys = [
      `cart:${request.cart_id}`,
      ...(request.ip_key ? [`ip:${request.ip_key}`] : []),
      ...(request.customer_id ? [`customer:${request.customer_id}`] : []),
    ].sort()
    return await knex.transaction(async (trx) => {
      for (const key of lockKeys) {
        await trx.raw("select pg_advisory_xact_lock(hashtextextended(?, 0))", [`payment_risk_credit:${key}`])
      }
      const counted = await trx.raw(
        `select
           count(*) filter (where cart_id = ? and paid)::int as cart_queries,
           count(distinct identity_hash) filter (where cart_id = ?)::int as cart_identities,
           coalesce(bool_or(cart_id = ? and identity_hash = ?), false) as cart_knows_identity,
           count(distinct identity_hash) filter (where ip_key = ?)::int as ip_identities,
           coalesce(bool_or(ip_key = ? and identity_hash = ?), false) as ip_knows_identity,
           count(distinct identity_hash) filter (where customer_id = ?)::int as customer_identities,
           coalesce(bool_or(customer_id = ? and identity_hash = ?), false) as customer_knows_identity
         from payment_risk_credit_reservation
         where deleted_at is null
           and created_at >= now() - make_interval(secs => ?::int)
           and (cart_id = ? or ip_key = ? or customer_id = ?)`,
        [
          request.cart_id, request.cart_id, request.cart_id, request.identity_hash,
          request.ip_key, request.ip_key, request.identity_hash,
          request.customer_id, request.customer_id, request.identity_hash,
          CREDIT_LIMIT_WINDOW_SECONDS, request.cart_id, request.ip_key, request.customer_id,
        ]
      )
      const row = counted.rows[0] ?? {}
      const limit = exceededCreditLimit(
        {
          cart_queries: Number(row.cart_queries) || 0,
          cart_identities: Number(row.cart_identities) || 0,
          cart_knows_identity: row.cart_knows_identity === true,
          ip_identities: request.ip_key ? Number(row.ip_identities) || 0 : null,
          ip_knows_identity: row.ip_knows_identity === true,
          customer_identities: request.customer_id ? Number(row.customer_identities) || 0 : null,
          customer_knows_identity: row.customer_knows_identity === true,
        },
        limits,
        request.paid
      )
      if (limit) {
        await trx.raw(
          `insert into payment_risk_credit_limit_event (id, cart_id, limit_name, max, created_at, updated_at)
           values (?, ?, ?, ?, now(), now())`,
          [generateEntityId(undefined, "prcle"), request.cart_id, limit, limits[limit]]
        )
        return { ok: false as const, limit, max: limits[limit] }
      }
      const id = generateEntityId(undefined, "prcr")
      await trx.raw(
        `insert into payment_risk_credit_reservation (id, cart_id, identity_hash, ip_key, customer_id, paid, created_at, updated_at)
         values (?, ?, ?, ?, ?, ?, now(), now())`,
        [id, request.cart_id, request.identity_hash, request.ip_key, request.customer_id, request.paid]
      )
      // housekeeping: a few expired rows per reservation, so the table stays small without a job
      await trx.raw(
        `delete from payment_risk_credit_reservation where id in (
           select id from payment_risk_credit_reservation where deleted_at is null and created_at < now() - make_interval(secs => ?::int) limit 20)`,
        [CREDIT_RESERVATION_KEEP_SECONDS]
      )
      return { ok: true as const, reservation_id: id }
    })
  }

  /** A reserved query that reached no bureau (every provider skipped) costs nothing: it no longer counts as paid. */
  async releasePaidCreditReservation(reservationId: string): Promise<void> {
    await this.updateCreditReservations({ id: reservationId, paid: false })
  }

  /** This calendar month's queries: spend, provider queries, cache hits, failures. */
  @InjectManager()
  async creditMonthSummary(@MedusaContext() sharedContext: Context<EntityManager> = {}) {
    const knex = sharedContext.manager!.getKnex()
    const start = new Date()
    start.setUTCDate(1)
    start.setUTCHours(0, 0, 0, 0)
    const [row] = await knex("payment_risk_credit_query")
      .where("created_at", ">=", start)
      .whereNull("deleted_at")
      .select(
        knex.raw("round(coalesce(sum(cost), 0)::numeric, 2)::float as spend"),
        knex.raw("count(*) filter (where not cached)::int as queries"),
        knex.raw("count(*) filter (where cached)::int as cache_hits"),
        knex.raw("count(*) filter (where error is not null)::int as failures")
      )
    const [limits] = await knex("payment_risk_credit_limit_event")
      .where("created_at", ">=", start)
      .whereNull("deleted_at")
      .select(knex.raw("count(*)::int as limit_hits"))
    return { since: start.toISOString(), ...row, limit_hits: Number(limits?.limit_hits) || 0 }
  }

  private hashKeys_?: HashKeys

  /**
   * The keys of every keyed hash the plugin stores: derived per purpose (HKDF) from the plugin
   * option `hash_secret`, which hashes everything new, with `previous_hash_secrets` kept for
   * matching values hashed before a rotation (validated at start-up).
   */
  getHashKeys(): HashKeys {
    if (!this.options_.hash_secret) {
      throw new MedusaError(MedusaError.Types.UNEXPECTED_STATE, "medusa-payment-risk: hash_secret is not configured")
    }
    this.hashKeys_ ??= hashKeys(this.options_.hash_secret, this.options_.previous_hash_secrets ?? [])
    return this.hashKeys_
  }

  /** Whether the merchant accepts full card numbers (PCI DSS scope; plugin option `accept_card_numbers`). */
  acceptsCardNumbers(): boolean {
    return this.options_.accept_card_numbers === true
  }

  getRetentionDays(): number {
    return this.options_.assessment_retention_days
  }

  /** Path of the MaxMind-format GeoIP database (plugin option), if any. */
  getGeoipDatabasePath(): string | undefined {
    return this.options_.geoip_database_path
  }

  /** The store's IANA time zone for the time conditions (plugin option, default Europe/Berlin). */
  getTimezone(): string {
    return this.options_.timezone
  }

  /** Every rule (enabled or not), priority first then name, as the engine reads them. */
  async listEngineRules(): Promise<EngineRule[]> {
    const rows = await this.listRiskRules({}, { order: { priority: "ASC", name: "ASC" } })
    return rows.map(toEngineRule)
  }

  /**
   * Seeds the default rules once in the life of the store: a marker row (unique scope) and the
   * rules are inserted in one transaction, so two instances starting at once seed once, and a
   * default rule the merchant deleted never comes back. Returns the number of rules inserted.
   */
  @InjectManager()
  async ensureDefaultRules(
    defaults: DefaultRuleRow[],
    @MedusaContext() sharedContext: Context<EntityManager> = {}
  ): Promise<number> {
    const knex = sharedContext.manager!.getKnex()
    const seeded = await knex("payment_risk_settings").where({ scope: RULES_SEEDED_SCOPE }).whereNull("deleted_at").first("id")
    if (seeded) {
      return 0
    }
    return await knex.transaction(async (trx) => {
      const now = new Date()
      const marker = await trx.raw(
        `insert into payment_risk_settings (id, scope, "values", created_at, updated_at)
         values (?, ?, ?::jsonb, ?, ?)
         on conflict (scope) where deleted_at is null do nothing
         returning id`,
        [generateEntityId(undefined, "prset"), RULES_SEEDED_SCOPE, JSON.stringify({ at: now.toISOString(), keys: defaults.map((d) => d.default_key) }), now, now]
      )
      if (!marker.rows.length || !defaults.length) {
        return 0
      }
      await trx("payment_risk_rule").insert(
        defaults.map((rule) => ({
          id: generateEntityId(undefined, "prrule"),
          name: rule.name,
          description: rule.description ?? null,
          priority: rule.priority,
          enabled: rule.enabled,
          valid_from: rule.valid_from ?? null,
          valid_until: rule.valid_until ?? null,
          conditions: JSON.stringify(rule.conditions),
          actions: JSON.stringify(rule.actions),
          default_key: rule.default_key,
          created_at: now,
          updated_at: now,
        }))
      )
      return defaults.length
    })
  }

  /**
   * Creates or refreshes the cart's signal row in one statement (keys are keyed hashes, never
   * clear values). An IP already recorded is kept when the caller knows none (completion);
   * `completed_at` changes only when given.
   */
  @InjectManager()
  async upsertCartSignal(row: CartSignalRow, @MedusaContext() sharedContext: Context<EntityManager> = {}): Promise<void> {
    const knex = sharedContext.manager!.getKnex()
    const now = new Date()
    const setCompleted = row.completed_at !== undefined
    await knex.raw(
      `insert into payment_risk_cart_signal
         (id, cart_id, customer_id, email_key, phone_key, address_key, ip_key, contents_key, completed_at, created_at, updated_at)
       values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
       on conflict (cart_id) where deleted_at is null do update set
         customer_id = excluded.customer_id,
         email_key = excluded.email_key,
         phone_key = excluded.phone_key,
         address_key = excluded.address_key,
         ip_key = coalesce(excluded.ip_key, payment_risk_cart_signal.ip_key),
         contents_key = excluded.contents_key,
         completed_at = case when ? then excluded.completed_at else payment_risk_cart_signal.completed_at end,
         updated_at = excluded.updated_at`,
      [
        generateEntityId(undefined, "prsig"), row.cart_id, row.customer_id, row.email_key, row.phone_key,
        row.address_key, row.ip_key, row.contents_key, row.completed_at ?? null, now, now, setCompleted,
      ]
    )
  }

  /** Clears `completed_at` of a cart whose completion failed after it was accepted. */
  async clearCartSignalCompletion(cartId: string): Promise<void> {
    await this.updateCartSignals({ selector: { cart_id: cartId }, data: { completed_at: null } })
  }

  /** Links the signal to the order placed from the cart (for the order-placed subscriber). */
  async setCartSignalOrder(cartId: string, orderId: string): Promise<void> {
    await this.updateCartSignals({ selector: { cart_id: cartId }, data: { order_id: orderId } })
  }

  /** The IP key recorded for a cart while it was shopped (completion does not know the IP). */
  async getCartSignalIpKey(cartId: string): Promise<string | null> {
    const [row] = await this.listCartSignals({ cart_id: cartId }, { take: 1, select: ["id", "ip_key"] })
    return row?.ip_key ?? null
  }

  /**
   * Records that the cart showed this billing identity (from this IP) and counts, in the same
   * statement, the distinct identities on the cart and from the IP since `since` (the new one
   * included). Keyed hashes only. The insert commits before the count of any later request, so
   * the counts hold across instances.
   */
  @InjectManager()
  async observeIdentity(
    row: { cart_id: string; identity_key: string; email_key: string | null; customer_id: string | null; ip_key: string | null },
    since: Date,
    @MedusaContext() sharedContext: Context<EntityManager> = {}
  ): Promise<{ on_cart: number; from_ip: number }> {
    const knex = sharedContext.manager!.getKnex()
    const now = new Date()
    const ipKey = row.ip_key ?? ""
    await knex.raw(
      `insert into payment_risk_identity_observation (id, cart_id, identity_key, email_key, customer_id, ip_key, created_at, updated_at)
       values (?, ?, ?, ?, ?, ?, ?, ?)
       on conflict (cart_id, identity_key, ip_key) where deleted_at is null do update set updated_at = excluded.updated_at`,
      [generateEntityId(undefined, "prido"), row.cart_id, row.identity_key, row.email_key, row.customer_id, ipKey, now, now]
    )
    const result = await knex.raw(
      `select
         (select count(distinct identity_key)::int from payment_risk_identity_observation
           where deleted_at is null and cart_id = ? and updated_at >= ?) as on_cart,
         (select count(distinct identity_key)::int from payment_risk_identity_observation
           where deleted_at is null and ip_key = ? and ip_key <> '' and updated_at >= ?) as from_ip`,
      [row.cart_id, since, ipKey, since]
    )
    const counts = result.rows[0] ?? {}
    return { on_cart: Number(counts.on_cart) || 0, from_ip: Number(counts.from_ip) || 0 }
  }

  /**
   * Velocity counts in one query with bound parameters: for each request, the other carts with
   * the same key created in the window (`carts`) or completed in it (`orders`).
   */
  @InjectManager()
  async countCartSignals(
    counts: SignalCount[],
    excludeCartId: string,
    @MedusaContext() sharedContext: Context<EntityManager> = {}
  ): Promise<number[]> {
    if (!counts.length) {
      return []
    }
    for (const count of counts) {
      if (!SIGNAL_COLUMNS.includes(count.column)) {
        throw new MedusaError(MedusaError.Types.INVALID_DATA, `unknown signal column ${count.column}`)
      }
    }
    const knex = sharedContext.manager!.getKnex()
    const selects = counts.map(
      (count, index) =>
        `count(*) filter (where ${count.column} = ? and ${count.source === "orders" ? "completed_at" : "created_at"} >= ?)::int as c${index}`
    )
    const pairs = [...new Map(counts.map((count) => [`${count.column}\u0000${count.value}`, count])).values()]
    const since = new Date(Math.min(...counts.map((count) => count.since.getTime())))
    const result = await knex.raw(
      `select ${selects.join(", ")}
       from payment_risk_cart_signal
       where deleted_at is null and cart_id <> ?
         and (${pairs.map((pair) => `${pair.column} = ?`).join(" or ")})
         and (created_at >= ? or completed_at >= ?)`,
      [
        ...counts.flatMap((count) => [count.value, count.since]),
        excludeCartId,
        ...pairs.map((pair) => pair.value),
        since,
        since,
      ]
    )
    const row = result.rows[0] ?? {}
    return counts.map((_, index) => Number(row[`c${index}`]) || 0)
  }
}

/** Columns of an imported entry with their types, as the JSON records of a batch carry them. */
const ENTRY_RECORD_COLUMNS =
  "id text, kind text, first_name text, last_name text, company text, address_1 text, address_2 text, " +
  "postal_code text, city text, country_code text, value text, display_hint text, key_id text, reason text, source text, " +
  "note text, expires_at timestamptz, lookup_keys text[], search_text text, audit_id text, changes jsonb"
const ENTRY_COLUMNS =
  "id, kind, first_name, last_name, company, address_1, address_2, postal_code, city, country_code, value, " +
  "display_hint, key_id, reason, source, note, expires_at, lookup_keys, search_text"

/** A batch of entries and one "create" audit row each, from one JSON parameter (bindings: json, actor ×2, now ×2, actor, now ×2). */
const INSERT_ENTRIES_WITH_AUDIT = `
  with batch as (select * from json_to_recordset(?::json) as r(${ENTRY_RECORD_COLUMNS})),
  entries as (
    insert into payment_risk_negative_list_entry (${ENTRY_COLUMNS}, created_by, updated_by, created_at, updated_at)
    select ${ENTRY_COLUMNS}, ?::text, ?::text, ?::timestamptz, ?::timestamptz from batch
  )
  insert into payment_risk_negative_list_audit (id, entry_id, action, actor_id, changes, created_at, updated_at)
  select audit_id, id, 'create', ?::text, changes, ?::timestamptz, ?::timestamptz from batch`

/**
 * JSON for PostgreSQL: a lone surrogate (JSON.stringify writes it as a `\udXXX` escape) becomes
 * U+FFFD, as it did when the values were bound as text parameters; PostgreSQL would refuse the
 * escape and with it the whole batch.
 */
function wellFormedJson(value: unknown): string {
  const json = JSON.stringify(value)
  if (!json.includes("\\ud")) return json
  return json.replace(/\\(\\|ud[89a-f][0-9a-f]{2})/g, (escape, tail: string) => (tail === "\\" ? escape : "\ufffd"))
}

/**
 * { field: [before, after] } for the audited fields that differ, personal values masked
 * (maskAuditChanges): the trail says who changed which field when, never the value.
 */
function diff(before: Record<string, unknown> | null, after: Record<string, unknown> | null) {
  const changes: Record<string, [unknown, unknown]> = {}
  for (const field of AUDITED_FIELDS) {
    const a = before?.[field] ?? null
    const b = after?.[field] ?? null
    const same = a instanceof Date && b instanceof Date ? a.getTime() === b.getTime() : a === b
    if (!same) {
      changes[field] = [a instanceof Date ? a.toISOString() : a, b instanceof Date ? b.toISOString() : b]
    }
  }
  return maskAuditChanges(changes)
}

type Trx = { raw: (sql: string, bindings: unknown[]) => Promise<{ rows: any[]; rowCount: number | null }> }

/** Scrubs the given assessments in batches within the caller's transaction; returns how many. */
async function scrubAssessmentRows(trx: Trx, ids: string[]): Promise<number> {
  let scrubbed = 0
  for (let i = 0; i < ids.length; i += SCRUB_BATCH) {
    const { rows } = await trx.raw(`select id, decision from payment_risk_assessment where id = any(?::text[]) for update`, [ids.slice(i, i + SCRUB_BATCH)])
    if (!rows.length) continue
    const payload = rows.map((row: { id: string; decision: unknown }) => ({ id: row.id, decision: scrubDecision(row.decision) }))
    const result = await trx.raw(UPDATE_SCRUBBED_ASSESSMENTS, [ERASED, wellFormedJson(payload)])
    scrubbed += Number(result.rowCount) || 0
  }
  return scrubbed
}

export default PaymentRiskModuleService

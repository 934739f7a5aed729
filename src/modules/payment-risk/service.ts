import { Context } from "@medusajs/framework/types"
import { InjectManager, InjectTransactionManager, MedusaContext, MedusaService } from "@medusajs/framework/utils"
import { EntityManager } from "@medusajs/framework/mikro-orm/knex"
import { CreditLimits, DEFAULT_RULES, EvaluationRecord, HashKeys, PaymentClass, RiskRule as EngineRule, RiskSettings as EngineSettings } from "../../engine"
import { newListEntryExpiry, RetentionPeriods, retentionPeriods } from "../../engine/privacy/retention"
import CartEvaluation from "./models/cart-evaluation"
import CartFigure from "./models/cart-figure"
import FigureGap from "./models/figure-gap"
import CartSignal from "./models/cart-signal"
import CreditLimitEvent from "./models/credit-limit-event"
import CreditQuery from "./models/credit-query"
import CreditReservation from "./models/credit-reservation"
import IdentityObservation from "./models/identity-observation"
import NegativeListAudit from "./models/negative-list-audit"
import NegativeListEntry from "./models/negative-list-entry"
import OrderFigure from "./models/order-figure"
import PaymentOutcome from "./models/payment-outcome"
import ProviderClassification from "./models/provider-classification"
import Receivable from "./models/receivable"
import ReviewEvent from "./models/review-event"
import RiskAssessment from "./models/risk-assessment"
import RiskRule from "./models/risk-rule"
import RiskSettings from "./models/risk-settings"
import SecurityTip from "./models/security-tip"
import { PreparedEntry } from "./negative-list-types"
import { CreditCheckProvider } from "./credit/provider"
import { PaymentRiskConfig } from "./config"
import { PaymentRiskOptions, PaymentRiskOptionsSchema } from "./options"
import * as assessments from "./repositories/assessments"
import * as cartSignals from "./repositories/cart-signals"
import * as credit from "./repositories/credit"
import * as erasure from "./repositories/erasure"
import * as figures from "./repositories/figures"
import * as hashKeyUse from "./repositories/hash-keys"
import * as negativeList from "./repositories/negative-list"
import * as listQueries from "./repositories/negative-list-queries"
import * as retention from "./repositories/retention"
import * as rules from "./repositories/rules"
import * as settings from "./repositories/settings"
import { readConfigVersion, VersionedCache } from "./repositories/settings-version"
// The module's types and constants, importable from the service as before (see exports.ts).
export * from "./exports"

type InjectedDependencies = Record<string, unknown>
type Ctx = Context<EntityManager>

/**
 * What the checkout reads on every request, under one read of the version token: the store's
 * settings, every rule (after seeding the defaults once) and the saved provider classes, from
 * memory while the token is unchanged. Each call returns a copy the caller may change.
 */
export type ConfigReader = {
  settings(): Promise<EngineSettings>
  rules(): Promise<EngineRule[]>
  providerClasses(providerIds: string[]): Promise<settings.ProviderClassView[]>
}

/**
 * The payment-risk module: the generated CRUD of its models, and one method per query the
 * plugin needs. Each method delegates to the file of its concern (repositories/: settings,
 * rules, assessments, erasure, retention, negative-list, negative-list-queries, hash-keys,
 * credit, cart-signals), where its SQL and its documentation live; a method that needs a
 * manager or a transaction takes it here (`@InjectManager` / `@InjectTransactionManager`) and
 * hands its knex or context on.
 */
class PaymentRiskModuleService extends MedusaService({
  RiskSettings,
  ProviderClassification,
  RiskAssessment,
  NegativeListEntry,
  NegativeListAudit,
  CreditQuery,
  RiskRule,
  CartSignal,
  CartEvaluation,
  CartFigure,
  FigureGap,
  OrderFigure,
  ReviewEvent,
  SecurityTip,
  IdentityObservation,
  CreditReservation,
  CreditLimitEvent,
  PaymentOutcome,
  Receivable,
}) {
  protected readonly options_: PaymentRiskOptions
  private readonly config_: PaymentRiskConfig
  /** settings, rules and provider classes by version token (repositories/settings-version.ts) */
  private readonly configCache_ = new VersionedCache()

  constructor(container: InjectedDependencies, options?: Record<string, unknown>) {
    super(...arguments)
    this.options_ = PaymentRiskOptionsSchema.parse(options ?? {})
    this.config_ = new PaymentRiskConfig(this.options_)
  }

  // ── settings and payment classes (repositories/settings.ts) ──

  /**
   * Reads the version token of the settings, rules and provider classes (one indexed
   * statement) and gives them from memory while it is unchanged. Every write to their tables
   * renews the token in its transaction (database triggers), so a change made through any
   * instance decides the next request everywhere.
   */
  @InjectManager()
  async readConfig(@MedusaContext() sharedContext: Ctx = {}): Promise<ConfigReader> {
    const token = await readConfigVersion(sharedContext.manager!.getKnex())
    const cache = this.configCache_
    return {
      settings: async () => structuredClone(await cache.get(token, "settings", () => settings.getSettings(this))),
      rules: async () =>
        structuredClone(
          await cache.get(token, "rules", async () => {
            await this.ensureDefaultRules(DEFAULT_RULES)
            return await rules.listEngineRules(this)
          })
        ),
      providerClasses: async (providerIds) =>
        providerIds.length ? settings.providerClassViews(providerIds, await cache.get(token, "classes", () => settings.savedProviderClasses(this))) : [],
    }
  }

  /** The store's settings, merged with the defaults. Never returns plugin options. */
  async getSettings(): Promise<EngineSettings> {
    return await (await this.readConfig()).settings()
  }

  /** Saves validated settings (already merged by the caller) for the store scope. */
  @InjectTransactionManager()
  async saveSettings(values: EngineSettings, @MedusaContext() sharedContext: Ctx = {}): Promise<EngineSettings> {
    return await settings.saveSettings(this, sharedContext.transactionManager!.getKnex(), values, sharedContext)
  }

  /** The class of each provider: the merchant's choice, else the plugin's default. */
  async getProviderClasses(providerIds: string[]): Promise<settings.ProviderClassView[]> {
    return await (await this.readConfig()).providerClasses(providerIds)
  }

  async setProviderClass(providerId: string, riskClass: PaymentClass): Promise<settings.ProviderClassView> {
    return await settings.setProviderClass(this, providerId, riskClass)
  }

  // ── assessments, erasure, retention (repositories/assessments.ts, erasure.ts, retention.ts) ──

  /** One assessment per cart: the latest completion attempt replaces the earlier one. */
  async recordAssessment(data: assessments.AssessmentInput) {
    return await assessments.recordAssessment(this, data)
  }

  /** Accepted completions of the identity whose order is not linked yet (orders awaiting payment). */
  async listInFlightCompletions(identityKey: string, excludeCartId: string, windowMinutes = 15) {
    return await assessments.listInFlightCompletions(this, identityKey, excludeCartId, windowMinutes)
  }

  /** Ids of assessments due to be scrubbed, a batch at a time (none awaiting review). */
  @InjectManager()
  async listAssessmentsToScrub(olderThan: Date, limit = assessments.SCRUB_BATCH, @MedusaContext() sharedContext: Ctx = {}) {
    return await assessments.listAssessmentsToScrub(sharedContext.manager!.getKnex(), olderThan, limit)
  }

  /** Reduces assessments to anonymous figures in one transaction; returns how many were scrubbed. */
  @InjectManager()
  async scrubAssessments(ids: string[], @MedusaContext() sharedContext: Ctx = {}): Promise<number> {
    if (!ids.length) return 0
    return await sharedContext.manager!.getKnex().transaction((trx) => assessments.scrubAssessmentRows(trx, ids))
  }

  /** Removes one shopper from the plugin's tables in one transaction (all or nothing). */
  @InjectManager()
  async eraseShopperRecords(plan: erasure.ShopperErasurePlan, @MedusaContext() sharedContext: Ctx = {}): Promise<erasure.ShopperErasureResult> {
    return await erasure.eraseShopperRecords(sharedContext.manager!.getKnex(), plan)
  }

  /** The shopper's credit identity hashes and IP keys in the tracking tables, for an erasure. */
  @InjectManager()
  async findShopperKeys(filter: erasure.ShopperKeysFilter, @MedusaContext() sharedContext: Ctx = {}) {
    return await erasure.findShopperKeys(sharedContext.manager!.getKnex(), filter)
  }

  /** Assessments of a shopper: by email, customer id, or one of her carts or orders. */
  @InjectManager()
  async findShopperAssessments(filter: assessments.ShopperAssessmentFilter, @MedusaContext() sharedContext: Ctx = {}) {
    return await assessments.findShopperAssessments(sharedContext.manager!.getKnex(), filter)
  }

  /** Negative-list entries that may be the shopper's, deleted or expired ones included. */
  @InjectManager()
  async findShopperListEntries(c: listQueries.ShopperListCriteria, @MedusaContext() sharedContext: Ctx = {}) {
    return await listQueries.findShopperListEntries(sharedContext.manager!.getKnex(), c)
  }

  /** Exact-IP entries (no ranges), deleted or expired included, a page at a time by id. */
  @InjectManager()
  async listIpEntries(after: string, limit = 5000, @MedusaContext() sharedContext: Ctx = {}): Promise<Array<{ id: string; value: string }>> {
    return await listQueries.listIpEntries(sharedContext.manager!.getKnex(), after, limit)
  }

  /**
   * The periods the retention job applies: the `retention` settings, the plugin option
   * `assessment_retention_days` where the assessments' period is empty, and never shorter than
   * a window a check still counts over (see retentionPeriods).
   */
  async getRetentionPeriods(): Promise<RetentionPeriods> {
    const [current, engineRules] = await Promise.all([this.getSettings(), this.listEngineRules()])
    return retentionPeriods(current, this.options_.assessment_retention_days, engineRules)
  }

  /** The retention job's deletes, each table on its own and in batches (repositories/retention.ts). */
  @InjectManager()
  async purgeExpiredData(periods: RetentionPeriods, now: Date = new Date(), @MedusaContext() sharedContext: Ctx = {}): Promise<retention.RetentionResult> {
    const knex = sharedContext.manager!.getKnex()
    return await retention.purgeExpiredData(knex, periods, now, await this.getSettings())
  }

  // ── figures (repositories/figures.ts) ──

  /**
   * One row per cart and decision: inserted unless the cart has one for this decision already (an
   * evaluation's paid credit queries are then added to it); nothing for a cart completed before
   * the evaluation started. What was written.
   */
  @InjectManager()
  async recordCartEvaluation(row: EvaluationRecord, startedAt: Date, @MedusaContext() sharedContext: Ctx = {}): Promise<figures.CartEvaluationWrite> {
    return await figures.insertCartEvaluation(sharedContext.manager!.getKnex(), row, startedAt)
  }

  /** Adds cart evaluations lost for the figures to their day's and currency's count. */
  @InjectManager()
  async recordLostEvaluations(lost: figures.LostEvaluations[], @MedusaContext() sharedContext: Ctx = {}): Promise<void> {
    await figures.addLostEvaluations(sharedContext.manager!.getKnex(), lost)
  }

  /** Whether the cart had a paid, answered credit query (not a cache hit). */
  @InjectManager()
  async cartHadPaidCreditQuery(cartId: string, @MedusaContext() sharedContext: Ctx = {}): Promise<boolean> {
    return await figures.cartHadPaidCreditQuery(sharedContext.manager!.getKnex(), cartId)
  }

  /** The placed order's figure unless it has one; the new row's id, or null when it existed. */
  @InjectManager()
  async insertOrderFigure(row: figures.OrderFigureInput, @MedusaContext() sharedContext: Ctx = {}): Promise<string | null> {
    return await figures.insertOrderFigure(sharedContext.manager!.getKnex(), row)
  }

  /** Marks the cart's evaluation rows completed by its order; the ids of the rows changed. */
  @InjectManager()
  async completeCartEvaluations(completion: figures.CartCompletion, @MedusaContext() sharedContext: Ctx = {}): Promise<string[]> {
    return await figures.completeCartEvaluations(sharedContext.manager!.getKnex(), completion)
  }

  /** Completes open evaluation rows (evaluated since `since`) of carts whose order has a figure; how many. */
  @InjectManager()
  async completeOpenCartEvaluations(since: Date, @MedusaContext() sharedContext: Ctx = {}): Promise<number> {
    return await figures.completeOpenCartEvaluations(sharedContext.manager!.getKnex(), since)
  }

  /** Unlinks figures from orders placed and carts evaluated before `before` (repositories/retention.ts). */
  @InjectManager()
  async unlinkExpiredFigures(before: Date, @MedusaContext() sharedContext: Ctx = {}): Promise<retention.FiguresUnlinked> {
    return await retention.unlinkExpiredFigures(sharedContext.manager!.getKnex(), before)
  }

  /**
   * Checks the order rollups against the order figures they sum and rebuilds them when they
   * differ (repositories/figures.ts); returns the rollup rows rebuilt (0: they agreed).
   */
  @InjectManager()
  async repairOrderRollups(@MedusaContext() sharedContext: Ctx = {}): Promise<number> {
    const knex = sharedContext.manager!.getKnex()
    if (!(await figures.orderRollupsDiffer(knex))) return 0
    return await figures.rebuildOrderRollups(knex)
  }

  // ── negative list (repositories/negative-list.ts, negative-list-queries.ts) ──

  /** Creates an entry and its audit record (masked values) in one transaction. */
  @InjectTransactionManager()
  async createListEntry(
    data: PreparedEntry,
    actorId: string | null,
    link: { order_id?: string | null } = {},
    @MedusaContext() sharedContext: Ctx = {}
  ) {
    return await negativeList.createListEntry(this, data, actorId, link, sharedContext)
  }

  /** Updates an entry and records which fields changed (masked values), in one transaction. */
  @InjectTransactionManager()
  async updateListEntry(id: string, data: PreparedEntry, actorId: string | null, @MedusaContext() sharedContext: Ctx = {}) {
    return await negativeList.updateListEntry(this, id, data, actorId, sharedContext)
  }

  /** Deletes an entry for good and records who deleted it when, without values, in one transaction. */
  @InjectTransactionManager()
  async deleteListEntry(id: string, actorId: string | null, @MedusaContext() sharedContext: Ctx = {}) {
    await negativeList.deleteListEntry(this, id, actorId, sharedContext)
  }

  /** Live entries sharing at least one lookup key with the subject, most keys shared first. */
  @InjectManager()
  async findListCandidates(keys: string[], limit = 200, @MedusaContext() sharedContext: Ctx = {}): Promise<Array<Record<string, unknown>>> {
    if (!keys.length) {
      return []
    }
    return await listQueries.findListCandidates(sharedContext.manager!.getKnex(), keys, limit)
  }

  /**
   * Inserts a batch of prepared entries and their audit records in one transaction (an import
   * commits batch by batch, so a bad row elsewhere loses nothing), with one statement.
   */
  @InjectTransactionManager()
  async insertListEntries(rows: PreparedEntry[], actorId: string | null, @MedusaContext() sharedContext: Ctx = {}): Promise<{ inserted: number; updated: number }> {
    if (!rows.length) {
      return { inserted: 0, updated: 0 }
    }
    const knex = sharedContext.transactionManager!.getKnex()
    const now = new Date()
    const defaultExpiry = newListEntryExpiry(await this.getSettings(), now)
    return await negativeList.insertListEntries(knex, rows, actorId, now, defaultExpiry)
  }

  /** Entries for an export, read in pages by id (keyset), so a million rows never sit in memory. */
  async *streamListEntries(filters: listQueries.ListEntryFilters, pageSize = 1000): AsyncGenerator<Array<Record<string, unknown>>> {
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
  protected async listEntryPage(filters: listQueries.ListEntryFilters, after: string, pageSize: number, @MedusaContext() sharedContext: Ctx = {}) {
    return await listQueries.listEntryPage(sharedContext.manager!.getKnex(), filters, after, pageSize)
  }

  // ── hash keys: use and re-keying (repositories/hash-keys.ts) ──

  /** Moves negative-list IBAN/card entries onto the current key (no audit row). */
  @InjectManager()
  async rekeyListEntries(rows: hashKeyUse.RekeyedListEntry[], @MedusaContext() sharedContext: Ctx = {}): Promise<number> {
    if (!rows.length) return 0
    return await hashKeyUse.rekeyListEntries(sharedContext.manager!.getKnex(), rows)
  }

  /** How many stored hashes depend on which secret, by key id. */
  @InjectManager()
  async countHashKeyUse(@MedusaContext() sharedContext: Ctx = {}) {
    return await hashKeyUse.countHashKeyUse(sharedContext.manager!.getKnex())
  }

  /** Answered credit queries not on the current key that still have a cart, a page at a time by id. */
  @InjectManager()
  async listCreditQueriesToRekey(currentKeyId: string, after: string, limit = 1000, @MedusaContext() sharedContext: Ctx = {}) {
    return await hashKeyUse.listCreditQueriesToRekey(sharedContext.manager!.getKnex(), currentKeyId, after, limit)
  }

  /** Writes credit queries' identity hashes recomputed under the current key. */
  @InjectManager()
  async rekeyCreditQueries(rows: hashKeyUse.RekeyedCreditQuery[], @MedusaContext() sharedContext: Ctx = {}): Promise<number> {
    if (!rows.length) return 0
    return await hashKeyUse.rekeyCreditQueries(sharedContext.manager!.getKnex(), rows)
  }

  // ── credit check (repositories/credit.ts) ──

  /** The configured credit-check providers (plugin option `credit_check_providers`), by id. */
  getCreditProviders(): Map<string, CreditCheckProvider> {
    return this.config_.creditProviders()
  }

  /** The newest answered query for this identity (its hashes under every secret) within `days`, if any. */
  async findCachedCreditAnswer(identityHashes: string[], days: number) {
    return await credit.findCachedCreditAnswer(this, identityHashes, days)
  }

  /** Circuit breaker of a provider, read from the table (holds across instances). */
  async isCreditProviderTripped(providerId: string, failures: number, cooldownSeconds: number): Promise<boolean> {
    return await credit.isCreditProviderTripped(this, providerId, failures, cooldownSeconds)
  }

  /** The credit check's abuse limits, exact across instances: reserves the query or records the limit hit. */
  @InjectManager()
  async reserveCreditQuery(request: credit.CreditRequest, limits: CreditLimits, @MedusaContext() sharedContext: Ctx = {}) {
    return await credit.reserveCreditQuery(sharedContext.manager!.getKnex(), request, limits)
  }

  /** A reserved query that reached no bureau (every provider skipped) costs nothing: it no longer counts as paid. */
  async releasePaidCreditReservation(reservationId: string): Promise<void> {
    await this.updateCreditReservations({ id: reservationId, paid: false })
  }

  /** This calendar month's queries: spend, provider queries, cache hits, failures. */
  @InjectManager()
  async creditMonthSummary(@MedusaContext() sharedContext: Ctx = {}) {
    return await credit.creditMonthSummary(sharedContext.manager!.getKnex())
  }

  // ── plugin options (config.ts) ──

  /** The keys of every keyed hash the plugin stores (HKDF from `hash_secret`, earlier secrets kept). */
  getHashKeys(): HashKeys {
    return this.config_.hashKeys()
  }

  /** Whether the merchant accepts full card numbers (PCI DSS scope; plugin option `accept_card_numbers`). */
  acceptsCardNumbers(): boolean {
    return this.config_.acceptsCardNumbers()
  }

  getRetentionDays(): number {
    return this.config_.retentionDays()
  }

  /** Path of the MaxMind-format GeoIP database (plugin option), if any. */
  getGeoipDatabasePath(): string | undefined {
    return this.config_.geoipDatabasePath()
  }

  /** The store's IANA time zone for the time conditions (plugin option, default Europe/Berlin). */
  getTimezone(): string {
    return this.config_.timezone()
  }

  /** A webhook's signing secret (plugin options `stripe_webhook_secret`, `outcomes_webhook_secret`); null when not configured. */
  getWebhookSecret(hook: "stripe" | "outcomes"): string | null {
    return (hook === "stripe" ? this.options_.stripe_webhook_secret : this.options_.outcomes_webhook_secret) ?? null
  }

  // ── rules (repositories/rules.ts) ──

  /** Every rule (enabled or not), priority first then name, as the engine reads them. */
  async listEngineRules(): Promise<EngineRule[]> {
    return await rules.listEngineRules(this)
  }

  /** Seeds the default rules once in the life of the store; returns the number of rules inserted. */
  @InjectManager()
  async ensureDefaultRules(defaults: rules.DefaultRuleRow[], @MedusaContext() sharedContext: Ctx = {}): Promise<number> {
    return await rules.ensureDefaultRules(sharedContext.manager!.getKnex(), defaults)
  }

  // ── cart signals and identity observations (repositories/cart-signals.ts) ──

  /** Creates or refreshes the cart's signal row in one statement (keyed hashes only). */
  @InjectManager()
  async upsertCartSignal(row: cartSignals.CartSignalRow, @MedusaContext() sharedContext: Ctx = {}): Promise<void> {
    await cartSignals.upsertCartSignal(sharedContext.manager!.getKnex(), row)
  }

  /** Clears `completed_at` of a cart whose completion failed after it was accepted. */
  async clearCartSignalCompletion(cartId: string): Promise<void> {
    await cartSignals.clearCartSignalCompletion(this, cartId)
  }

  /** Links the signal to the order placed from the cart (for the order-placed subscriber). */
  async setCartSignalOrder(cartId: string, orderId: string): Promise<void> {
    await cartSignals.setCartSignalOrder(this, cartId, orderId)
  }

  /** The IP key recorded for a cart while it was shopped (completion does not know the IP). */
  async getCartSignalIpKey(cartId: string): Promise<string | null> {
    return await cartSignals.getCartSignalIpKey(this, cartId)
  }

  /** Records the identity seen on the cart (from the IP) and counts the distinct ones since `since`. */
  @InjectManager()
  async observeIdentity(row: cartSignals.ObservedIdentity, since: Date, @MedusaContext() sharedContext: Ctx = {}) {
    return await cartSignals.observeIdentity(sharedContext.manager!.getKnex(), row, since)
  }

  /** Velocity counts in one query with bound parameters (other carts with the same key in the window). */
  @InjectManager()
  async countCartSignals(counts: cartSignals.SignalCount[], excludeCartId: string, @MedusaContext() sharedContext: Ctx = {}): Promise<number[]> {
    return await cartSignals.countCartSignals(sharedContext.manager!.getKnex(), counts, excludeCartId)
  }
}

export default PaymentRiskModuleService

import { z } from "@medusajs/framework/zod"
import { DUNNING_CHANNELS, DUNNING_STAGE_KINDS } from "../../../engine/dunning/stages"
import { NEGATIVE_LIST_KINDS } from "../../../engine/negative-list/types"
import { CONSEQUENCE_KEYS, CONSEQUENCE_TARGETS } from "../../../engine/outcomes/consequences"
import { checkIban } from "../../../engine/payment-data/iban"
import { PAYMENT_CLASSES } from "../../../engine/types"

export const PaymentClassSchema = z.enum(PAYMENT_CLASSES)

const ClassList = z.array(PaymentClassSchema).min(1).max(PAYMENT_CLASSES.length)

// One object schema (not a union) so a 400 names the exact field, e.g. "negative_list, actions, person, type".
const ListActionSchema = z
  .object({ type: z.enum(["allow_only_classes", "hide_classes"]), classes: ClassList })
  .strict()

const ListActionsSchema = z
  .object(Object.fromEntries(NEGATIVE_LIST_KINDS.map((kind) => [kind, ListActionSchema.optional()])))
  .strict()

const CreditCheckSchema = z
  .object({
    enabled: z.boolean().optional(),
    min_amount: z.number().min(0).max(1_000_000_000).optional(),
    providers: z
      .array(z.object({ id: z.string().trim().min(1).max(100), cost: z.number().min(0).max(1000) }).strict())
      .max(10)
      .optional(),
    unsafe_classes: ClassList.optional(),
    cache_days: z.number().int().min(0).max(365).optional(),
    timeout_ms: z.number().int().min(100).max(30000).optional(),
    soft_action: ListActionSchema.optional(),
    score_bands: z.array(z.object({ below: z.number(), action: ListActionSchema }).strict()).max(10).optional(),
    traffic_light_actions: z
      .object({ yellow: ListActionSchema.nullable().optional(), red: ListActionSchema.nullable().optional() })
      .strict()
      .optional(),
    failure_action: ListActionSchema.optional(),
    unknown_action: ListActionSchema.optional(),
    limits: z
      .object({
        queries_per_cart: z.number().int().min(1).max(100).optional(),
        identities_per_cart: z.number().int().min(1).max(100).optional(),
        identities_per_ip: z.number().int().min(1).max(1000).optional(),
        identities_per_customer: z.number().int().min(1).max(1000).optional(),
      })
      .strict()
      .optional(),
    breaker_failures: z.number().int().min(1).max(100).optional(),
    breaker_cooldown_seconds: z.number().int().min(1).max(86400).optional(),
    consent_notice: z
      .object({ de: z.string().trim().min(1).max(1000).optional(), en: z.string().trim().min(1).max(1000).optional() })
      .strict()
      .optional(),
  })
  .strict()

const DomainList = (field: string) =>
  z
    .array(z.string().trim().toLowerCase().regex(/^[a-z0-9.-]+\.[a-z]{2,}$/, `Value for field 'rules, ${field}': must be a domain like example.com`).max(253))
    .max(5000)

const RuleSettingsSchema = z
  .object({
    enabled: z.boolean().optional(),
    review_score: z.number().int().min(1).max(100000).optional(),
    prepayment_score: z.number().int().min(1).max(100000).optional(),
    risk_countries: z.array(z.string().trim().toLowerCase().regex(/^[a-z]{2}$/, "Value for field 'rules, risk_countries': must be a two-letter country code")).max(250).optional(),
    duplicate_window_minutes: z.number().int().min(0).max(60 * 24 * 30).optional(),
    extra_free_mail_domains: DomainList("extra_free_mail_domains").optional(),
    extra_disposable_domains: DomainList("extra_disposable_domains").optional(),
  })
  .strict()

/** whole days, at least one, at most ten years */
const RetentionDays = z.number().int().min(1).max(3650)

/** How long each kind of stored data is kept (README "What is stored, when, and for how long"). */
const RetentionSchema = z
  .object({
    /** null: the plugin option assessment_retention_days */
    assessment_days: RetentionDays.nullable().optional(),
    cart_signal_days: RetentionDays.optional(),
    identity_observation_days: RetentionDays.optional(),
    credit_query_days: RetentionDays.optional(),
    review_event_days: RetentionDays.optional(),
    outcome_days: RetentionDays.optional(),
    list_entry_days: RetentionDays.optional(),
    list_entry_grace_days: z.number().int().min(0).max(365).optional(),
    list_audit_days: RetentionDays.optional(),
    figures_days: RetentionDays.optional(),
  })
  .strict()

/** A calendar day written as YYYY-MM-DD that exists (no 30 February). */
function isRealDay(value: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(`${value}T00:00:00Z`)) && new Date(`${value}T00:00:00Z`).toISOString().startsWith(value)
}

const LetterText = z
  .object({ de: z.string().trim().min(1).max(5000), en: z.string().trim().min(1).max(5000) })
  .strict()

const DunningStageSchema = z
  .object({
    kind: z.enum(DUNNING_STAGE_KINDS),
    wait_days: z.number().int().min(0).max(90),
    deadline_days: z.number().int().min(1).max(90),
    fee: z.number().min(0).max(100),
    channel: z.enum(DUNNING_CHANNELS),
    subject: z.object({ de: z.string().trim().min(1).max(200), en: z.string().trim().min(1).max(200) }).strict(),
    body: LetterText,
  })
  .strict()

/** Dunning: the stages and base rates are replaced as whole lists. */
const DunningSchema = z
  .object({
    enabled: z.boolean().optional(),
    invoice_date: z.enum(["order_placed", "first_shipment"]).optional(),
    payment_term_days: z.number().int().min(0).max(120).optional(),
    default_from: z.enum(["due_date", "first_dunning", "30_days_after_invoice"]).optional(),
    stages: z.array(DunningStageSchema).min(1).max(6).optional(),
    base_rates: z
      .array(z.object({ valid_from: z.string().max(10), rate: z.number().min(-10).max(30) }).strict())
      .max(200)
      .superRefine((rates, ctx) => {
        rates.forEach((rate, index) => {
          if (!isRealDay(rate.valid_from)) {
            ctx.addIssue({ code: "custom", path: [index, "valid_from"], message: `Value for field 'dunning, base_rates, ${index}, valid_from': must be a real date like 2026-07-01` })
          }
        })
        if (new Set(rates.map((rate) => rate.valid_from)).size !== rates.length) {
          ctx.addIssue({ code: "custom", message: "Value for field 'dunning, base_rates': each valid_from date may appear only once" })
        }
      })
      .optional(),
    consumer_points: z.number().min(0).max(20).optional(),
    business_points: z.number().min(0).max(20).optional(),
    business_flat_fee: z.number().min(0).max(1000).optional(),
    business_customer_group_ids: z.array(z.string().trim().min(1).max(100)).max(100).optional(),
  })
  .strict()

const ConsequenceSchema = z
  .object({
    list: z.array(z.enum(CONSEQUENCE_TARGETS)).max(CONSEQUENCE_TARGETS.length),
    action: ListActionSchema.nullable(),
    expires_days: z.number().int().min(1).max(3650).nullable(),
  })
  .strict()

/** The consequence per outcome key; null resets a key to its default. */
const OutcomesSchema = z
  .object({
    consequences: z
      .object(Object.fromEntries(CONSEQUENCE_KEYS.map((key) => [key, ConsequenceSchema.nullable().optional()])))
      .strict()
      .optional(),
  })
  .strict()

/** The shop's own IBAN (empty: none), stored in its electronic form. */
const ShopIban = z
  .string()
  .trim()
  .max(50)
  .refine((value) => value === "" || checkIban(value).ok, "Value for field 'shop, iban': must be a valid IBAN like DE89 3704 0044 0532 0130 00")
  .transform((value) => (value === "" ? "" : (checkIban(value) as { iban: string }).iban))

export const AdminUpdatePaymentRiskSettings = z
  .object({
    first_order: z
      .object({
        enabled: z.boolean().optional(),
        paid_orders_required: z.number().int().min(0).max(1000).optional(),
        allowed_classes: ClassList.optional(),
        cod_max_amount: z.number().min(0).max(1_000_000_000).nullable().optional(),
        pending_order_allowed_classes: ClassList.optional(),
      })
      .strict()
      .optional(),
    negative_list: z
      .object({
        enabled: z.boolean().optional(),
        actions: ListActionsSchema.optional(),
        possible_match_action: ListActionSchema.optional(),
      })
      .strict()
      .optional(),
    plausibility: z
      .object({
        enabled: z.boolean().optional(),
        action: ListActionSchema.optional(),
      })
      .strict()
      .optional(),
    credit_check: CreditCheckSchema.optional(),
    rules: RuleSettingsSchema.optional(),
    protection: z
      .object({
        guest_recognition: z.enum(["email_and_address", "email"]).optional(),
        max_identities_per_cart: z.number().int().min(1).max(100).optional(),
        max_identities_per_ip: z.number().int().min(1).max(1000).optional(),
        identity_window_minutes: z.number().int().min(1).max(60 * 24 * 7).optional(),
      })
      .strict()
      .optional(),
    retention: RetentionSchema.optional(),
    dunning: DunningSchema.optional(),
    outcomes: OutcomesSchema.optional(),
    shop: z
      .object({
        name: z.string().trim().max(200).optional(),
        statement_descriptor: z.string().trim().max(100).optional(),
        hotline: z.string().trim().max(100).optional(),
        support_email: z.union([z.literal(""), z.string().trim().toLowerCase().email("Value for field 'shop, support_email': must be an email address")]).optional(),
        default_locale: z.string().trim().toLowerCase().regex(/^[a-z]{2}$/, "Value for field 'shop, default_locale': must be a two-letter language code").optional(),
        account_holder: z.string().trim().max(70).optional(),
        iban: ShopIban.optional(),
        bic: z.string().trim().toUpperCase().regex(/^([A-Z]{6}[A-Z0-9]{2}([A-Z0-9]{3})?)?$/, "Value for field 'shop, bic': must be a BIC like COBADEFFXXX").optional(),
        bank_name: z.string().trim().max(100).optional(),
        postal_address: z.string().trim().max(300).optional(),
      })
      .strict()
      .optional(),
    fallback_classes: ClassList.optional(),
    notice: z
      .object({
        de: z.string().trim().min(1).max(1000).optional(),
        en: z.string().trim().min(1).max(1000).optional(),
      })
      .strict()
      .optional(),
    notice_restricted: z
      .object({
        de: z.string().trim().min(1).max(1000).optional(),
        en: z.string().trim().min(1).max(1000).optional(),
      })
      .strict()
      .optional(),
    refusal_message: z
      .object({
        de: z.string().trim().min(1).max(1000).optional(),
        en: z.string().trim().min(1).max(1000).optional(),
      })
      .strict()
      .optional(),
    evaluation_timeout_ms: z.number().int().min(50).max(30000).optional(),
  })
  .strict()

export type AdminUpdatePaymentRiskSettingsType = z.infer<typeof AdminUpdatePaymentRiskSettings>

export const AdminSetProviderClass = z.object({ risk_class: PaymentClassSchema }).strict()
export type AdminSetProviderClassType = z.infer<typeof AdminSetProviderClass>

export const AdminListAssessments = z
  .object({
    order_id: z.string().min(1).max(100).optional(),
    cart_id: z.string().min(1).max(100).optional(),
    limit: z.coerce.number().int().min(1).max(100).default(20),
    offset: z.coerce.number().int().min(0).default(0),
  })
  .strict()
export type AdminListAssessmentsType = z.infer<typeof AdminListAssessments>

export const AdminEmptyQuery = z.object({}).strict()

/** A POST that takes no parameters (an empty or absent JSON body). */
export const AdminEmptyBody = z.object({}).strict()

export const AdminErasePersonalData = z
  .object({
    email: z.string().trim().email().max(320).optional(),
    customer_id: z.string().min(1).max(100).optional(),
    /**
     * keep the shopper's negative-list entries (legitimate interest in the merchant's legal
     * claims, Art. 17(3)(e) GDPR); by default they are deleted with everything else
     */
    keep_negative_list: z.boolean().default(false),
  })
  .strict()
  .refine((value) => !!value.email || !!value.customer_id, {
    message: "email or customer_id is required",
    path: ["email"],
  })
export type AdminErasePersonalDataType = z.infer<typeof AdminErasePersonalData>

export const AdminListCreditChecks = z
  .object({
    provider_id: z.string().min(1).max(100).optional(),
    limit: z.coerce.number().int().min(1).max(100).default(20),
    offset: z.coerce.number().int().min(0).default(0),
  })
  .strict()
export type AdminListCreditChecksType = z.infer<typeof AdminListCreditChecks>

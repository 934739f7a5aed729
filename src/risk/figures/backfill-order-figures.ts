import { defaultClassFor, PaymentClass } from "../../engine"

/** The module's or Medusa's knex (PG_CONNECTION): raw statements with bound parameters. */
type Knex = { raw: (sql: string, bindings?: unknown[]) => Promise<{ rows: Array<Record<string, unknown>>; rowCount?: number | null }> }

/** Orders per statement: each one is set-based, and no transaction holds locks on a large table for long. */
export const BACKFILL_BATCH = 20_000

/**
 * The class of each provider that paid an order: the merchant's saved class
 * (payment_risk_provider_class), else the plugin's default (as the checkout classifies them).
 */
async function providerClasses(knex: Knex): Promise<{ ids: string[]; classes: PaymentClass[] }> {
  const { rows } = await knex.raw(
    `select p.provider_id, c.risk_class
       from (select distinct provider_id from payment where provider_id is not null
             union select distinct provider_id from payment_session where provider_id is not null) p
       left join payment_risk_provider_class c on c.provider_id = p.provider_id and c.deleted_at is null`
  )
  const ids = rows.map((row) => String(row.provider_id))
  const classes = rows.map((row) => (row.risk_class as PaymentClass | null) ?? defaultClassFor(String(row.provider_id)).risk_class)
  return { ids, classes }
}

/**
 * The orders a backfill considers (bindings: after, placed since or null twice): not drafts,
 * without a figure, after `after` by id; with `placed since`, only orders placed since then
 * whose assessment is linked to them (an erased or scrubbed assessment is not: the daily job
 * never records a figure again for an order whose figures were unlinked).
 */
const CANDIDATES = `
  o.deleted_at is null and o.status <> 'draft' and coalesce(o.is_draft_order, false) = false
  and o.id > ?
  and not exists (select 1 from payment_risk_order_figure f where f.order_id = o.id and f.deleted_at is null)
  and (?::timestamptz is null
       or (o.created_at >= ?::timestamptz
           and exists (select 1 from payment_risk_assessment ra where ra.order_id = o.id and ra.deleted_at is null)))`

/*
 * One batch of orders (by id, after `after`) that have no figure yet: amount = the order's total
 * when it was placed (original_order_total of its latest summary), its provider (a payment not
 * canceled, else any payment, else an authorized or captured session, else any session) and that
 * provider's class, and from the assessment linked to it the score, the rules that held, the
 * rules that flagged it (flag action; with a score reason also the rules that added points — as
 * flaggedByOf), review, and whether a paid credit query was made. Drafts are left out.
 * No "?" in the text but the bindings (knex reads each as one).
 */
const BACKFILL_SQL = `
with batch as (
  select o.id, o.created_at, o.currency_code
    from "order" o
   where ${CANDIDATES}
   order by o.id
   limit ?
), classes as (
  select * from unnest(?::text[], ?::text[]) as c(provider_id, risk_class)
), facts as (
  select b.id, date_trunc('milliseconds', b.created_at) as created_at, lower(b.currency_code) as currency_code,
         coalesce((select case when v ~ '^-{0,1}[0-9]+([.][0-9]+){0,1}$' then v::numeric end
                     from (select coalesce(s.totals->'raw_original_order_total'->>'value', s.totals->>'original_order_total') as v
                             from order_summary s
                            where s.order_id = b.id and s.deleted_at is null
                            order by s.version desc limit 1) latest), 0) as amount,
         coalesce(
           (select py.provider_id from order_payment_collection opc
              join payment py on py.payment_collection_id = opc.payment_collection_id and py.deleted_at is null
             where opc.order_id = b.id and opc.deleted_at is null
             order by (py.canceled_at is null) desc, py.created_at limit 1),
           (select ps.provider_id from order_payment_collection opc
              join payment_session ps on ps.payment_collection_id = opc.payment_collection_id and ps.deleted_at is null
             where opc.order_id = b.id and opc.deleted_at is null
             order by (ps.status in ('authorized', 'captured')) desc, ps.created_at limit 1)
         ) as provider_id,
         a.risk_score,
         case when jsonb_typeof(a.decision->'rules'->'rules') = 'array' then a.decision->'rules'->'rules' else '[]'::jsonb end as traces,
         a.decision->'rules' as rules,
         a.decision->'signals'->'credit' as credit,
         exists (select 1 from order_cart oc
                   join payment_risk_credit_query q on q.cart_id = oc.cart_id and q.cached = false and q.error is null and q.deleted_at is null
                  where oc.order_id = b.id and oc.deleted_at is null) as paid_query
    from batch b
    left join lateral (
      select ra.risk_score, ra.decision from payment_risk_assessment ra
       where ra.order_id = b.id and ra.deleted_at is null
       order by ra.updated_at desc limit 1
    ) a on true
), ruled as (
  select f.*,
         (select count(*) from jsonb_array_elements(f.traces) r
           where r->>'held' = 'true' and exists (select 1 from jsonb_array_elements(coalesce(r->'actions', '[]'::jsonb)) x where x->>'type' = 'flag_review')) as flag_rules,
         case when jsonb_typeof(f.rules->'review_reasons') = 'array' then jsonb_array_length(f.rules->'review_reasons') else 0 end as reasons
    from facts f
)
insert into payment_risk_order_figure
  (id, order_id, placed_at, currency_code, amount, raw_amount, payment_class, provider_id, score, rules_held, flagged_by,
   review, credit_checked, created_at, updated_at)
select 'prof_' || replace(gen_random_uuid()::text, '-', ''), r.id, r.created_at, r.currency_code, r.amount,
       jsonb_build_object('value', r.amount::text, 'precision', 20),
       c.risk_class, r.provider_id, coalesce(r.risk_score, 0),
       array(select t->>'rule_id' from jsonb_array_elements(r.traces) with ordinality as e(t, n) where t->>'held' = 'true' order by n),
       case when r.rules->>'review' = 'true' then array(
         select t->>'rule_id' from jsonb_array_elements(r.traces) with ordinality as e(t, n)
          where t->>'held' = 'true'
            and (exists (select 1 from jsonb_array_elements(coalesce(t->'actions', '[]'::jsonb)) x where x->>'type' = 'flag_review')
                 or (r.reasons > r.flag_rules and exists (
                       select 1 from jsonb_array_elements(coalesce(t->'actions', '[]'::jsonb)) x
                        where x->>'type' = 'add_score' and (x->>'points') ~ '^[0-9]+([.][0-9]+){0,1}$' and (x->>'points')::numeric > 0)))
          order by n) else '{}'::text[] end,
       coalesce(r.rules->>'review' = 'true', false),
       r.paid_query or coalesce(r.credit->>'status' = 'answered' and coalesce(r.credit->>'cached', 'false') <> 'true', false),
       now(), now()
  from ruled r
  left join classes c on c.provider_id = r.provider_id
on conflict (order_id) where order_id is not null and deleted_at is null do nothing
returning order_id`

export type BackfillOptions = {
  /**
   * only orders placed since then that are linked to their assessment: the daily job's retry of
   * figures the order.placed subscriber failed to record (never an erased or scrubbed order's)
   */
  placedSince?: Date
}

/** Days of orders the daily job checks for a missing figure. */
export const RECOVERY_DAYS = 3

/**
 * Records the figures of orders placed before the plugin recorded them (issue 17): one
 * payment_risk_order_figure row per order without one, in batches of set-based statements
 * (300,000 orders: 15 statements). Idempotent: an order with a figure is skipped, so a rerun (or
 * the order-placed subscriber running meanwhile) adds nothing twice. Returns how many rows it added.
 */
export async function backfillOrderFigures(knex: Knex, batchSize = BACKFILL_BATCH, options: BackfillOptions = {}): Promise<number> {
  const since = options.placedSince ?? null
  const { ids, classes } = await providerClasses(knex)
  let after = ""
  let added = 0
  for (;;) {
    const { rows } = await knex.raw(
      `select max(id) as last, count(*)::int as n from (
         select o.id from "order" o
          where ${CANDIDATES}
          order by o.id limit ?) b`,
      [after, since, since, batchSize]
    )
    const count = Number(rows[0]?.n) || 0
    if (!count) return added
    const inserted = await knex.raw(BACKFILL_SQL, [after, since, since, batchSize, ids, classes])
    added += inserted.rows.length
    after = String(rows[0].last)
    if (count < batchSize) return added
  }
}

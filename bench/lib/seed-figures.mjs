/**
 * The figures of the seeded shop (issue 17), set-based SQL after seed-shop.mjs, scaled with its
 * orders (the numbers below are for 300,000):
 *   - `payment_risk_order_figure`: one row per seeded order, placed within the last 89 days
 *     (so a 90-day overview holds all of them), paid with invoice 35 %, card 25 %, direct debit
 *     12 %, prepayment 15 %, cash on delivery 13 % (provider as the class); plus orders / 3 older
 *     rows (90 to 120 days ago) whose order id was erased, outside a 90-day overview;
 *   - `payment_risk_assessment` for every third order (100,000), `order_id` set, with a
 *     `replayable` input from one of a few hundred templates (figures-templates.mjs) given the
 *     order's own total, average order value (in proportion) and time; the order's class is one
 *     today's decision left (prepayment otherwise), and its figure row carries the template's
 *     score, rules held, rules that flagged it and review;
 *   - `payment_risk_outcome` and `payment_risk_receivable`: a claim per invoice order, paid in
 *     its term by most (Medusa's capture, as seed-shop.mjs wrote it: no outcome), dunned and paid
 *     late (the dunning fee as a payment received), handed over or written off by a few; return debits (with a bank fee, half paid since with a reopened claim) on 2 % of
 *     direct debits, chargebacks on 0.8 % of cards (a quarter reversed), refused parcels on 3 %
 *     of cash-on-delivery orders;
 *   - Medusa's refunds for the shop's partly refunded orders (a session, its captured payment and
 *     the refund: the "refunded" bucket);
 *   - `payment_risk_cart_evaluation` for orders × 7/6 carts (350,000): the order's cart
 *     (completed; restricted as its template or, without an assessment, 10 % by the first-order
 *     rule), a second, earlier "listing" row for every fifth, and orders / 6 carts left at the
 *     payment step — 40 % of those restricted (first order, a rule, a list match with only
 *     prepayment left, a bulk order to a risk country), 1 % with the cart id erased (a token per cart). Credit
 *     checks (0.50 each, some cached, some failed) on every fifth cart of 200 or more.
 * Ids carry a `bench` prefix; the assessments' identity keys are their own ("bench:<n>"), so the
 * first-order state of the measured shoppers is not changed by them.
 */
import { figureTemplates, describeTemplates } from "./figures-templates.mjs"
import { built } from "./host.mjs"

export const FIGURE_DAYS = 89

/** The plugin's rebuild of the carts' summaries (payment_risk_cart_figure), from its build. */
const rebuildCartFigures = (knex) => built("src/modules/payment-risk/repositories/figures.js").rebuildCartFigures(knex)

/** A pg client as the knex calls of the rebuild use it (statements without bindings, one transaction). */
function pgKnex(client) {
  const knex = {
    raw: (sql, bindings) => {
      if (bindings?.length) throw new Error("pgKnex: bindings are not supported")
      return client.query(sql)
    },
    transaction: async (work) => {
      await client.query("begin")
      try {
        const result = await work(knex)
        await client.query("commit")
        return result
      } catch (error) {
        await client.query("rollback").catch(() => {})
        throw error
      }
    },
  }
  return knex
}
const TEMPLATE_COUNT = 400

/** Rows of the templates for the SQL (one jsonb array parameter). */
function templateRows(templates) {
  return templates.map((t, idx) => ({
    idx,
    replayable: t.input,
    ratio: t.ratio,
    allowed: t.allowed_classes,
    rules_held: t.result.rules_held,
    flagged_by: t.flagged_by,
    score: t.result.score,
    review: t.result.review,
    restricted: t.result.restricted,
    causes: t.result.causes,
    hidden: t.result.hidden_classes,
    hidden_providers: t.result.hidden_provider_ids,
    list_matches: t.input.negative_list.map((m) => ({ kind: m.kind, source: m.source ?? null })),
  }))
}

const raw = (column) => `jsonb_build_object('value', (${column})::text, 'precision', 20)`

/** Inserts the figures for the seeded orders; returns row counts and how varied the templates are. */
export async function seedFigures(client, { settings, storedRules, currency = "eur" }) {
  const templates = figureTemplates(TEMPLATE_COUNT, { settings, storedRules })
  const variety = describeTemplates(templates, storedRules)
  const firstOrderRule = storedRules.find((rule) => rule.default_key === "new_customer_large_free_mail")?.id ?? "rules"
  const bulkRule = storedRules.find((rule) => rule.default_key === "bulk_to_risk_country")?.id ?? "rules"
  await client.query("begin")
  try {
    await client.query(
      `create temp table fig_tpl on commit drop as
       select * from jsonb_to_recordset($1::jsonb) as x(idx int, replayable jsonb, ratio numeric, allowed text[], rules_held text[], flagged_by text[],
              score int, review boolean, restricted boolean, causes text[], hidden text[], hidden_providers text[], list_matches jsonb)`,
      [JSON.stringify(templateRows(templates))]
    )
    await client.query("create unique index on fig_tpl (idx)")
    // each seeded order: amount, refunds, its time in the last FIGURE_DAYS days, its template (every third), its class
    await client.query(
      `create temp table fig_order on commit drop as
       select o.seq, o.order_id, o.amount, o.placed_at, o.tpl, o.h, o.e,
              cls.payment_class,
              case cls.payment_class when 'invoice' then 'pp_invoice_manual' when 'card' then 'pp_system_default'
                   when 'direct_debit' then 'pp_stripe-sepa_stripe' when 'prepayment' then 'pp_prepayment_manual'
                   else 'pp_cash-on-delivery_manual' end as provider_id
         from (
           select s.seq, s.order_id, pc.amount::numeric as amount,
                  -- milliseconds, as the plugin writes them (JS dates)
                  date_trunc('milliseconds', now()) - interval '5 minutes' - ((s.seq::bigint * 7919) % ($1::int * 86400)) * interval '1 second' as placed_at,
                  case when s.seq % 3 = 0 then (s.seq * 37) % $2::int end as tpl,
                  abs(hashtext('class' || s.seq)) % 1000 as h,
                  abs(hashtext('outcome' || s.seq)) % 1000 as e
             from (select id as order_id, substr(id, 13)::int as seq from "order" where id like 'order_bench_%') s
             join payment_collection pc on pc.id = 'pay_col_bench_' || s.seq
         ) o
         left join fig_tpl t on t.idx = o.tpl
         -- the shopper's choice, unless today's decision hid it (then prepayment); without an
         -- assessment every tenth order (h / 100 = 3) lost invoice and direct debit to the first-order rule
         cross join lateral (select
           case when o.h % 100 < 35 then 'invoice' when o.h % 100 < 60 then 'card' when o.h % 100 < 72 then 'direct_debit'
                when o.h % 100 < 87 then 'prepayment' else 'cash_on_delivery' end as preferred,
           coalesce(t.allowed, case when o.h / 100 = 3 then array['prepayment', 'cash_on_delivery', 'card'] end) as allowed) pref
         cross join lateral (select case when pref.allowed is null or pref.preferred = any(pref.allowed) then pref.preferred else 'prepayment' end as payment_class) cls`,
      [FIGURE_DAYS, templates.length]
    )
    await client.query("create unique index on fig_order (seq)")

    const figures = (
      await client.query(
        `insert into payment_risk_order_figure (id, order_id, placed_at, currency_code, amount, raw_amount, payment_class, provider_id,
                                                score, rules_held, flagged_by, review, credit_checked, created_at, updated_at)
         select 'prof_bench_' || o.seq, o.order_id, o.placed_at, $1, o.amount, ${raw("o.amount")}, o.payment_class, o.provider_id,
                coalesce(t.score, 0), coalesce(t.rules_held, '{}'), coalesce(t.flagged_by, '{}'), coalesce(t.review, false),
                o.amount >= 200 and o.seq % 5 = 0 and o.h % 5 <> 0, o.placed_at, o.placed_at
           from fig_order o left join fig_tpl t on t.idx = o.tpl`,
        [currency]
      )
    ).rowCount
    // older rows, their orders erased: outside a 90-day overview
    const erased = (
      await client.query(
        `insert into payment_risk_order_figure (id, order_id, placed_at, currency_code, amount, raw_amount, payment_class, provider_id,
                                                score, rules_held, flagged_by, review, credit_checked, created_at, updated_at)
         select 'prof_bench_old_' || i, null, date_trunc('milliseconds', now()) - interval '90 days' - (i % (30 * 86400)) * interval '1 second', $1,
                (20 + i % 480)::numeric, ${raw("(20 + i % 480)::numeric")},
                (array['invoice', 'card', 'prepayment', 'cash_on_delivery'])[1 + i % 4],
                (array['pp_invoice_manual', 'pp_system_default', 'pp_prepayment_manual', 'pp_cash-on-delivery_manual'])[1 + i % 4],
                0, '{}', '{}', false, false, now(), now()
           from generate_series(1, $2::int) as i`,
        [currency, Math.floor(figures / 3)]
      )
    ).rowCount

    const assessments = (
      await client.query(
        `insert into payment_risk_assessment (id, cart_id, order_id, customer_id, email, identity_key, selected_provider_id, outcome, fallback,
                                              decision, engine_version, replayable, risk_score, review_status, created_at, updated_at)
         select 'pra_bench_' || o.seq, 'cart_bench_fig_' || o.seq, o.order_id, null, null, 'bench:' || o.seq, o.provider_id, 'accepted', false,
                jsonb_build_object(
                  'allowed_provider_ids', (select coalesce(jsonb_agg(p), '[]') from unnest($1::text[]) p where not p = any(t.hidden_providers)),
                  'hidden', (select coalesce(jsonb_agg(jsonb_build_object('provider_id', p, 'reasons', to_jsonb(t.causes))), '[]') from unnest(t.hidden_providers) p),
                  'facts', jsonb_build_object('score', t.score, 'rules_held', to_jsonb(t.rules_held))),
                'bench',
                jsonb_set(jsonb_set(jsonb_set(t.replayable,
                  '{cart,total}', to_jsonb(o.amount)),
                  '{cart,average_order_value}', to_jsonb(round(o.amount / t.ratio, 2))),
                  '{evaluated_at}', to_jsonb(to_char(o.placed_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'))),
                t.score, case when t.review then 'approved' else 'none' end, o.placed_at, o.placed_at
           from fig_order o join fig_tpl t on t.idx = o.tpl`,
        [templates[0].input.cart.providers.map((p) => p.id)]
      )
    ).rowCount

    // a claim per invoice order (canceled ones too: the bench does not tell them apart here)
    const receivables = (
      await client.query(
        `insert into payment_risk_receivable (id, order_id, currency_code, debtor_type, principal, raw_principal, invoice_date, hold, created_at, updated_at)
         select 'prrcv_bench_' || seq, order_id, $1, 'consumer', amount, ${raw("amount")}, placed_at,
                case when placed_at < now() - interval '45 days' and e between 970 and 984 then 'handed_over'
                     when placed_at < now() - interval '45 days' and e between 985 and 994 then 'written_off'
                     else 'active' end,
                placed_at, placed_at
           from fig_order where payment_class = 'invoice'`,
        [currency]
      )
    ).rowCount
    // what happened afterwards: kind, time, amount, fee per order (e: the order's own hash, 0..999, apart from the class's)
    const outcomes = (
      await client.query(
        `insert into payment_risk_outcome (id, order_id, kind, reason_code, amount, raw_amount, fee, raw_fee, currency_code, occurred_at, source,
                                           external_id, list_entry_ids, created_at, updated_at)
         select 'prout_bench_' || e.n || '_' || o.seq, o.order_id, e.kind, e.reason, e.amount, case when e.amount is null then null else ${raw("e.amount")} end,
                e.fee, case when e.fee is null then null else ${raw("e.fee")} end, $1, e.at,
                case when e.kind = 'dunning_stage' then 'job' when e.kind in ('return_debit', 'chargeback', 'chargeback_reversed') then 'webhook' else 'admin' end,
                case when e.kind = 'dunning_stage' then 'dunning:' || o.order_id || ':' || e.stage else 'bench:' || e.n || ':' || o.seq end,
                '{}', e.at, e.at
           from fig_order o
           cross join lateral (values
             -- invoice: paid within the term (Medusa's capture: seed-shop.mjs), or dunned (stages 1, 2) and then paid (the
             -- principal captured, the dunning fee as a payment received), handed over or written off
             (2, 'dunning_stage', null::text, null::numeric, 5.00::numeric, o.placed_at + interval '21 days', 1::int,
              o.payment_class = 'invoice' and o.e >= 930 and o.e < 995 and o.placed_at < now() - interval '21 days'),
             (3, 'dunning_stage', null, null, 5.00, o.placed_at + interval '35 days', 2,
              o.payment_class = 'invoice' and o.e >= 970 and o.e < 995 and o.placed_at < now() - interval '35 days'),
             (4, 'payment_received', null, 5.00, null, o.placed_at + interval '30 days', null,
              o.payment_class = 'invoice' and o.e between 930 and 969 and o.placed_at < now() - interval '30 days'),
             (5, 'handed_over', null, null, null, o.placed_at + interval '45 days', null,
              o.payment_class = 'invoice' and o.e between 970 and 984 and o.placed_at < now() - interval '45 days'),
             (6, 'written_off', null, o.amount, null, o.placed_at + interval '45 days', null,
              o.payment_class = 'invoice' and o.e between 985 and 994 and o.placed_at < now() - interval '45 days'),
             -- direct debit: returned (AM04, bank fee), half paid again later
             (7, 'return_debit', 'AM04', o.amount, 3.00, o.placed_at + interval '6 days', null,
              o.payment_class = 'direct_debit' and o.e < 20 and o.placed_at < now() - interval '6 days'),
             (8, 'payment_received', null, o.amount + 3.00, null, o.placed_at + interval '25 days', null,
              o.payment_class = 'direct_debit' and o.e < 10 and o.placed_at < now() - interval '25 days'),
             -- card: charged back (fraud), a quarter reversed
             (9, 'chargeback', '10.4', o.amount, 15.00, o.placed_at + interval '20 days', null,
              o.payment_class = 'card' and o.e < 8 and o.placed_at < now() - interval '20 days'),
             (10, 'chargeback_reversed', null, o.amount, null, o.placed_at + interval '50 days', null,
              o.payment_class = 'card' and o.e < 2 and o.placed_at < now() - interval '50 days'),
             -- cash on delivery: refused parcel (return postage)
             (11, 'cod_refused', null, o.amount, 6.90, o.placed_at + interval '4 days', null,
              o.payment_class = 'cash_on_delivery' and o.e < 30 and o.placed_at < now() - interval '4 days')
           ) as e(n, kind, reason, amount, fee, at, stage, happens)
          where e.happens`,
        [currency]
      )
    ).rowCount
    // the returned debits paid again: a claim reopened by the return debit
    const reopened = (
      await client.query(
        `insert into payment_risk_receivable (id, order_id, currency_code, debtor_type, principal, raw_principal, invoice_date, hold, reopened_by, created_at, updated_at)
         select 'prrcv_bench_rd_' || o.seq, o.order_id, $1, 'consumer', o.amount, ${raw("o.amount")}, o.placed_at + interval '6 days', 'active',
                'prout_bench_7_' || o.seq, o.placed_at + interval '6 days', o.placed_at + interval '6 days'
           from fig_order o where o.payment_class = 'direct_debit' and o.e < 20 and o.placed_at < now() - interval '6 days'`,
        [currency]
      )
    ).rowCount

    // the partly refunded orders of the shop (seed-shop.mjs: payment collection with a refunded amount) as Medusa
    // records a refund: a session, its captured payment with the order's provider, and the refund of it
    const refunds = (
      await client.query(
        `with r as (
           select o.seq, o.amount, o.placed_at, o.provider_id, pc.refunded_amount
             from fig_order o join payment_collection pc on pc.id = 'pay_col_bench_' || o.seq
            where pc.refunded_amount > 0),
         s as (
           insert into payment_session (id, currency_code, amount, raw_amount, provider_id, data, status, authorized_at, payment_collection_id, created_at, updated_at)
           select 'payses_bench_' || seq, $1, amount, ${raw("amount")}, provider_id, '{}', 'authorized', placed_at, 'pay_col_bench_' || seq, placed_at, placed_at from r),
         p as (
           insert into payment (id, amount, raw_amount, currency_code, provider_id, data, captured_at, payment_collection_id, payment_session_id, created_at, updated_at)
           select 'pay_bench_' || seq, amount, ${raw("amount")}, $1, provider_id, '{}', placed_at, 'pay_col_bench_' || seq, 'payses_bench_' || seq, placed_at, placed_at from r)
         insert into refund (id, amount, raw_amount, payment_id, created_at, updated_at)
         select 'ref_bench_' || seq, refunded_amount, ${raw("refunded_amount")}, 'pay_bench_' || seq,
                least(placed_at + interval '10 days', now()), least(placed_at + interval '10 days', now()) from r`,
        [currency]
      )
    ).rowCount

    // carts: the orders' carts (completed) with an earlier listing row for every fifth, and carts left at the payment step
    const orderCarts = (
      await client.query(
        `insert into payment_risk_cart_evaluation (id, cart_id, decision_key, stage, evaluated_at, currency_code, total, raw_total, restricted, fallback,
                                                   causes, hidden_classes, offered_classes, rules_held, score, review, credit_ran, credit_cached,
                                                   credit_failed, credit_cost, credit_queries, list_matches, completed_at, order_id, completed_class, completed_provider_id,
                                                   created_at, updated_at)
         select 'prce_bench_' || r.n || '_' || o.seq, 'cart_bench_fig_' || o.seq, 'bench' || r.n, r.stage, o.placed_at - r.before, $1, o.amount, ${raw("o.amount")},
                r.restricted, false, r.causes, r.hidden, array(select c from unnest($2::text[]) c where not c = any(r.hidden)),
                coalesce(t.rules_held, '{}'), coalesce(t.score, 0), coalesce(t.review, false),
                c.ran, c.cached, c.failed, case when c.ran and not c.cached then 0.5 else 0 end, case when c.ran and not c.cached then 1 else 0 end, t.list_matches,
                o.placed_at, o.order_id, o.payment_class, o.provider_id, o.placed_at, o.placed_at
           from fig_order o
           left join fig_tpl t on t.idx = o.tpl
           cross join lateral (select o.amount >= 200 and o.seq % 5 = 0 as ran, o.amount >= 200 and o.seq % 5 = 0 and o.h % 5 = 0 as cached,
                                      o.amount >= 200 and o.seq % 5 = 0 and o.h % 50 = 7 as failed) c
           cross join lateral (
             select 1 as n, 'completion' as stage, interval '2 minutes' as before,
                    coalesce(t.restricted, o.h / 100 = 3) as restricted,
                    coalesce(t.causes, case when o.h / 100 = 3 then array['first_order'] else '{}' end) as causes,
                    coalesce(t.hidden, case when o.h / 100 = 3 then array['invoice', 'direct_debit'] else '{}' end) as hidden
             union all
             select 2, 'listing', interval '6 minutes', false, '{}', '{}' where o.seq % 5 = 1
           ) r`,
        [currency, templates[0].input.cart.providers.map((p) => p.risk_class)]
      )
    ).rowCount
    const leftCount = Math.round(figures / 6)
    const leftCarts = (
      await client.query(
        `insert into payment_risk_cart_evaluation (id, cart_id, decision_key, stage, evaluated_at, currency_code, total, raw_total, restricted, fallback,
                                                   causes, hidden_classes, offered_classes, rules_held, score, review, credit_ran, credit_cached,
                                                   credit_failed, credit_cost, credit_queries, list_matches, completed_at, order_id, completed_class, completed_provider_id,
                                                   created_at, updated_at)
         select 'prce_bench_left_' || k, case when k % 100 = 0 then 'erased:' || md5('bench' || k) else 'cart_bench_left_' || k end, 'bench', 'listing', at, $1, total, ${raw("total")},
                v.restricted, k % 200 = 3, v.causes, v.hidden, array(select c from unnest($2::text[]) c where not c = any(v.hidden)),
                v.held, v.score, false, c.ran, c.cached, c.failed, case when c.ran and not c.cached then 0.5 else 0 end, case when c.ran and not c.cached then 1 else 0 end, v.matches,
                null, null, null, null, at, at
           from (select k, date_trunc('milliseconds', now()) - interval '5 minutes' - ((k::bigint * 6007) % ($3::int * 86400)) * interval '1 second' as at,
                        (20 + (k * 53) % 480)::numeric as total
                   from generate_series(1, $4::int) as k) x
           cross join lateral (select x.total >= 200 and k % 5 = 0 as ran, x.total >= 200 and k % 25 = 0 as cached, x.total >= 200 and k % 5 = 0 and k % 50 = 35 as failed) c
           cross join lateral (select
             case k % 10 when 0 then true when 1 then true when 2 then true when 3 then true else false end as restricted,
             case k % 10 when 0 then array['first_order'] when 1 then array['rules', $5] when 2 then array['negative_list']
                         when 3 then array['rules', $6] else '{}' end as causes,
             case k % 10 when 0 then array['invoice', 'direct_debit'] when 1 then array['invoice']
                         when 2 then array['cash_on_delivery', 'invoice', 'direct_debit', 'card'] when 3 then array['cash_on_delivery', 'invoice', 'direct_debit', 'card']
                         else '{}' end as hidden,
             case k % 10 when 1 then array[$5] when 3 then array[$6] else '{}'::text[] end as held,
             case k % 10 when 1 then 20 when 3 then 40 else 0 end as score,
             case when k % 10 = 2 then jsonb_build_array(jsonb_build_object('kind', (array['person', 'address', 'email', 'iban'])[1 + k % 4],
                                                                            'source', (array['dunning', 'return_debit', 'chargeback', 'manual', 'cod_refused'])[1 + k % 5]))
                  end as matches) v`,
        [currency, templates[0].input.cart.providers.map((p) => p.risk_class), FIGURE_DAYS, leftCount, firstOrderRule, bulkRule]
      )
    ).rowCount
    await client.query("commit")
    // the carts' summaries as the migration script builds them for existing rows (the plugin's own code, built)
    const rebuildStarted = Date.now()
    const cartFigures = await rebuildCartFigures(pgKnex(client))
    const cartFiguresSeconds = Number(((Date.now() - rebuildStarted) / 1000).toFixed(1))
    for (const table of ["payment_risk_order_figure", "payment_risk_order_rollup", "payment_risk_order_flag_rollup", "payment_risk_assessment", "payment_risk_receivable", "payment_risk_outcome", "payment_risk_cart_evaluation", "payment_risk_cart_figure", "payment_session", "payment", "refund"]) {
      await client.query(`analyze ${table}`)
    }
    return { templates: variety, order_figures: figures, erased_figures: erased, assessments, receivables: receivables + reopened, outcomes, refunds, cart_rows: orderCarts + leftCarts, carts: figures + leftCount, cart_figures: cartFigures, cart_figures_rebuild_s: cartFiguresSeconds }
  } catch (error) {
    await client.query("rollback").catch(() => {})
    throw error
  }
}

/** What the seeded figures hold in a period (the bench compares the routes' answers with it). */
export async function figuresIn(client, { from, to, currency = "eur" }) {
  const { rows } = await client.query(
    `select (select count(*)::int from payment_risk_order_figure where placed_at >= $1 and placed_at < $2 and currency_code = $3) as orders,
            (select count(*)::int from payment_risk_assessment a join payment_risk_order_figure f on f.order_id = a.order_id
              where a.replayable is not null and f.placed_at >= $1 and f.placed_at < $2) as replayable,
            (select count(distinct coalesce(cart_id, id))::int from payment_risk_cart_evaluation where evaluated_at >= $1 and evaluated_at < $2 and currency_code = $3) as carts`,
    [from, to, currency]
  )
  return rows[0]
}

/** The seeded figures by kind (logged and kept in results.json, to see the history is what the header says). */
export async function figureCounts(client) {
  const rows = async (sql) => Object.fromEntries((await client.query(sql)).rows.map((r) => [r.k, r.n]))
  return {
    orders_by_class: await rows(`select coalesce(payment_class, '?') as k, count(*)::int as n from payment_risk_order_figure where order_id is not null group by 1 order by 1`),
    outcomes_by_kind: await rows(`select kind as k, count(*)::int as n from payment_risk_outcome group by 1 order by 1`),
    receivables_by_hold: await rows(`select hold as k, count(*)::int as n from payment_risk_receivable group by 1 order by 1`),
    carts: (await client.query(
      `select count(distinct coalesce(cart_id, id))::int as evaluated,
              count(distinct coalesce(cart_id, id)) filter (where restricted)::int as restricted,
              count(distinct coalesce(cart_id, id)) filter (where restricted and completed_at is not null)::int as restricted_completed,
              count(distinct coalesce(cart_id, id)) filter (where restricted and completed_at is null)::int as restricted_left,
              count(*)::int as rows, count(*) filter (where credit_ran)::int as credit_ran
         from payment_risk_cart_evaluation`
    )).rows[0],
    replayable: (await client.query(`select count(*)::int as n from payment_risk_assessment where replayable is not null and order_id is not null`)).rows[0].n,
    review_orders: (await client.query(`select count(*)::int as n from payment_risk_order_figure where review`)).rows[0].n,
  }
}

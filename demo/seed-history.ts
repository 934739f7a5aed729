/**
 * Four months of after-checkout history for the demo store (`npm run demo` runs it after
 * demo/seed.ts; `DEMO_HISTORY=0` skips it; alone: `npx medusa exec ./demo/seed-history.ts`).
 *
 * Fourteen customers (German addresses, two of them English-speaking) with orders paid by cash
 * on delivery, invoice and card, and what happened afterwards: invoices in every state of the
 * receivables page (open, overdue, payment reminder, 1st and 2nd dunning, final notice, handed
 * over, paid, partly paid, written off, paused), a SEPA return debit (AM04, bank fee) that
 * reopened a paid invoice, a card chargeback for fraud and a refused cash-on-delivery parcel,
 * with their negative-list entries. The story is in demo/history/story.ts.
 *
 * It is played day by day from its first day to today: each day the plugin's dunning run goes
 * as of that day (`runDunning(container, { today })`, so stages, their fees and the interest
 * follow the settings), then that day's events happen through Medusa's and the plugin's
 * workflows. Medusa stamps what a workflow creates with the clock, so orders, payments and
 * customers are then dated back with bound-parameter SQL (demo/history/backdate.ts); the dates
 * the plugin computes with go through its own inputs (receivable invoice date via the module's
 * service, outcome and stage days via the workflows). Dunning is switched on in the settings.
 *
 * Idempotent: when done it marks the store (`store.metadata.payment_risk_demo_history`) and a
 * second run adds nothing; an interrupted run picks up where it stopped (customers by email,
 * orders by their metadata key, outcomes by their external id, payments per day).
 * Then the figures overview's history (demo/history/figures.ts): the story's orders get their
 * figures dated by the order, and shoppers come to the payment step on their days — new guests
 * offered only prepayment and cash on delivery (most leave), regulars paying by card (the
 * sandbox bureau asked for the large carts), listed shoppers coming back — through the
 * plugin's listing and completion check, dated back like the orders.
 *
 * Not part of the published plugin (demo/ is excluded in tsconfig.json).
 */
import type { ExecArgs } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { updateStoresWorkflow } from "@medusajs/medusa/core-flows"
import { runDunning } from "../src/jobs/dunning-run"
import { PAYMENT_RISK_MODULE } from "../src/modules/payment-risk"
import type PaymentRiskModuleService from "../src/modules/payment-risk/service"
import { streamReceivables } from "../src/risk/dunning/load-receivables"
import { today as todayUtc } from "../src/risk/dunning/receivable-view"
import { capture, close, ensureCustomers, HistoryContext, loadDemoStore, loadHistoryOrders, pause, placeOrder, recordOutcome, recordPayment } from "./history/actions"
import { backdateDunningEmails } from "./history/backdate"
import { dateOf, dayOf, eventsOn, HISTORY_MARK, PEOPLE, STORY, STORY_START, StoryEvent } from "./history/story"
import { dateStoryFigures, playVisits } from "./history/figures"

async function play(ctx: HistoryContext, event: StoryEvent, at: Date) {
  switch (event.kind) {
    case "order":
      return placeOrder(ctx, event, at)
    case "capture":
      return capture(ctx, event, at)
    case "payment":
      return recordPayment(ctx, event, at)
    case "outcome":
      return recordOutcome(ctx, event, at)
    case "pause":
      return pause(ctx, event, at)
    case "close":
      return close(ctx, event, at)
  }
}

export default async function seedHistory({ container }: ExecArgs) {
  const started = Date.now()
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const [store] = await container.resolve(Modules.STORE).listStores({}, { select: ["id", "metadata"] })
  const seededOn = store?.metadata?.[HISTORY_MARK]
  if (seededOn) {
    logger.info(`Demo history already present (seeded on ${String(seededOn)}): nothing added`)
    return
  }

  const risk = container.resolve<PaymentRiskModuleService>(PAYMENT_RISK_MODULE)
  const settings = await risk.getSettings()
  if (!settings.dunning.enabled) {
    await risk.saveSettings({ ...settings, dunning: { ...settings.dunning, enabled: true } })
    logger.info("Dunning switched on (Settings → Payment risk → Dunning)")
  }

  const today = todayUtc()
  const handles = [...new Set(STORY.flatMap((event) => (event.kind === "order" ? event.lines.map((line) => line.handle) : [])))]
  const ctx: HistoryContext = { container, store: await loadDemoStore(container, handles), customers: new Map(), orders: new Map(), log: [] }
  // each customer is with the shop since her first order
  const since = new Map<string, Date>()
  for (const event of STORY) {
    if (event.kind !== "order") continue
    const at = dateOf(event.at, today)
    if (!since.has(event.person) || at < since.get(event.person)!) since.set(event.person, at)
  }
  await ensureCustomers(ctx, PEOPLE, since)
  await loadHistoryOrders(ctx)

  let stages = 0
  const spent = new Map<string, number>()
  const timed = async <T>(what: string, work: () => Promise<T>): Promise<T> => {
    const t = Date.now()
    try {
      return await work()
    } finally {
      spent.set(what, (spent.get(what) ?? 0) + Date.now() - t)
    }
  }
  for (let daysAgo = STORY_START; daysAgo >= 0; daysAgo--) {
    const day = dayOf(daysAgo, today)
    // the daily run (06:00) before the day's business; today's as the job would run it now
    const run = await timed("dunning runs", () => runDunning(container, daysAgo === 0 ? {} : { today: day }))
    if (run.failed) throw new Error(`the dunning run of ${day} failed for ${run.failed} receivable(s) (see the warnings above)`)
    if (run.sent) {
      stages += run.sent
      if (daysAgo > 0) await backdateDunningEmails(container, new Date(`${day}T12:00:00Z`))
    }
    for (const event of eventsOn(daysAgo)) {
      await timed(event.kind, () => play(ctx, event, dateOf(event.at, today)))
    }
  }

  // the figures overview: the story's orders dated in the figures, then shoppers at the payment step (history/figures.ts)
  const visits = await timed("figures", async () => {
    await dateStoryFigures(container)
    return await playVisits(ctx, today)
  })

  await updateStoresWorkflow(container).run({
    input: { selector: { id: store.id }, update: { metadata: { ...(store.metadata ?? {}), [HISTORY_MARK]: today } } },
  })

  // what the receivables page shows now
  const byStatus = new Map<string, number>()
  for await (const batch of streamReceivables(container, today, await risk.getSettings())) {
    for (const { view } of batch) {
      const label = view.stage_kind && view.status === "in_dunning" ? `in_dunning (stage ${view.stage}: ${view.stage_kind})` : view.status
      byStatus.set(label, (byStatus.get(label) ?? 0) + 1)
    }
  }
  logger.info(
    `Demo history created in ${((Date.now() - started) / 1000).toFixed(1)} s: ${ctx.customers.size} customers, ${ctx.orders.size} orders, ` +
      `${stages} dunning stages sent, ${visits.length} shoppers at the payment step (${visits.filter((line) => line.includes("paid by")).length} paid); receivables: ${[...byStatus.entries()].sort().map(([status, count]) => `${status} ${count}`).join(", ")}`
  )
  logger.info(`Demo history visits at the payment step: ${visits.join("; ")}`)
  logger.info(`Demo history time per step: ${[...spent.entries()].map(([what, ms]) => `${what} ${(ms / 1000).toFixed(1)} s`).join(", ")}`)
}

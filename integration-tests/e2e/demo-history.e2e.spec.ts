/**
 * The demo store's after-checkout history (demo/seed-history.ts, issue 16): `scripts/demo.mjs`
 * with the history on a fresh database, then the history seed run again. Checked through the
 * admin API: a receivable in every state and dunning stage the story promises, each claim's
 * total = principal − paid + fees + interest, stages sent on the days the dunning settings
 * give, interest as the periods' days × rate; one return debit, one chargeback and one
 * refused parcel (also after the second run, which adds nothing), and the negative-list
 * entries they created. Screenshots of the receivables page in German and English go to
 * .test-artifacts/e2e/ (docs/screenshots/admin-receivables-{de,en}.png are taken from them).
 */
import { spawn } from "node:child_process"
import path from "node:path"
import { Page } from "playwright-core"
import { adminToken, api, DemoStore, login, open, ROOT, screenshot, startDemoStore } from "./demo-store"

jest.setTimeout(25 * 60 * 1000)

// eslint-disable-next-line @typescript-eslint/no-require-imports
const pg = require("../../scripts/pg-helper.cjs")
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { Client } = require("pg")

const PORT = Number(process.env.PAYMENT_RISK_E2E_HISTORY_PORT || 9404)
const DATABASE = `payment_risk_e2e_history_${process.pid}`
const DAY = 86_400_000

type Receivable = {
  order_id: string
  last_name: string | null
  email: string | null
  status: string
  stage: number | null
  stage_kind: string | null
  debtor_type: string
  principal: number
  paid: number
  fees: number
  interest: number
  total_due: number
  invoice_date: string
  due_date: string
  interest_periods: Array<{ from: string; to: string; days: number; rate: number; principal: number; interest: number }>
  events?: Array<{ kind: string; date: string; stage: number | null; amount: number | null; fee: number | null }>
}
type Stage = { kind: string; wait_days: number; deadline_days: number; fee: number }

const conn = () => ({
  host: process.env.DB_HOST!,
  port: Number(process.env.DB_PORT),
  user: process.env.DB_USERNAME!,
  password: process.env.DB_PASSWORD || "",
})

async function sql<T = Record<string, unknown>>(query: string, params: unknown[] = []): Promise<T[]> {
  const client = new Client({ ...conn(), password: conn().password || undefined, database: DATABASE })
  await client.connect()
  try {
    return (await client.query(query, params)).rows
  } finally {
    await client.end()
  }
}

/** `medusa exec ./demo/seed-history.ts` against the test's database; resolves with its exit code and output. */
function runHistorySeed(): Promise<{ code: number; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(path.join(ROOT, "node_modules", ".bin", "medusa"), ["exec", "./demo/seed-history.ts"], {
      cwd: ROOT,
      env: { ...process.env, DATABASE_URL: pg.buildDatabaseUrl({ ...conn(), database: DATABASE }) },
      stdio: ["ignore", "pipe", "pipe"],
    })
    let output = ""
    child.stdout.on("data", (d) => (output += d))
    child.stderr.on("data", (d) => (output += d))
    child.on("exit", (code) => resolve({ code: code ?? 1, output }))
  })
}

const isoDay = (value: string, plusDays = 0) => new Date(new Date(`${value.slice(0, 10)}T00:00:00Z`).getTime() + plusDays * DAY).toISOString().slice(0, 10)
const daysAgo = (value: string) => Math.round((Date.parse(`${new Date().toISOString().slice(0, 10)}T00:00:00Z`) - Date.parse(`${value.slice(0, 10)}T00:00:00Z`)) / DAY)
const plain = (text: string) => text.replace(/\s/g, " ")

/** What the history adds, counted in the database (orders, customers, outcomes, list entries, receivables, dunning emails). */
async function footprint() {
  const [row] = await sql<Record<string, string>>(`
    select
      (select count(*) from "order" where metadata ? 'payment_risk_demo_history') as orders,
      (select count(*) from customer where metadata ? 'payment_risk_demo_history' and deleted_at is null) as customers,
      (select count(*) from payment_risk_outcome where deleted_at is null) as outcomes,
      (select count(*) from payment_risk_negative_list_entry where deleted_at is null) as list_entries,
      (select count(*) from payment_risk_receivable where deleted_at is null) as receivables,
      (select count(*) from capture where deleted_at is null) as captures,
      (select count(*) from notification where template = 'payment-risk.dunning-stage') as dunning_emails`)
  return Object.fromEntries(Object.entries(row).map(([key, value]) => [key, Number(value)]))
}

async function adminIn(store: DemoStore, language: "de" | "en"): Promise<Page> {
  const context = await store.browser.newContext({ viewport: { width: 1440, height: 1000 }, locale: language === "de" ? "de-DE" : "en" })
  await context.addInitScript((lng) => window.localStorage.setItem("lng", lng), language)
  const page = await context.newPage()
  await open(page, `${store.base}/app/login`, () => page.locator('input[name="email"]').waitFor({ timeout: 60000 }))
  await login(page)
  return page
}

describe("demo history (npm run demo with DEMO_HISTORY on)", () => {
  let store: DemoStore
  let auth: { authorization: string }
  let first: Record<string, number>
  let receivables: Receivable[]
  let stages: Stage[]

  const list = () =>
    api<{ receivables: Receivable[]; totals: Record<string, { count: number; amount: number }> }>(store.base, "/admin/payment-risk/receivables?limit=200", { headers: auth })
  const detail = (orderId: string) =>
    api<{ receivable: Receivable }>(store.base, `/admin/payment-risk/receivables/${orderId}`, { headers: auth }).then((r) => r.receivable)
  const outcomes = (kind: string) =>
    api<{ outcomes: Array<{ id: string; order_id: string; kind: string; reason_code: string | null; fee: number | null; list_entry_ids: string[] }>; count: number }>(
      store.base,
      `/admin/payment-risk/outcomes?kind=${kind}&limit=50`,
      { headers: auth }
    )
  const claimOf = (lastName: string) => {
    const found = receivables.filter((r) => r.last_name === lastName)
    if (found.length !== 1) throw new Error(`${found.length} receivables of ${lastName}: ${JSON.stringify(receivables.map((r) => r.last_name))}`)
    return found[0]
  }

  beforeAll(async () => {
    store = await startDemoStore(PORT, DATABASE, { history: true, readyTimeoutMs: 15 * 60 * 1000 })
    auth = { authorization: `Bearer ${await adminToken(store.base)}` }
    first = await footprint()
    receivables = (await list()).receivables
    stages = (await api(store.base, "/admin/payment-risk/settings", { headers: auth })).settings.dunning.stages
  })

  afterAll(async () => {
    await store?.stop("demo-store-history.log")
  })

  it("should switch dunning on and put an invoice in every state and stage of the receivables page", async () => {
    const { settings } = await api(store.base, "/admin/payment-risk/settings", { headers: auth })
    expect(settings.dunning.enabled).toBe(true)
    expect(first).toMatchObject({ orders: 28, customers: 14, receivables: 14 })

    const expected: Record<string, { status: string; stage: number | null }> = {
      Schmidt: { status: "open", stage: null },
      Weber: { status: "overdue", stage: null },
      Fischer: { status: "in_dunning", stage: 0 },
      Becker: { status: "in_dunning", stage: 1 },
      Clarke: { status: "in_dunning", stage: 1 },
      Wagner: { status: "in_dunning", stage: 2 },
      Wolf: { status: "in_dunning", stage: 2 },
      Hoffmann: { status: "in_dunning", stage: 3 },
      Schulz: { status: "handed_over", stage: 3 },
      Richter: { status: "written_off", stage: 3 },
      Bennett: { status: "written_off", stage: null },
      Klein: { status: "paused", stage: 0 },
    }
    for (const [lastName, want] of Object.entries(expected)) {
      expect([lastName, claimOf(lastName).status, claimOf(lastName).stage]).toEqual([lastName, want.status, want.stage])
    }
    // Paul Koch's two invoices: one paid within its term, one after the reminder (with its interest)
    const koch = receivables.filter((r) => r.last_name === "Koch").sort((a, b) => a.invoice_date.localeCompare(b.invoice_date))
    expect(koch.map((r) => [r.status, r.stage, r.total_due])).toEqual([["paid", null, 0], ["paid", 0, 0]])
    expect(koch[1].paid).toBeCloseTo(koch[1].principal + koch[1].interest, 2)
    expect(koch[1].interest).toBeGreaterThan(0)
    // the stage names the page shows
    expect(claimOf("Fischer").stage_kind).toBe("reminder")
    expect(claimOf("Becker").stage_kind).toBe("dunning")
    expect(claimOf("Hoffmann").stage_kind).toBe("final_notice")
    // partly paid: 30.00 received, the rest is dunned
    expect(claimOf("Clarke").paid).toBe(30)
    expect(claimOf("Clarke").total_due).toBeGreaterThan(0)
    // open and not yet due, overdue and in default
    expect(daysAgo(claimOf("Schmidt").due_date)).toBeLessThan(0)
    expect(daysAgo(claimOf("Weber").due_date)).toBeGreaterThan(0)
    expect(claimOf("Weber").interest).toBeGreaterThan(0)
    // a business debtor: 9 points above the base rate and the 40 EUR flat fee (§288 BGB)
    const becker = await detail(claimOf("Becker").order_id)
    expect(becker.debtor_type).toBe("business")
    expect(becker.fees).toBeCloseTo(40 + stages[0].fee + stages[1].fee, 2)

    // two customers shop in English: their orders carry the cart's locale, their dunning emails are English
    const languages = await sql<{ email: string; locale: string | null; email_languages: string[] | null }>(`
      select o.email, o.locale,
        (select array_agg(distinct n.data->>'language') from notification n
          where n.template = 'payment-risk.dunning-stage' and n.data->>'order_id' = o.id) as email_languages
      from "order" o where o.metadata ? 'payment_risk_demo_history' and o.email in ('emily.clarke@example.com', 'sophie.wagner@example.com')`)
    expect(languages.map((row) => [row.email, row.locale, row.email_languages]).sort()).toEqual([
      ["emily.clarke@example.com", "en-GB", null],
      ["emily.clarke@example.com", "en-GB", ["en"]],
      ["sophie.wagner@example.com", "de-DE", null],
      ["sophie.wagner@example.com", "de-DE", ["de"]],
    ])

    // invoices dated over the last four months, none in the future
    const invoiceAges = receivables.map((r) => daysAgo(r.invoice_date))
    expect(Math.max(...invoiceAges)).toBeGreaterThanOrEqual(110)
    expect(Math.min(...invoiceAges)).toBeGreaterThanOrEqual(5)
    const [orderDates] = await sql<{ oldest: Date; newest: Date }>(`select min(created_at) as oldest, max(created_at) as newest from "order" where metadata ? 'payment_risk_demo_history'`)
    expect(daysAgo(new Date(orderDates.oldest).toISOString())).toBeGreaterThanOrEqual(120)
    expect(daysAgo(new Date(orderDates.newest).toISOString())).toBeGreaterThanOrEqual(5)
  })

  it("should make every claim add up and send each stage on the day the dunning settings give", async () => {
    for (const r of receivables) {
      // principal − paid + fees + interest = total due (each shown rounded to the cent)
      expect([r.last_name, r.total_due]).toEqual([r.last_name, expect.closeTo(r.principal - r.paid + r.fees + r.interest, 2)])
    }
    for (const lastName of ["Hoffmann", "Schulz", "Richter", "Wagner"]) {
      const claim = await detail(claimOf(lastName).order_id)
      const sent = (claim.events ?? []).filter((e) => e.kind === "dunning_stage").sort((a, b) => a.date.localeCompare(b.date))
      expect(sent.map((e) => e.stage)).toEqual(Array.from({ length: claim.stage! + 1 }, (_, i) => i))
      // stage 0 three days after the due date, each next one its wait after the previous deadline
      let expectedDay = isoDay(claim.due_date, stages[0].wait_days)
      sent.forEach((event, i) => {
        expect([lastName, i, event.date.slice(0, 10)]).toEqual([lastName, i, expectedDay])
        if (stages[i + 1]) expectedDay = isoDay(event.date, stages[i].deadline_days + stages[i + 1].wait_days)
      })
      // each stage's fee, and default interest as its periods' days × rate on the principal
      expect(claim.fees).toBeCloseTo(sent.reduce((sum, e) => sum + stages[e.stage!].fee, 0), 2)
      const unrounded = claim.interest_periods.reduce((sum, p) => sum + (p.principal * p.rate * p.days) / 36_500, 0)
      expect(claim.interest).toBeCloseTo(Math.round(unrounded * 100) / 100, 2)
      expect(claim.interest_periods[0].from).toBe(isoDay(claim.due_date, 1))
    }
    // the return debit took the payment back and its bank fee joined the claim
    const wolf = await detail(claimOf("Wolf").order_id)
    expect(wolf.paid).toBe(0)
    expect(wolf.fees).toBeCloseTo(3.5 + stages[0].fee + stages[1].fee + stages[2].fee, 2)
    expect((wolf.events ?? []).map((e) => e.kind)).toEqual(expect.arrayContaining(["payment_captured", "return_debit", "dunning_stage"]))
  })

  it("should record one return debit, one chargeback and one refused parcel with their negative-list entries, once even after a second run", async () => {
    const check = async () => {
      const returnDebit = await outcomes("return_debit")
      const chargeback = await outcomes("chargeback")
      const refused = await outcomes("cod_refused")
      expect([returnDebit.count, chargeback.count, refused.count]).toEqual([1, 1, 1])
      expect(returnDebit.outcomes[0]).toMatchObject({ reason_code: "AM04", fee: 3.5 })
      expect(chargeback.outcomes[0]).toMatchObject({ reason_code: "10.4" })
      const listed = async (source: string) =>
        (await api<{ entries: Array<{ id: string; kind: string; last_name: string | null; value: string | null }> }>(store.base, `/admin/payment-risk/negative-list?source=${source}&limit=50`, { headers: auth })).entries
      const fromReturnDebit = await listed("return_debit")
      const fromChargeback = await listed("chargeback")
      const fromRefusal = await listed("cod_refused")
      expect(fromReturnDebit.map((e) => [e.kind, e.last_name])).toEqual([["person", "Wolf"]])
      expect(fromChargeback.map((e) => [e.kind, e.last_name ?? e.value]).sort()).toEqual([["email", "oliver.bennett@example.com"], ["person", "Bennett"]])
      expect(fromRefusal.map((e) => [e.kind, e.last_name])).toEqual([["person", "Neumann"]])
      // each outcome links the entries it created
      expect(returnDebit.outcomes[0].list_entry_ids).toEqual(fromReturnDebit.map((e) => e.id))
      expect([...chargeback.outcomes[0].list_entry_ids].sort()).toEqual(fromChargeback.map((e) => e.id).sort())
      expect(refused.outcomes[0].list_entry_ids).toEqual(fromRefusal.map((e) => e.id))
    }
    await check()

    // run again as an interrupted seed would be (without the store's mark): every step finds it done
    await sql(`update store set metadata = metadata - 'payment_risk_demo_history'`)
    const again = await runHistorySeed()
    expect([again.code, again.output.slice(-2000)]).toEqual([0, expect.stringContaining("Demo history created")])
    expect(await footprint()).toEqual(first)
    // and once marked, a third run does not even start on it
    const third = await runHistorySeed()
    expect([third.code, third.output.slice(-2000)]).toEqual([0, expect.stringContaining("Demo history already present")])
    expect(await footprint()).toEqual(first)
    await check()
    expect((await list()).receivables.map((r) => [r.order_id, r.status, r.stage, r.total_due])).toEqual(
      receivables.map((r) => [r.order_id, r.status, r.stage, r.total_due])
    )
  })

  it("should give the figures overview something to show: restricted carts left and completed, several payment classes, credit checks and list hits", async () => {
    const to = new Date()
    const from = new Date(to.getTime() - 130 * 86_400_000)
    const figures = await api<{
      carts: { evaluated: number; restricted: number; completed_after_restriction: number; abandoned_after_restriction: number }
      by_class: Array<{ class: string; orders: number; defaulted: number }>
      credit: { queries: number }
      negative_list: { hits: { total: number } }
    }>(store.base, `/admin/payment-risk/analytics?from=${from.toISOString()}&to=${to.toISOString()}&currency_code=eur`, { headers: auth })
    expect(figures.carts.restricted).toBeGreaterThan(0)
    expect(figures.carts.abandoned_after_restriction).toBeGreaterThan(0)
    expect(figures.carts.evaluated).toBeGreaterThanOrEqual(figures.carts.restricted)
    expect(figures.by_class.length).toBeGreaterThanOrEqual(3)
    expect(figures.by_class.some((row) => row.defaulted > 0)).toBe(true)
    expect(figures.credit.queries).toBeGreaterThan(0)
    expect(figures.negative_list.hits.total).toBeGreaterThan(0)

    for (const [language, heading, ninety] of [["de", "Übersicht", "Letzte 90 Tage"], ["en", "Overview", "Last 90 days"]] as const) {
      const page = await adminIn(store, language)
      const errors: string[] = []
      page.on("pageerror", (error) => errors.push(error.message))
      try {
        await open(page, `${store.base}/app/overview`, () => page.getByRole("heading", { name: heading, level: 1 }).waitFor({ timeout: 60000 }))
        // the story spans four months: the last 90 days hold most of it
        await page.locator("#figures-period").click()
        await page.getByRole("option", { name: ninety, exact: true }).click()
        await page.getByTestId("figures-carts").waitFor({ timeout: 30000 })
        await page.setViewportSize({ width: 1440, height: 3600 })
        await page.waitForTimeout(1500)
        await screenshot(page, `demo-history-overview-${language}`)
        expect(errors).toEqual([])
      } finally {
        await page.context().close()
      }
    }
  })

  it("should show the history on the receivables page in German and English", async () => {
    const { totals } = await list()
    for (const [language, heading, tabLabel] of [
      ["de", "Forderungen", "Im Mahnverfahren"],
      ["en", "Receivables", "In dunning"],
    ] as const) {
      const page = await adminIn(store, language)
      const errors: string[] = []
      page.on("pageerror", (error) => errors.push(error.message))
      try {
        await open(page, `${store.base}/app/receivables`, () => page.getByRole("heading", { name: heading, level: 1 }).waitFor({ timeout: 60000 }))
        for (const status of ["open", "overdue", "in_dunning", "paused", "handed_over", "paid", "written_off"]) {
          await page.getByTestId(`receivables-tab-${status}`).getByText(`(${totals[status].count})`).waitFor({ timeout: 30000 })
        }
        const tab = page.getByTestId("receivables-tab-in_dunning")
        expect(plain(await tab.innerText())).toContain(tabLabel)
        await tab.click()
        // the final notice's row with its debtor's name
        const row = page.getByRole("row").filter({ hasText: "Maximilian Hoffmann" })
        await row.waitFor({ timeout: 30000 })
        await page.waitForTimeout(500)
        await screenshot(page, `demo-history-receivables-${language}`)
        expect(errors).toEqual([])
      } finally {
        await page.context().close()
      }
    }
  })
})

/**
 * Smoke test: the BUILT and PACKED plugin works in a separate host app, the way a store installs it.
 *
 *   1. `medusa plugin:build` in this repository, `npm pack` into a temp dir, and the tarball
 *      extracted to `<host>/node_modules/medusa-payment-risk`: only the published `files` exist
 *      there, so a file missing from the package or a wrong `exports` path fails this test.
 *      The host's other dependencies are symlinks to this repository's node_modules (no install).
 *   2. A host app (package.json, tsconfig.json, medusa-config.ts) like a real store: the plugin
 *      under `plugins`, its manual providers under the payment module, admin disabled, a fresh
 *      database on the server that integration-tests/global-setup.js found or started.
 *   3. `medusa db:migrate`, `medusa exec <repo>/demo/seed.ts`, `medusa start` on a free port.
 *   4. Store and admin requests over HTTP.
 * afterAll stops the server's process group, drops the database and removes the temp dirs.
 *
 * Run: `npm run test:smoke` (about a minute on 2 cores). PAYMENT_RISK_SMOKE_LOG=1 prints the
 * output of every command; PAYMENT_RISK_SMOKE_KEEP=1 keeps the temp dir for a look afterwards.
 */
import { spawn, ChildProcess } from "child_process"
import fs from "fs"
import os from "os"
import path from "path"
import { cleanEnv, killGroup, pgClient, run as runCommand, RunResult, tail } from "../helpers/host-process"

// eslint-disable-next-line @typescript-eslint/no-var-requires
const { buildDatabaseUrl, findFreePort, LOCAL_HOST } = require("../../scripts/pg-helper.cjs")

const REPO = path.resolve(__dirname, "..", "..")
const PKG = "medusa-payment-risk"
const HASH_SECRET = "a-test-secret-of-enough-length"
const VERBOSE = !!process.env.PAYMENT_RISK_SMOKE_LOG
const KEEP = !!process.env.PAYMENT_RISK_SMOKE_KEEP

const PROVIDERS = {
  prepayment: "pp_prepayment_manual",
  cod: "pp_cash-on-delivery_manual",
  invoice: "pp_invoice_manual",
  system: "pp_system_default",
}

jest.setTimeout(10 * 60 * 1000)

const t0 = Date.now()
const timings: string[] = []
function timed<T>(label: string, started: number, value: T): T {
  timings.push(`${label}: ${((Date.now() - started) / 1000).toFixed(1)} s`)
  return value
}

/** Environment of the host's commands: no jest / test-runner leftovers, the host's database. */
function hostEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return cleanEnv({ NODE_ENV: "development", ...extra })
}

const run = (cmd: string, args: string[], opts: { cwd: string; env?: NodeJS.ProcessEnv; timeoutMs?: number }) =>
  runCommand(cmd, args, { ...opts, label: "smoke", verbose: VERBOSE })

function groupAlive(pgid: number) {
  try {
    process.kill(-pgid, 0)
    return true
  } catch {
    return false
  }
}

describe("when the packed plugin is installed into a separate host app", () => {
  const dbName = `mpr_smoke_${process.pid}_${Date.now()}`
  let tmp = ""
  let host = ""
  let medusaBin = ""
  let build: RunResult
  let tarball = ""
  let dbCreated = false
  let server: ChildProcess | null = null
  let serverLog = ""
  let baseUrl = ""
  let publishableKey = ""
  let regionId = ""

  const stopOnExit = () => {
    if (server) killGroup(server, "SIGKILL")
  }

  beforeAll(async () => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), "mpr-smoke-"))
    host = path.join(tmp, "host")

    // --- 1. build and pack -----------------------------------------------------------------
    let started = Date.now()
    build = timed(
      "plugin:build",
      started,
      await run(path.join(REPO, "node_modules", ".bin", "medusa"), ["plugin:build"], { cwd: REPO, env: hostEnv() })
    )
    if (!fs.existsSync(path.join(REPO, ".medusa", "server", "src"))) {
      throw new Error(`medusa plugin:build produced no .medusa/server/src:\n${tail(build.output)}`)
    }

    started = Date.now()
    const pack = await run("npm", ["pack", "--ignore-scripts", "--json", "--pack-destination", tmp], {
      cwd: REPO,
    })
    if (pack.code !== 0) throw new Error(`npm pack failed:\n${tail(pack.output)}`)
    const packed = JSON.parse(pack.output.slice(pack.output.indexOf("[")))
    tarball = path.join(tmp, packed[0].filename)

    const pkgDir = path.join(host, "node_modules", PKG)
    fs.mkdirSync(pkgDir, { recursive: true })
    const untar = await run("tar", ["-xzf", tarball, "-C", pkgDir, "--strip-components=1"], { cwd: tmp })
    if (untar.code !== 0) throw new Error(`tar failed:\n${untar.output}`)

    // every other dependency: a symlink into this repository's node_modules (.bin, @scopes too)
    for (const entry of fs.readdirSync(path.join(REPO, "node_modules"))) {
      if (entry === PKG) continue
      fs.symlinkSync(path.join(REPO, "node_modules", entry), path.join(host, "node_modules", entry))
    }
    medusaBin = path.join(host, "node_modules", ".bin", "medusa")
    timed("pack + install", started, null)

    // --- 2. host app ---------------------------------------------------------------------------
    fs.writeFileSync(
      path.join(host, "package.json"),
      JSON.stringify(
        {
          name: "payment-risk-smoke-host",
          version: "0.0.0",
          private: true,
          scripts: { start: "medusa start", "db:migrate": "medusa db:migrate" },
          dependencies: {
            "@medusajs/cli": "2.21.2",
            "@medusajs/framework": "2.21.2",
            "@medusajs/medusa": "2.21.2",
            [PKG]: `file:${path.relative(host, tarball)}`,
          },
        },
        null,
        2
      )
    )
    // the tsconfig of Medusa's store starter; `medusa exec` transpiles .ts scripts with it
    fs.writeFileSync(
      path.join(host, "tsconfig.json"),
      JSON.stringify(
        {
          compilerOptions: {
            target: "ES2021",
            esModuleInterop: true,
            module: "Node16",
            moduleResolution: "Node16",
            emitDecoratorMetadata: true,
            experimentalDecorators: true,
            skipLibCheck: true,
            skipDefaultLibCheck: true,
            declaration: false,
            sourceMap: false,
            inlineSourceMap: true,
            outDir: "./.medusa/server",
            rootDir: "./",
            jsx: "react-jsx",
            forceConsistentCasingInFileNames: true,
            resolveJsonModule: true,
            checkJs: false,
            strictNullChecks: true,
          },
          "ts-node": { swc: true },
          include: ["**/*", ".medusa/types/*"],
          exclude: ["node_modules", ".medusa/server", ".medusa/admin", ".cache"],
        },
        null,
        2
      )
    )
    fs.writeFileSync(
      path.join(host, "medusa-config.ts"),
      `import { defineConfig } from "@medusajs/framework/utils"

module.exports = defineConfig({
  projectConfig: {
    databaseUrl: process.env.DATABASE_URL,
    http: {
      storeCors: "http://localhost:8000",
      adminCors: "http://localhost:5173",
      authCors: "http://localhost:8000,http://localhost:5173",
      jwtSecret: "smoke-test-jwt-secret",
      cookieSecret: "smoke-test-cookie-secret",
    },
  },
  admin: { disable: true },
  plugins: [
    {
      resolve: "${PKG}",
      options: { hash_secret: "${HASH_SECRET}" },
    },
  ],
  modules: [
    {
      resolve: "@medusajs/medusa/payment",
      options: {
        providers: [{ resolve: "${PKG}/providers/manual-payments", id: "manual" }],
      },
    },
  ],
})
`
    )

    // --- database --------------------------------------------------------------------------
    const admin = await pgClient("postgres")
    try {
      await admin.query(`create database "${dbName}"`)
      dbCreated = true
    } finally {
      await admin.end()
    }
    const databaseUrl = buildDatabaseUrl({
      host: process.env.DB_HOST || LOCAL_HOST,
      port: Number(process.env.DB_PORT),
      user: process.env.DB_USERNAME,
      password: process.env.DB_PASSWORD,
      database: dbName,
    })
    const env = hostEnv({ DATABASE_URL: databaseUrl })

    // --- 3. migrate, seed, start -----------------------------------------------------------
    started = Date.now()
    const migrate = timed("db:migrate", started, await run(medusaBin, ["db:migrate"], { cwd: host, env }))
    if (migrate.code !== 0) throw new Error(`medusa db:migrate failed in the host:\n${tail(migrate.output)}`)

    started = Date.now()
    const seed = timed(
      "seed",
      started,
      await run(medusaBin, ["exec", path.join(REPO, "demo", "seed.ts")], { cwd: host, env })
    )
    publishableKey = /DEMO_PUBLISHABLE_KEY=(\S+)/.exec(seed.output)?.[1] ?? ""
    regionId = /DEMO_REGION_ID=(\S+)/.exec(seed.output)?.[1] ?? ""
    if (seed.code !== 0 || !publishableKey || !regionId) {
      throw new Error(`seeding the host failed (exit ${seed.code}):\n${tail(seed.output)}`)
    }
    console.log(`[smoke] host seeded: publishable key ${publishableKey}, region ${regionId}`)

    started = Date.now()
    const port = await findFreePort()
    baseUrl = `http://localhost:${port}`
    // its own process group (detached), so afterAll can stop it and anything it forks
    server = spawn(medusaBin, ["start"], { cwd: host, env: { ...env, PORT: String(port) }, detached: true })
    const collect = (b: Buffer) => {
      serverLog += b.toString()
      if (VERBOSE) process.stderr.write(b)
    }
    server.stdout!.on("data", collect)
    server.stderr!.on("data", collect)
    // last resort if jest exits without running afterAll
    process.once("exit", stopOnExit)

    const deadline = Date.now() + 120_000
    for (;;) {
      if (server.exitCode !== null || server.signalCode !== null) {
        throw new Error(`medusa start exited (${server.exitCode ?? server.signalCode}):\n${tail(serverLog)}`)
      }
      try {
        const res = await fetch(`${baseUrl}/health`)
        if (res.status === 200) break
      } catch {}
      if (Date.now() > deadline) throw new Error(`no /health answer within 120 s:\n${tail(serverLog)}`)
      await new Promise((r) => setTimeout(r, 300))
    }
    timed("medusa start → /health", started, null)
  })

  afterAll(async () => {
    if (server?.pid) {
      const pgid = server.pid
      const exited = new Promise<void>((r) => {
        if (server!.exitCode !== null || server!.signalCode !== null) return r()
        server!.once("exit", () => r())
      })
      killGroup(server, "SIGTERM")
      await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))])
      for (let i = 0; i < 50 && groupAlive(pgid); i++) await new Promise((r) => setTimeout(r, 100))
      if (groupAlive(pgid)) killGroup(server, "SIGKILL")
      process.removeListener("exit", stopOnExit)
    }
    if (dbCreated) {
      const admin = await pgClient("postgres")
      try {
        await admin.query("select pg_terminate_backend(pid) from pg_stat_activity where datname = $1", [dbName])
        await admin.query(`drop database if exists "${dbName}"`)
      } finally {
        await admin.end()
      }
    }
    if (tmp && !KEEP) fs.rmSync(tmp, { recursive: true, force: true }) // removes the symlinks, not their targets
    if (KEEP) console.log(`[smoke] kept ${tmp}`)
    console.log(`[smoke] ${[...timings, `total: ${((Date.now() - t0) / 1000).toFixed(1)} s`].join(", ")}`)
  })

  const store = (url: string, init: RequestInit = {}) =>
    fetch(`${baseUrl}${url}`, {
      ...init,
      headers: {
        "content-type": "application/json",
        "x-publishable-api-key": publishableKey,
        ...((init.headers as Record<string, string>) ?? {}),
      },
    })

  it("should build the plugin without errors (server code and admin extensions)", () => {
    if (build.code !== 0) {
      const hint = fs.existsSync(path.join(REPO, "src", "admin"))
        ? ""
        : "\nsrc/admin does not exist: Medusa 2.21.2's plugin:build then fails in the admin step " +
          "(it writes src/admin/__admin-extensions__.js) and exits 1, which also breaks prepublishOnly. " +
          "Keep a src/admin directory in the repository (admin extensions or a .gitkeep)."
      throw new Error(`medusa plugin:build exited with ${build.code}:${hint}\n${tail(build.output, 30)}`)
    }
  })

  it("should ship only the built code, migrations included", () => {
    const pkgDir = path.join(host, "node_modules", PKG)
    expect(fs.existsSync(path.join(pkgDir, "src"))).toBe(false)
    expect(fs.existsSync(path.join(pkgDir, "medusa-config.ts"))).toBe(false)
    expect(fs.existsSync(path.join(pkgDir, "demo"))).toBe(false)
    const migrations = fs.readdirSync(
      path.join(pkgDir, ".medusa", "server", "src", "modules", "payment-risk", "migrations")
    )
    expect(migrations.some((f) => /^Migration\d+\.js$/.test(f))).toBe(true)
    expect(fs.existsSync(path.join(pkgDir, ".medusa", "server", "src", "links", "order-risk-assessment.js"))).toBe(true)
  })

  it("should resolve every public entry of the exports map from the host (Node's resolver)", async () => {
    const entries = [
      `${PKG}/package.json`,
      `${PKG}/workflows`,
      `${PKG}/modules/payment-risk`,
      `${PKG}/providers/manual-payments`,
      `${PKG}/engine`,
    ]
    if (fs.existsSync(path.join(REPO, "src", "admin"))) entries.push(`${PKG}/admin`)
    // a plain node process in the host: resolves (and loads) each entry as the store would
    const script = `
      const out = {}
      for (const id of ${JSON.stringify(entries)}) {
        try {
          const file = require.resolve(id)
          if (!id.endsWith("/admin")) require(id)
          out[id] = file
        } catch (e) { out[id] = "ERROR " + e.message.split("\\n")[0] }
      }
      console.log("RESOLVED=" + JSON.stringify(out))`
    const res = await run(process.execPath, ["-e", script], { cwd: host, env: hostEnv() })
    const resolved = JSON.parse(/RESOLVED=(.*)/.exec(res.output)?.[1] ?? "{}")
    const pkgDir = path.join(host, "node_modules", PKG) + path.sep
    for (const id of entries) {
      expect({ id, file: resolved[id] }).toEqual({ id, file: expect.stringContaining(pkgDir) })
    }
  })

  it("should create the plugin's tables and the order link table with `medusa db:migrate`", async () => {
    const client = await pgClient(dbName)
    try {
      const { rows } = await client.query(
        "select tablename from pg_tables where schemaname = 'public' and (tablename like 'payment_risk_%' or tablename like '%risk_assessment%')"
      )
      const tables = rows.map((r: { tablename: string }) => r.tablename)
      expect(tables).toEqual(
        expect.arrayContaining([
          "payment_risk_settings",
          "payment_risk_provider_class",
          "payment_risk_assessment",
          "order_order_paymentrisk_risk_assessment",
        ])
      )
    } finally {
      await client.end()
    }
  })

  it("should add the order email index with its migration script, used by the history lookup", async () => {
    const client = await pgClient(dbName)
    try {
      const { rows } = await client.query(
        "select i.indisvalid, pg_get_indexdef(i.indexrelid) as def from pg_index i join pg_class c on c.oid = i.indexrelid where c.relname = 'IDX_payment_risk_order_email_lower'"
      )
      expect(rows).toEqual([{ indisvalid: true, def: expect.stringMatching(/ON public\.("order"|order) USING btree \(lower\(\(?email\)?(::text)?\)\) WHERE \(deleted_at IS NULL\)/) }])
      // the planner can answer the lookup from indexes (without the index it must scan the table)
      await client.query("set enable_seqscan = off")
      const plan = await client.query(
        `explain select id from "order" where deleted_at is null and (customer_id = 'cus_x' or lower(email) = 'a@example.com')`
      )
      const text = plan.rows.map((r: Record<string, string>) => r["QUERY PLAN"]).join("\n")
      expect(text).toContain("IDX_payment_risk_order_email_lower")
    } finally {
      await client.end()
    }
  })

  it("should register the plugin's payment providers in the host's region", async () => {
    const res = await store(`/store/payment-providers?region_id=${regionId}`)
    expect(res.status).toBe(200)
    const ids = ((await res.json()).payment_providers as Array<{ id: string }>).map((p) => p.id).sort()
    expect(ids).toEqual(Object.values(PROVIDERS).sort())
  })

  it("should offer a new customer only prepayment and cash on delivery, with a notice", async () => {
    const products = await store("/store/products?handle=kaffeebecher&fields=id,*variants")
    expect(products.status).toBe(200)
    const variantId = (await products.json()).products[0].variants[0].id

    const created = await store("/store/carts", {
      method: "POST",
      body: JSON.stringify({
        region_id: regionId,
        email: `new-customer-${Date.now()}@example.com`,
        items: [{ variant_id: variantId, quantity: 1 }],
      }),
    })
    const createdBody = await created.json()
    expect({ status: created.status, body: createdBody }).toMatchObject({ status: 200 })
    const cartId = createdBody.cart.id

    const res = await store(`/store/carts/${cartId}/payment-providers`)
    const body = await res.json()
    expect({ status: res.status, body }).toMatchObject({ status: 200 })
    const ids = (body.payment_providers as Array<{ id: string }>).map((p) => p.id).sort()
    expect(ids).toEqual([PROVIDERS.cod, PROVIDERS.prepayment].sort())
    expect(typeof body.notice).toBe("string")
    expect(body.notice.length).toBeGreaterThan(0)
  })

  it("should refuse the plugin's admin API without authentication", async () => {
    const res = await fetch(`${baseUrl}/admin/payment-risk/settings`)
    expect(res.status).toBe(401)
  })
})

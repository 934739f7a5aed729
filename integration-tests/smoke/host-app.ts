/**
 * The install smoke tests' shared part: the BUILT and PACKED plugin in a separate host app, the
 * way a store installs it. Each spec only says how the host gets its node_modules:
 *   - plugin-install.spec.ts: the tarball extracted, every other dependency a symlink into this
 *     repository's node_modules (Medusa 2.21.2, the devDependencies; no install, fast);
 *   - plugin-install-lowest.spec.ts: a real `npm install` of the lowest Medusa the peer ranges
 *     admit (2.21.0) plus the tarball as a file dependency.
 *
 *   1. `medusa plugin:build` in this repository and `npm pack`. The tarball is kept in
 *      os.tmpdir()/medusa-payment-risk-smoke-pack/<hash of src/, package.json, lockfile,
 *      tsconfig>.tgz, so the second smoke spec of a run packs nothing again (a changed source
 *      file changes the hash; PAYMENT_RISK_SMOKE_REBUILD=1 always builds).
 *   2. A host app (package.json, tsconfig.json, medusa-config.ts, the demo seed copied in, so its
 *      imports resolve from the host's node_modules) like a real store: the plugin under
 *      `plugins`, its manual providers under the payment module, admin disabled, a fresh database
 *      on the server that integration-tests/global-setup.js found or started.
 *   3. `medusa db:migrate`, `medusa exec ./seed.ts`, `medusa start` on a free port.
 *   4. Store and admin requests over HTTP (the same tests for every host).
 * afterAll stops the server's process group, drops the database and removes the temp dir (in
 * /dev/shm where there is one, see hostTmpRoot).
 *
 * PAYMENT_RISK_SMOKE_LOG=1 prints the output of every command; PAYMENT_RISK_SMOKE_KEEP=1 keeps
 * the temp dir for a look afterwards.
 */
import { spawn, ChildProcess } from "child_process"
import crypto from "crypto"
import fs from "fs"
import os from "os"
import path from "path"
import { cleanEnv, killGroup, pgClient, run as runCommand, RunResult, tail } from "../helpers/host-process"

// eslint-disable-next-line @typescript-eslint/no-var-requires
const { buildDatabaseUrl, findFreePort, LOCAL_HOST } = require("../../scripts/pg-helper.cjs")

export const REPO = path.resolve(__dirname, "..", "..")
export const PKG = "medusa-payment-risk"
const HASH_SECRET = "a-test-secret-of-enough-length"
const ADMIN = { email: "smoke-admin@example.com", password: "smoke-admin-password" }
export const VERBOSE = !!process.env.PAYMENT_RISK_SMOKE_LOG
const KEEP = !!process.env.PAYMENT_RISK_SMOKE_KEEP
const REBUILD = !!process.env.PAYMENT_RISK_SMOKE_REBUILD
const PACK_CACHE = path.join(os.tmpdir(), "medusa-payment-risk-smoke-pack")
/** a kept tarball older than this is built again (another checkout may share os.tmpdir()) */
const PACK_MAX_AGE_MS = 6 * 60 * 60 * 1000

/**
 * Where the hosts live: PAYMENT_RISK_SMOKE_TMPDIR, else /dev/shm where it is a writable tmpfs
 * with 3 GB free (a host with installed dependencies is about 100,000 files: on this disk
 * creating and deleting them took minutes, in memory seconds), else os.tmpdir().
 */
function hostTmpRoot() {
  if (process.env.PAYMENT_RISK_SMOKE_TMPDIR) return process.env.PAYMENT_RISK_SMOKE_TMPDIR
  try {
    fs.accessSync("/dev/shm", fs.constants.W_OK)
    const stats = fs.statfsSync("/dev/shm")
    if (stats.bavail * stats.bsize >= 3 * 1024 ** 3) return "/dev/shm"
  } catch {}
  return os.tmpdir()
}

export const PROVIDERS = {
  prepayment: "pp_prepayment_manual",
  cod: "pp_cash-on-delivery_manual",
  invoice: "pp_invoice_manual",
  system: "pp_system_default",
}

export type { RunResult }
export { tail }

/** Environment of the host's commands: no jest / test-runner leftovers. */
export function hostEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return cleanEnv({ NODE_ENV: "development", ...extra })
}

export const run = (
  cmd: string,
  args: string[],
  opts: { cwd: string; env?: NodeJS.ProcessEnv; timeoutMs?: number }
) => runCommand(cmd, args, { ...opts, label: "smoke", verbose: VERBOSE })

function groupAlive(pgid: number) {
  try {
    process.kill(-pgid, 0)
    return true
  } catch {
    return false
  }
}

/** "label: 12.3 s" lines, printed in afterAll. */
export class Timings {
  private readonly t0 = Date.now()
  readonly lines: string[] = []
  add(label: string, started: number) {
    this.lines.push(`${label}: ${((Date.now() - started) / 1000).toFixed(1)} s`)
  }
  summary() {
    return [...this.lines, `total: ${((Date.now() - this.t0) / 1000).toFixed(1)} s`].join(", ")
  }
}

/** What `medusa plugin:build` reads: the sources, the manifest, the lockfile, the compiler settings. */
function sourceHash() {
  const hash = crypto.createHash("sha256")
  const files: string[] = []
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name)
      if (entry.isDirectory()) walk(full)
      else if (entry.isFile()) files.push(full)
    }
  }
  walk(path.join(REPO, "src"))
  files.push(...["package.json", "package-lock.json", "tsconfig.json"].map((f) => path.join(REPO, f)))
  for (const file of files.sort()) {
    hash.update(path.relative(REPO, file)).update("\0")
    hash.update(fs.existsSync(file) ? fs.readFileSync(file) : Buffer.alloc(0)).update("\0")
  }
  return hash.digest("hex").slice(0, 16)
}

/**
 * `medusa plugin:build` + `npm pack` of this repository, or the tarball an earlier smoke spec
 * packed from the same sources. Returns the build's result and a copy of the tarball in `dir`.
 */
export async function buildAndPack(dir: string, timings: Timings): Promise<{ build: RunResult; tarball: string }> {
  const started = Date.now()
  const key = sourceHash()
  const cachedTgz = path.join(PACK_CACHE, `${key}.tgz`)
  const cachedBuild = path.join(PACK_CACHE, `${key}.json`)
  const tarball = path.join(dir, `${PKG}.tgz`)

  const fresh = (f: string) => fs.existsSync(f) && Date.now() - fs.statSync(f).mtimeMs < PACK_MAX_AGE_MS
  if (!REBUILD && fresh(cachedTgz) && fresh(cachedBuild)) {
    fs.copyFileSync(cachedTgz, tarball)
    const build = JSON.parse(fs.readFileSync(cachedBuild, "utf8")) as RunResult
    timings.add(`plugin:build + pack (kept from an earlier spec, ${key})`, started)
    return { build, tarball }
  }

  const build = await run(path.join(REPO, "node_modules", ".bin", "medusa"), ["plugin:build"], {
    cwd: REPO,
    env: hostEnv(),
  })
  timings.add("plugin:build", started)
  if (!fs.existsSync(path.join(REPO, ".medusa", "server", "src"))) {
    throw new Error(`medusa plugin:build produced no .medusa/server/src:\n${tail(build.output)}`)
  }

  const packStarted = Date.now()
  const pack = await run("npm", ["pack", "--ignore-scripts", "--json", "--pack-destination", dir], { cwd: REPO })
  if (pack.code !== 0) throw new Error(`npm pack failed:\n${tail(pack.output)}`)
  const packed = JSON.parse(pack.output.slice(pack.output.indexOf("[")))
  fs.renameSync(path.join(dir, packed[0].filename), tarball)
  timings.add("pack", packStarted)

  if (build.code === 0) {
    try {
      fs.mkdirSync(PACK_CACHE, { recursive: true })
      for (const old of fs.readdirSync(PACK_CACHE)) {
        const f = path.join(PACK_CACHE, old)
        if (!fresh(f)) fs.rmSync(f, { force: true })
      }
      // written under a temporary name and renamed: a spec reading at the same time sees all or nothing
      const tmpTgz = `${cachedTgz}.${process.pid}`
      fs.copyFileSync(tarball, tmpTgz)
      fs.writeFileSync(cachedBuild, JSON.stringify({ ...build, output: tail(build.output, 200) }))
      fs.renameSync(tmpTgz, cachedTgz)
    } catch (e) {
      console.warn(`[smoke] could not keep the tarball in ${PACK_CACHE}: ${(e as Error).message}`)
    }
  }
  return { build, tarball }
}

/** package.json, tsconfig.json, medusa-config.ts and the demo seed of a store. */
export function writeHostApp(host: string, pkg: { name: string; dependencies: Record<string, string> }) {
  fs.mkdirSync(host, { recursive: true })
  fs.writeFileSync(
    path.join(host, "package.json"),
    JSON.stringify(
      {
        name: pkg.name,
        version: "0.0.0",
        private: true,
        scripts: { start: "medusa start", "db:migrate": "medusa db:migrate" },
        dependencies: pkg.dependencies,
      },
      null,
      2
    ) + "\n"
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
  // in the host, so that its Medusa imports are the host's Medusa, not this repository's
  fs.copyFileSync(path.join(REPO, "demo", "seed.ts"), path.join(host, "seed.ts"))
  // the demo data plus an admin user (emailpass), in one `medusa exec` (one boot less than `medusa user`)
  fs.writeFileSync(
    path.join(host, "smoke-setup.ts"),
    `import type { ExecArgs } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import seed from "./seed"

export default async function smokeSetup(args: ExecArgs) {
  await seed(args)
  const email = ${JSON.stringify(ADMIN.email)}
  const password = ${JSON.stringify(ADMIN.password)}
  const user = await args.container.resolve(Modules.USER).createUsers({ email })
  const auth = args.container.resolve(Modules.AUTH)
  const { authIdentity } = await auth.register("emailpass", { body: { email, password } } as any)
  await auth.updateAuthIdentities({ id: authIdentity!.id, app_metadata: { user_id: user.id } })
  console.log("SMOKE_ADMIN_USER=" + user.id)
}
`
  )
}

export type HostContext = {
  /** the temp dir: the tarball and the host */
  tmp: string
  host: string
  /** the host's `medusa` binary */
  medusaBin: string
  build: RunResult
  tarball: string
  dbName: string
  baseUrl: string
  publishableKey: string
  regionId: string
  timings: Timings
}

export type HostSpec = {
  /** the describe title */
  title: string
  /** the host's package.json dependencies; `tarball` is the plugin's path relative to the host */
  dependencies: (tarball: string) => Record<string, string>
  /**
   * Fills `<host>/node_modules` (the host's package.json exists); throws with the command's output
   * when that fails. Runs before the database and the server.
   */
  install: (ctx: HostContext) => Promise<void>
  /** tests of this host only, before the shared ones; `ctx()` after beforeAll */
  tests?: (ctx: () => HostContext) => void
}

/** One describe: build, pack, install (spec.install), migrate, seed, start; the shared tests. */
export function describeHostApp(spec: HostSpec) {
  describe(spec.title, () => {
    const ctx: HostContext = {
      tmp: "",
      host: "",
      medusaBin: "",
      build: { code: null, output: "", ms: 0 },
      tarball: "",
      dbName: `mpr_smoke_${process.pid}_${Date.now()}`,
      baseUrl: "",
      publishableKey: "",
      regionId: "",
      timings: new Timings(),
    }
    let dbCreated = false
    let server: ChildProcess | null = null
    let serverLog = ""
    let testsStarted = 0

    const stopOnExit = () => {
      if (server) killGroup(server, "SIGKILL")
    }

    beforeAll(async () => {
      ctx.tmp = fs.mkdtempSync(path.join(hostTmpRoot(), "mpr-smoke-"))
      ctx.host = path.join(ctx.tmp, "host")
      ctx.medusaBin = path.join(ctx.host, "node_modules", ".bin", "medusa")

      // --- 1. build and pack ---------------------------------------------------------------
      const packed = await buildAndPack(ctx.tmp, ctx.timings)
      ctx.build = packed.build
      ctx.tarball = packed.tarball

      // --- 2. host app and its node_modules --------------------------------------------------
      writeHostApp(ctx.host, {
        name: "payment-risk-smoke-host",
        dependencies: spec.dependencies(`file:${path.relative(ctx.host, ctx.tarball)}`),
      })
      let started = Date.now()
      await spec.install(ctx)
      ctx.timings.add("install", started)

      // --- database --------------------------------------------------------------------------
      const admin = await pgClient("postgres")
      try {
        await admin.query(`create database "${ctx.dbName}"`)
        dbCreated = true
      } finally {
        await admin.end()
      }
      const databaseUrl = buildDatabaseUrl({
        host: process.env.DB_HOST || LOCAL_HOST,
        port: Number(process.env.DB_PORT),
        user: process.env.DB_USERNAME,
        password: process.env.DB_PASSWORD,
        database: ctx.dbName,
      })
      const env = hostEnv({ DATABASE_URL: databaseUrl })

      // --- 3. migrate, seed, start -----------------------------------------------------------
      started = Date.now()
      const migrate = await run(ctx.medusaBin, ["db:migrate"], { cwd: ctx.host, env })
      ctx.timings.add("db:migrate", started)
      if (migrate.code !== 0) throw new Error(`medusa db:migrate failed in the host:\n${tail(migrate.output)}`)

      started = Date.now()
      const seed = await run(ctx.medusaBin, ["exec", "./smoke-setup.ts"], { cwd: ctx.host, env })
      ctx.timings.add("seed + admin user", started)
      ctx.publishableKey = /DEMO_PUBLISHABLE_KEY=(\S+)/.exec(seed.output)?.[1] ?? ""
      ctx.regionId = /DEMO_REGION_ID=(\S+)/.exec(seed.output)?.[1] ?? ""
      if (seed.code !== 0 || !ctx.publishableKey || !ctx.regionId || !/SMOKE_ADMIN_USER=/.test(seed.output)) {
        throw new Error(`seeding the host failed (exit ${seed.code}):\n${tail(seed.output)}`)
      }
      console.log(`[smoke] host seeded: publishable key ${ctx.publishableKey}, region ${ctx.regionId}`)

      started = Date.now()
      const port = await findFreePort()
      ctx.baseUrl = `http://localhost:${port}`
      // its own process group (detached), so afterAll can stop it and anything it forks
      server = spawn(ctx.medusaBin, ["start"], {
        cwd: ctx.host,
        env: { ...env, PORT: String(port) },
        detached: true,
      })
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
          const res = await fetch(`${ctx.baseUrl}/health`)
          if (res.status === 200) break
        } catch {}
        if (Date.now() > deadline) throw new Error(`no /health answer within 120 s:\n${tail(serverLog)}`)
        await new Promise((r) => setTimeout(r, 300))
      }
      ctx.timings.add("medusa start → /health", started)
      testsStarted = Date.now()
    })

    afterAll(async () => {
      if (testsStarted) ctx.timings.add("tests", testsStarted)
      const cleanupStarted = Date.now()
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
          await admin.query("select pg_terminate_backend(pid) from pg_stat_activity where datname = $1", [ctx.dbName])
          await admin.query(`drop database if exists "${ctx.dbName}"`)
        } finally {
          await admin.end()
        }
      }
      // removes symlinks, not their targets
      if (ctx.tmp && !KEEP) fs.rmSync(ctx.tmp, { recursive: true, force: true })
      if (KEEP) console.log(`[smoke] kept ${ctx.tmp}`)
      ctx.timings.add("stop, drop database, remove temp dir", cleanupStarted)
      console.log(`[smoke] ${spec.title}: ${ctx.timings.summary()}`)
    })

    spec.tests?.(() => ctx)
    sharedTests(() => ctx)
  })
}

/** What every host must show: the package's contents, its exports, its tables, checkout and admin. */
function sharedTests(get: () => HostContext) {
  const store = (url: string, init: RequestInit = {}) =>
    fetch(`${get().baseUrl}${url}`, {
      ...init,
      headers: {
        "content-type": "application/json",
        "x-publishable-api-key": get().publishableKey,
        ...((init.headers as Record<string, string>) ?? {}),
      },
    })

  it("should build the plugin without errors (server code and admin extensions)", () => {
    const { build } = get()
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
    const pkgDir = path.join(get().host, "node_modules", PKG)
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
    const { host } = get()
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
    const client = await pgClient(get().dbName)
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
    const client = await pgClient(get().dbName)
    try {
      const { rows } = await client.query(
        "select i.indisvalid, pg_get_indexdef(i.indexrelid) as def from pg_index i join pg_class c on c.oid = i.indexrelid where c.relname = 'IDX_payment_risk_order_email_lower'"
      )
      expect(rows).toEqual([
        {
          indisvalid: true,
          def: expect.stringMatching(
            /ON public\.("order"|order) USING btree \(lower\(\(?email\)?(::text)?\)\) WHERE \(deleted_at IS NULL\)/
          ),
        },
      ])
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
    const res = await store(`/store/payment-providers?region_id=${get().regionId}`)
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
        region_id: get().regionId,
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
    const res = await fetch(`${get().baseUrl}/admin/payment-risk/settings`)
    expect(res.status).toBe(401)
  })

  it("should let a logged-in admin read and change the settings (route, validator, workflow, module)", async () => {
    const login = await fetch(`${get().baseUrl}/auth/user/emailpass`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(ADMIN),
    })
    const { token } = await login.json()
    expect({ status: login.status, token: typeof token }).toEqual({ status: 200, token: "string" })
    const admin = (url: string, init: RequestInit = {}) =>
      fetch(`${get().baseUrl}${url}`, {
        ...init,
        headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
      })

    const before = await admin("/admin/payment-risk/settings")
    const beforeBody = await before.json()
    expect({ status: before.status, enabled: beforeBody.settings?.first_order?.enabled }).toEqual({
      status: 200,
      enabled: true,
    })
    const newMax = beforeBody.settings.first_order.cod_max_amount === 123 ? 124 : 123

    const bad = await admin("/admin/payment-risk/settings", {
      method: "POST",
      body: JSON.stringify({ first_order: { cod_max_amount: "a lot" } }),
    })
    expect({ status: bad.status, body: await bad.json() }).toMatchObject({
      status: 400,
      body: { message: expect.stringContaining("cod_max_amount") },
    })

    const saved = await admin("/admin/payment-risk/settings", {
      method: "POST",
      body: JSON.stringify({ first_order: { cod_max_amount: newMax } }),
    })
    expect({ status: saved.status, body: await saved.json() }).toMatchObject({
      status: 200,
      body: { settings: { first_order: { cod_max_amount: newMax } } },
    })
    const after = await admin("/admin/payment-risk/settings")
    expect((await after.json()).settings.first_order).toMatchObject({ enabled: true, cod_max_amount: newMax })
  })
}

#!/usr/bin/env node
/**
 * `npm run demo`: one command from `npm install` to a running demo store with this plugin.
 *
 *   1. database: DATABASE_URL if set; else a local PostgreSQL on localhost:5432 (user postgres,
 *      no password) with the database `medusa_payment_risk_demo`; else an embedded PostgreSQL
 *      from npm whose data stays in .demo-data/ between runs
 *      (PAYMENT_RISK_DEMO_EMBEDDED_PG=1 forces the embedded one),
 *   2. creates the database if missing and runs `medusa db:migrate`,
 *   3. seeds demo data idempotently (`medusa exec ./demo/seed.ts`), then four months of
 *      after-checkout history: invoices in every dunning stage, a return debit, a chargeback, a
 *      refused parcel (`medusa exec ./demo/seed-history.ts`, once; DEMO_HISTORY=0 skips it),
 *   4. creates the admin user admin@example.com / supersecret if missing,
 *   5. serves the demo storefront on :8000 (demo/storefront, bundled with esbuild while the
 *      database is prepared; scripts/storefront-server.mjs): the page calls the store API with
 *      the publishable key,
 *   6. starts `medusa develop` (API on :9000, admin on /app) and prints the URLs.
 * Options (env): PORT (default 9000), DEMO_ADMIN_EMAIL, DEMO_ADMIN_PASSWORD,
 * DEMO_SKIP_SETUP=1 (skip migrate/seed/user: just start the server), DEMO_HISTORY=0 (no history),
 * STOREFRONT_PORT (default 8000), DEMO_STOREFRONT=0 (no storefront), STOREFRONT_DEV=1 (bundle the
 * storefront's sources again on every page load).
 * Plain Node ESM on purpose: runs before anything is built.
 */
import { spawn } from "node:child_process"
import { createRequire } from "node:module"
import fs from "node:fs"
import net from "node:net"
import path from "node:path"
import { fileURLToPath } from "node:url"

const t0 = Date.now()
const require = createRequire(import.meta.url)
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..")
const pgHelper = require("./pg-helper.cjs")
const { buildStorefront, serveStorefront } = await import("./storefront-server.mjs")

const DEMO_DB = "medusa_payment_risk_demo"
const ADMIN_EMAIL = process.env.DEMO_ADMIN_EMAIL || "admin@example.com"
const ADMIN_PASSWORD = process.env.DEMO_ADMIN_PASSWORD || "supersecret"
const PORT = Number(process.env.PORT || 9000)
const STOREFRONT = !["0", "false", "no", "off"].includes(String(process.env.DEMO_STOREFRONT ?? "").toLowerCase())
const STOREFRONT_PORT = Number(process.env.STOREFRONT_PORT || 8000)
const HISTORY = !["0", "false", "no", "off"].includes(String(process.env.DEMO_HISTORY ?? "").toLowerCase())
const API_KEY_TITLE = "Demo-Shop Storefront" // demo/seed.ts
const medusaBin = path.join(root, "node_modules", ".bin", process.platform === "win32" ? "medusa.cmd" : "medusa")

const secs = () => `${((Date.now() - t0) / 1000).toFixed(1)} s`
const step = (msg) => console.log(`\n\x1b[1m[demo ${secs()}] ${msg}\x1b[0m`)
const fail = (msg) => {
  console.error(`\n[demo] ERROR: ${msg}`)
  process.exit(1)
}

if (!fs.existsSync(medusaBin)) fail("node_modules/.bin/medusa not found: run `npm install` first.")

let embedded = null
let child = null
let stopping = false
let storefront = null

async function shutdown(code = 0) {
  if (stopping) return
  stopping = true
  if (child && child.exitCode === null) {
    // `medusa develop` forks the server and exits on SIGINT without stopping it: signal the
    // whole process group (the child is spawned detached, i.e. as a group leader).
    const signalGroup = (sig) => {
      try {
        process.kill(-child.pid, sig)
      } catch {
        try {
          child.kill(sig)
        } catch {}
      }
    }
    signalGroup("SIGINT")
    await new Promise((r) => {
      const t = setTimeout(() => {
        signalGroup("SIGKILL")
        r()
      }, 10000)
      child.once("exit", () => {
        clearTimeout(t)
        r()
      })
    })
  }
  if (storefront) await storefront.close().catch(() => {})
  if (embedded) await embedded.stop().catch(() => {})
  process.exit(code)
}
process.on("SIGINT", () => shutdown(130))
process.on("SIGTERM", () => shutdown(143))

/** Runs a medusa CLI command; resolves with { code, output }. */
function medusa(args, { env, capture = false } = {}) {
  return new Promise((resolve) => {
    console.log(`$ medusa ${args.join(" ")}`)
    const p = spawn(medusaBin, args, {
      cwd: root,
      env,
      detached: true,
      stdio: capture ? ["ignore", "pipe", "pipe"] : ["ignore", "inherit", "inherit"],
    })
    child = p
    let output = ""
    if (capture) {
      p.stdout.on("data", (d) => {
        output += d
        process.stdout.write(d)
      })
      p.stderr.on("data", (d) => {
        output += d
        process.stderr.write(d)
      })
    }
    p.on("exit", (code) => {
      child = null
      resolve({ code: code ?? 1, output })
    })
  })
}

function portFree(port) {
  return new Promise((resolve) => {
    const s = net.createConnection({ port, host: "localhost" })
    s.once("connect", () => {
      s.destroy()
      resolve(false)
    })
    s.once("error", () => resolve(true))
  })
}

async function findDatabase() {
  if (process.env.DATABASE_URL) {
    const c = pgHelper.parseDatabaseUrl(process.env.DATABASE_URL)
    if (!c.database) fail("DATABASE_URL has no database name")
    const err = await pgHelper.tryConnect({ ...c, database: "postgres", timeoutMs: 5000,
      ssl: /localhost/.test(c.host) ? undefined : { rejectUnauthorized: false } })
    if (err) console.warn(`[demo] cannot reach the server of DATABASE_URL as ${c.user} (${err}); trying anyway`)
    else await pgHelper.ensureDatabase(c, c.database).then((made) => made && console.log(`created database ${c.database}`))
    return { url: process.env.DATABASE_URL, conn: c, how: "DATABASE_URL" }
  }

  const forced = process.env.PAYMENT_RISK_DEMO_EMBEDDED_PG && process.env.PAYMENT_RISK_DEMO_EMBEDDED_PG !== "0"
  let conn = null
  if (!forced) {
    const local = { host: pgHelper.LOCAL_HOST, port: 5432, user: "postgres", password: "" }
    const err = await pgHelper.tryConnect(local)
    if (!err) conn = { ...local, how: "local PostgreSQL on localhost:5432" }
    else console.log(`no local PostgreSQL on localhost:5432 as postgres (${err})`)
  }
  if (!conn) {
    const dataRoot = pgHelper.chooseDataRoot(path.join(root, ".demo-data"), "medusa-payment-risk-demo-data")
    embedded = await pgHelper.startEmbeddedPostgres({ dataDir: path.join(dataRoot, "pg"), port: 54329, persistent: true })
    conn = { ...embedded, how: `embedded PostgreSQL (${embedded.dataDir}), port ${embedded.port}` }
  }
  if (await pgHelper.ensureDatabase(conn, DEMO_DB)) console.log(`created database ${DEMO_DB}`)
  return { url: pgHelper.buildDatabaseUrl({ ...conn, database: DEMO_DB }), conn: { ...conn, database: DEMO_DB }, how: conn.how }
}

async function adminExists(conn) {
  const { Client } = require("pg")
  const c = new Client({ ...conn, password: conn.password || undefined,
    ssl: /localhost/.test(conn.host) ? undefined : { rejectUnauthorized: false } })
  try {
    await c.connect()
    const r = await c.query(`select 1 from "user" where email = $1 and deleted_at is null`, [ADMIN_EMAIL])
    return r.rowCount > 0
  } catch {
    return false
  } finally {
    await c.end().catch(() => {})
  }
}

/**
 * The day demo/seed-history.ts finished (it marks the store's metadata), or null: a second run
 * skips it without booting Medusa for nothing (the seed itself would also add nothing).
 */
async function historySeededOn(conn) {
  const { Client } = require("pg")
  const c = new Client({ ...conn, password: conn.password || undefined,
    ssl: /localhost/.test(conn.host) ? undefined : { rejectUnauthorized: false } })
  try {
    await c.connect()
    const r = await c.query(`select metadata->>'payment_risk_demo_history' as day from store where deleted_at is null and metadata ? 'payment_risk_demo_history' limit 1`)
    return r.rows[0]?.day ?? null
  } catch {
    return null
  } finally {
    await c.end().catch(() => {})
  }
}

/** The seed's publishable key, read from the database (when the seed did not run or print it). */
async function publishableKeyFromDb(conn) {
  const { Client } = require("pg")
  const c = new Client({ ...conn, password: conn.password || undefined,
    ssl: /localhost/.test(conn.host) ? undefined : { rejectUnauthorized: false } })
  try {
    await c.connect()
    const r = await c.query(
      `select token from api_key where title = $1 and type = 'publishable' and deleted_at is null and revoked_at is null
       order by created_at limit 1`,
      [API_KEY_TITLE]
    )
    return r.rows[0]?.token ?? null
  } catch {
    return null
  } finally {
    await c.end().catch(() => {})
  }
}

/** Builds and serves the demo storefront; a busy port or a failed build only costs the storefront. */
async function startStorefront(build, publishableKey) {
  try {
    const files = await build
    const server = await serveStorefront({
      files,
      port: STOREFRONT_PORT,
      config: { backendPort: PORT, publishableKey, regionName: "Deutschland" },
      rebuild: process.env.STOREFRONT_DEV === "1" ? () => buildStorefront({ minify: false }) : undefined,
    })
    return { ...server, note: "" }
  } catch (error) {
    const why = error?.code === "EADDRINUSE"
      ? `port ${STOREFRONT_PORT} is in use (set STOREFRONT_PORT)`
      : `not started: ${error?.message ?? error}`
    console.warn(`[demo] storefront ${why}`)
    return { url: null, note: why }
  }
}

async function waitForHealth(port, proc) {
  for (;;) {
    if (proc.exitCode !== null) return false
    try {
      const r = await fetch(`http://localhost:${port}/health`)
      if (r.ok) return true
    } catch {}
    await new Promise((r) => setTimeout(r, 250))
  }
}

async function main() {
  if (!(await portFree(PORT))) {
    fail(`port ${PORT} is in use (another Medusa server?). Stop it or run: PORT=${PORT + 1} npm run demo`)
  }

  step("Database")
  const db = await findDatabase()
  console.log(`using ${db.how}: database ${db.conn.database}`)

  // the storefront is bundled while the database is prepared (about a second)
  const storefrontBuild = STOREFRONT ? buildStorefront() : null
  storefrontBuild?.catch(() => {}) // reported when it is served

  const storefrontOrigins = STOREFRONT ? [`http://localhost:${STOREFRONT_PORT}`, `http://127.0.0.1:${STOREFRONT_PORT}`] : []
  const origins = [...new Set([`http://localhost:${PORT}`, "http://localhost:8000", "http://localhost:5173", ...storefrontOrigins])].join(",")
  const env = {
    ...process.env,
    DATABASE_URL: db.url,
    PORT: String(PORT),
    ADMIN_CORS: process.env.ADMIN_CORS || origins,
    AUTH_CORS: process.env.AUTH_CORS || origins,
    STORE_CORS: process.env.STORE_CORS || origins,
  }

  let publishableKey = "(see `medusa exec ./demo/seed.ts` output)"
  if (!process.env.DEMO_SKIP_SETUP) {
    step("Migrations")
    const mig = await medusa(["db:migrate"], { env })
    if (mig.code !== 0) fail("medusa db:migrate failed (see above)")

    step("Demo data")
    const seed = await medusa(["exec", "./demo/seed.ts"], { env, capture: true })
    if (seed.code !== 0) fail("seeding failed (see above)")
    const m = seed.output.match(/DEMO_PUBLISHABLE_KEY=(\S+)/)
    if (m) publishableKey = m[1]

    if (HISTORY) {
      step("Seeding demo history (DEMO_HISTORY=0 skips it)")
      const seededOn = await historySeededOn(db.conn)
      if (seededOn) {
        console.log(`demo history already present (seeded on ${seededOn})`)
      } else {
        const history = await medusa(["exec", "./demo/seed-history.ts"], { env })
        if (history.code !== 0) fail("seeding the demo history failed (see above; DEMO_HISTORY=0 starts without it)")
      }
    }

    step("Admin user")
    if (await adminExists(db.conn)) {
      console.log(`${ADMIN_EMAIL} already exists`)
    } else {
      const u = await medusa(["user", "-e", ADMIN_EMAIL, "-p", ADMIN_PASSWORD], { env, capture: true })
      if (u.code !== 0 && !/already exists/i.test(u.output)) fail("creating the admin user failed (see above)")
    }
  }

  if (STOREFRONT) {
    if (!publishableKey.startsWith("pk_")) publishableKey = (await publishableKeyFromDb(db.conn)) ?? publishableKey
    step("Storefront")
    if (!publishableKey.startsWith("pk_")) console.warn(`[demo] no publishable key "${API_KEY_TITLE}" found: the storefront's requests will be refused`)
    const own = `http://localhost:${STOREFRONT_PORT}`
    if (process.env.STORE_CORS && !process.env.STORE_CORS.split(",").includes(own)) {
      console.warn(`[demo] STORE_CORS is set without ${own}: the browser will block the storefront's requests`)
    }
    storefront = await startStorefront(storefrontBuild, publishableKey)
    if (storefront.url) console.log(`serving demo/storefront on ${storefront.url}`)
  }

  step("Starting medusa develop")
  console.log(`$ medusa develop`)
  const dev = spawn(medusaBin, ["develop"], { cwd: root, env, detached: true, stdio: ["ignore", "inherit", "inherit"] })
  child = dev
  dev.on("exit", (code) => {
    child = null
    if (!stopping) {
      console.error(`[demo] medusa develop exited with code ${code}`)
      try {
        process.kill(-dev.pid, "SIGTERM") // its forked server, if still there
      } catch {}
      shutdown(code ?? 1)
    }
  })

  if (await waitForHealth(PORT, dev)) {
    const base = `http://localhost:${PORT}`
    console.log(
      [
        "",
        "\x1b[1m================ medusa-payment-risk demo is ready ================\x1b[0m",
        `  ready after      ${secs()}`,
        `  Admin            ${base}/app`,
        `  Storefront       ${storefront?.url ?? (STOREFRONT ? `(${storefront?.note})` : "(off: DEMO_STOREFRONT=0)")}`,
        `  Login            ${ADMIN_EMAIL} / ${ADMIN_PASSWORD}`,
        `  Store API        ${base}/store`,
        `  Publishable key  ${publishableKey}`,
        `                   (send it as the x-publishable-api-key header)`,
        `  Try              curl -H "x-publishable-api-key: ${publishableKey}" ${base}/store/products`,
        `  Database         ${db.how}, ${db.conn.database}`,
        "  Stop             Ctrl-C",
        "\x1b[1m===================================================================\x1b[0m",
        "",
      ].join("\n")
    )
  }
}

main().catch((e) => {
  console.error(e)
  shutdown(1)
})

/**
 * A host store for the benchmark, like a merchant's: the built plugin (`medusa plugin:build`)
 * linked into a temporary Medusa app, a fresh database, migrations, the demo seed, an admin
 * user, and `medusa start` in production mode on a free port.
 */
import { spawn } from "node:child_process"
import fs from "node:fs"
import os from "node:os"
import path from "node:path"
import { createRequire } from "node:module"

const require = createRequire(import.meta.url)
export const REPO = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..", "..")
const pg = require(path.join(REPO, "scripts", "pg-helper.cjs"))
export const HASH_SECRET = "bench-secret-of-enough-length"
/** Where the built plugin is read from: the host's own copy once startHost has built it. */
let builtRoot = path.join(REPO, ".medusa", "server")
/** A module of the built plugin, e.g. `built("src/engine/index.js")` (the same code the server runs). */
export const built = (file) => require(path.join(builtRoot, file))
export const ADMIN = { email: "bench@example.com", password: "bench-password-123" }

function run(cmd, args, { cwd, env, timeoutMs = 300_000 } = {}) {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { cwd, env, detached: true })
    let output = ""
    child.stdout.on("data", (d) => (output += d))
    child.stderr.on("data", (d) => (output += d))
    const timer = setTimeout(() => killGroup(child, "SIGKILL"), timeoutMs)
    child.on("close", (code) => {
      clearTimeout(timer)
      resolve({ code, output })
    })
  })
}

function killGroup(child, signal) {
  try {
    process.kill(-child.pid, signal)
  } catch {
    try {
      child.kill(signal)
    } catch {}
  }
}

const tail = (text, n = 40) => text.split("\n").slice(-n).join("\n")

export async function pgConnection() {
  const conn = await pg.findRunningPostgres({ forceEmbeddedEnv: "PAYMENT_RISK_TEST_EMBEDDED_PG" })
  if (conn) return { conn, stop: async () => {} }
  const dataDir = path.join(os.tmpdir(), `mpr-bench-pg-${process.pid}`)
  const embedded = await pg.startEmbeddedPostgres({ dataDir, persistent: false })
  return { conn: embedded, stop: () => embedded.stop() }
}

export async function startHost(conn, log = () => {}) {
  const medusa = path.join(REPO, "node_modules", ".bin", "medusa")
  const cleanEnv = { ...process.env }
  for (const k of ["NODE_OPTIONS", "TEST_TYPE", "JEST_WORKER_ID"]) delete cleanEnv[k]

  // a second try when another build in the repository (a test's) removed the output meanwhile
  for (let attempt = 1; ; attempt++) {
    log("building the plugin (medusa plugin:build)")
    const build = await run(medusa, ["plugin:build"], { cwd: REPO, env: { ...cleanEnv, NODE_ENV: "development" } })
    if (build.code !== 0) throw new Error(`plugin:build failed:\n${tail(build.output)}`)
    if (fs.existsSync(path.join(REPO, ".medusa", "server", "src", "engine", "index.js"))) break
    if (attempt === 2) throw new Error("plugin:build left no .medusa/server (is another build running in the repository?)")
  }

  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "mpr-bench-"))
  const host = path.join(tmp, "host")
  fs.mkdirSync(path.join(host, "node_modules"), { recursive: true })
  for (const entry of fs.readdirSync(path.join(REPO, "node_modules"))) {
    fs.symlinkSync(path.join(REPO, "node_modules", entry), path.join(host, "node_modules", entry))
  }
  // The host gets a copy of the package as npm would install it (package.json + .medusa/server),
  // so a rebuild in the repository while the bench runs cannot pull the code from under it.
  const pkg = path.join(host, "node_modules", "medusa-payment-risk")
  fs.mkdirSync(pkg)
  fs.copyFileSync(path.join(REPO, "package.json"), path.join(pkg, "package.json"))
  fs.cpSync(path.join(REPO, ".medusa", "server"), path.join(pkg, ".medusa", "server"), { recursive: true })
  builtRoot = path.join(pkg, ".medusa", "server")
  fs.writeFileSync(path.join(host, "package.json"), JSON.stringify({
    name: "bench-host",
    private: true,
    version: "0.0.0",
    dependencies: { "@medusajs/cli": "2.21.2", "@medusajs/framework": "2.21.2", "@medusajs/medusa": "2.21.2", "medusa-payment-risk": "*" },
  }))
  fs.writeFileSync(
    path.join(host, "tsconfig.json"),
    JSON.stringify({
      compilerOptions: { target: "ES2021", module: "Node16", moduleResolution: "Node16", esModuleInterop: true, skipLibCheck: true, experimentalDecorators: true, emitDecoratorMetadata: true, resolveJsonModule: true, outDir: "./.medusa/server", rootDir: "./" },
      "ts-node": { swc: true },
      include: ["**/*"],
      exclude: ["node_modules", ".medusa"],
    })
  )
  fs.writeFileSync(
    path.join(host, "medusa-config.ts"),
    `import { defineConfig } from "@medusajs/framework/utils"
module.exports = defineConfig({
  projectConfig: {
    databaseUrl: process.env.DATABASE_URL,
    databaseDriverOptions: { pool: { min: 2, max: 20 } },
    http: { storeCors: "*", adminCors: "*", authCors: "*", jwtSecret: "bench-jwt", cookieSecret: "bench-cookie" },
  },
  admin: { disable: true },
  plugins: [{ resolve: "medusa-payment-risk", options: { hash_secret: "${HASH_SECRET}" } }],
  modules: [
    { resolve: "@medusajs/medusa/payment", options: { providers: [{ resolve: "medusa-payment-risk/providers/manual-payments", id: "manual" }] } },
  ],
})
`
  )

  const database = `payment_risk_bench_${process.pid}`
  const admin = await pgClient(conn, "postgres")
  await admin.query(`drop database if exists "${database}" with (force)`)
  await admin.query(`create database "${database}"`)
  await admin.end()
  const databaseUrl = pg.buildDatabaseUrl({ ...conn, database })
  const env = { ...cleanEnv, DATABASE_URL: databaseUrl, NODE_ENV: "development" }

  /** Drops the database and the temporary app (also when setting up fails half-way). */
  const cleanUp = async () => {
    const c = await pgClient(conn, "postgres")
    await c.query(`drop database if exists "${database}" with (force)`).catch(() => {})
    await c.end()
    fs.rmSync(tmp, { recursive: true, force: true })
  }
  log("migrating and seeding the host store")
  let publishableKey
  let regionId
  try {
    const migrate = await run(medusa, ["db:migrate"], { cwd: host, env })
    if (migrate.code !== 0) throw new Error(`db:migrate failed:\n${tail(migrate.output)}`)
    const seed = await run(medusa, ["exec", path.join(REPO, "demo", "seed.ts")], { cwd: host, env })
    publishableKey = /DEMO_PUBLISHABLE_KEY=(\S+)/.exec(seed.output)?.[1]
    regionId = /DEMO_REGION_ID=(\S+)/.exec(seed.output)?.[1]
    if (seed.code !== 0 || !publishableKey) throw new Error(`seed failed:\n${tail(seed.output)}`)
    const user = await run(medusa, ["user", "-e", ADMIN.email, "-p", ADMIN.password], { cwd: host, env })
    if (user.code !== 0) throw new Error(`medusa user failed:\n${tail(user.output)}`)
  } catch (error) {
    await cleanUp().catch(() => {})
    throw error
  }

  const port = await pg.findFreePort(9300)
  const baseUrl = `http://localhost:${port}`
  let server = null
  let serverLog = ""
  /** `medusa start` on the same port and database; `extraEnv` e.g. switches the completion hook off. */
  const launch = async (extraEnv = {}) => {
    log(`starting medusa start (NODE_ENV=production${Object.entries(extraEnv).map(([k, v]) => `, ${k}=${v}`).join("")}) on ${baseUrl}`)
    serverLog = ""
    const child = spawn(medusa, ["start"], {
      cwd: host,
      env: { ...env, NODE_ENV: "production", PORT: String(port), LOG_LEVEL: "error", ...extraEnv },
      detached: true,
    })
    server = child
    child.stdout.on("data", (d) => (serverLog = (serverLog + d).slice(-20000)))
    child.stderr.on("data", (d) => (serverLog = (serverLog + d).slice(-20000)))
    const deadline = Date.now() + 180_000
    for (;;) {
      if (child.exitCode !== null) throw new Error(`medusa start exited:\n${tail(serverLog)}`)
      try {
        if ((await fetch(`${baseUrl}/health`)).ok) break
      } catch {}
      if (Date.now() > deadline) throw new Error(`no /health within 180 s:\n${tail(serverLog)}`)
      await new Promise((r) => setTimeout(r, 300))
    }
  }
  const halt = async () => {
    if (!server) return
    const child = server
    server = null
    const exited = new Promise((r) => (child.exitCode !== null || child.signalCode !== null ? r() : child.once("exit", r)))
    killGroup(child, "SIGTERM")
    await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))])
    killGroup(child, "SIGKILL")
  }
  const stop = async () => {
    await halt()
    // BENCH_KEEP_DB=1: keep the database to study the figures' statements after the run
    if (process.env.BENCH_KEEP_DB === "1") return console.log(`kept database ${database}`)
    await cleanUp()
  }
  try {
    await launch()
  } catch (error) {
    await stop().catch(() => {})
    throw error
  }
  /** Stops the server and starts it again on the same database (fresh process, cold caches). */
  const restart = async (extraEnv = {}) => {
    await halt()
    await launch(extraEnv)
  }
  /** `medusa exec <file>` in the host app (same database and built plugin, its own process). */
  const exec = (file, extraEnv = {}, timeoutMs = 600_000) =>
    run(medusa, ["exec", file], { cwd: host, env: { ...env, NODE_ENV: "production", LOG_LEVEL: "error", ...extraEnv }, timeoutMs })
  return {
    baseUrl,
    publishableKey,
    /** the host app's directory (scripts for `exec` are written there) */
    dir: host,
    exec,
    regionId,
    databaseUrl,
    database,
    stop,
    restart,
    /** the process group of `medusa start` (it serves in its own process: no cluster mode) */
    serverPid: () => server?.pid ?? null,
    serverLog: () => serverLog,
  }
}

export async function pgClient(conn, database) {
  const { Client } = require("pg")
  const client = new Client({ host: conn.host, port: conn.port, user: conn.user, password: conn.password || undefined, database })
  await client.connect()
  return client
}

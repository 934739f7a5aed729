/**
 * A store deployed the way a merchant runs several instances: the BUILT plugin in a separate
 * host app whose medusa-config uses Medusa's Redis modules (event bus, workflow engine, locking,
 * cache and caching) and the local notification provider for email, one PostgreSQL database, and N `medusa start` processes (production mode,
 * worker mode shared) on different ports. Like integration-tests/smoke/plugin-install.spec.ts and
 * bench/lib/host.mjs, but the package is a copy of `package.json` + `.medusa/server` (so a later
 * build in the repository cannot change it under the running servers).
 */
import { ChildProcess, spawn } from "child_process"
import fs from "fs"
import os from "os"
import path from "path"
import { cleanEnv, killGroup, pgClient, run as runCommand, tail } from "../../helpers/host-process"
import { claimRedisDatabase, ClaimedRedis } from "./cluster-redis"

// eslint-disable-next-line @typescript-eslint/no-var-requires
const { buildDatabaseUrl, findFreePort, LOCAL_HOST } = require("../../../scripts/pg-helper.cjs")

const REPO = path.resolve(__dirname, "..", "..", "..")
const PKG = "medusa-payment-risk"
export const CLUSTER_HASH_SECRET = "cluster-test-secret-of-enough-length"
export const CLUSTER_ADMIN = { email: "cluster-admin@example.com", password: "cluster-password-123" }
const VERBOSE = !!process.env.PAYMENT_RISK_CLUSTER_LOG

export type Instance = { name: string; url: string; log: () => string; process: ChildProcess }

export type Cluster = {
  instances: Instance[]
  publishableKey: string
  regionId: string
  database: string
  redis: ClaimedRedis
  /** SQL on the cluster's database ($1 placeholders) */
  sql: (text: string, params?: unknown[]) => Promise<any[]>
  timings: string[]
  /**
   * Writes `source` to `<host>/<fileName>` and runs `medusa exec` on it in the host app: a further
   * process of the cluster (its own container on the same database and Redis, like one more
   * instance running a scheduled job). Imports of the plugin resolve as in a store's own script.
   */
  exec: (fileName: string, source: string, env?: Record<string, string>) => Promise<{ code: number | null; output: string }>
  stop: () => Promise<void>
}

const run = (cmd: string, args: string[], cwd: string, env: NodeJS.ProcessEnv, timeoutMs = 180_000) =>
  runCommand(cmd, args, { cwd, env, timeoutMs, label: "cluster", verbose: VERBOSE })

/** medusa-config.ts of the host: every module that must be shared across instances on Redis. */
export function clusterMedusaConfig() {
  return `import { defineConfig } from "@medusajs/framework/utils"

const redisUrl = process.env.REDIS_URL

module.exports = defineConfig({
  projectConfig: {
    databaseUrl: process.env.DATABASE_URL,
    databaseDriverOptions: { pool: { min: 2, max: 20 } },
    redisUrl,
    http: { storeCors: "*", adminCors: "*", authCors: "*", jwtSecret: "cluster-jwt", cookieSecret: "cluster-cookie" },
  },
  admin: { disable: true },
  plugins: [{ resolve: "${PKG}", options: { hash_secret: process.env.PAYMENT_RISK_HASH_SECRET } }],
  modules: [
    {
      resolve: "@medusajs/medusa/payment",
      options: { providers: [{ resolve: "${PKG}/providers/manual-payments", id: "manual" }] },
    },
    { resolve: "@medusajs/medusa/event-bus-redis", options: { redisUrl } },
    { resolve: "@medusajs/medusa/workflow-engine-redis", options: { redis: { redisUrl } } },
    // PAYMENT_RISK_CLUSTER_LOCKING=in-memory: the control experiment of docs/multi-instance.md
    ...(process.env.PAYMENT_RISK_CLUSTER_LOCKING === "in-memory"
      ? []
      : [
          {
            resolve: "@medusajs/medusa/locking",
            options: {
              providers: [{ resolve: "@medusajs/medusa/locking-redis", id: "locking-redis", is_default: true, options: { redisUrl } }],
            },
          },
        ]),
    {
      resolve: "@medusajs/medusa/notification",
      options: {
        providers: [{ resolve: "@medusajs/medusa/notification-local", id: "local", options: { channels: ["email"] } }],
      },
    },
    { resolve: "@medusajs/medusa/cache-redis", options: { redisUrl } },
    {
      resolve: "@medusajs/medusa/caching",
      options: {
        providers: [{ resolve: "@medusajs/medusa/caching-redis", id: "caching-redis", is_default: true, options: { redisUrl } }],
      },
    },
  ],
})
`
}

function writeHost(host: string) {
  const nodeModules = path.join(host, "node_modules")
  fs.mkdirSync(nodeModules, { recursive: true })
  for (const entry of fs.readdirSync(path.join(REPO, "node_modules"))) {
    if (entry === PKG) continue
    fs.symlinkSync(path.join(REPO, "node_modules", entry), path.join(nodeModules, entry))
  }
  const pkgDir = path.join(nodeModules, PKG)
  fs.mkdirSync(path.join(pkgDir, ".medusa"), { recursive: true })
  fs.copyFileSync(path.join(REPO, "package.json"), path.join(pkgDir, "package.json"))
  fs.cpSync(path.join(REPO, ".medusa", "server"), path.join(pkgDir, ".medusa", "server"), { recursive: true })

  fs.writeFileSync(
    path.join(host, "package.json"),
    JSON.stringify({
      name: "payment-risk-cluster-host",
      private: true,
      version: "0.0.0",
      dependencies: { "@medusajs/cli": "2.21.2", "@medusajs/framework": "2.21.2", "@medusajs/medusa": "2.21.2", [PKG]: "*" },
    })
  )
  fs.writeFileSync(
    path.join(host, "tsconfig.json"),
    JSON.stringify({
      compilerOptions: {
        target: "ES2021", module: "Node16", moduleResolution: "Node16", esModuleInterop: true, skipLibCheck: true,
        experimentalDecorators: true, emitDecoratorMetadata: true, resolveJsonModule: true, outDir: "./.medusa/server", rootDir: "./",
      },
      "ts-node": { swc: true },
      include: ["**/*"],
      exclude: ["node_modules", ".medusa"],
    })
  )
  fs.writeFileSync(path.join(host, "medusa-config.ts"), clusterMedusaConfig())
}

/** The oldest and newest modification times of the files below `dir` ([Infinity, 0] when none). */
function mtimeRange(dir: string): [number, number] {
  let range: [number, number] = [Infinity, 0]
  if (!fs.existsSync(dir)) return range
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name)
    const [oldest, newest] = entry.isDirectory() ? mtimeRange(full) : [fs.statSync(full).mtimeMs, fs.statSync(full).mtimeMs]
    range = [Math.min(range[0], oldest), Math.max(range[1], newest)]
  }
  return range
}

/**
 * Every file of the build in .medusa/server is newer than every source file: CI's `.ci/run` and
 * the smoke test have just built it, and a second build would cost this test 30–60 s of its
 * 5-minute budget. PAYMENT_RISK_CLUSTER_BUILD=1 always builds.
 */
function buildIsCurrent(): boolean {
  if (process.env.PAYMENT_RISK_CLUSTER_BUILD === "1") return false
  const [oldestBuilt] = mtimeRange(path.join(REPO, ".medusa", "server", "src"))
  const newestSource = Math.max(mtimeRange(path.join(REPO, "src"))[1], fs.statSync(path.join(REPO, "package.json")).mtimeMs)
  return Number.isFinite(oldestBuilt) && oldestBuilt > newestSource
}

async function waitForHealth(instance: Instance, deadlineMs: number) {
  for (;;) {
    if (instance.process.exitCode !== null || instance.process.signalCode !== null) {
      throw new Error(`instance ${instance.name}: medusa start exited:\n${tail(instance.log())}`)
    }
    try {
      if ((await fetch(`${instance.url}/health`)).ok) return
    } catch {}
    if (Date.now() > deadlineMs) throw new Error(`instance ${instance.name}: no /health in time:\n${tail(instance.log())}`)
    await new Promise((r) => setTimeout(r, 300))
  }
}

/** Builds the plugin, sets up the host and database, and starts `count` instances. */
export async function startCluster(count: number, log: (line: string) => void = () => {}): Promise<Cluster> {
  const timings: string[] = []
  const timed = async <T>(label: string, work: () => Promise<T>) => {
    const started = Date.now()
    const value = await work()
    timings.push(`${label} ${((Date.now() - started) / 1000).toFixed(1)} s`)
    return value
  }
  // cleanup is collected as resources come into being, so a failure half-way still cleans up
  const cleanups: Array<() => Promise<void>> = []
  const instances: Instance[] = []
  const stop = async () => {
    for (const cleanup of cleanups.reverse()) await cleanup().catch((e) => log(`cleanup: ${e}`))
    cleanups.length = 0
  }

  try {
    const redis = await claimRedisDatabase()
    cleanups.push(() => redis.release())
    log(`Redis database ${redis.db} claimed (${redis.url})`)

    const medusa = path.join(REPO, "node_modules", ".bin", "medusa")
    if (buildIsCurrent()) {
      timings.push("plugin:build skipped (.medusa/server newer than src/)")
    } else {
      const build = await timed("plugin:build", () => run(medusa, ["plugin:build"], REPO, cleanEnv({ NODE_ENV: "development" })))
      if (build.code !== 0) throw new Error(`medusa plugin:build failed:\n${tail(build.output)}`)
    }

    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "mpr-cluster-"))
    cleanups.push(async () => fs.rmSync(tmp, { recursive: true, force: true }))
    const host = path.join(tmp, "host")
    writeHost(host)

    const database = `mpr_cluster_${process.pid}_${Date.now()}`
    const admin = await pgClient("postgres")
    await admin.query(`create database "${database}"`).finally(() => admin.end())
    cleanups.push(async () => {
      const c = await pgClient("postgres")
      await c.query(`drop database if exists "${database}" with (force)`).finally(() => c.end())
    })
    const db = await pgClient(database)
    cleanups.push(() => db.end())
    const sql = async (text: string, params?: unknown[]) => (await db.query(text, params)).rows

    const env = cleanEnv({
      NODE_ENV: "production",
      DATABASE_URL: buildDatabaseUrl({
        host: process.env.DB_HOST || LOCAL_HOST,
        port: Number(process.env.DB_PORT),
        user: process.env.DB_USERNAME,
        password: process.env.DB_PASSWORD,
        database,
      }),
      REDIS_URL: redis.url,
      PAYMENT_RISK_HASH_SECRET: CLUSTER_HASH_SECRET,
      MEDUSA_WORKER_MODE: "shared",
      LOG_LEVEL: "info",
    })
    const migrate = await timed("db:migrate", () => run(medusa, ["db:migrate"], host, env))
    if (migrate.code !== 0) throw new Error(`medusa db:migrate failed:\n${tail(migrate.output)}`)
    const seed = await timed("seed", () => run(medusa, ["exec", path.join(REPO, "demo", "seed.ts")], host, env))
    const publishableKey = /DEMO_PUBLISHABLE_KEY=(\S+)/.exec(seed.output)?.[1] ?? ""
    const regionId = /DEMO_REGION_ID=(\S+)/.exec(seed.output)?.[1] ?? ""
    if (seed.code !== 0 || !publishableKey) throw new Error(`seed failed:\n${tail(seed.output)}`)
    const user = await run(medusa, ["user", "-e", CLUSTER_ADMIN.email, "-p", CLUSTER_ADMIN.password], host, env)
    if (user.code !== 0) throw new Error(`medusa user failed:\n${tail(user.output)}`)

    await timed(`${count} × medusa start → /health`, async () => {
      for (let i = 0; i < count; i++) {
        const name = String.fromCharCode(65 + i)
        const port = await findFreePort()
        const child = spawn(medusa, ["start"], { cwd: host, env: { ...env, PORT: String(port) }, detached: true })
        let output = ""
        const collect = (b: Buffer) => {
          output = (output + b.toString()).slice(-200_000)
          if (VERBOSE) process.stderr.write(`[${name}] ${b}`)
        }
        child.stdout!.on("data", collect)
        child.stderr!.on("data", collect)
        const instance: Instance = { name, url: `http://localhost:${port}`, log: () => output, process: child }
        instances.push(instance)
        const exitKill = () => killGroup(child, "SIGKILL")
        process.once("exit", exitKill)
        cleanups.push(async () => {
          process.removeListener("exit", exitKill)
          const exited = new Promise<void>((r) => (child.exitCode !== null || child.signalCode !== null ? r() : child.once("exit", () => r())))
          killGroup(child, "SIGTERM")
          await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))])
          killGroup(child, "SIGKILL")
        })
      }
      const deadline = Date.now() + 150_000
      await Promise.all(instances.map((instance) => waitForHealth(instance, deadline)))
    })
    log(`instances up: ${instances.map((i) => `${i.name} ${i.url}`).join(", ")} (${timings.join(", ")})`)

    const exec = async (fileName: string, source: string, extra: Record<string, string> = {}) => {
      fs.writeFileSync(path.join(host, fileName), source)
      const result = await run(medusa, ["exec", `./${fileName}`], host, { ...env, ...extra })
      return { code: result.code, output: result.output }
    }

    return { instances, publishableKey, regionId, database, redis, sql, timings, exec, stop }
  } catch (error) {
    await stop()
    throw error
  }
}

/**
 * The demo store WITH its storefront for the storefront browser test: `scripts/demo.mjs` on its
 * own database, API port and storefront port (demo-store.ts starts the admin-only variant).
 */
import { ChildProcess, spawn } from "node:child_process"
import fs from "node:fs"
import path from "node:path"
import { chromium } from "playwright-core"
import { ARTIFACTS, DemoStore, ROOT } from "./demo-store"

// eslint-disable-next-line @typescript-eslint/no-require-imports
const pg = require("../../scripts/pg-helper.cjs")

const CHROMIUM = process.env.CHROMIUM || "/usr/bin/chromium"

const conn = () => ({
  host: process.env.DB_HOST!,
  port: Number(process.env.DB_PORT),
  user: process.env.DB_USERNAME!,
  password: process.env.DB_PASSWORD || "",
})

async function dropDatabase(database: string) {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { Client } = require("pg")
  const client = new Client({ ...conn(), password: conn().password || undefined, database: "postgres" })
  await client.connect()
  try {
    await client.query(`drop database if exists "${database}" with (force)`)
  } finally {
    await client.end()
  }
}

export type StorefrontStore = DemoStore & { storefront: string; publishableKey: string }

const answers = (url: string) => fetch(url).then((res) => res.ok, () => false)

/** Starts demo.mjs with the storefront; resolves once the API is healthy and the page's config has the key. */
export async function startStorefrontStore(port: number, storefrontPort: number, database: string): Promise<StorefrontStore> {
  if (!fs.existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM}: apt-get install -y chromium (or set CHROMIUM)`)
  fs.mkdirSync(ARTIFACTS, { recursive: true })
  await dropDatabase(database)
  const base = `http://localhost:${port}`
  const storefront = `http://localhost:${storefrontPort}`
  let log = ""
  const server: ChildProcess = spawn(process.execPath, [path.join(ROOT, "scripts/demo.mjs")], {
    cwd: ROOT,
    env: {
      ...process.env,
      PORT: String(port),
      STOREFRONT_PORT: String(storefrontPort),
      DEMO_STOREFRONT: "1",
      DATABASE_URL: pg.buildDatabaseUrl({ ...conn(), database }),
    },
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
  })
  server.stdout!.on("data", (d) => (log += d))
  server.stderr!.on("data", (d) => (log += d))

  const stopServer = async () => {
    if (server.exitCode !== null) return
    process.kill(-server.pid!, "SIGTERM") // demo.mjs stops medusa develop and the storefront
    await new Promise((resolve) => {
      const timer = setTimeout(() => {
        try {
          process.kill(-server.pid!, "SIGKILL")
        } catch {}
        resolve(null)
      }, 15000)
      server.once("exit", () => {
        clearTimeout(timer)
        resolve(null)
      })
    })
  }

  const end = Date.now() + 6 * 60 * 1000
  let ready = false
  while (!ready && Date.now() < end && server.exitCode === null) {
    ready = (await answers(`${base}/health`)) && (await answers(`${storefront}/config.json`))
    if (!ready) await new Promise((resolve) => setTimeout(resolve, 500))
  }
  const config = ready ? await fetch(`${storefront}/config.json`).then((res) => res.json()) : null
  if (!ready || !/^pk_/.test(config?.publishableKey ?? "")) {
    await stopServer()
    throw new Error(`demo store with storefront did not come up (exit ${server.exitCode}, config ${JSON.stringify(config)})\n${log.slice(-4000)}`)
  }
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run"],
  })
  return {
    base,
    browser,
    storefront,
    publishableKey: config.publishableKey,
    async stop(logName: string) {
      await browser.close().catch(() => {})
      await stopServer()
      fs.writeFileSync(path.join(ARTIFACTS, logName), log)
      await dropDatabase(database).catch(() => {})
    },
  }
}

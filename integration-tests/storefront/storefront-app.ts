/**
 * Medusa's official storefront (dtc-starter, an unchanged copy in ../shared/medusa-storefront)
 * with this project's patch (docs/storefront/medusa-storefront.patch), for the browser test:
 * copied to a scratch folder, patched, its dependencies installed from npm (`npm install`; the
 * copy has no lockfile of any package manager), built with `next build` and served with
 * `next start`.
 *
 * Cached between runs, outside the clone, in ~/.cache/medusa-payment-risk/storefront/<hash>
 * (PAYMENT_RISK_STOREFRONT_CACHE overrides the folder), keyed by a hash of the storefront's
 * package.json after the patch and the Node.js major version: the installed node_modules and
 * Next.js's build cache (.next/cache, which Next.js itself invalidates per changed source file).
 * The build itself is not reused: it inlines the publishable key of each run's fresh store.
 */
import { ChildProcess, execFile, spawn } from "node:child_process"
import crypto from "node:crypto"
import fs from "node:fs"
import os from "node:os"
import path from "node:path"

export const ROOT = path.resolve(__dirname, "../..")
export const PATCH = path.join(ROOT, "docs/storefront/medusa-storefront.patch")
/**
 * The unchanged storefront copy: PAYMENT_RISK_STOREFRONT_SOURCE, else `../shared/medusa-storefront`
 * beside the checkout, else the machine's shared folder (a clean clone elsewhere, e.g. in CI).
 */
const SOURCE_CANDIDATES = [
  process.env.PAYMENT_RISK_STOREFRONT_SOURCE,
  path.resolve(ROOT, "../shared/medusa-storefront"),
  "/work/shared/medusa-storefront",
].filter((candidate): candidate is string => !!candidate)
export const SOURCE = SOURCE_CANDIDATES.find((candidate) => fs.existsSync(path.join(candidate, "package.json"))) ?? SOURCE_CANDIDATES[0]
const CACHE_ROOT = process.env.PAYMENT_RISK_STOREFRONT_CACHE || path.join(os.homedir(), ".cache", "medusa-payment-risk", "storefront")

export type Timings = Record<string, number>

const seconds = (since: number) => Math.round((Date.now() - since) / 100) / 10

/** Runs a command without blocking (the demo store's output must keep flowing meanwhile). */
function run(command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv = process.env): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(command, args, { cwd, env, maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      if (error) reject(new Error(`${command} ${args.join(" ")} failed in ${cwd}: ${error.message}\n${stdout}\n${stderr}`.slice(-6000)))
      else resolve(stdout)
    })
  })
}

/** Copies a folder; hard links when source and target share a file system (fast), else a copy. */
async function copyTree(from: string, to: string) {
  try {
    await run("cp", ["-al", from, to], ROOT)
  } catch {
    fs.rmSync(to, { recursive: true, force: true })
    await run("cp", ["-a", from, to], ROOT)
  }
}

export type StorefrontApp = { dir: string; cacheDir: string; cached: boolean; timings: Timings }

/**
 * A patched copy of the storefront with its dependencies in `dir` (a fresh folder under the OS
 * temp dir). Throws when the patch does not apply.
 */
export async function prepareStorefront(): Promise<StorefrontApp> {
  if (!fs.existsSync(path.join(SOURCE, "package.json"))) throw new Error(`storefront copy not found at ${SOURCE_CANDIDATES.join(" or ")} (set PAYMENT_RISK_STOREFRONT_SOURCE)`)
  const timings: Timings = {}
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "payment-risk-storefront-"))

  let t = Date.now()
  fs.cpSync(SOURCE, dir, { recursive: true })
  await run("chmod", ["-R", "u+w", dir], ROOT) // the source copy is read-only
  // git apply outside a repository: applies the unified diff to the files of the folder
  await run("git", ["apply", "--whitespace=nowarn", PATCH], dir)
  timings.copy_and_patch = seconds(t)

  // the dependencies depend on the package.json after the patch (and the Node.js major) only
  const hash = crypto
    .createHash("sha256")
    .update(fs.readFileSync(path.join(dir, "package.json")))
    .update(process.versions.node.split(".")[0])
    .digest("hex")
    .slice(0, 16)
  const cacheDir = path.join(CACHE_ROOT, hash)

  t = Date.now()
  const cachedModules = path.join(cacheDir, "node_modules")
  const cached = fs.existsSync(path.join(cachedModules, ".bin", "next"))
  if (cached) {
    await copyTree(cachedModules, path.join(dir, "node_modules"))
  } else {
    // the storefront has no lockfile (neither npm's nor yarn's/pnpm's): npm resolves the ranges
    await run("npm", ["install", "--no-audit", "--no-fund", "--loglevel=error"], dir, { ...process.env, NODE_ENV: "development" })
    fs.mkdirSync(cacheDir, { recursive: true })
    const tmp = path.join(cacheDir, `node_modules.${process.pid}`)
    fs.rmSync(tmp, { recursive: true, force: true })
    await copyTree(path.join(dir, "node_modules"), tmp)
    fs.rmSync(cachedModules, { recursive: true, force: true })
    fs.renameSync(tmp, cachedModules)
  }
  timings[cached ? "install_from_cache" : "npm_install"] = seconds(t)
  return { dir, cacheDir, cached, timings }
}

/** Writes the storefront's environment (see its .env.template and check-env-variables.js). */
export function writeEnv(app: StorefrontApp, env: { backendUrl: string; publishableKey: string; region: string; baseUrl: string }) {
  const lines = [
    `MEDUSA_BACKEND_URL=${env.backendUrl}`,
    `NEXT_PUBLIC_MEDUSA_BACKEND_URL=${env.backendUrl}`,
    `NEXT_PUBLIC_MEDUSA_PUBLISHABLE_KEY=${env.publishableKey}`,
    `NEXT_PUBLIC_DEFAULT_REGION=${env.region}`,
    `NEXT_PUBLIC_BASE_URL=${env.baseUrl}`,
    "NEXT_TELEMETRY_DISABLED=1",
  ]
  fs.writeFileSync(path.join(app.dir, ".env.local"), lines.join("\n") + "\n")
}

const nextBin = (app: StorefrontApp) => path.join(app.dir, "node_modules", "next", "dist", "bin", "next")
const nextEnv = () => {
  // jest runs with NODE_ENV=test; Next.js must build and serve as production
  const env: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" }
  delete env.NODE_OPTIONS // jest's --experimental-vm-modules is not for Next.js
  return env
}

/** `next build`, with Next.js's build cache restored from and saved to the cache folder. */
export async function buildStorefront(app: StorefrontApp): Promise<string> {
  const cache = path.join(app.cacheDir, "next-cache")
  const own = path.join(app.dir, ".next", "cache")
  if (fs.existsSync(cache)) {
    fs.mkdirSync(path.dirname(own), { recursive: true })
    await run("cp", ["-a", cache, own], ROOT)
  }
  const t = Date.now()
  const output = await run(process.execPath, [nextBin(app), "build"], app.dir, nextEnv())
  app.timings.next_build = seconds(t)
  if (fs.existsSync(own)) {
    const tmp = `${cache}.${process.pid}`
    fs.rmSync(tmp, { recursive: true, force: true })
    await run("cp", ["-a", own, tmp], ROOT)
    fs.rmSync(cache, { recursive: true, force: true })
    fs.renameSync(tmp, cache)
  }
  return output
}

export type RunningStorefront = { url: string; log: () => string; stop: () => Promise<void> }

/** `next start` on `port`; resolves once it answers. */
export async function startStorefront(app: StorefrontApp, port: number, region: string): Promise<RunningStorefront> {
  let log = ""
  const child: ChildProcess = spawn(process.execPath, [nextBin(app), "start", "-p", String(port)], {
    cwd: app.dir,
    env: nextEnv(),
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
  })
  child.stdout!.on("data", (d) => (log += d))
  child.stderr!.on("data", (d) => (log += d))
  const url = `http://localhost:${port}`
  const stop = async () => {
    if (child.exitCode !== null) return
    try {
      process.kill(-child.pid!, "SIGTERM")
    } catch {}
    await new Promise((resolve) => {
      const timer = setTimeout(() => {
        try {
          process.kill(-child.pid!, "SIGKILL")
        } catch {}
        resolve(null)
      }, 10000)
      child.once("exit", () => {
        clearTimeout(timer)
        resolve(null)
      })
    })
  }
  const end = Date.now() + 120000
  while (Date.now() < end && child.exitCode === null) {
    const ok = await fetch(`${url}/${region}`).then((res) => res.status < 500, () => false)
    if (ok) return { url, log: () => log, stop }
    await new Promise((resolve) => setTimeout(resolve, 500))
  }
  await stop()
  throw new Error(`next start did not come up (exit ${child.exitCode})\n${log.slice(-4000)}`)
}

/** Removes the scratch copy (the cache stays). */
export function removeStorefront(app: StorefrontApp) {
  fs.rmSync(app.dir, { recursive: true, force: true })
}

/**
 * Smoke test: the packed plugin installed with npm into a store on the LOWEST Medusa that the
 * plugin's peerDependencies admit (today 2.21.0; the steps and the shared tests: ./host-app.ts).
 *
 * plugin-install.spec.ts links the host to this repository's node_modules, so it only proves the
 * Medusa of the devDependencies (2.21.2). Here the host's package.json is a store's: every peer
 * dependency of the plugin pinned to the lowest version of its range (LOWEST; the first test
 * checks it against package.json), the store starter's TypeScript tools (ts-node,
 * typescript, @swc/core: `medusa` loads medusa-config.ts and the seed with them) and the plugin
 * tarball as a file dependency, installed by `npm install` the way a store does it: strict about
 * peers (no --force, no --legacy-peer-deps), so a range that does not admit the store's Medusa ends
 * in ERESOLVE and fails this test. npm's cache (~/.npm) saves only the downloads (about 320 MB):
 * most of the time is unpacking about 1,100 packages (100,000 files) and npm's own work, so the
 * host lives in /dev/shm where there is one (host-app.ts). Measured on the 2-core machine, shared
 * with other test runs: npm install 100-150 s, the whole spec 3-4 min with an empty or a full npm
 * cache, plus plugin:build when plugin-install.spec.ts has not packed the same sources before.
 *
 * Run alone: TEST_TYPE=integration:smoke NODE_OPTIONS=--experimental-vm-modules npx jest --runInBand
 * --forceExit integration-tests/smoke/plugin-install-lowest.spec.ts. PAYMENT_RISK_SMOKE_LOG=1 prints
 * every command's output; an empty npm_config_cache measures a cold install.
 */
import fs from "fs"
import path from "path"
import { describeHostApp, hostEnv, PKG, REPO, run, tail, type RunResult } from "./host-app"

// semver's functions used here (semver is in every Node toolchain's tree; no @types needed)
// eslint-disable-next-line @typescript-eslint/no-var-requires
const semver: { satisfies(version: string, range: string): boolean } = require("semver")

jest.setTimeout(25 * 60 * 1000)

const manifest = JSON.parse(fs.readFileSync(path.join(REPO, "package.json"), "utf8")) as {
  peerDependencies: Record<string, string>
  devDependencies: Record<string, string>
}

/** The lowest version a range admits: its first version (ranges here are x.y.z, ~x.y.z, ^x.y.z, >=x.y.z <…). */
function lowest(range: string) {
  const m = /^\s*(?:~|\^|>=)?\s*(\d+\.\d+\.\d+)(?:\s+<\S+)?\s*$/.exec(range)
  if (!m) throw new Error(`peer range ${range} is not one of x.y.z, ~x.y.z, ^x.y.z, >=x.y.z <v: extend lowest()`)
  return m[1]
}

/**
 * The lowest versions the plugin supports (README, Compatibility), pinned as a store would have
 * them: each must be the lowest version its peer range admits (first test), so narrowing or
 * widening a range without moving this test fails here.
 */
const LOWEST: Record<string, string> = {
  "@medusajs/admin-sdk": "2.21.0",
  "@medusajs/cli": "2.21.0",
  "@medusajs/framework": "2.21.0",
  "@medusajs/icons": "2.21.0",
  "@medusajs/medusa": "2.21.0",
  // the version @medusajs/dashboard 2.21.0 (the store's admin) depends on
  "@medusajs/ui": "4.2.4",
}
/** a store's TypeScript tools (Medusa's store starter has them as devDependencies) */
const TS_TOOLS = Object.fromEntries(
  ["ts-node", "typescript", "@swc/core"].map((name) => [name, manifest.devDependencies[name]])
)

/** npm's own variables from `npm run` (local prefix = this repository, …) would steer the host's npm */
function npmEnv() {
  const env = hostEnv()
  const keep = /^npm_config_(cache|userconfig|globalconfig|registry|cafile|proxy|https_proxy|noproxy|strict_ssl)$/i
  for (const key of Object.keys(env)) {
    if ((/^npm_/i.test(key) && !keep.test(key)) || key === "INIT_CWD") delete env[key]
  }
  return env
}

/** package.json of every installed copy of an @medusajs package in the host: [dir, name, version] */
function installedMedusaPackages(root: string) {
  const found: Array<{ dir: string; name: string; version: string }> = []
  const visit = (nodeModules: string) => {
    if (!fs.existsSync(nodeModules)) return
    for (const entry of fs.readdirSync(nodeModules)) {
      if (entry.startsWith(".")) continue
      const dirs = entry.startsWith("@")
        ? fs.readdirSync(path.join(nodeModules, entry)).map((n) => path.join(nodeModules, entry, n))
        : [path.join(nodeModules, entry)]
      for (const dir of dirs) {
        const pj = path.join(dir, "package.json")
        if (!fs.existsSync(pj)) continue
        const { name, version } = JSON.parse(fs.readFileSync(pj, "utf8"))
        if (typeof name === "string" && name.startsWith("@medusajs/")) found.push({ dir, name, version })
        visit(path.join(dir, "node_modules"))
      }
    }
  }
  visit(path.join(root, "node_modules"))
  return found
}

let install: RunResult = { code: null, output: "", ms: 0 }

describeHostApp({
  title: `when the packed plugin is installed with npm into a store on Medusa ${LOWEST["@medusajs/framework"]} (the lowest the peer ranges admit)`,
  dependencies: (tarball) => ({ ...LOWEST, ...TS_TOOLS, [PKG]: tarball }),
  install: async ({ host }) => {
    install = await run("npm", ["install", "--prefer-offline", "--no-audit", "--no-fund"], {
      cwd: host,
      env: npmEnv(),
      timeoutMs: 20 * 60 * 1000,
    })
    console.log(`[smoke] npm install of the lowest host: ${(install.ms / 1000).toFixed(1)} s`)
    if (install.code !== 0) {
      const eresolve = /ERESOLVE/.test(install.output)
        ? "\nERESOLVE: a peer range of the plugin does not admit the store's Medusa (package.json peerDependencies)."
        : ""
      throw new Error(`npm install in the host exited with ${install.code}${eresolve}\n${tail(install.output, 40)}`)
    }
  },
  tests: (ctx) => {
    it("should pin every peer dependency of the plugin at the lowest version of its range", () => {
      const floors = Object.fromEntries(
        Object.entries(manifest.peerDependencies).map(([name, range]) => [name, lowest(range)])
      )
      expect(floors).toEqual(LOWEST)
    })

    it("should install with npm without any peer dependency conflict or override", () => {
      expect(install.code).toBe(0)
      const peerTrouble = install.output
        .split("\n")
        .filter((l) => /ERESOLVE|overriding peer dependency|conflicting peer dependency|Could not resolve dependency/i.test(l))
      expect(peerTrouble).toEqual([])
    })

    it("should run on the lowest Medusa the ranges admit: every @medusajs package at that version, one copy", () => {
      const { host } = ctx()
      const medusa = installedMedusaPackages(host)
      const top = (name: string) => medusa.find((p) => p.dir === path.join(host, "node_modules", name))
      for (const [name, version] of Object.entries(LOWEST)) {
        expect({ name, version: top(name)?.version }).toEqual({ name, version })
      }
      // Medusa's own packages pin each other exactly: none of another 2.x version came along
      const framework = LOWEST["@medusajs/framework"]
      const other2x = medusa.filter((p) => /^2\./.test(p.version) && p.version !== framework)
      expect(other2x).toEqual([])
      // one copy of the framework and of the peers: the plugin uses the store's, none of its own
      const peerCopies = medusa.filter((p) => p.name in LOWEST).map((p) => path.relative(host, p.dir)).sort()
      expect(peerCopies).toEqual(Object.keys(LOWEST).map((n) => path.join("node_modules", n)).sort())
    })

    it("should satisfy every peer range of the installed plugin from the store's own packages", async () => {
      const { host } = ctx()
      const pluginDir = path.join(host, "node_modules", PKG)
      const { peerDependencies } = JSON.parse(fs.readFileSync(path.join(pluginDir, "package.json"), "utf8"))
      expect(peerDependencies).toEqual(manifest.peerDependencies)
      // Node's resolver from inside the plugin: which copy of each peer does the plugin load?
      const script = `
        const fs = require("fs"), path = require("path")
        const out = {}
        for (const name of ${JSON.stringify(Object.keys(peerDependencies))}) {
          const file = require.resolve(name, { paths: [${JSON.stringify(pluginDir)}] })
          const marker = path.join("node_modules", name) + path.sep
          const dir = file.slice(0, file.lastIndexOf(marker) + marker.length - 1)
          out[name] = { dir, version: JSON.parse(fs.readFileSync(path.join(dir, "package.json"), "utf8")).version }
        }
        console.log("PEERS=" + JSON.stringify(out))`
      const res = await run(process.execPath, ["-e", script], { cwd: host, env: hostEnv() })
      const peers = JSON.parse(/PEERS=(.*)/.exec(res.output)?.[1] ?? "null") as Record<
        string,
        { dir: string; version: string }
      > | null
      expect({ peers: !!peers, output: peers ? "" : tail(res.output, 20) }).toEqual({ peers: true, output: "" })
      for (const [name, range] of Object.entries(peerDependencies as Record<string, string>)) {
        const got = peers![name]
        expect({ name, dir: got.dir, satisfies: semver.satisfies(got.version, range) }).toEqual({
          name,
          dir: path.join(host, "node_modules", name),
          satisfies: true,
        })
      }
    })
  },
})

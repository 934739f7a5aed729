/**
 * Smoke test: the BUILT and PACKED plugin works in a separate host app, the way a store installs it
 * (the steps and the shared tests: ./host-app.ts).
 *
 * This host is the fast one: the tarball is extracted to `<host>/node_modules/medusa-payment-risk`
 * (only the published `files` exist there, so a file missing from the package or a wrong `exports`
 * path fails this test) and the host's other dependencies are symlinks to this repository's
 * node_modules (no install), i.e. the Medusa of the devDependencies (2.21.2, the highest version
 * the peer ranges admit today). plugin-install-lowest.spec.ts installs the lowest one with npm.
 *
 * Run: `npm run test:smoke` (both specs). PAYMENT_RISK_SMOKE_LOG=1 prints the output of every
 * command; PAYMENT_RISK_SMOKE_KEEP=1 keeps the temp dir for a look afterwards.
 */
import fs from "fs"
import path from "path"
import { describeHostApp, PKG, REPO, run, tail } from "./host-app"

jest.setTimeout(10 * 60 * 1000)

describeHostApp({
  title: "when the packed plugin is installed into a separate host app",
  dependencies: (tarball) => ({
    "@medusajs/cli": "2.21.2",
    "@medusajs/framework": "2.21.2",
    "@medusajs/medusa": "2.21.2",
    [PKG]: tarball,
  }),
  install: async ({ host, tmp, tarball }) => {
    const pkgDir = path.join(host, "node_modules", PKG)
    fs.mkdirSync(pkgDir, { recursive: true })
    const untar = await run("tar", ["-xzf", tarball, "-C", pkgDir, "--strip-components=1"], { cwd: tmp })
    if (untar.code !== 0) throw new Error(`tar failed:\n${tail(untar.output)}`)

    // every other dependency: a symlink into this repository's node_modules (.bin, @scopes too)
    for (const entry of fs.readdirSync(path.join(REPO, "node_modules"))) {
      if (entry === PKG) continue
      fs.symlinkSync(path.join(REPO, "node_modules", entry), path.join(host, "node_modules", entry))
    }
  },
})

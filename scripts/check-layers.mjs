#!/usr/bin/env node
// Enforces the dependency rule of the architecture (README → Architecture):
//   api, subscribers, jobs, migration-scripts → workflows → risk (application layer) → modules → engine
// Each folder may import only the folders listed for it below (and npm packages); the engine is
// pure: no Medusa import, no database, nothing outside src/engine. Exits 1 and lists every
// offending import. Run by `npm run check:layers` (part of `npm test`).
import fs from "node:fs"
import path from "node:path"
import { createRequire } from "node:module"

// TypeScript's own pre-processor finds every import: static, `export … from`, dynamic import(),
// require(), `import("…")` types — whatever the spacing, comments or quotes
const ts = createRequire(import.meta.url)("typescript")

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..")
const src = path.join(root, "src")

/** layer → layers it may import (itself included) */
const ALLOWED = {
  engine: ["engine"],
  modules: ["modules", "engine"],
  providers: ["providers", "modules", "engine"],
  links: ["links", "modules"],
  risk: ["risk", "links", "modules", "engine"],
  workflows: ["workflows", "risk", "links", "modules", "engine"],
  api: ["api", "workflows", "risk", "modules", "engine"],
  subscribers: ["subscribers", "workflows", "risk", "modules", "engine"],
  jobs: ["jobs", "workflows", "risk", "modules", "engine"],
  "migration-scripts": ["migration-scripts", "risk", "modules", "engine"],
  admin: ["admin", "engine"],
}
/** npm packages a layer must not use (the engine stays framework-free) */
const FORBIDDEN_PACKAGES = {
  engine: [/^@medusajs\//, /^pg$/, /^knex$/, /^@mikro-orm\//, /^(node:)?(fs|net|http|https|child_process|worker_threads)(\/|$)/, /^medusa-payment-risk(\/|$)/],
}

const layerOf = (file) => path.relative(src, file).split(path.sep)[0]

function* sourceFiles(dir) {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name)
    if (entry.isDirectory()) {
      if (entry.name === "node_modules") continue
      yield* sourceFiles(full)
    } else if (/\.(ts|tsx|mts|cts|js|jsx|mjs|cjs)$/.test(entry.name) && !entry.name.endsWith(".d.ts")) {
      yield full
    }
  }
}

/** A dynamic import or require whose target is computed: the rule cannot be checked, so it is refused. */
const COMPUTED = /(?:\bimport|\brequire)\s*\(\s*(?![\s'"`)])|(?:\bimport|\brequire)\s*\(\s*`[^`]*\$\{/

const problems = []
let checked = 0
for (const file of sourceFiles(src)) {
  const layer = layerOf(file)
  const allowed = ALLOWED[layer]
  if (!allowed) {
    problems.push(`${path.relative(root, file)}: folder src/${layer} has no place in the layer rule (add it to scripts/check-layers.mjs)`)
    continue
  }
  const isTest = file.includes(`${path.sep}__tests__${path.sep}`)
  const text = fs.readFileSync(file, "utf8")
  // a computed path is refused unless the line before says why it must be computed
  // (`// check-layers: computed <reason>`, e.g. loading a provider package the merchant configures)
  text.split("\n").forEach((line, index, lines) => {
    if (COMPUTED.test(line) && !/\/\/ check-layers: computed \S/.test(lines.slice(Math.max(0, index - 2), index).join("\n"))) {
      problems.push(`${path.relative(root, file)}:${index + 1}: an import or require with a computed path cannot be checked; name the module`)
    }
  })
  for (const { fileName: spec } of ts.preProcessFile(text, true, true).importedFiles) {
    checked++
    if (spec.startsWith(".")) {
      const target = path.resolve(path.dirname(file), spec)
      if (!target.startsWith(src + path.sep)) continue
      const targetLayer = layerOf(target)
      // tests may reach their own layer's collaborators and the engine's builders, never upward
      if (!allowed.includes(targetLayer) && !(isTest && targetLayer === layer)) {
        problems.push(`${path.relative(root, file)} imports ${spec} (${layer} → ${targetLayer} is not allowed)`)
      }
    } else if (!isTest) {
      for (const pattern of FORBIDDEN_PACKAGES[layer] ?? []) {
        if (pattern.test(spec)) problems.push(`${path.relative(root, file)} imports ${spec} (not allowed in src/${layer})`)
      }
    }
  }
}

if (problems.length) {
  console.error(`Layer rule broken (${problems.length}):\n  ${problems.join("\n  ")}`)
  process.exit(1)
}
console.log(`Layer rule holds: ${checked} imports checked.`)

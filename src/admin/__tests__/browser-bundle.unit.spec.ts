/// <reference types="jest" />
/// <reference types="node" />
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs"
import { dirname, join, relative, resolve } from "node:path"
import ts from "typescript"

/**
 * The admin runs in the browser: nothing it imports (its own files and the engine files they
 * reach) may import a Node built-in. One engine index that re-exported a node:crypto user was
 * enough to stop the whole admin from rendering ("Module node:crypto has been externalized").
 */
const SRC = join(__dirname, "../..")
const ADMIN = join(SRC, "admin")
const NODE_BUILTIN = /^node:|^(crypto|fs|path|os|net|http|https|stream|zlib|child_process|worker_threads|buffer|util)(\/|$)/

function entryFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name)
    if (statSync(full).isDirectory()) return name === "__tests__" ? [] : entryFiles(full)
    return /\.tsx?$/.test(name) ? [full] : []
  })
}

function resolveImport(from: string, spec: string): string | undefined {
  const base = resolve(dirname(from), spec)
  return ["", ".ts", ".tsx", "/index.ts", "/index.tsx"].map((ext) => base + ext).find((file) => existsSync(file) && statSync(file).isFile())
}

/** The modules a file loads at run time (type-only imports and exports are erased). */
function runtimeImports(file: string): string[] {
  const source = ts.createSourceFile(file, readFileSync(file, "utf8"), ts.ScriptTarget.Latest, true)
  const specs: string[] = []
  for (const statement of source.statements) {
    if (ts.isImportDeclaration(statement)) {
      const clause = statement.importClause
      const onlyTypes =
        clause?.isTypeOnly ||
        (clause && !clause.name && clause.namedBindings && ts.isNamedImports(clause.namedBindings) && clause.namedBindings.elements.length > 0 && clause.namedBindings.elements.every((e) => e.isTypeOnly))
      if (!onlyTypes) specs.push((statement.moduleSpecifier as ts.StringLiteral).text)
    } else if (ts.isExportDeclaration(statement) && statement.moduleSpecifier && !statement.isTypeOnly) {
      specs.push((statement.moduleSpecifier as ts.StringLiteral).text)
    }
  }
  return specs
}

/** Every Node built-in reachable from the admin, with the chain of files that leads to it. */
function nodeImports(): string[] {
  const found: string[] = []
  const seen = new Set<string>()
  const visit = (file: string, chain: string[]) => {
    if (seen.has(file)) return
    seen.add(file)
    const here = [...chain, relative(SRC, file)]
    for (const spec of runtimeImports(file)) {
      if (NODE_BUILTIN.test(spec)) found.push(`${spec} ← ${here.reverse().join(" ← ")}`)
      else if (spec.startsWith(".")) {
        const target = resolveImport(file, spec)
        if (target) visit(target, here)
      }
    }
  }
  for (const file of entryFiles(ADMIN)) visit(file, [])
  // the scan reached the engine through the admin (a broken resolver would prove nothing)
  expect([...seen].some((file) => file.includes(`${join("src", "engine")}`))).toBe(true)
  return found
}

describe("the admin's browser bundle", () => {
  it("should reach no Node built-in through the admin's imports", () => {
    expect(nodeImports()).toEqual([])
  })
})

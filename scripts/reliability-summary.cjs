#!/usr/bin/env node
/**
 * Closing lines of `npm run test:reliability`: the jest result, then every report the specs
 * wrote to .test-results/reliability/*.json ({ title, lines: string[] }), printed in file order
 * and collected into .test-results/reliability/REPORT.md.
 */
"use strict"
const fs = require("fs")
const path = require("path")

const root = path.join(__dirname, "..", ".test-results")
const report = JSON.parse(fs.readFileSync(path.join(root, "reliability.json"), "utf8"))
const dir = path.join(root, "reliability")
const sections = []
if (fs.existsSync(dir)) {
  for (const name of fs.readdirSync(dir).filter((f) => f.endsWith(".json")).sort()) {
    const { title, lines } = JSON.parse(fs.readFileSync(path.join(dir, name), "utf8"))
    sections.push(`## ${title}\n\n${lines.join("\n")}\n`)
  }
}
const markdown = `# Reliability suite\n\n${sections.join("\n")}`
fs.mkdirSync(dir, { recursive: true })
fs.writeFileSync(path.join(dir, "REPORT.md"), markdown)
console.log(markdown)
console.log(
  `reliability: ${report.numPassedTests} passed, ${report.numFailedTests} failed, ${report.numPendingTests} skipped (${report.numTotalTestSuites} files)`
)
process.exit(report.numFailedTests || !report.success ? 1 : 0)

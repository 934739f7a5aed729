#!/usr/bin/env node
/**
 * Prints one closing line over the jest runs of `npm test` (unit, modules, integration, smoke and
 * the browser test, e2e), read from the JSON reports they write to .test-results/:
 * "tests: N passed, N failed, N skipped".
 */
"use strict"
const fs = require("fs")
const path = require("path")

const dir = path.join(__dirname, "..", ".test-results")
let passed = 0
let failed = 0
let skipped = 0
for (const name of ["unit", "modules", "integration", "smoke", "e2e"]) {
  const file = path.join(dir, `${name}.json`)
  if (!fs.existsSync(file)) {
    console.error(`missing test report ${file}`)
    process.exit(1)
  }
  const report = JSON.parse(fs.readFileSync(file, "utf8"))
  passed += report.numPassedTests
  failed += report.numFailedTests
  skipped += report.numPendingTests + (report.numTodoTests || 0)
  console.log(`${name}: ${report.numPassedTests} passed, ${report.numFailedTests} failed (${report.numTotalTestSuites} files)`)
}
console.log(`tests: ${passed} passed, ${failed} failed, ${skipped} skipped`)
process.exit(failed ? 1 : 0)

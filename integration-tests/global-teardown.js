/**
 * jest globalTeardown: stops (and deletes) the embedded PostgreSQL that global-setup.js started,
 * if it started one. A server that was already running is left alone.
 */
module.exports = async function globalTeardown() {
  const embedded = globalThis.__PAYMENT_RISK_EMBEDDED_PG__
  if (!embedded) return
  delete globalThis.__PAYMENT_RISK_EMBEDDED_PG__
  await embedded.stop()
}

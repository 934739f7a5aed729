/**
 * Development / test store of this repository: loads the plugin from source.
 * Not part of the published package (excluded in tsconfig.json and "files").
 * A real store installs the plugin with `plugins: [{ resolve: "medusa-payment-risk", options }]`
 * (see README).
 */
import { defineConfig, loadEnv, Modules } from "@medusajs/framework/utils"

loadEnv(process.env.NODE_ENV || "development", process.cwd())

const creditProviders: Array<{ id: string; resolve: string; options?: Record<string, unknown> }> = [
  // deterministic stand-in bureau for the demo and tests (see src/modules/payment-risk/credit/sandbox.ts)
  { id: "sandbox", resolve: "sandbox", options: { latency_ms: Number(process.env.PAYMENT_RISK_SANDBOX_LATENCY_MS || 0) } },
]
if (process.env.PAYMENT_RISK_BUREAU_URL) {
  // the merchant's own endpoint (generic HTTP provider), e.g. the tests' local stand-in
  creditProviders.push({
    id: "bureau",
    resolve: "http",
    options: { url: process.env.PAYMENT_RISK_BUREAU_URL, secret: process.env.PAYMENT_RISK_BUREAU_SECRET },
  })
}

const paymentRiskOptions = {
  // Secret the keys of every keyed hash are derived from. Production refuses this default.
  hash_secret: process.env.PAYMENT_RISK_HASH_SECRET || "dev-only-payment-risk-secret-change-me",
  // After a rotation: the earlier secret(s), comma-separated, kept for matching until re-keyed
  previous_hash_secrets: (process.env.PAYMENT_RISK_PREVIOUS_HASH_SECRETS || "").split(",").map((s) => s.trim()).filter(Boolean),
  // Full card numbers only where the store's PCI DSS scope covers them (default: fingerprints only)
  accept_card_numbers: process.env.PAYMENT_RISK_ACCEPT_CARD_NUMBERS === "true",
  credit_check_providers: creditProviders,
  // MaxMind-format GeoIP country database for the network rule conditions (optional)
  ...(process.env.PAYMENT_RISK_GEOIP_DB ? { geoip_database_path: process.env.PAYMENT_RISK_GEOIP_DB } : {}),
  // Webhooks from payment providers (optional; without a secret the hook answers 503)
  ...(process.env.PAYMENT_RISK_STRIPE_WEBHOOK_SECRET ? { stripe_webhook_secret: process.env.PAYMENT_RISK_STRIPE_WEBHOOK_SECRET } : {}),
  ...(process.env.PAYMENT_RISK_OUTCOMES_WEBHOOK_SECRET ? { outcomes_webhook_secret: process.env.PAYMENT_RISK_OUTCOMES_WEBHOOK_SECRET } : {}),
}

module.exports = defineConfig({
  projectConfig: {
    databaseUrl: process.env.DATABASE_URL,
    http: {
      storeCors: process.env.STORE_CORS || "http://localhost:8000,http://localhost:9000",
      adminCors: process.env.ADMIN_CORS || "http://localhost:9000,http://localhost:5173",
      authCors: process.env.AUTH_CORS || "http://localhost:9000,http://localhost:5173,http://localhost:8000",
      jwtSecret: process.env.JWT_SECRET || "supersecret",
      cookieSecret: process.env.COOKIE_SECRET || "supersecret",
    },
  },
  admin: {
    disable: process.env.MEDUSA_ADMIN_DISABLE === "true",
  },
  modules: [
    {
      resolve: "./src/modules/payment-risk",
      options: paymentRiskOptions,
    },
    {
      // dunning emails (template payment-risk.dunning-stage) and admin feed notifications are
      // written to the log by Medusa's local provider; a store configures its email provider here
      resolve: "@medusajs/medusa/notification",
      options: {
        providers: [
          {
            resolve: "@medusajs/medusa/notification-local",
            id: "local",
            options: { name: "Local Notification Provider", channels: ["email", "feed"] },
          },
        ],
      },
    },
    {
      resolve: "@medusajs/medusa/payment",
      options: {
        providers: [
          {
            resolve: "./src/providers/manual-payments",
            id: "manual",
          },
        ],
      },
    },
  ],
})

import { Client, Store } from "@medusajs/js-sdk"
import type { StorefrontConfig } from "./config"

/**
 * The Medusa JS SDK for the store API: only its Client and Store parts (the `Medusa` class also
 * bundles the admin API, 140 KB more). Every /store request carries the publishable key header
 * (the client adds it from `publishableKey`); the plugin's routes go through `client.fetch`.
 */
type StoreSdk = { client: Client; store: Store }
let instance: StoreSdk | null = null

/** How long a request is retried while the server cannot be reached (no HTTP answer at all). */
const RETRY_FOR_MS = 60_000
let onWait: (waiting: boolean) => void = () => {}

/** Called with true while requests wait for an unreachable server, false once it answers again. */
export function onServerWait(listener: (waiting: boolean) => void): void {
  onWait = listener
}

/**
 * `medusa develop` restarts on every file change and the demo serves this page before the server
 * is up: a request that got no HTTP answer (fetch throws a TypeError) is sent again for up to a
 * minute. HTTP errors (FetchError with a status) are never retried.
 */
function retryWhileUnreachable(client: Client): void {
  const send = client.fetch.bind(client)
  client.fetch = (async (input: Parameters<Client["fetch"]>[0], init?: Parameters<Client["fetch"]>[1]) => {
    const started = Date.now()
    for (let attempt = 1; ; attempt++) {
      try {
        const result = await send(input, init)
        if (attempt > 1) onWait(false)
        return result
      } catch (error) {
        if (!(error instanceof TypeError) || Date.now() - started > RETRY_FOR_MS) {
          if (attempt > 1) onWait(false)
          throw error
        }
        onWait(true)
        await new Promise((resolve) => window.setTimeout(resolve, Math.min(500 * attempt, 3000)))
      }
    }
  }) as Client["fetch"]
}

export function initSdk(config: StorefrontConfig): StoreSdk {
  const client = new Client({ baseUrl: config.backendUrl, publishableKey: config.publishableKey })
  retryWhileUnreachable(client)
  instance = { client, store: new Store(client) }
  return instance
}

export function sdk(): StoreSdk {
  if (!instance) throw new Error("SDK used before initSdk()")
  return instance
}

/** The message of an SDK error (FetchError carries the server's `message`). */
export function errorMessage(error: unknown): string {
  if (error && typeof error === "object" && "message" in error) return String((error as { message: unknown }).message)
  return String(error)
}

/** HTTP status of an SDK error, if any. */
export function errorStatus(error: unknown): number | undefined {
  return error && typeof error === "object" && "status" in error ? Number((error as { status: unknown }).status) : undefined
}

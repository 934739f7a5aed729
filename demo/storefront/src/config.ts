/**
 * What the page needs to know about the store, served by the demo's static server as
 * /config.json: the Medusa server's port (the page calls it on the same host name it was loaded
 * from, so localhost and 127.0.0.1 both match the CORS settings) and the publishable key.
 */
export type StorefrontConfig = {
  backendUrl: string
  publishableKey: string
  regionName?: string
}

export async function loadConfig(): Promise<StorefrontConfig> {
  const res = await fetch("config.json", { cache: "no-store" })
  if (!res.ok) throw new Error(`config.json: ${res.status}`)
  const raw = (await res.json()) as { backendPort?: number; backendUrl?: string; publishableKey: string; regionName?: string }
  const backendUrl = raw.backendUrl || `${window.location.protocol}//${window.location.hostname}:${raw.backendPort ?? 9000}`
  return { backendUrl, publishableKey: raw.publishableKey, regionName: raw.regionName }
}

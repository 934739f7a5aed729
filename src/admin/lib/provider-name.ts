/** `pp_cash-on-delivery_manual` → "cash on delivery (manual)" */
export function providerName(id: string): string {
  const match = id.match(/^pp_(.+)_([^_]+)$/)
  if (!match) {
    return id
  }
  const [, identifier, configId] = match
  const name = identifier.replace(/[-_]+/g, " ")
  const label = name.charAt(0).toUpperCase() + name.slice(1)
  return configId === identifier ? label : `${label} (${configId})`
}

import disposableDomains from "disposable-email-domains"
import freeMail from "./data/free-mail-domains.json"

/**
 * Domain lists for the contact conditions. Disposable domains come from the maintained
 * `disposable-email-domains` package (updated with the dependency); free-mail providers from
 * our own list (no maintained npm package works offline: `free-email-domains` downloads its list
 * at install time). Merchants extend both in the rule settings.
 */
const FREE_MAIL = new Set<string>(freeMail.domains)
let disposable: Set<string> | null = null

function disposableSet(): Set<string> {
  // built on first use: ~120,000 domains, about 10 ms
  disposable ??= new Set<string>(disposableDomains as string[])
  return disposable
}

/** The last email asked for and its domain: two conditions of every decision read the same one. */
let lastEmail: string | null = null
let lastDomain: string | null = null

export function emailDomain(email?: string | null): string | null {
  if (typeof email === "string" && email === lastEmail) return lastDomain
  const at = email?.lastIndexOf("@") ?? -1
  const domain = at > 0 ? email!.slice(at + 1).trim().toLowerCase() || null : null
  if (typeof email === "string") {
    lastEmail = email
    lastDomain = domain
  }
  return domain
}

export function isFreeMail(domain: string | null, extra: readonly string[] = []): boolean {
  return !!domain && (FREE_MAIL.has(domain) || extra.includes(domain))
}

export function isDisposable(domain: string | null, extra: readonly string[] = []): boolean {
  return !!domain && (disposableSet().has(domain) || extra.includes(domain))
}

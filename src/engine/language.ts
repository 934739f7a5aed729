import type { LocalizedText } from "./types"

/** A language the plugin's own shopper texts exist in. */
export type NoticeLocale = keyof LocalizedText

/** What tells the shopper's language, most explicit first. */
export type ShopperLanguage = {
  /** the request's `?locale` or `x-medusa-locale` (Medusa's req.locale) */
  request_locale?: string | null
  /** the language the cart was created in */
  cart_locale?: string | null
  /** the browser's Accept-Language header */
  accept_language?: string | null
  /** the shop's default language (settings → shop) */
  shop_default?: string | null
}

const TWO_LETTERS = /^[a-z]{2}$/
const primary = (tag: string | null | undefined) => tag?.trim().toLowerCase().slice(0, 2) ?? ""

/** The languages of an Accept-Language header, best first ("fr-CH, de;q=0.9, *;q=0.5" → fr, de). */
export function acceptedLanguages(header: string | null | undefined): string[] {
  if (!header) return []
  return header
    .split(",")
    .slice(0, 20)
    .map((part, index) => {
      const [tag, ...params] = part.trim().split(";")
      const q = params.map((param) => /^\s*q\s*=\s*([0-9.]+)\s*$/.exec(param)?.[1]).find((value) => value !== undefined)
      return { lang: primary(tag), q: q === undefined ? 1 : Number(q), index }
    })
    .filter((entry) => TWO_LETTERS.test(entry.lang) && entry.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index)
    .map((entry) => entry.lang)
}

/**
 * The one order every shopper-facing text follows (notice, refusal, security tips, address
 * check, credit-check information): `?locale` / `x-medusa-locale`, the cart's language, the
 * browser's Accept-Language (by preference), the shop's default language, English. Two-letter
 * codes, each once.
 */
export function languagePreferences(language: ShopperLanguage): string[] {
  const candidates = [
    primary(language.request_locale),
    primary(language.cart_locale),
    ...acceptedLanguages(language.accept_language),
    primary(language.shop_default),
    "en",
  ]
  return [...new Set(candidates.filter((lang) => TWO_LETTERS.test(lang)))]
}

/** The first preferred language the plugin's own texts exist in (German or English). */
export function shopperLocale(language: ShopperLanguage): NoticeLocale {
  return languagePreferences(language).find((lang): lang is NoticeLocale => lang === "de" || lang === "en") ?? "en"
}

/// <reference types="jest" />
/// <reference types="node" />
import { readFileSync } from "node:fs"
import { join } from "node:path"
import type { TFunction } from "i18next"
import { providerName, providerNameIn } from "../provider-name"

type Messages = { [key: string]: string | Messages }

/** A t() over one language's JSON with i18next's `defaultValue`. */
const translator = (lang: "de" | "en") => {
  const messages: Messages = JSON.parse(readFileSync(join(__dirname, `../../i18n/json/${lang}.json`), "utf8"))
  return ((key: string, options?: { defaultValue?: string }) => {
    let value: string | Messages | undefined = messages
    for (const part of key.split(".")) value = typeof value === "object" ? value[part] : undefined
    return typeof value === "string" ? value : (options?.defaultValue ?? key)
  }) as unknown as TFunction
}

describe("providerName", () => {
  it("should name the plugin's and Medusa's providers in the admin's language", () => {
    const de = translator("de")
    expect(providerNameIn("pp_cash-on-delivery_manual", de)).toBe("Nachnahme (manuell)")
    expect(providerNameIn("pp_prepayment_manual", de)).toBe("Vorkasse (manuell)")
    expect(providerNameIn("pp_invoice_manual", de)).toBe("Rechnung (manuell)")
    expect(providerNameIn("pp_system_default", de)).toBe("Testzahlung (Medusa)")
    expect(providerNameIn("pp_cash-on-delivery_manual", translator("en"))).toBe("Cash on delivery (manual)")
  })

  it("should read an unknown provider's name from its id, and leave other ids alone", () => {
    expect(providerNameIn("pp_my-psp_live", translator("de"))).toBe("My psp (live)")
    expect(providerNameIn("pp_stripe_stripe", translator("de"))).toBe("Stripe")
    expect(providerNameIn("custom", translator("de"))).toBe("custom")
  })

  it("should work without the admin's i18n and when mapped over ids", () => {
    expect(["pp_invoice_manual"].map(providerName)).toEqual(["Invoice (manual)"])
  })
})

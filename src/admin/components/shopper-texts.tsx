import { Label, Text, Textarea } from "@medusajs/ui"
import { useTranslation } from "react-i18next"
import { Link } from "react-router-dom"
import { FieldError } from "./field-error"
import { SHOPPER_TEXT_PATHS, ShopperTextsDraft } from "./settings-draft"
import { SectionFields } from "./settings-section"

const LANGS = ["de", "en"] as const

/** Element ids and text keys of the four texts (the ids are the ones the page always had). */
const TEXTS: Array<{ key: keyof ShopperTextsDraft; name: string }> = [
  { key: "notice", name: "notice" },
  { key: "notice_restricted", name: "restricted" },
  { key: "refusal_message", name: "refusal" },
  { key: "consent_notice", name: "credit" },
]

/**
 * Every text a shopper can see from this plugin, in one place: the notice when methods were
 * hidden, the refusal at payment-session or completion time, the credit-check information; the
 * security tips have their own page. None of them may say why (no list, rule or score).
 */
export const ShopperTextsFields = ({ draft, set, err }: SectionFields<ShopperTextsDraft>) => {
  const { t } = useTranslation()
  return (
    <>
      {TEXTS.map(({ key, name }) => (
        <div key={key} className="flex flex-col gap-y-2">
          <div>
            <Text size="small" weight="plus">{t(`paymentRisk.shopperTexts.${name}.title`)}</Text>
            <Text size="xsmall" className="text-ui-fg-subtle">{t(`paymentRisk.shopperTexts.${name}.hint`)}</Text>
          </div>
          <div className="grid grid-cols-1 gap-3 md:grid-cols-2">
            {LANGS.map((lang) => {
              const id = `${name}-${lang}`
              const error = err(`${SHOPPER_TEXT_PATHS[key]}.${lang}`)
              return (
                <div key={lang} className="flex flex-col gap-y-1">
                  <Label htmlFor={id} size="small">{t(`paymentRisk.notice.${lang}`)}</Label>
                  <Textarea
                    id={id}
                    rows={3}
                    value={draft[key][lang]}
                    aria-invalid={!!error}
                    onChange={(event) => set({ ...draft, [key]: { ...draft[key], [lang]: event.target.value } })}
                  />
                  <FieldError message={error} />
                </div>
              )
            })}
          </div>
        </div>
      ))}
      <Text size="xsmall" className="text-ui-fg-subtle">
        {t("paymentRisk.shopperTexts.tips")} <Link to="/security-tips" className="text-ui-fg-interactive">{t("paymentRisk.shopperTexts.tipsLink")}</Link>
      </Text>
    </>
  )
}

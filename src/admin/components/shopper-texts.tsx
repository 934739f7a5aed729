import { Container, Heading, Label, Text, Textarea } from "@medusajs/ui"
import { useTranslation } from "react-i18next"
import { Link } from "react-router-dom"
import { FieldError } from "./field-error"
import { SettingsDraft } from "./settings-draft"

type Props = {
  draft: SettingsDraft
  onChange: (draft: SettingsDraft) => void
  err: (path: string) => string | undefined
}

const LANGS = ["de", "en"] as const

/**
 * Every text a shopper can see from this plugin, in one place: the notice when methods were
 * hidden, the refusal at payment-session or completion time, the credit-check information; the
 * security tips have their own page. None of them may say why (no list, rule or score).
 */
export const ShopperTexts = ({ draft, onChange, err }: Props) => {
  const { t } = useTranslation()
  const notice = { de: draft.notice_de, en: draft.notice_en }
  const fields = [
    {
      key: "notice",
      path: "notice",
      value: notice,
      set: (lang: "de" | "en", v: string) => onChange({ ...draft, [lang === "de" ? "notice_de" : "notice_en"]: v }),
    },
    {
      key: "restricted",
      path: "notice_restricted",
      value: draft.notice_restricted,
      set: (lang: "de" | "en", v: string) => onChange({ ...draft, notice_restricted: { ...draft.notice_restricted, [lang]: v } }),
    },
    {
      key: "refusal",
      path: "refusal_message",
      value: draft.refusal_message,
      set: (lang: "de" | "en", v: string) => onChange({ ...draft, refusal_message: { ...draft.refusal_message, [lang]: v } }),
    },
    {
      key: "credit",
      path: "credit_check.consent_notice",
      value: draft.credit_check.consent_notice,
      set: (lang: "de" | "en", v: string) =>
        onChange({ ...draft, credit_check: { ...draft.credit_check, consent_notice: { ...draft.credit_check.consent_notice, [lang]: v } } }),
    },
  ]
  return (
    <Container className="flex flex-col gap-y-4 px-6 py-4">
      <div>
        <Heading level="h2">{t("paymentRisk.shopperTexts.title")}</Heading>
        <Text size="small" className="text-ui-fg-subtle">{t("paymentRisk.shopperTexts.description")}</Text>
      </div>
      {fields.map((field) => (
        <div key={field.key} className="flex flex-col gap-y-2">
          <div>
            <Text size="small" weight="plus">{t(`paymentRisk.shopperTexts.${field.key}.title`)}</Text>
            <Text size="xsmall" className="text-ui-fg-subtle">{t(`paymentRisk.shopperTexts.${field.key}.hint`)}</Text>
          </div>
          <div className="grid grid-cols-1 gap-3 md:grid-cols-2">
            {LANGS.map((lang) => {
              const id = field.key === "notice" ? `notice-${lang}` : `${field.key}-${lang}`
              return (
                <div key={lang} className="flex flex-col gap-y-1">
                  <Label htmlFor={id} size="small">{t(`paymentRisk.notice.${lang}`)}</Label>
                  <Textarea
                    id={id}
                    rows={3}
                    value={field.value[lang]}
                    aria-invalid={!!err(`${field.path}.${lang}`)}
                    onChange={(event) => field.set(lang, event.target.value)}
                  />
                  <FieldError message={err(`${field.path}.${lang}`)} />
                </div>
              )
            })}
          </div>
        </div>
      ))}
      <Text size="xsmall" className="text-ui-fg-subtle">
        {t("paymentRisk.shopperTexts.tips")} <Link to="/security-tips" className="text-ui-fg-interactive">{t("paymentRisk.shopperTexts.tipsLink")}</Link>
      </Text>
    </Container>
  )
}

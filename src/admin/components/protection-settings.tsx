import { Alert, Container, Heading, Label, RadioGroup, Text } from "@medusajs/ui"
import { useTranslation } from "react-i18next"
import { RiskSettings } from "../lib/types"
import { TextField } from "./text-field"

export type ProtectionDraft = {
  guest_recognition: RiskSettings["protection"]["guest_recognition"]
  max_identities_per_cart: string
  max_identities_per_ip: string
  identity_window_minutes: string
}

type Props = {
  value: ProtectionDraft
  onChange: (value: ProtectionDraft) => void
  err: (path: string) => string | undefined
}

/** How returning guests are recognised, and when probing of the payment methods is stopped. */
export const ProtectionSettings = ({ value, onChange, err }: Props) => {
  const { t } = useTranslation()
  const set = <K extends keyof ProtectionDraft>(key: K, v: ProtectionDraft[K]) => onChange({ ...value, [key]: v })
  return (
    <Container className="flex flex-col gap-y-6 px-6 py-4">
      <div>
        <Heading level="h2">{t("paymentRisk.protection.title")}</Heading>
        <Text size="small" className="text-ui-fg-subtle">
          {t("paymentRisk.protection.description")}
        </Text>
      </div>
      <div className="flex flex-col gap-y-2">
        <Label size="small" weight="plus">
          {t("paymentRisk.protection.guestRecognition")}
        </Label>
        <RadioGroup
          value={value.guest_recognition}
          onValueChange={(v) => set("guest_recognition", v as ProtectionDraft["guest_recognition"])}
        >
          {(["email_and_address", "email"] as const).map((mode) => (
            <div key={mode} className="flex items-start gap-x-2">
              <RadioGroup.Item value={mode} id={`guest-recognition-${mode}`} />
              <div>
                <Label htmlFor={`guest-recognition-${mode}`} size="small">
                  {t(`paymentRisk.protection.mode.${mode}`)}
                </Label>
                <Text size="xsmall" className="text-ui-fg-subtle">
                  {t(`paymentRisk.protection.modeHint.${mode}`)}
                </Text>
              </div>
            </div>
          ))}
        </RadioGroup>
        {value.guest_recognition === "email" && (
          <Alert variant="warning" data-testid="guest-recognition-warning">
            {t("paymentRisk.protection.emailAloneWarning")}
          </Alert>
        )}
      </div>
      <div className="grid grid-cols-1 gap-4 md:grid-cols-3">
        <TextField
          id="max-identities-per-cart"
          label={t("paymentRisk.protection.maxPerCart")}
          value={value.max_identities_per_cart}
          inputMode="numeric"
          onChange={(v) => set("max_identities_per_cart", v)}
          error={err("protection.max_identities_per_cart")}
        />
        <TextField
          id="max-identities-per-ip"
          label={t("paymentRisk.protection.maxPerIp")}
          value={value.max_identities_per_ip}
          inputMode="numeric"
          onChange={(v) => set("max_identities_per_ip", v)}
          error={err("protection.max_identities_per_ip")}
        />
        <TextField
          id="identity-window"
          label={t("paymentRisk.protection.window")}
          value={value.identity_window_minutes}
          inputMode="numeric"
          onChange={(v) => set("identity_window_minutes", v)}
          error={err("protection.identity_window_minutes")}
        />
      </div>
      <Text size="xsmall" className="text-ui-fg-subtle">
        {t("paymentRisk.protection.limitsHint")}
      </Text>
    </Container>
  )
}

const LIMITS = {
  max_identities_per_cart: [1, 100],
  max_identities_per_ip: [1, 1000],
  identity_window_minutes: [1, 60 * 24 * 7],
} as const

export function toProtectionDraft(protection: RiskSettings["protection"]): ProtectionDraft {
  return {
    guest_recognition: protection.guest_recognition,
    max_identities_per_cart: String(protection.max_identities_per_cart),
    max_identities_per_ip: String(protection.max_identities_per_ip),
    identity_window_minutes: String(protection.identity_window_minutes),
  }
}

/** Client checks mirroring the server's validator (keys are the API's field paths). */
export function validateProtection(draft: ProtectionDraft): Record<string, string> {
  const errors: Record<string, string> = {}
  for (const [key, [min, max]] of Object.entries(LIMITS)) {
    const raw = draft[key as keyof typeof LIMITS]
    const n = Number(raw)
    if (raw.trim() === "" || !Number.isInteger(n) || n < min || n > max) errors[`protection.${key}`] = "limit"
  }
  return errors
}

export function fromProtectionDraft(draft: ProtectionDraft): RiskSettings["protection"] {
  return {
    guest_recognition: draft.guest_recognition,
    max_identities_per_cart: Number(draft.max_identities_per_cart),
    max_identities_per_ip: Number(draft.max_identities_per_ip),
    identity_window_minutes: Number(draft.identity_window_minutes),
  }
}

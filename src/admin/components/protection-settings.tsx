import { Alert, Label, RadioGroup, Text } from "@medusajs/ui"
import { useTranslation } from "react-i18next"
import { ProtectionDraft } from "./settings-draft"
import { SectionFields } from "./settings-section"
import { TextField } from "./text-field"

/** How returning guests are recognised, and when probing of the payment methods is stopped. */
export const ProtectionFields = ({ draft, set, err }: SectionFields<ProtectionDraft>) => {
  const { t } = useTranslation()
  const field = <K extends keyof ProtectionDraft>(key: K, v: ProtectionDraft[K]) => set({ ...draft, [key]: v })
  return (
    <>
      <div className="flex flex-col gap-y-2">
        <Label size="small" weight="plus">
          {t("paymentRisk.protection.guestRecognition")}
        </Label>
        <RadioGroup
          value={draft.guest_recognition}
          onValueChange={(v) => field("guest_recognition", v as ProtectionDraft["guest_recognition"])}
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
        {draft.guest_recognition === "email" && (
          <Alert variant="warning" data-testid="guest-recognition-warning">
            {t("paymentRisk.protection.emailAloneWarning")}
          </Alert>
        )}
      </div>
      <div className="flex flex-col gap-y-2">
        <div className="grid grid-cols-1 gap-4 md:grid-cols-3">
          <TextField
            id="max-identities-per-cart"
            label={t("paymentRisk.protection.maxPerCart")}
            value={draft.max_identities_per_cart}
            inputMode="numeric"
            onChange={(v) => field("max_identities_per_cart", v)}
            error={err("protection.max_identities_per_cart")}
          />
          <TextField
            id="max-identities-per-ip"
            label={t("paymentRisk.protection.maxPerIp")}
            value={draft.max_identities_per_ip}
            inputMode="numeric"
            onChange={(v) => field("max_identities_per_ip", v)}
            error={err("protection.max_identities_per_ip")}
          />
          <TextField
            id="identity-window"
            label={t("paymentRisk.protection.window")}
            value={draft.identity_window_minutes}
            inputMode="numeric"
            onChange={(v) => field("identity_window_minutes", v)}
            error={err("protection.identity_window_minutes")}
          />
        </div>
        <Text size="xsmall" className="text-ui-fg-subtle">
          {t("paymentRisk.protection.limitsHint")}
        </Text>
      </div>
    </>
  )
}

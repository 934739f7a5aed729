import { Text } from "@medusajs/ui"
import { useTranslation } from "react-i18next"
import { RETENTION_FIELDS, RetentionDraft } from "./settings-draft"
import { SectionFields } from "./settings-section"
import { TextField } from "./text-field"

/** How long each kind of stored data is kept; the daily job deletes what is older. */
export const RetentionFields = ({ draft, set, err }: SectionFields<RetentionDraft>) => {
  const { t } = useTranslation()
  return (
    <>
      <div className="grid grid-cols-1 gap-4 md:grid-cols-2">
        {RETENTION_FIELDS.map(({ key, id }) => (
          <TextField
            key={key}
            id={id}
            label={t(`paymentRisk.retention.fields.${key}`)}
            hint={t(`paymentRisk.retention.hints.${key}`)}
            value={draft[key]}
            inputMode="numeric"
            onChange={(v) => set({ ...draft, [key]: v })}
            error={err(`retention.${key}`)}
          />
        ))}
      </div>
      <Text size="xsmall" className="text-ui-fg-subtle">
        {t("paymentRisk.retention.erasureHint")}
      </Text>
    </>
  )
}

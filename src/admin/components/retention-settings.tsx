import { Container, Heading, Text } from "@medusajs/ui"
import { useTranslation } from "react-i18next"
import { RiskSettings } from "../lib/types"
import { TextField } from "./text-field"

type Retention = RiskSettings["retention"]
type Key = keyof Retention

/** The form's copy: numbers as the inputs hold them; an empty assessment period = the plugin option. */
export type RetentionDraft = Record<Key, string>

/** Field order in the form, with each field's allowed range (as the server's validator). */
const FIELDS: Array<{ key: Key; id: string; min: number; max: number }> = [
  { key: "assessment_days", id: "retention-assessments", min: 1, max: 3650 },
  { key: "review_event_days", id: "retention-review-events", min: 1, max: 3650 },
  { key: "outcome_days", id: "retention-outcomes", min: 1, max: 3650 },
  { key: "cart_signal_days", id: "retention-cart-signals", min: 1, max: 3650 },
  { key: "identity_observation_days", id: "retention-identity-observations", min: 1, max: 3650 },
  { key: "credit_query_days", id: "retention-credit-queries", min: 1, max: 3650 },
  { key: "list_entry_days", id: "retention-list-entries", min: 1, max: 3650 },
  { key: "list_entry_grace_days", id: "retention-list-grace", min: 0, max: 365 },
  { key: "list_audit_days", id: "retention-list-audit", min: 1, max: 3650 },
]

type Props = {
  value: RetentionDraft
  onChange: (value: RetentionDraft) => void
  err: (path: string) => string | undefined
}

/** How long each kind of stored data is kept; the daily job deletes what is older. */
export const RetentionSettings = ({ value, onChange, err }: Props) => {
  const { t } = useTranslation()
  return (
    <Container className="flex flex-col gap-y-6 px-6 py-4">
      <div>
        <Heading level="h2">{t("paymentRisk.retention.title")}</Heading>
        <Text size="small" className="text-ui-fg-subtle">
          {t("paymentRisk.retention.description")}
        </Text>
      </div>
      <div className="grid grid-cols-1 gap-4 md:grid-cols-2">
        {FIELDS.map(({ key, id }) => (
          <TextField
            key={key}
            id={id}
            label={t(`paymentRisk.retention.fields.${key}`)}
            hint={t(`paymentRisk.retention.hints.${key}`)}
            value={value[key]}
            inputMode="numeric"
            onChange={(v) => onChange({ ...value, [key]: v })}
            error={err(`retention.${key}`)}
          />
        ))}
      </div>
      <Text size="xsmall" className="text-ui-fg-subtle">
        {t("paymentRisk.retention.erasureHint")}
      </Text>
    </Container>
  )
}

export function toRetentionDraft(retention: Retention): RetentionDraft {
  return Object.fromEntries(FIELDS.map(({ key }) => [key, retention[key] === null ? "" : String(retention[key])])) as RetentionDraft
}

/** Client checks mirroring the server's validator (keys are the API's field paths). */
export function validateRetention(draft: RetentionDraft): Record<string, string> {
  const errors: Record<string, string> = {}
  for (const { key, min, max } of FIELDS) {
    const raw = draft[key].trim()
    if (key === "assessment_days" && raw === "") continue
    const n = Number(raw)
    if (raw === "" || !Number.isInteger(n) || n < min || n > max) errors[`retention.${key}`] = "limit"
  }
  return errors
}

export function fromRetentionDraft(draft: RetentionDraft): Retention {
  const days = (key: Key) => Number(draft[key].trim())
  return {
    assessment_days: draft.assessment_days.trim() === "" ? null : days("assessment_days"),
    cart_signal_days: days("cart_signal_days"),
    identity_observation_days: days("identity_observation_days"),
    credit_query_days: days("credit_query_days"),
    review_event_days: days("review_event_days"),
    outcome_days: days("outcome_days"),
    list_entry_days: days("list_entry_days"),
    list_entry_grace_days: days("list_entry_grace_days"),
    list_audit_days: days("list_audit_days"),
  }
}

import { Button, Input, Label, Text } from "@medusajs/ui"
import { useTranslation } from "react-i18next"
import { RiskSettings } from "../lib/types"
import { FieldError } from "./field-error"
import { ActionRow } from "./list-action-settings"

type Bands = RiskSettings["credit_check"]["score_bands"]
type Props = { value: Bands; onChange: (bands: Bands) => void; err: (path: string) => string | undefined }

/**
 * Score bands: a bureau score below a band's limit applies the band's action; the lowest
 * fitting band wins (the engine sorts them). Empty = scores alone hide nothing.
 */
export const ScoreBands = ({ value, onChange, err }: Props) => {
  const { t } = useTranslation()
  const update = (index: number, band: Bands[number]) => onChange(value.map((b, i) => (i === index ? band : b)))
  return (
    <div className="flex flex-col gap-y-2">
      <Text size="small" weight="plus">{t("paymentRisk.creditSettings.bands.title")}</Text>
      <Text size="xsmall" className="text-ui-fg-subtle">{t("paymentRisk.creditSettings.bands.hint")}</Text>
      {value.map((band, index) => (
        <div key={index} className="flex flex-col gap-y-2 rounded-md border px-3 py-2">
          <div className="flex items-end gap-x-3">
            <div className="flex flex-col gap-y-1">
              <Label htmlFor={`credit-band-${index}`} size="small">{t("paymentRisk.creditSettings.bands.below")}</Label>
              <Input
                id={`credit-band-${index}`}
                size="small"
                type="number"
                value={Number.isFinite(band.below) ? band.below : ""}
                aria-invalid={!!err(`credit_check.score_bands.${index}.below`)}
                onChange={(e) => update(index, { ...band, below: e.target.value === "" ? NaN : Number(e.target.value) })}
              />
            </div>
            <Button type="button" size="small" variant="secondary" onClick={() => onChange(value.filter((_, i) => i !== index))}>
              {t("paymentRisk.creditSettings.bands.remove")}
            </Button>
          </div>
          <FieldError message={err(`credit_check.score_bands.${index}.below`)} />
          <ActionRow
            id={`credit-band-${index}-action`}
            label={t("paymentRisk.creditSettings.bands.action")}
            action={band.action}
            onChange={(action) => update(index, { ...band, action })}
            error={err(`credit_check.score_bands.${index}.action.classes`)}
          />
        </div>
      ))}
      <div>
        <Button
          type="button"
          size="small"
          variant="secondary"
          disabled={value.length >= 10}
          onClick={() => onChange([...value, { below: 500, action: { type: "hide_classes", classes: ["invoice", "direct_debit"] } }])}
        >
          {t("paymentRisk.creditSettings.bands.add")}
        </Button>
      </div>
    </div>
  )
}

import { PlusMini, Trash } from "@medusajs/icons"
import { Alert, Button, IconButton, Input, Table, Text } from "@medusajs/ui"
import { useTranslation } from "react-i18next"
import { useFormat } from "../../lib/format"
import { FieldError } from "../field-error"
import { missingHalfYear, newKey, RateDraft } from "./dunning-draft"
import { KEY } from "./labels"

type Props = { rates: RateDraft[]; onChange: (rates: RateDraft[]) => void; err: (path: string) => string | undefined; today: string }

/** The base rate table (Basiszinssatz, § 247 BGB): one row per half-year, newest first, with a warning when the current half-year is missing. */
export const BaseRatesEditor = ({ rates, onChange, err, today }: Props) => {
  const { t } = useTranslation()
  const format = useFormat()
  const missing = missingHalfYear(rates, today)
  const set = (index: number, row: RateDraft) => onChange(rates.map((r, i) => (i === index ? row : r)))
  const add = () => onChange([{ key: newKey(), valid_from: missing ?? "", rate: "" }, ...rates])
  return (
    <div className="flex flex-col gap-y-3">
      {missing && (
        <Alert variant="warning" data-testid="base-rate-warning">
          {t(`${KEY}.rates.missing`, { date: format.date(missing) })}
        </Alert>
      )}
      <div className="flex justify-end">
        <Button type="button" size="small" variant="secondary" onClick={add}><PlusMini />{t(`${KEY}.rates.add`)}</Button>
      </div>
      <div className="max-h-[420px] overflow-y-auto">
        <Table>
          <Table.Header>
            <Table.Row>
              <Table.HeaderCell>{t(`${KEY}.rates.validFrom`)}</Table.HeaderCell>
              <Table.HeaderCell>{t(`${KEY}.rates.rate`)}</Table.HeaderCell>
              <Table.HeaderCell className="w-12"><span className="sr-only">{t(`${KEY}.rates.remove`)}</span></Table.HeaderCell>
            </Table.Row>
          </Table.Header>
          <Table.Body>
            {rates.map((row, index) => {
              const dayError = err(`dunning.base_rates.${index}.valid_from`)
              const rateError = err(`dunning.base_rates.${index}.rate`)
              return (
                <Table.Row key={row.key}>
                  <Table.Cell className="py-2">
                    <Input size="small" type="date" aria-label={t(`${KEY}.rates.validFrom`)} value={row.valid_from} aria-invalid={!!dayError}
                      onChange={(e) => set(index, { ...row, valid_from: e.target.value })} />
                    <FieldError message={dayError} />
                  </Table.Cell>
                  <Table.Cell className="py-2">
                    <Input size="small" inputMode="decimal" aria-label={t(`${KEY}.rates.rate`)} value={row.rate} aria-invalid={!!rateError}
                      onChange={(e) => set(index, { ...row, rate: e.target.value })} />
                    <FieldError message={rateError} />
                  </Table.Cell>
                  <Table.Cell className="py-2">
                    <IconButton size="small" variant="transparent" type="button" aria-label={t(`${KEY}.rates.remove`)} onClick={() => onChange(rates.filter((_, i) => i !== index))}>
                      <Trash />
                    </IconButton>
                  </Table.Cell>
                </Table.Row>
              )
            })}
          </Table.Body>
        </Table>
      </div>
      <FieldError message={err("dunning.base_rates")} />
      <Text size="xsmall" className="text-ui-fg-subtle">{t(`${KEY}.rates.hint`)}</Text>
    </div>
  )
}

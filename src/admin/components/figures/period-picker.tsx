import { Input, Label, Select } from "@medusajs/ui"
import { useTranslation } from "react-i18next"
import { dayOf, PeriodChoice, PRESETS } from "./period"
import { CurrencySelect } from "./currency-select"

type Props = {
  choice: PeriodChoice
  onChoice: (choice: PeriodChoice) => void
  currency: string | null
  currencies: readonly string[]
  onCurrency: (currency: string) => void
}

const KEY = "paymentRisk.figures.period"

/** Period (7 / 30 / 90 days or two days) and currency of the overview. */
export const PeriodPicker = ({ choice, onChoice, currency, currencies, onCurrency }: Props) => {
  const { t } = useTranslation()
  const value = String(choice.preset)
  const choose = (next: string) => {
    if (next === "custom") {
      const to = new Date()
      const from = new Date()
      from.setDate(from.getDate() - 29)
      onChoice({ preset: "custom", from: dayOf(from), to: dayOf(to) })
    } else onChoice({ preset: Number(next) })
  }
  return (
    <div className="flex flex-wrap items-end gap-3" data-testid="figures-period">
      <div className="flex flex-col gap-y-1">
        <Label htmlFor="figures-period" size="small" weight="plus">{t(`${KEY}.label`)}</Label>
        <Select size="small" value={value} onValueChange={choose}>
          <Select.Trigger id="figures-period" className="w-[180px]"><Select.Value /></Select.Trigger>
          <Select.Content>
            {PRESETS.map((days) => <Select.Item key={days} value={String(days)}>{t(`${KEY}.lastDays`, { count: days })}</Select.Item>)}
            <Select.Item value="custom">{t(`${KEY}.custom`)}</Select.Item>
          </Select.Content>
        </Select>
      </div>
      {choice.preset === "custom" && (
        <>
          <div className="flex flex-col gap-y-1">
            <Label htmlFor="figures-from" size="small" weight="plus">{t(`${KEY}.from`)}</Label>
            <Input id="figures-from" size="small" type="date" value={choice.from} onChange={(e) => onChoice({ ...choice, from: e.target.value })} />
          </div>
          <div className="flex flex-col gap-y-1">
            <Label htmlFor="figures-to" size="small" weight="plus">{t(`${KEY}.to`)}</Label>
            <Input id="figures-to" size="small" type="date" value={choice.to} onChange={(e) => onChoice({ ...choice, to: e.target.value })} />
          </div>
        </>
      )}
      <div className="flex flex-col gap-y-1">
        <Label htmlFor="figures-currency" size="small" weight="plus">{t(`${KEY}.currency`)}</Label>
        <CurrencySelect id="figures-currency" className="w-[120px]" value={currency} codes={currencies} onChange={onCurrency} />
      </div>
    </div>
  )
}

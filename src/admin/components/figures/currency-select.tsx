import { Select } from "@medusajs/ui"

type Props = {
  /** the trigger's id (its label points at it) */
  id: string
  value: string | null
  codes: readonly string[]
  onChange: (code: string) => void
  className?: string
}

/** The store's currencies to choose from (codes shown upper case), as the figures' pickers use it. */
export const CurrencySelect = ({ id, value, codes, onChange, className }: Props) => (
  <Select size="small" value={value ?? undefined} onValueChange={onChange} disabled={!codes.length}>
    <Select.Trigger id={id} className={className}><Select.Value /></Select.Trigger>
    <Select.Content>
      {codes.map((code) => <Select.Item key={code} value={code}>{code.toUpperCase()}</Select.Item>)}
    </Select.Content>
  </Select>
)

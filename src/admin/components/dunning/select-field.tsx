import { Label, Select, Text } from "@medusajs/ui"
import { FieldError } from "../field-error"

type Props<T extends string> = {
  id: string
  label: string
  value: T
  options: ReadonlyArray<{ value: T; label: string }>
  onChange: (value: T) => void
  hint?: string
  error?: string
}

/** A labelled select with a plain-words hint and the field's error. */
export const SelectField = <T extends string>({ id, label, value, options, onChange, hint, error }: Props<T>) => (
  <div className="flex flex-col gap-y-1">
    <Label htmlFor={id} size="small" weight="plus">{label}</Label>
    <Select size="small" value={value} onValueChange={(next) => onChange(next as T)}>
      <Select.Trigger id={id} aria-invalid={!!error}><Select.Value /></Select.Trigger>
      <Select.Content>
        {options.map((option) => (
          <Select.Item key={option.value} value={option.value}>{option.label}</Select.Item>
        ))}
      </Select.Content>
    </Select>
    {hint && <Text size="xsmall" className="text-ui-fg-subtle">{hint}</Text>}
    <FieldError message={error} />
  </div>
)

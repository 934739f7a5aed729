import { Input, Label, Text } from "@medusajs/ui"
import { FieldError } from "./field-error"

type Props = {
  id: string
  label: string
  value: string
  onChange: (value: string) => void
  hint?: string
  error?: string
  inputMode?: "numeric" | "decimal"
}

export const TextField = ({ id, label, value, onChange, hint, error, inputMode }: Props) => (
  <div className="flex flex-col gap-y-1">
    <Label htmlFor={id} size="small" weight="plus">
      {label}
    </Label>
    <Input
      id={id}
      value={value}
      inputMode={inputMode}
      aria-invalid={!!error}
      onChange={(event) => onChange(event.target.value)}
    />
    {hint && (
      <Text size="xsmall" className="text-ui-fg-subtle">
        {hint}
      </Text>
    )}
    <FieldError message={error} />
  </div>
)

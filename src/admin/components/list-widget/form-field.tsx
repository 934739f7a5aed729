import { Input, Label, Text, Textarea } from "@medusajs/ui"
import { FieldError } from "../field-error"

type Props = {
  id: string
  label: string
  value: string
  onChange: (value: string) => void
  error?: string
  hint?: string
  /** shown after the label, e.g. "(optional)" */
  marker?: string
  required?: boolean
  type?: "text" | "date" | "email" | "tel"
  min?: string
  multiline?: boolean
  className?: string
}

/** Label, input (or textarea), hint and the server's error for one field of the drawer. */
export const FormField = ({ id, label, value, onChange, error, hint, marker, required, type = "text", min, multiline, className }: Props) => (
  <div className={`flex flex-col gap-y-1 ${className ?? ""}`}>
    <Label htmlFor={id} size="small" weight="plus">
      {label}
      {marker && <span className="text-ui-fg-muted font-normal"> {marker}</span>}
    </Label>
    {multiline ? (
      <Textarea id={id} value={value} aria-required={required} aria-invalid={!!error} onChange={(event) => onChange(event.target.value)} />
    ) : (
      <Input
        id={id}
        type={type}
        min={min}
        value={value}
        aria-required={required}
        aria-invalid={!!error}
        onChange={(event) => onChange(event.target.value)}
      />
    )}
    {hint && <Text size="xsmall" className="text-ui-fg-subtle">{hint}</Text>}
    <FieldError message={error} />
  </div>
)

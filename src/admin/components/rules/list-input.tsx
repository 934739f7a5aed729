import { XMarkMini } from "@medusajs/icons"
import { Badge, Input } from "@medusajs/ui"
import { useState } from "react"
import { useTranslation } from "react-i18next"

type Props = {
  id: string
  values: string[]
  onChange: (values: string[]) => void
  placeholder?: string
  /** store entries in lower case (countries, domains) */
  lowercase?: boolean
  invalid?: boolean
}

/** Tag-style list: Enter, comma or leaving the field adds what was typed; × removes an entry. */
export const ListInput = ({ id, values, onChange, placeholder, lowercase, invalid }: Props) => {
  const { t } = useTranslation()
  const [text, setText] = useState("")
  const commit = () => {
    const added = text
      .split(/[,;\s]+/)
      .map((v) => (lowercase ? v.trim().toLowerCase() : v.trim()))
      .filter((v) => v && !values.includes(v))
    if (added.length) onChange([...values, ...new Set(added)])
    setText("")
  }
  return (
    <div className="flex flex-col gap-y-1.5" data-testid={`${id}-list`}>
      <Input
        id={id}
        size="small"
        value={text}
        placeholder={placeholder}
        aria-invalid={invalid}
        onChange={(e) => setText(e.target.value)}
        onBlur={commit}
        onKeyDown={(e) => {
          if (e.key === "Enter" || e.key === ",") {
            e.preventDefault()
            commit()
          } else if (e.key === "Backspace" && !text && values.length) {
            onChange(values.slice(0, -1))
          }
        }}
      />
      {values.length > 0 && (
        <div className="flex flex-wrap gap-1">
          {values.map((value) => (
            <Badge key={value} size="2xsmall" className="gap-x-0.5 pr-0.5">
              {value}
              <button
                type="button"
                aria-label={t("paymentRisk.rules.removeValue", { value })}
                className="text-ui-fg-muted hover:text-ui-fg-base"
                onClick={() => onChange(values.filter((v) => v !== value))}
              >
                <XMarkMini />
              </button>
            </Badge>
          ))}
        </div>
      )}
    </div>
  )
}

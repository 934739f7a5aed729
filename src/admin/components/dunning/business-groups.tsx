import { Checkbox, Label, Text } from "@medusajs/ui"
import { useQuery } from "@tanstack/react-query"
import { useTranslation } from "react-i18next"
import { sdk } from "../../lib/sdk"
import { FieldError } from "../field-error"
import { KEY } from "./labels"

type Props = {
  value: string[]
  onChange: (value: string[]) => void
  error?: string
}

/** The store's customer groups as checkboxes: members of a checked group are dunned as businesses. */
export const BusinessGroups = ({ value, onChange, error }: Props) => {
  const { t } = useTranslation()
  const { data, isLoading } = useQuery({
    queryKey: ["payment-risk", "customer-groups"],
    queryFn: () => sdk.admin.customerGroup.list({ limit: 200, fields: "id,name" }),
  })
  const groups = data?.customer_groups ?? []
  const toggle = (id: string, checked: boolean) =>
    onChange(checked ? [...value.filter((v) => v !== id), id] : value.filter((v) => v !== id))
  return (
    <fieldset className="flex flex-col gap-y-2" aria-describedby={error ? "dunning-business-groups-error" : undefined}>
      <legend className="txt-compact-small-plus mb-1">{t(`${KEY}.interest.businessGroups`)}</legend>
      <Text size="small" className="text-ui-fg-subtle">
        {t(`${KEY}.interest.businessGroupsHint`)}
      </Text>
      {!isLoading && !groups.length ? (
        <Text size="small" className="text-ui-fg-muted">
          {t(`${KEY}.interest.noGroups`)}
        </Text>
      ) : (
        <div className="grid grid-cols-1 gap-2 md:grid-cols-3">
          {groups.map((group) => (
            <div key={group.id} className="flex items-center gap-x-2">
              <Checkbox
                id={`dunning-business-group-${group.id}`}
                checked={value.includes(group.id)}
                onCheckedChange={(checked) => toggle(group.id, checked === true)}
              />
              <Label htmlFor={`dunning-business-group-${group.id}`} size="small">
                {group.name}
              </Label>
            </div>
          ))}
        </div>
      )}
      <div id="dunning-business-groups-error">
        <FieldError message={error} />
      </div>
    </fieldset>
  )
}

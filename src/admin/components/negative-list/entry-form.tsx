import { Button, Drawer, Input, Label, Select, Textarea, toast } from "@medusajs/ui"
import { useState } from "react"
import { useTranslation } from "react-i18next"
import { errorMessage, fieldsFromMessage } from "../../lib/errors"
import { useCreateNegativeListEntry } from "../../lib/negative-list-hooks"
import {
  ADDRESS_KINDS,
  NEGATIVE_LIST_KINDS,
  NEGATIVE_LIST_SOURCES,
  NegativeListEntryInput,
  NegativeListKind,
  NegativeListSource,
} from "../../lib/negative-list-types"
import { FieldError } from "../field-error"

const ADDRESS_FIELDS = ["first_name", "last_name", "company", "address_1", "postal_code", "city", "country_code"] as const
type Draft = Record<string, string>

/** Create an entry in a drawer; the fields follow the kind. */
export const EntryFormDrawer = () => {
  const { t } = useTranslation()
  const [open, setOpen] = useState(false)
  const [kind, setKind] = useState<NegativeListKind>("person")
  const [source, setSource] = useState<NegativeListSource>("manual")
  const [draft, setDraft] = useState<Draft>({ country_code: "de" })
  const [errors, setErrors] = useState<Record<string, string>>({})
  const create = useCreateNegativeListEntry()
  const isAddress = ADDRESS_KINDS.includes(kind)

  const field = (name: string, multiline = false) => (
    <div key={name} className="flex flex-col gap-y-1">
      <Label htmlFor={`nl-${name}`} size="small" weight="plus">
        {t(`paymentRisk.negativeList.fields.${name}`)}
      </Label>
      {multiline ? (
        <Textarea id={`nl-${name}`} value={draft[name] ?? ""} onChange={(e) => setDraft({ ...draft, [name]: e.target.value })} />
      ) : (
        <Input id={`nl-${name}`} value={draft[name] ?? ""} onChange={(e) => setDraft({ ...draft, [name]: e.target.value })} />
      )}
      <FieldError message={errors[name]} />
    </div>
  )

  const submit = () => {
    const keys = isAddress ? [...ADDRESS_FIELDS] : ["value"]
    const body: NegativeListEntryInput = { kind, source, reason: (draft.reason ?? "").trim() }
    for (const key of [...keys, "note"]) {
      const value = draft[key]?.trim()
      if (value) Object.assign(body, { [key]: value })
    }
    if (!body.reason) {
      setErrors({ reason: t("paymentRisk.errors.text") })
      return
    }
    create.mutate(body, {
      onSuccess: () => {
        toast.success(t("paymentRisk.negativeList.created"))
        setOpen(false)
        setDraft({ country_code: "de" })
        setErrors({})
      },
      onError: (error) => {
        const message = errorMessage(error)
        const found: Record<string, string> = {}
        for (const f of fieldsFromMessage(message)) found[f] = message
        setErrors(Object.keys(found).length ? found : { reason: message })
        toast.error(t("paymentRisk.saveFailed"), { description: message })
      },
    })
  }

  return (
    <Drawer open={open} onOpenChange={setOpen}>
      <Drawer.Trigger asChild>
        <Button size="small" variant="secondary">
          {t("paymentRisk.negativeList.add")}
        </Button>
      </Drawer.Trigger>
      <Drawer.Content>
        <Drawer.Header>
          <Drawer.Title>{t("paymentRisk.negativeList.add")}</Drawer.Title>
        </Drawer.Header>
        <Drawer.Body className="flex flex-col gap-y-4 overflow-y-auto">
          <div className="flex flex-col gap-y-1">
            <Label size="small" weight="plus">{t("paymentRisk.negativeList.fields.kind")}</Label>
            <Select value={kind} onValueChange={(v) => setKind(v as NegativeListKind)}>
              <Select.Trigger aria-label={t("paymentRisk.negativeList.fields.kind")}><Select.Value /></Select.Trigger>
              <Select.Content>
                {NEGATIVE_LIST_KINDS.map((k) => (
                  <Select.Item key={k} value={k}>{t(`paymentRisk.negativeList.kinds.${k}`)}</Select.Item>
                ))}
              </Select.Content>
            </Select>
          </div>
          {isAddress ? ADDRESS_FIELDS.map((name) => field(name)) : field("value")}
          {field("reason")}
          <div className="flex flex-col gap-y-1">
            <Label size="small" weight="plus">{t("paymentRisk.negativeList.fields.source")}</Label>
            <Select value={source} onValueChange={(v) => setSource(v as NegativeListSource)}>
              <Select.Trigger aria-label={t("paymentRisk.negativeList.fields.source")}><Select.Value /></Select.Trigger>
              <Select.Content>
                {NEGATIVE_LIST_SOURCES.map((s) => (
                  <Select.Item key={s} value={s}>{t(`paymentRisk.negativeList.sources.${s}`)}</Select.Item>
                ))}
              </Select.Content>
            </Select>
          </div>
          {field("note", true)}
        </Drawer.Body>
        <Drawer.Footer>
          <Drawer.Close asChild>
            <Button size="small" variant="secondary">{t("paymentRisk.negativeList.cancel")}</Button>
          </Drawer.Close>
          <Button size="small" isLoading={create.isPending} onClick={submit}>
            {t("paymentRisk.save")}
          </Button>
        </Drawer.Footer>
      </Drawer.Content>
    </Drawer>
  )
}

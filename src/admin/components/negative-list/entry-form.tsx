import { Button, Drawer, Input, Label, Select, Text, Textarea, toast } from "@medusajs/ui"
import { useEffect, useState } from "react"
import { useTranslation } from "react-i18next"
import { errorMessage, fieldsFromMessage } from "../../lib/errors"
import { useSaveNegativeListEntry } from "../../lib/negative-list-hooks"
import {
  ADDRESS_KINDS,
  NEGATIVE_LIST_KINDS,
  NEGATIVE_LIST_SOURCES,
  NegativeListEntry,
  NegativeListEntryInput,
  NegativeListKind,
  NegativeListSource,
} from "../../lib/negative-list-types"
import { FieldError } from "../field-error"
import { actionSentence } from "./action-sentence"
import { AuditTrail } from "./audit-trail"

const ADDRESS_FIELDS = ["first_name", "last_name", "company", "address_1", "address_2", "postal_code", "city", "country_code"] as const
const HASHED_KINDS: NegativeListKind[] = ["iban", "card"]
export type Draft = Record<string, string>

type Props = {
  open: boolean
  onOpenChange: (open: boolean) => void
  /** edit this entry (its kind stays); without it the drawer creates one */
  entry?: NegativeListEntry
  /** create: data to start from, per kind (e.g. from a customer or an order) */
  prefill?: Partial<Record<NegativeListKind, Draft>>
  /** create: the kinds offered (default: all) */
  kinds?: readonly NegativeListKind[]
}

const draftOf = (entry: NegativeListEntry): Draft =>
  Object.fromEntries(
    Object.entries(entry)
      .filter(([key, value]) => typeof value === "string" && !(key === "value" && HASHED_KINDS.includes(entry.kind)))
      .map(([key, value]) => [key, key === "expires_at" ? String(value).slice(0, 10) : String(value)])
  )

/** Create or edit an entry in a drawer; the fields follow the kind; edit shows the audit trail. */
export const EntryDrawer = ({ open, onOpenChange, entry, prefill, kinds = NEGATIVE_LIST_KINDS }: Props) => {
  const { t, i18n } = useTranslation()
  const [kind, setKind] = useState<NegativeListKind>(entry?.kind ?? kinds[0])
  const [source, setSource] = useState<NegativeListSource>(entry?.source ?? "manual")
  const [draft, setDraft] = useState<Draft>({})
  const [errors, setErrors] = useState<Record<string, string>>({})
  const save = useSaveNegativeListEntry(entry?.id)
  const isAddress = ADDRESS_KINDS.includes(kind)
  const hashed = !!entry && HASHED_KINDS.includes(kind)

  useEffect(() => {
    if (!open) return
    const startKind = entry?.kind ?? kinds[0]
    setKind(startKind)
    setSource(entry?.source ?? "manual")
    setDraft(entry ? draftOf(entry) : { country_code: "de", ...(prefill?.[startKind] ?? {}) })
    setErrors({})
  }, [open, entry?.id])

  const chooseKind = (next: NegativeListKind) => {
    setKind(next)
    setDraft((current) => ({ reason: current.reason ?? "", note: current.note ?? "", country_code: "de", ...(prefill?.[next] ?? {}) }))
    setErrors({})
  }

  const field = (name: string, options: { multiline?: boolean; type?: string; hint?: string } = {}) => (
    <div key={name} className="flex flex-col gap-y-1">
      <Label htmlFor={`nl-${name}`} size="small" weight="plus">
        {t(`paymentRisk.negativeList.fields.${name}`)}
      </Label>
      {options.multiline ? (
        <Textarea id={`nl-${name}`} value={draft[name] ?? ""} onChange={(e) => setDraft({ ...draft, [name]: e.target.value })} />
      ) : (
        <Input
          id={`nl-${name}`}
          type={options.type ?? "text"}
          placeholder={options.hint}
          value={draft[name] ?? ""}
          aria-invalid={!!errors[name]}
          onChange={(e) => setDraft({ ...draft, [name]: e.target.value })}
        />
      )}
      <FieldError message={errors[name]} />
    </div>
  )

  const submit = () => {
    const keys: string[] = isAddress ? [...ADDRESS_FIELDS] : ["value"]
    const body: Partial<NegativeListEntryInput> = entry ? { source } : { kind, source }
    for (const key of [...keys, "reason", "note"]) {
      const value = draft[key]?.trim()
      if (value) Object.assign(body, { [key]: value })
      else if (entry && key !== "value" && key !== "reason") Object.assign(body, { [key]: null })
    }
    const expires = draft.expires_at?.trim()
    if (expires) body.expires_at = new Date(`${expires}T23:59:59`).toISOString()
    else if (entry) body.expires_at = null
    if (!body.reason) {
      setErrors({ reason: t("paymentRisk.negativeList.reasonRequired") })
      return
    }
    save.mutate(body, {
      onSuccess: () => {
        toast.success(t(entry ? "paymentRisk.negativeList.updated" : "paymentRisk.negativeList.created"))
        onOpenChange(false)
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

  const select = <T extends string>(label: string, value: T, options: readonly T[], onChange: (v: T) => void, prefix: string, disabled = false) => (
    <div className="flex flex-col gap-y-1">
      <Label size="small" weight="plus">{label}</Label>
      <Select value={value} onValueChange={(v) => onChange(v as T)} disabled={disabled}>
        <Select.Trigger aria-label={label}><Select.Value /></Select.Trigger>
        <Select.Content>
          {options.map((option) => (
            <Select.Item key={option} value={option}>{t(`${prefix}.${option}`)}</Select.Item>
          ))}
        </Select.Content>
      </Select>
    </div>
  )

  return (
    <Drawer open={open} onOpenChange={onOpenChange}>
      <Drawer.Content>
        <Drawer.Header>
          <Drawer.Title>{t(entry ? "paymentRisk.negativeList.editTitle" : "paymentRisk.negativeList.add")}</Drawer.Title>
        </Drawer.Header>
        <Drawer.Body className="flex flex-col gap-y-4 overflow-y-auto">
          {select(t("paymentRisk.negativeList.fields.kind"), kind, entry ? [entry.kind] : kinds, chooseKind, "paymentRisk.negativeList.kinds", !!entry)}
          {isAddress
            ? ADDRESS_FIELDS.map((name) => field(name))
            : field("value", {
                hint: hashed ? entry?.display_hint ?? "" : t(`paymentRisk.negativeList.valueHints.${kind}`),
              })}
          {hashed && (
            <Text size="xsmall" className="text-ui-fg-subtle">{t("paymentRisk.negativeList.hashedHint", { hint: entry?.display_hint ?? "" })}</Text>
          )}
          {field("reason")}
          {select(t("paymentRisk.negativeList.fields.source"), source, NEGATIVE_LIST_SOURCES, setSource, "paymentRisk.negativeList.sources")}
          {field("expires_at", { type: "date" })}
          {field("note", { multiline: true })}
          {entry && (
            <div className="flex flex-col gap-y-1" data-testid="entry-action">
              <Text size="small" weight="plus">{t("paymentRisk.outcomes.action.column")}</Text>
              <Text size="small" className="text-ui-fg-subtle">
                {actionSentence((entry as typeof entry & { action?: unknown }).action, t, i18n.language)}
              </Text>
            </div>
          )}
          {entry && <AuditTrail entryId={entry.id} />}
        </Drawer.Body>
        <Drawer.Footer>
          <Drawer.Close asChild>
            <Button size="small" variant="secondary">{t("paymentRisk.negativeList.cancel")}</Button>
          </Drawer.Close>
          <Button size="small" isLoading={save.isPending} onClick={submit}>
            {t("paymentRisk.save")}
          </Button>
        </Drawer.Footer>
      </Drawer.Content>
    </Drawer>
  )
}

/** The page's "Add entry" button with its drawer. */
export const AddEntryButton = () => {
  const { t } = useTranslation()
  const [open, setOpen] = useState(false)
  return (
    <>
      <Button size="small" variant="secondary" onClick={() => setOpen(true)}>
        {t("paymentRisk.negativeList.add")}
      </Button>
      <EntryDrawer open={open} onOpenChange={setOpen} />
    </>
  )
}

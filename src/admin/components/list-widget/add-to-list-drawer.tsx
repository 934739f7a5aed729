import { Button, Drawer, Label, Select, Text, toast } from "@medusajs/ui"
import { useEffect, useState } from "react"
import { useTranslation } from "react-i18next"
import { FieldError } from "../field-error"
import { errorMessage } from "../../lib/errors"
import { useSaveNegativeListEntry } from "../../lib/negative-list-hooks"
import { NEGATIVE_LIST_SOURCES, NegativeListEntryInput, NegativeListSource } from "../../lib/negative-list-types"
import { Candidate, Draft, EntryField, FIELDS_OF, OFFERED_KINDS, OfferedKind } from "./candidates"
import { FieldErrors, fieldErrorsFrom, FORM_ERROR } from "./field-errors"
import { FormField } from "./form-field"

const KEY = "paymentRisk.listWidget"
const EXTRA_FIELDS = ["reason", "source", "expires_at", "note"] as const
type Extras = { reason: string; source: NegativeListSource; expires_at: string; note: string }
const NO_EXTRAS: Extras = { reason: "", source: "manual", expires_at: "", note: "" }
/** Fields that take a whole row of the two-column form; the others share one. */
const WIDE: readonly EntryField[] = ["company", "address_1", "address_2", "value"]

type Props = {
  open: boolean
  onOpenChange: (open: boolean) => void
  /** what can be added, prefilled from the customer or the order */
  candidates: Candidate[]
  /** "customer" or "order": the drawer's description */
  subject: "customer" | "order"
}

/** yyyy-mm-dd of today in local time (the earliest expiry date). */
const today = () => {
  const now = new Date()
  return new Date(now.getTime() - now.getTimezoneOffset() * 60000).toISOString().slice(0, 10)
}

/** "Add to negative list": pick what to add, check the prefilled fields, give reason and source. */
export const AddToListDrawer = ({ open, onOpenChange, candidates, subject }: Props) => {
  const { t } = useTranslation()
  const kinds = OFFERED_KINDS.filter((kind) => candidates.some((c) => c.kind === kind))
  const [candidateId, setCandidateId] = useState("")
  const [draft, setDraft] = useState<Draft>({})
  const [extras, setExtras] = useState<Extras>(NO_EXTRAS)
  const [errors, setErrors] = useState<FieldErrors>({})
  const add = useSaveNegativeListEntry()

  const candidate = candidates.find((c) => c.id === candidateId) ?? candidates[0]
  const kind: OfferedKind | undefined = candidate?.kind
  const sameKind = candidates.filter((c) => c.kind === kind)
  const fields = kind ? FIELDS_OF[kind] : []

  const choose = (next: Candidate | undefined) => {
    setCandidateId(next?.id ?? "")
    setDraft(next?.draft ?? {})
    setErrors({})
  }

  useEffect(() => {
    if (!open) return
    choose(candidates[0])
    setExtras(NO_EXTRAS)
    add.reset()
    // start afresh each time it opens (not when the candidates are refetched)
  }, [open])

  const submit = () => {
    if (!kind) return
    const reason = extras.reason.trim()
    if (!reason) {
      setErrors({ reason: t(`${KEY}.reasonRequired`) })
      return
    }
    const body: NegativeListEntryInput = { kind, reason, source: extras.source }
    for (const field of fields) {
      const value = draft[field]?.trim()
      if (value) body[field] = value
    }
    if (extras.expires_at) body.expires_at = new Date(`${extras.expires_at}T23:59:59`).toISOString()
    if (extras.note.trim()) body.note = extras.note.trim()
    setErrors({})
    add.mutate(body, {
      onSuccess: () => {
        toast.success(t(`${KEY}.created`))
        onOpenChange(false)
      },
      onError: (error) => {
        const message = errorMessage(error)
        const found = fieldErrorsFrom(message, [...fields, ...EXTRA_FIELDS])
        setErrors(found)
        // the message stands at its field; only an error without one goes into the toast
        toast.error(t(`${KEY}.createFailed`), found[FORM_ERROR] ? { description: message } : undefined)
      },
    })
  }

  const entryField = (field: EntryField) => (
    <FormField
      key={`${candidate?.id}-${field}`}
      id={`nlw-${field}`}
      className={WIDE.includes(field) ? "col-span-2" : undefined}
      label={t(field === "value" ? `${KEY}.fields.value_${kind}` : `${KEY}.fields.${field}`)}
      marker={field === "address_2" || field === "company" || field === "first_name" ? t(`${KEY}.optional`) : undefined}
      type={field === "value" && kind === "email" ? "email" : field === "value" && kind === "phone" ? "tel" : "text"}
      value={draft[field] ?? ""}
      onChange={(value) => setDraft({ ...draft, [field]: value })}
      error={errors[field]}
    />
  )

  return (
    <Drawer open={open} onOpenChange={onOpenChange}>
      <Drawer.Content data-testid="payment-risk-add-to-list-drawer">
        <Drawer.Header>
          <Drawer.Title>{t(`${KEY}.add`)}</Drawer.Title>
          <Drawer.Description className="txt-small text-ui-fg-subtle">{t(`${KEY}.drawerHint.${subject}`)}</Drawer.Description>
        </Drawer.Header>
        <Drawer.Body className="flex flex-col gap-y-4 overflow-y-auto">
          {!candidate ? (
            <Text size="small" className="text-ui-fg-subtle">{t(`${KEY}.nothingToAdd`)}</Text>
          ) : (
            <>
              <div className="flex flex-col gap-y-1">
                <Label htmlFor="nlw-kind" size="small" weight="plus">{t(`${KEY}.what`)}</Label>
                <Select value={kind} onValueChange={(next) => choose(candidates.find((c) => c.kind === next))}>
                  <Select.Trigger id="nlw-kind"><Select.Value /></Select.Trigger>
                  <Select.Content>
                    {kinds.map((option) => (
                      <Select.Item key={option} value={option}>{t(`${KEY}.kindOptions.${option}`)}</Select.Item>
                    ))}
                  </Select.Content>
                </Select>
              </div>
              {sameKind.length > 1 && (
                <div className="flex flex-col gap-y-1">
                  <Label htmlFor="nlw-from" size="small" weight="plus">{t(`${KEY}.from`)}</Label>
                  <Select value={candidate.id} onValueChange={(id) => choose(candidates.find((c) => c.id === id))}>
                    <Select.Trigger id="nlw-from"><Select.Value /></Select.Trigger>
                    <Select.Content>
                      {sameKind.map((option) => (
                        <Select.Item key={option.id} value={option.id}>
                          {t(`${KEY}.origins.${option.origin}`)}: {option.detail}
                        </Select.Item>
                      ))}
                    </Select.Content>
                  </Select>
                </div>
              )}
              {sameKind.length === 1 && (
                <Text size="xsmall" className="text-ui-fg-subtle">
                  {t(`${KEY}.takenFrom`, { origin: t(`${KEY}.origins.${candidate.origin}`) })}
                </Text>
              )}
              <fieldset className="grid grid-cols-2 gap-3 rounded-md border px-3 py-3">
                <legend className="txt-compact-small-plus px-1">{t(`${KEY}.kinds.${kind}`)}</legend>
                {fields.map(entryField)}
              </fieldset>
              <FormField
                id="nlw-reason"
                label={t(`${KEY}.fields.reason`)}
                required
                value={extras.reason}
                onChange={(reason) => setExtras({ ...extras, reason })}
                error={errors.reason}
              />
              <div className="flex flex-col gap-y-1">
                <Label htmlFor="nlw-source" size="small" weight="plus">{t(`${KEY}.fields.source`)}</Label>
                <Select value={extras.source} onValueChange={(source) => setExtras({ ...extras, source: source as NegativeListSource })}>
                  <Select.Trigger id="nlw-source"><Select.Value /></Select.Trigger>
                  <Select.Content>
                    {NEGATIVE_LIST_SOURCES.map((source) => (
                      <Select.Item key={source} value={source}>{t(`${KEY}.sources.${source}`)}</Select.Item>
                    ))}
                  </Select.Content>
                </Select>
                <FieldError message={errors.source} />
              </div>
              <FormField
                id="nlw-expires_at"
                label={t(`${KEY}.fields.expires_at`)}
                marker={t(`${KEY}.optional`)}
                hint={t(`${KEY}.expiresHint`)}
                type="date"
                min={today()}
                value={extras.expires_at}
                onChange={(expires_at) => setExtras({ ...extras, expires_at })}
                error={errors.expires_at}
              />
              <FormField
                id="nlw-note"
                label={t(`${KEY}.fields.note`)}
                marker={t(`${KEY}.optional`)}
                multiline
                value={extras.note}
                onChange={(note) => setExtras({ ...extras, note })}
                error={errors.note}
              />
              <FieldError message={errors[FORM_ERROR]} />
            </>
          )}
        </Drawer.Body>
        <Drawer.Footer>
          <Drawer.Close asChild>
            <Button size="small" variant="secondary">{t(`${KEY}.cancel`)}</Button>
          </Drawer.Close>
          <Button size="small" isLoading={add.isPending} disabled={!candidate} onClick={submit}>
            {t(`${KEY}.save`)}
          </Button>
        </Drawer.Footer>
      </Drawer.Content>
    </Drawer>
  )
}

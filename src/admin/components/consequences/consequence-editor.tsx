import { Button, Checkbox, Drawer, Input, Label, RadioGroup, Select, Text, toast } from "@medusajs/ui"
import { useEffect, useState } from "react"
import { useTranslation } from "react-i18next"
import { CONSEQUENCE_TARGETS, Consequence, ConsequenceTarget } from "../../../engine/outcomes/consequences"
import type { ListAction } from "../../../engine/types"
import { useSaveConsequence } from "../../lib/dunning-hooks"
import { errorMessage, fieldsFromMessage } from "../../lib/errors"
import { ClassCheckboxes } from "../class-checkboxes"
import { FieldError } from "../field-error"
import { ACTION_PRESETS, ActionPreset, actionOf, consequenceLabel, KEY, presetOf } from "./labels"

type Props = { consequenceKey: string | null; current: Consequence | null; onClose: () => void }

type Errors = { list?: string; action?: string; expires_days?: string }

/** Edit one consequence: what is listed, with which action, for how long. */
export const ConsequenceEditor = ({ consequenceKey, current, onClose }: Props) => {
  const { t, i18n } = useTranslation()
  const save = useSaveConsequence()
  const [list, setList] = useState<ConsequenceTarget[]>([])
  const [preset, setPreset] = useState<ActionPreset>("default")
  const [action, setAction] = useState<ListAction | null>(null)
  const [expiry, setExpiry] = useState<"list" | "days">("list")
  const [days, setDays] = useState("")
  const [errors, setErrors] = useState<Errors>({})

  useEffect(() => {
    if (!current) return
    setList(current.list)
    setPreset(presetOf(current.action))
    setAction(current.action)
    setExpiry(current.expires_days === null ? "list" : "days")
    setDays(current.expires_days === null ? "" : String(current.expires_days))
    setErrors({})
  }, [current, consequenceKey])

  if (!consequenceKey) return null
  const label = consequenceLabel(consequenceKey, t, i18n.language)
  const toggle = (target: ConsequenceTarget, on: boolean) =>
    setList(CONSEQUENCE_TARGETS.filter((c) => (c === target ? on : list.includes(c))))

  const submit = () => {
    const found: Errors = {}
    const chosen = actionOf(preset, action)
    if (chosen && !chosen.classes.length) found.action = t(`${KEY}.editor.classesError`)
    const n = Number(days)
    if (expiry === "days" && (!/^\d+$/.test(days.trim()) || n < 1 || n > 3650)) found.expires_days = t(`${KEY}.editor.expiresDaysError`)
    setErrors(found)
    if (Object.keys(found).length) return
    const consequence: Consequence = { list, action: chosen, expires_days: expiry === "days" ? n : null }
    save.mutate(
      { key: consequenceKey, consequence },
      {
        onSuccess: () => {
          toast.success(t(`${KEY}.saved`))
          onClose()
        },
        onError: (error) => {
          const message = errorMessage(error)
          const fields = fieldsFromMessage(message)
          const at = (name: string) => (fields.some((f) => f.endsWith(name) || f.includes(`${name}.`)) ? message : undefined)
          setErrors({ list: at("list"), action: at("action"), expires_days: at("expires_days") })
          toast.error(t(`${KEY}.saveFailed`), { description: message })
        },
      }
    )
  }

  const chosen = actionOf(preset, action)
  return (
    <Drawer open={!!consequenceKey} onOpenChange={(open) => !open && onClose()}>
      <Drawer.Content className="max-w-[560px]" data-testid="consequence-editor">
        <Drawer.Header>
          <Drawer.Title>{label.reason ? `${label.kind}: ${label.reason}` : label.kind}</Drawer.Title>
          <Drawer.Description className="sr-only">{t(`${KEY}.editor.title`)}</Drawer.Description>
        </Drawer.Header>
        <Drawer.Body className="flex flex-col gap-y-6 overflow-y-auto">
          <fieldset className="flex flex-col gap-y-2">
            <legend className="txt-compact-small-plus mb-1">{t(`${KEY}.editor.listed`)}</legend>
            <div className="grid grid-cols-2 gap-2">
              {CONSEQUENCE_TARGETS.map((target) => (
                <div key={target} className="flex items-center gap-x-2">
                  <Checkbox id={`consequence-${target}`} checked={list.includes(target)} onCheckedChange={(v) => toggle(target, v === true)} />
                  <Label htmlFor={`consequence-${target}`} size="small">{t(`${KEY}.targets.${target}`)}</Label>
                </div>
              ))}
            </div>
            <Text size="xsmall" className="text-ui-fg-subtle">{t(`${KEY}.editor.listedHint`)}</Text>
            <FieldError message={errors.list} />
          </fieldset>
          <div className="flex flex-col gap-y-2">
            <Label htmlFor="consequence-action" size="small" weight="plus">{t(`${KEY}.editor.action`)}</Label>
            <Select size="small" value={preset} onValueChange={(next) => setPreset(next as ActionPreset)}>
              <Select.Trigger id="consequence-action"><Select.Value /></Select.Trigger>
              <Select.Content>
                {ACTION_PRESETS.map((p) => <Select.Item key={p} value={p}>{t(`${KEY}.actions.${p}`)}</Select.Item>)}
              </Select.Content>
            </Select>
            <Text size="xsmall" className="text-ui-fg-subtle">{t(`${KEY}.actionHints.${preset}`)}</Text>
            {preset === "custom" && chosen && (
              <div className="flex flex-col gap-y-2 rounded-lg border p-3">
                <Select size="small" value={chosen.type} onValueChange={(type) => setAction({ ...chosen, type: type as ListAction["type"] })}>
                  <Select.Trigger aria-label={t(`${KEY}.editor.classes`)}><Select.Value /></Select.Trigger>
                  <Select.Content>
                    <Select.Item value="allow_only_classes">{t(`${KEY}.editor.allowOnly`)}</Select.Item>
                    <Select.Item value="hide_classes">{t(`${KEY}.editor.hide`)}</Select.Item>
                  </Select.Content>
                </Select>
                <ClassCheckboxes id="consequence-classes" label={t(`${KEY}.editor.classes`)} value={chosen.classes}
                  onChange={(classes) => setAction({ ...chosen, classes })} />
              </div>
            )}
            <FieldError message={errors.action} />
          </div>
          <div className="flex flex-col gap-y-2">
            <Text size="small" weight="plus">{t(`${KEY}.editor.expires`)}</Text>
            <RadioGroup value={expiry} onValueChange={(v) => setExpiry(v as "list" | "days")}>
              <div className="flex items-center gap-x-2">
                <RadioGroup.Item value="list" id="consequence-expiry-list" />
                <Label htmlFor="consequence-expiry-list" size="small">{t(`${KEY}.editor.expiresNever`)}</Label>
              </div>
              <div className="flex items-center gap-x-2">
                <RadioGroup.Item value="days" id="consequence-expiry-days" />
                <Label htmlFor="consequence-expiry-days" size="small">{t(`${KEY}.editor.expiresAfter`)}</Label>
              </div>
            </RadioGroup>
            {expiry === "days" && (
              <div className="flex w-40 flex-col gap-y-1">
                <Label htmlFor="consequence-days" size="small">{t(`${KEY}.editor.expiresDays`)}</Label>
                <Input id="consequence-days" inputMode="numeric" value={days} aria-invalid={!!errors.expires_days} onChange={(e) => setDays(e.target.value)} />
              </div>
            )}
            <FieldError message={errors.expires_days} />
          </div>
        </Drawer.Body>
        <Drawer.Footer>
          <Drawer.Close asChild>
            <Button size="small" variant="secondary">{t(`${KEY}.editor.cancel`)}</Button>
          </Drawer.Close>
          <Button size="small" isLoading={save.isPending} onClick={submit}>{t(`${KEY}.editor.save`)}</Button>
        </Drawer.Footer>
      </Drawer.Content>
    </Drawer>
  )
}

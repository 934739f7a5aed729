import { Badge, Button, Container, Heading, Text, toast } from "@medusajs/ui"
import type { TFunction } from "i18next"
import { ReactNode, useEffect, useRef, useState } from "react"
import { useTranslation } from "react-i18next"
import { errorMessage, fieldsFromMessage } from "../lib/errors"
import { useUpdatePaymentRiskSettings } from "../lib/hooks"
import { RiskSettings } from "../lib/types"
import { FieldError } from "./field-error"
import { DraftErrors, SectionSpec } from "./settings-draft"

/** A field's error text in the admin's language, from its code ("range:0:1000" → "Enter a whole number from 0 to 1000."). */
export function errorText(code: string, t: TFunction): string {
  const [kind, min, max] = code.split(":")
  return t(`paymentRisk.errors.${kind}`, { min, max, defaultValue: t("paymentRisk.errors.server") })
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b)

export type SectionFields<D> = {
  draft: D
  set: (draft: D) => void
  /** the error text at an API field path, if any */
  err: (path: string) => string | undefined
}

type Props<D> = {
  spec: SectionSpec<D>
  /** the stored settings as last fetched */
  settings: RiskSettings
  title: string
  description: string
  children: (fields: SectionFields<D>) => ReactNode
}

/**
 * One section of the settings page with its own Save: it sends only its own fields, keeps its
 * unsaved edits when the settings are fetched again (another section saved), and shows
 * errors at its fields.
 */
export function SettingsSection<D>({ spec, settings, title, description, children }: Props<D>) {
  const { t } = useTranslation()
  const update = useUpdatePaymentRiskSettings()
  const [base, setBase] = useState<D>(() => spec.toDraft(settings))
  const baseRef = useRef(base)
  const [draft, setDraft] = useState<D>(base)
  const [errors, setErrors] = useState<DraftErrors>({})
  const [formError, setFormError] = useState<string | null>(null)
  const dirty = !same(draft, base)

  // fetched again: take the stored values unless this section has unsaved edits
  useEffect(() => {
    const fresh = spec.toDraft(settings)
    const previous = baseRef.current
    baseRef.current = fresh
    setBase(fresh)
    setDraft((current) => (same(current, previous) ? fresh : current))
  }, [settings, spec])

  const set = (next: D) => {
    setDraft(next)
    // once errors are shown, they follow the edits
    if (Object.keys(errors).length) setErrors(spec.validate(next))
  }
  const err = (path: string) => (errors[path] ? errorText(errors[path]!, t) : undefined)

  const accept = (stored: RiskSettings) => {
    const fresh = spec.toDraft(stored)
    baseRef.current = fresh
    setBase(fresh)
    setDraft(fresh)
  }

  const submit = () => {
    setFormError(null)
    const found = spec.validate(draft)
    setErrors(found)
    if (Object.keys(found).length) {
      toast.error(t("paymentRisk.saveFailed"), { description: t("paymentRisk.checkFields") })
      return
    }
    update.mutate(spec.toBody(draft), {
      onSuccess: ({ settings: stored }) => {
        accept(stored)
        toast.success(t("paymentRisk.sectionSaved", { section: title }))
      },
      onError: (error) => {
        const message = errorMessage(error)
        const fields = fieldsFromMessage(message).filter(spec.owns)
        if (fields.length) {
          setErrors(Object.fromEntries(fields.map((field) => [field, "server"])))
          toast.error(t("paymentRisk.saveFailed"), { description: t("paymentRisk.checkFields") })
        } else {
          setFormError(message)
          toast.error(t("paymentRisk.saveFailed"), { description: message })
        }
      },
    })
  }

  return (
    <Container className="p-0" data-testid={`settings-section-${spec.key}`} id={`settings-${spec.key}`}>
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault()
          submit()
        }}
      >
        <div className="flex flex-col gap-y-1 px-6 py-4">
          <div className="flex flex-wrap items-center gap-x-2">
            <Heading level="h2">{title}</Heading>
            {dirty && (
              <Badge size="2xsmall" color="orange" data-testid="unsaved">
                {t("paymentRisk.unsaved")}
              </Badge>
            )}
          </div>
          <Text size="small" className="text-ui-fg-subtle">
            {description}
          </Text>
        </div>
        <div className="flex flex-col gap-y-6 border-t px-6 py-4">{children({ draft, set, err })}</div>
        <div className="flex flex-wrap items-center justify-end gap-2 border-t px-6 py-4">
          <div className="mr-auto">
            <FieldError message={formError ?? undefined} />
          </div>
          {dirty && (
            <Button
              type="button"
              size="small"
              variant="secondary"
              onClick={() => {
                setDraft(base)
                setErrors({})
                setFormError(null)
              }}
            >
              {t("paymentRisk.discard")}
            </Button>
          )}
          <Button type="submit" size="small" isLoading={update.isPending}>
            {t("paymentRisk.save")}
          </Button>
        </div>
      </form>
    </Container>
  )
}

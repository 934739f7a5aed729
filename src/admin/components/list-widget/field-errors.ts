import { fieldsFromMessage } from "../../lib/errors"

export type FieldErrors = Record<string, string>

/** The drawer's key for an error that names none of its fields. */
export const FORM_ERROR = "_form"

/**
 * A 400's `message` ("Invalid request: Value for field 'value': value is not …; Value for field
 * 'city' too big …") split into one message per named field; parts naming no field of the form
 * go to FORM_ERROR.
 */
export function fieldErrorsFrom(message: string, formFields: readonly string[]): FieldErrors {
  const errors: FieldErrors = {}
  const add = (key: string, text: string) => {
    errors[key] = errors[key] ? `${errors[key]}; ${text}` : text
  }
  const parts = message.replace(/^Invalid request:\s*/, "").split(/;\s+/)
  for (const part of parts) {
    const fields = fieldsFromMessage(part).filter((field) => formFields.includes(field))
    const text = part.replace(/^Value for field '[^']+':\s*/, "")
    if (fields.length) fields.forEach((field) => add(field, text))
    else add(FORM_ERROR, part)
  }
  return errors
}

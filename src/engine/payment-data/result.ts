/** Outcome of validating one value: the normalised value, or a stable code and a message. */
export type Checked<T> = ({ ok: true } & T) | { ok: false; code: string; message: string }

export const fail = (code: string, message: string): { ok: false; code: string; message: string } => ({
  ok: false,
  code,
  message,
})

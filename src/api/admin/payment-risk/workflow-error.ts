/**
 * A workflow's `run()` rethrows a step's error as Medusa's serialised copy (a plain object with
 * its message, type and code), not as an Error. This makes it an Error again with the same
 * properties, so `withRedactedHandlerErrors` redacts its message like any other handler error
 * and Medusa's error handler answers as before (status from `type`).
 */
export function throwAsError(error: unknown): never {
  if (error instanceof Error || error === null || typeof error !== "object") {
    throw error
  }
  const { message, ...rest } = error as { message?: unknown }
  throw Object.assign(new Error(typeof message === "string" ? message : String(message)), rest)
}

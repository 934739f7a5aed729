export class EvaluationTimeoutError extends Error {
  constructor(ms: number) {
    super(`evaluation exceeded ${ms} ms`)
    this.name = "EvaluationTimeoutError"
  }
}

/** Resolves with the promise, or rejects with EvaluationTimeoutError after `ms`. */
export async function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new EvaluationTimeoutError(ms)), ms)
  })
  try {
    return await Promise.race([promise, timeout])
  } finally {
    clearTimeout(timer)
  }
}

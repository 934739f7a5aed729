import { Logger } from "@medusajs/framework/types"

export type LogLine = { level: string; text: string }

const LEVELS = ["info", "warn", "error", "debug", "log", "panic", "failure"] as const

/** Records what the app logs through Medusa's logger (the object the routes resolve) until `stop()`. */
export function captureLogger(logger: Logger) {
  const lines: LogLine[] = []
  const target = logger as unknown as Record<string, (...args: unknown[]) => unknown>
  const originals = new Map<string, (...args: unknown[]) => unknown>()
  for (const level of LEVELS) {
    const original = target[level]
    if (typeof original !== "function") continue
    originals.set(level, original)
    target[level] = function (this: unknown, ...args: unknown[]) {
      lines.push({ level, text: args.map(describe).join(" ") })
      return original.apply(this, args)
    }
  }
  return {
    lines,
    stop: () => {
      for (const [level, original] of originals) target[level] = original
    },
  }
}

function describe(value: unknown): string {
  if (value instanceof Error) return `${value.name}: ${value.message}\n${value.stack ?? ""}`
  if (typeof value === "string") return value
  try {
    return JSON.stringify(value)
  } catch {
    return String(value)
  }
}

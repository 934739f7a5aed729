import { Logger } from "@medusajs/framework/types"
import { captureLogger } from "./faults-capture"

type Write = typeof process.stdout.write

/**
 * Everything the process writes to stdout/stderr and everything logged through Medusa's logger
 * (also what a log transport would format later) until `stop()`.
 */
export function captureOutput(logger: Logger) {
  const written: string[] = []
  const logs = captureLogger(logger)
  const streams = [process.stdout, process.stderr]
  const originals = streams.map((stream) => stream.write)
  streams.forEach((stream, i) => {
    stream.write = function (this: unknown, chunk: unknown, ...rest: unknown[]) {
      written.push(typeof chunk === "string" ? chunk : Buffer.isBuffer(chunk) ? chunk.toString("utf8") : String(chunk))
      return (originals[i] as (...args: unknown[]) => boolean).call(stream, chunk, ...rest)
    } as Write
  })
  return {
    /**
     * one entry per log call or stream write; debug calls only with `withDebug` (Medusa's default
     * LOG_LEVEL "http" does not write them, e.g. the router's "Authenticating route <path>")
     */
    lines: (withDebug = false) => [
      ...logs.lines.filter((line) => withDebug || line.level !== "debug").map((line) => `[${line.level}] ${line.text}`),
      ...written,
    ],
    stop: () => {
      logs.stop()
      streams.forEach((stream, i) => (stream.write = originals[i]))
    },
  }
}

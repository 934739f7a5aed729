/**
 * Commands and databases of a separate host app (the smoke test's and the two-instance test's):
 * run a command in its own process group, stop such a group, a clean environment without the
 * test runner's variables, the tail of a log, a pg client on the test server.
 */
import { ChildProcess, spawn } from "child_process"

export type RunResult = { code: number | null; output: string; ms: number }

/** The environment of a host command: no jest / test-runner leftovers, plus `extra`. */
export function cleanEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env }
  for (const k of ["NODE_OPTIONS", "TEST_TYPE", "JEST_WORKER_ID", "DB_TEMP_NAME", "MEDUSA_ADMIN_DISABLE"]) {
    delete env[k]
  }
  return { ...env, ...extra }
}

/** The last lines of a command's output, without stack-trace lines. */
export function tail(text: string, lines = 60) {
  return text
    .split("\n")
    .filter((l) => !/^\s+at /.test(l))
    .slice(-lines)
    .join("\n")
}

/** Signals the child's whole process group (medusa forks), else the child. */
export function killGroup(child: ChildProcess, signal: NodeJS.Signals) {
  if (!child.pid) return
  try {
    process.kill(-child.pid, signal)
  } catch {
    try {
      child.kill(signal)
    } catch {}
  }
}

/** Runs a command to completion in its own process group, collects stdout+stderr; never throws. */
export function run(
  cmd: string,
  args: string[],
  opts: { cwd: string; env?: NodeJS.ProcessEnv; timeoutMs?: number; label?: string; verbose?: boolean }
) {
  const started = Date.now()
  const timeoutMs = opts.timeoutMs ?? 180_000
  return new Promise<RunResult>((resolve) => {
    const child = spawn(cmd, args, { cwd: opts.cwd, env: opts.env ?? process.env, detached: true })
    let output = ""
    const collect = (b: Buffer) => {
      output += b.toString()
      if (opts.verbose) process.stderr.write(b)
    }
    child.stdout!.on("data", collect)
    child.stderr!.on("data", collect)
    const timer = setTimeout(() => {
      output += `\n[${opts.label ?? "host"}] ${cmd} ${args.join(" ")} timed out after ${timeoutMs} ms: killed`
      killGroup(child, "SIGKILL")
    }, timeoutMs)
    child.on("error", (e) => {
      output += `\n[${opts.label ?? "host"}] spawn error: ${e.message}`
    })
    child.on("close", (code) => {
      clearTimeout(timer)
      resolve({ code, output, ms: Date.now() - started })
    })
  })
}

/** A connected pg client on the test server (integration-tests/global-setup.js) for `database`. */
export async function pgClient(database: string) {
  // eslint-disable-next-line @typescript-eslint/no-var-requires
  const { Client } = require("pg")
  const client = new Client({
    host: process.env.DB_HOST,
    port: Number(process.env.DB_PORT),
    user: process.env.DB_USERNAME,
    password: process.env.DB_PASSWORD || undefined,
    database,
  })
  client.on("error", () => {})
  await client.connect()
  return client
}

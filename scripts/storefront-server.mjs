#!/usr/bin/env node
/**
 * The demo storefront (demo/storefront): bundles src/main.ts with esbuild (in memory, about a
 * second) and serves index.html, styles.css, app.js and config.json (the Medusa server's port and
 * the publishable key the page sends as x-publishable-api-key) over plain HTTP.
 *
 * Started by scripts/demo.mjs (`npm run demo`, STOREFRONT_PORT, default 8000; DEMO_STOREFRONT=0
 * switches it off; STOREFRONT_DEV=1 bundles the sources again on every page load — note that
 * `medusa develop` watches the whole repository, so saving a storefront file also reloads the API).
 * Standalone, against a running store:
 *   DEMO_PUBLISHABLE_KEY=pk_... STOREFRONT_BACKEND_PORT=9000 node scripts/storefront-server.mjs
 */
import fs from "node:fs"
import http from "node:http"
import path from "node:path"
import { fileURLToPath, pathToFileURL } from "node:url"

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..")
export const STOREFRONT_DIR = path.join(root, "demo", "storefront")

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".map": "application/json; charset=utf-8",
  ".json": "application/json; charset=utf-8",
}

/** Bundles the page's TypeScript; returns the files to serve, keyed by URL path. */
export async function buildStorefront({ minify = true } = {}) {
  const esbuild = await import("esbuild")
  const result = await esbuild.build({
    entryPoints: [path.join(STOREFRONT_DIR, "src", "main.ts")],
    outfile: path.join(STOREFRONT_DIR, "app.js"),
    bundle: true,
    format: "esm",
    platform: "browser",
    target: ["es2020", "chrome100", "firefox100", "safari15"],
    minify,
    sourcemap: "linked",
    legalComments: "none",
    write: false,
    logLevel: "silent",
  })
  const files = new Map()
  for (const out of result.outputFiles) files.set(`/${path.basename(out.path)}`, Buffer.from(out.contents))
  files.set("/index.html", fs.readFileSync(path.join(STOREFRONT_DIR, "index.html")))
  files.set("/styles.css", fs.readFileSync(path.join(STOREFRONT_DIR, "styles.css")))
  return files
}

/**
 * Serves the built files. `config` is read on every /config.json request, so the caller can fill
 * in the publishable key later (e.g. once the seed has printed it).
 * Resolves with { url, close } once listening; rejects (e.g. EADDRINUSE) otherwise.
 */
export function serveStorefront({ files, port, config, rebuild }) {
  const backendOrigins = () =>
    [`http://localhost:${config.backendPort}`, `http://127.0.0.1:${config.backendPort}`, config.backendUrl].filter(Boolean).join(" ")
  const server = http.createServer(async (req, res) => {
    const url = new URL(req.url ?? "/", "http://localhost")
    const pathname = url.pathname === "/" ? "/index.html" : url.pathname
    if (rebuild && pathname === "/index.html") {
      // STOREFRONT_DEV=1: every page load bundles the current sources
      try {
        files = await rebuild()
      } catch (error) {
        res.writeHead(500, { "content-type": "text/plain; charset=utf-8" }).end(String(error?.message ?? error))
        return
      }
    }
    const headers = {
      "x-content-type-options": "nosniff",
      "referrer-policy": "no-referrer",
      "content-security-policy": [
        "default-src 'self'",
        `connect-src 'self' ${backendOrigins()}`,
        "img-src 'self' data: https:",
        "style-src 'self'",
        "script-src 'self'",
        "base-uri 'none'",
        "form-action 'self'",
        "frame-ancestors 'none'",
      ].join("; "),
    }
    if (req.method !== "GET" && req.method !== "HEAD") {
      res.writeHead(405, { ...headers, allow: "GET, HEAD" }).end()
      return
    }
    let body
    if (pathname === "/config.json") {
      body = Buffer.from(JSON.stringify({ backendPort: config.backendPort, backendUrl: config.backendUrl, publishableKey: config.publishableKey, regionName: config.regionName }))
      headers["cache-control"] = "no-store"
    } else if (files.has(pathname)) {
      body = files.get(pathname)
      headers["cache-control"] = "no-cache"
    } else {
      res.writeHead(404, { ...headers, "content-type": "text/plain; charset=utf-8" }).end("not found")
      return
    }
    headers["content-type"] = TYPES[path.extname(pathname)] ?? "application/octet-stream"
    headers["content-length"] = body.length
    res.writeHead(200, headers)
    res.end(req.method === "HEAD" ? undefined : body)
  })
  return new Promise((resolve, reject) => {
    server.once("error", reject)
    server.listen(port, () => {
      server.off("error", reject)
      resolve({
        url: `http://localhost:${port}`,
        close: () => new Promise((r) => server.close(() => r())),
      })
    })
  })
}

// standalone
if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const port = Number(process.env.STOREFRONT_PORT || 8000)
  const config = {
    backendPort: Number(process.env.STOREFRONT_BACKEND_PORT || process.env.PORT || 9000),
    backendUrl: process.env.STOREFRONT_BACKEND_URL || undefined,
    publishableKey: process.env.DEMO_PUBLISHABLE_KEY || "",
    regionName: "Deutschland",
  }
  if (!config.publishableKey) console.warn("DEMO_PUBLISHABLE_KEY is not set: the store API will refuse the page's requests")
  const t0 = Date.now()
  const files = await buildStorefront()
  const rebuild = process.env.STOREFRONT_DEV === "1" ? () => buildStorefront({ minify: false }) : undefined
  const { url } = await serveStorefront({ files, port, config, rebuild })
  console.log(`storefront built in ${Date.now() - t0} ms, serving ${url} (store API on port ${config.backendPort})`)
}

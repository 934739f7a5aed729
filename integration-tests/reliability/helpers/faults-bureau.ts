import http from "node:http"
import type { Socket } from "node:net"

/**
 * A credit bureau on loopback that accepts every connection, reads the request and never
 * answers: the worst case for a checkout (no error, no timeout from the other side).
 */
export function hangingBureau(port: number) {
  const sockets = new Set<Socket>()
  const state = { requests: 0 }
  const server = http.createServer((req) => {
    req.on("data", () => undefined)
    req.on("end", () => state.requests++)
    // no response, ever
  })
  server.on("connection", (socket) => {
    sockets.add(socket)
    socket.on("close", () => sockets.delete(socket))
  })
  return {
    state,
    /** connections the plugin still holds open (it should abort them at its budget) */
    openConnections: () => sockets.size,
    listen: () => new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve)),
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy()
        server.close(() => resolve())
      }),
  }
}

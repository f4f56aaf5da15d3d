#!/usr/bin/env node
// The production server of SIKERDA (used by `npm start` and the e2e server): Next.js's request
// handler behind a plain Node HTTP server, so that one thing is decided before Next.js sees the
// request — the client address (scripts/lib/client-address.mjs). Any incoming
// `x-sikerda-client-ip` is removed and replaced; lib/auth reads only that header.
//
//   node scripts/server.mjs            PORT (default 3000), SIKERDA_HOST (default all interfaces),
//                                      TRUSTED_PROXY_HOPS (default 0 = exposed directly)
import http from "node:http";
import path from "node:path";
import { fileURLToPath } from "node:url";
import next from "next";
import { CLIENT_IP_HEADER, clientAddress, parseProxyHops } from "./lib/client-address.mjs";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

let hops;
try {
  hops = parseProxyHops(process.env.TRUSTED_PROXY_HOPS);
} catch (error) {
  console.error(error.message);
  process.exit(1);
}
const port = Number(process.env.PORT || 3000);
const hostname = process.env.SIKERDA_HOST || undefined;

const app = next({ dev: false, dir: ROOT, port, hostname: hostname ?? "localhost" });
await app.prepare();
const handle = app.getRequestHandler();

const server = http.createServer((req, res) => {
  // Node joins repeated headers; delete covers every spelling (header names are lower-cased).
  delete req.headers[CLIENT_IP_HEADER];
  req.headers[CLIENT_IP_HEADER] = clientAddress(req.headers["x-forwarded-for"], req.socket.remoteAddress, hops);
  handle(req, res).catch((error) => {
    console.error(error);
    if (!res.headersSent) {
      res.statusCode = 500;
      res.setHeader("content-type", "text/plain; charset=utf-8");
    }
    res.end("Terjadi kesalahan pada server.");
  });
});
// Slow clients must not hold sockets forever (slowloris); Next's own server sets similar limits.
server.headersTimeout = 60_000;
server.requestTimeout = 300_000;
server.keepAliveTimeout = 5_000;

server.listen(port, hostname, () => {
  console.log(`SIKERDA: http://${hostname ?? "localhost"}:${port} (TRUSTED_PROXY_HOPS=${hops})`);
});

let closing = false;
function shutdown(signal) {
  if (closing) return;
  closing = true;
  server.close(() => process.exit(0));
  server.closeIdleConnections?.();
  // In-flight requests get a few seconds, then the process ends anyway.
  setTimeout(() => process.exit(signal === "SIGINT" ? 130 : 143), 5_000).unref();
}
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => shutdown(signal));

#!/usr/bin/env node
// The production server of SIKERDA (used by `npm start` and the e2e server): Next.js's request
// handler behind a plain Node HTTP server, so that one thing is decided before Next.js sees the
// request — the client address (scripts/lib/client-address.mjs). Any incoming
// `x-sikerda-client-ip` is removed and replaced; lib/auth reads only that header.
//
//   node scripts/server.mjs            PORT (default 3000), SIKERDA_HOST (default all interfaces),
//                                      TRUSTED_PROXY_HOPS (default 0 = exposed directly),
//                                      WEB_CONCURRENCY (app processes, default: the cores, at most 4)
//
// One Node.js process renders one page at a time: its CPU, not PostgreSQL, is what limits how many
// pages per second SIKERDA serves (README, Performance). With WEB_CONCURRENCY=N > 1 a primary
// process forks N workers (node:cluster) that share the port and take connections in turn, so N
// cores render N pages at once. Only worker 1 runs the job scheduler (the others get
// JOBS_SCHEDULER=false; jobs sent from any worker wait in PostgreSQL for it). A worker that dies is
// replaced after a second — unless it dies before it ever listened (a configuration error, e.g. no
// build): then the primary stops with its exit code. SIGINT/SIGTERM stop the workers, then the primary.
import cluster from "node:cluster";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import next from "next";
import { CLIENT_IP_HEADER, clientAddress, parseProxyHops } from "./lib/client-address.mjs";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const MAX_WORKERS = 32;

let hops;
try {
  hops = parseProxyHops(process.env.TRUSTED_PROXY_HOPS);
} catch (error) {
  console.error(error.message);
  process.exit(1);
}
const port = Number(process.env.PORT || 3000);
const hostname = process.env.SIKERDA_HOST || undefined;
const workers = parseConcurrency(process.env.WEB_CONCURRENCY);

/** One app process per core, at most 4 (each holds its own memory, ~0.3–0.5 GB under load). */
function defaultConcurrency() {
  return Math.max(1, Math.min(4, os.availableParallelism()));
}

function parseConcurrency(raw) {
  if (raw === undefined || raw === "") return defaultConcurrency();
  if (!/^\d+$/.test(raw) || Number(raw) < 1 || Number(raw) > MAX_WORKERS) {
    console.error(`WEB_CONCURRENCY harus bilangan bulat 1–${MAX_WORKERS} / must be an integer 1–${MAX_WORKERS} (got "${raw}")`);
    process.exit(1);
  }
  return Number(raw);
}

if (workers > 1 && cluster.isPrimary) {
  runPrimary();
} else {
  await runServer();
}

function runPrimary() {
  let stopping = false;
  const fork = (index) => {
    const env = { SIKERDA_WORKER: String(index) };
    // The scheduler (pg-boss workers, cron) once per installation, not once per process.
    if (index !== 1) env.JOBS_SCHEDULER = "false";
    const worker = cluster.fork(env);
    let listening = false;
    worker.once("listening", () => (listening = true));
    worker.on("exit", (code, signal) => {
      if (stopping) return;
      if (!listening) {
        console.error(`SIKERDA: proses ${index} gagal dijalankan (${signal ?? code}) / worker ${index} failed to start`);
        stop("SIGTERM", code || 1);
        return;
      }
      console.error(`SIKERDA: proses ${index} berhenti (${signal ?? code}); dijalankan ulang / worker ${index} exited, restarting`);
      setTimeout(() => stopping || fork(index), 1_000);
    });
  };
  const alive = () => Object.values(cluster.workers ?? {}).filter((w) => w && !w.isDead());
  const stop = (signal, exitCode) => {
    if (stopping) return;
    stopping = true;
    process.exitCode = exitCode;
    for (const worker of alive()) worker.process.kill(signal);
    setInterval(() => alive().length === 0 && process.exit(exitCode), 50);
    // Workers give in-flight requests 5 s; after 8 s the primary ends anyway.
    setTimeout(() => {
      for (const worker of alive()) worker.process.kill("SIGKILL");
      process.exit(exitCode);
    }, 8_000).unref();
  };
  for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => stop(signal, signal === "SIGINT" ? 130 : 143));
  for (let i = 1; i <= workers; i++) fork(i);
  console.log(`SIKERDA: ${workers} proses aplikasi / app processes (WEB_CONCURRENCY=${workers})`);
}

async function runServer() {
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
    const worker = process.env.SIKERDA_WORKER ? `, proses ${process.env.SIKERDA_WORKER}/${workers}` : "";
    console.log(`SIKERDA: http://${hostname ?? "localhost"}:${port} (TRUSTED_PROXY_HOPS=${hops}${worker})`);
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
}

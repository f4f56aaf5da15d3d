// npm run bench:pages — page-level load bench at province scale (issue 9 §1, targets.md):
//   1. the 100k data set of `npm run bench` (.data-bench/pg on SIKERDA_BENCH_PG_PORT, generated when
//      missing), made an APP database like a production start: the owner and app roles, migrations,
//      the app role's grants and the job queue (scripts/lib/db-runtime.mjs prepareDatabase);
//   2. two users of the data set get a known password (the bench database only): the first Kabag KS
//      (with a TOTP second factor enrolled, since the production default requires one for that role)
//      and the first operator of the OPD with the most cases;
//   3. the production build (rebuilt when older than the sources, the fingerprint of `npm start`),
//      served by scripts/server.mjs on BENCH_PAGES_PORT (default 3302) with JOBS_SCHEDULER=false;
//   4. each user signs in once through the real sign-in page (Chromium), the cookies are reused;
//   5. per page and user: one GET that must be a 200 HTML page of the signed-in app (else the row
//      FAILS and is not measured), then autocannon (its own process, CPU measured) at
//      BENCH_PAGES_CONNECTIONS (10) for BENCH_PAGES_SECONDS (20) s;
//   6. the JavaScript each page loads first (its <script src> files, gzip as served) and Lighthouse
//      (desktop) performance, accessibility and JS transferred for login, beranda, usulan,
//      kerja-sama, dasbor and a case page (scripts/bench/lighthouse.mjs);
//   7. one table, then a verdict line; exit 1 naming the pages that miss a target.
// BENCH_PAGES_SERVE=1 stops after step 4 and keeps the app running (cookies in .data-bench/pages-cookies.json).
// Stops the server and the embedded PostgreSQL it started on exit, Ctrl-C included.
import "./server-only-shim";
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import zlib from "node:zlib";
import type pg from "pg";
import { connect, openBenchDatabase, type BenchDatabase } from "./database";
import { ensureDataset, rewind } from "./dataset";
import { ROOT, embeddedDatabase, ensureAuthSecret, prepareDatabase, run } from "../lib/db-runtime.mjs";
import { buildIsCurrent, stampBuild } from "../lib/build-fingerprint.mjs";
import { JOB_SCHEMA } from "../lib/job-queue.mjs";

type LighthouseModule = typeof import("./lighthouse.mjs");

const PORT = Number(process.env.BENCH_PAGES_PORT || 3302);
const SECONDS = Number(process.env.BENCH_PAGES_SECONDS || 20);
const CONNECTIONS = Number(process.env.BENCH_PAGES_CONNECTIONS || 10);
const WARMUP_SECONDS = 2;
const LIGHTHOUSE_RUNS = Number(process.env.LIGHTHOUSE_RUNS || 3);
const SKIP_LIGHTHOUSE = process.env.BENCH_PAGES_LIGHTHOUSE === "0";
/** Only these pages (comma-separated paths as printed, e.g. "/beranda,/tindakan"): for a quick look. */
const ONLY = process.env.BENCH_PAGES_ONLY?.split(",").map((s) => s.trim()).filter(Boolean);
const P95_TARGET_MS = 100; // targets.md: any authenticated page, p95 at 10 concurrent users
const JS_TARGET_BYTES = 180 * 1000; // targets.md: ≤ 180 kB gzip per page
const LH_TARGET = 100; // issue 9 §3: Lighthouse desktop 100/100
/** Known only to the bench database: the data set's hashes are placeholders nobody can sign in with. */
const BENCH_PASSWORD = "Bench-Halaman#2026";
const BASE = `http://localhost:${PORT}`;
const SERVER_LOG = path.join(ROOT, ".data-bench", "pages-server.log");

const log = (line: string) => process.stderr.write(`${line}\n`);

type BenchUser = { key: "kabag" | "opd"; label: string; id: string; username: string; opdId: string | null; totp: string | null };
type PageDef = { path: string; name: string };
type Row = {
  page: string; path: string; user: string; status: "ok" | "fail"; reason?: string;
  p50?: number; p95?: number; reqPerSec?: number; html?: number; htmlGzip?: number; non2xx?: number; errors?: number;
  jsFirst?: number; jsFiles?: number; loadCpuMs?: number; serverCpuMs?: number; pgCpuMs?: number; wallMs?: number; requests?: number;
};

// ── processes to stop on exit ───────────────────────────────────────────────────────────────────
let server: ChildProcess | null = null;
let stopDb: () => Promise<void> = async () => {};
let browserClose: () => Promise<void> = async () => {};
let cleaning: Promise<void> | null = null;

function cleanup(): Promise<void> {
  cleaning ??= (async () => {
    await browserClose().catch(() => {});
    if (server && server.exitCode === null && server.signalCode === null) {
      const exited = new Promise((r) => server!.once("exit", r));
      server.kill("SIGTERM");
      await Promise.race([exited, new Promise((r) => setTimeout(r, 8000))]);
      if (server.exitCode === null && server.signalCode === null) server.kill("SIGKILL");
    }
    await stopDb().catch((error) => log(`PostgreSQL stop failed: ${error.message}`));
  })();
  return cleaning;
}
// Last resort when the process ends without cleanup(): never leave the server running.
process.on("exit", () => {
  if (server && server.exitCode === null && server.signalCode === null) server.kill("SIGKILL");
});
for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) {
  process.on(signal, () => {
    log(`\n${signal}: stopping the server and PostgreSQL…`);
    void cleanup().then(() => process.exit(signal === "SIGINT" ? 130 : 143));
  });
}

// ── database ────────────────────────────────────────────────────────────────────────────────────

async function appDatabase(bench: BenchDatabase): Promise<{ url: string; ownerUrl: string }> {
  if (bench.embedded) {
    // Same roles and grants as `npm start` on the embedded server: the app connects as sikerda_app.
    const db = { ...embeddedDatabase(bench.url), embedded: true, reused: false, stop: async () => {} };
    // `npm run bench` installs the job queue (or a queue's table in it) as the superuser; the owner
    // role could not use that. The bench's queue holds nothing worth keeping: drop it so the owner
    // installs its own.
    const su = await connect(bench.url);
    try {
      const owner = new URL(db.ownerUrl).username;
      const { rows } = await su.query<{ foreign: boolean }>(
        `SELECT pg_get_userbyid(n.nspowner) <> $2
                OR EXISTS (SELECT 1 FROM pg_tables t WHERE t.schemaname = n.nspname AND t.tableowner <> $2) AS foreign
           FROM pg_namespace n WHERE n.nspname = $1`, [JOB_SCHEMA, owner]);
      if (rows[0]?.foreign) await su.query(`DROP SCHEMA ${JOB_SCHEMA} CASCADE`);
    } finally {
      await su.end();
    }
    await prepareDatabase(db, { migrate: true });
    return db;
  }
  const url = process.env.BENCH_PAGES_APP_DATABASE_URL;
  if (!url) throw new Error("BENCH_DATABASE_URL is set: give the app role's URL of that database in BENCH_PAGES_APP_DATABASE_URL");
  await prepareDatabase({ url, ownerUrl: bench.url, embedded: false, reused: true, stop: async () => {} }, { migrate: false });
  return { url, ownerUrl: bench.url };
}

async function pickUsers(client: pg.Client): Promise<{ kabag: BenchUser; opd: BenchUser; busiest: { id: string; name: string; cases: number } }> {
  const { rows: [kabag] } = await client.query(
    `SELECT id, username, "opdId" FROM "User" WHERE role = 'KABAG_KS' AND active AND NOT "isSystem" ORDER BY username LIMIT 1`,
  );
  const { rows: [busiest] } = await client.query(
    `SELECT o.id, o.name, count(*)::int AS cases FROM "Case" c JOIN "Opd" o ON o.id = c."opdId"
      WHERE c."deletedAt" IS NULL GROUP BY o.id, o.name ORDER BY count(*) DESC, o.id LIMIT 1`,
  );
  if (!kabag || !busiest) throw new Error("the data set has no Kabag KS user or no cases");
  const { rows: [operator] } = await client.query(
    `SELECT id, username, "opdId" FROM "User" WHERE role = 'OPERATOR_OPD' AND active AND "opdId" = $1 ORDER BY username LIMIT 1`,
    [busiest.id],
  );
  if (!operator) throw new Error(`no active operator in the busiest OPD ${busiest.name}`);
  return {
    kabag: { key: "kabag", label: `Kabag KS (${kabag.username})`, id: kabag.id, username: kabag.username, opdId: kabag.opdId, totp: null },
    opd: { key: "opd", label: `Operator OPD (${operator.username})`, id: operator.id, username: operator.username, opdId: operator.opdId, totp: null },
    busiest,
  };
}

/**
 * The two bench users get BENCH_PASSWORD; the Kabag KS also a freshly enrolled TOTP secret (the
 * production default requires a second factor for that role, and the bench keeps that default).
 * No failed attempts, no pending password change. The bench database only.
 */
async function prepareUsers(client: pg.Client, users: BenchUser[]): Promise<void> {
  const { hashPassword } = await import("@/lib/auth/password");
  const { encryptSecret, newTotpSecret } = await import("@/lib/auth/totp");
  const { SECOND_FACTOR_ROLES } = await import("@/lib/auth/account-rule");
  const hash = await hashPassword(BENCH_PASSWORD);
  for (const u of users) {
    const { rows: [{ role }] } = await client.query(`SELECT role::text FROM "User" WHERE id = $1`, [u.id]);
    u.totp = (SECOND_FACTOR_ROLES as readonly string[]).includes(role) ? newTotpSecret() : null;
    await client.query(
      `UPDATE "User" SET "passwordHash" = $2, "passwordChangedAt" = now(), "mustChangePassword" = false, active = true,
              "failedLoginCount" = 0, "lastFailedLoginAt" = NULL, "totpSecret" = $3, "totpPendingSecret" = NULL,
              "totpEnabledAt" = CASE WHEN $3::text IS NULL THEN NULL ELSE now() END, "totpLastStep" = NULL
        WHERE id = $1`,
      [u.id, hash, u.totp ? encryptSecret(u.totp) : null],
    );
  }
}

type Targets = { caseId: string; agreementCaseId: string; registerQ: string };

/** A case in process and a concluded one (with a signed naskah) of the busiest OPD: in both users' scope. */
async function pickTargets(client: pg.Client, opdId: string): Promise<Targets> {
  const { rows: [c] } = await client.query(
    `SELECT c.id FROM "Case" c WHERE c."opdId" = $1 AND c."deletedAt" IS NULL
        AND c.stage NOT IN ('SELESAI','DIAKHIRI','DITOLAK','BATAL','DITOLAK_DPRD','DRAF')
        AND NOT EXISTS (SELECT 1 FROM "Agreement" a WHERE a."caseId" = c.id AND a.status <> 'DRAF')
      ORDER BY c."updatedAt" DESC, c.id LIMIT 1`,
    [opdId],
  );
  const { rows: [a] } = await client.query(
    `SELECT a."caseId" AS id FROM "Agreement" a JOIN "Case" c ON c.id = a."caseId"
      WHERE a."opdId" = $1 AND a.status <> 'DRAF' AND c."deletedAt" IS NULL
      ORDER BY a."updatedAt" DESC, a.id LIMIT 1`,
    [opdId],
  );
  if (!c || !a) throw new Error("no case in process or no signed agreement in the busiest OPD");
  let registerQ = process.env.BENCH_PAGES_REGISTER_Q || "pariwisata";
  // The register searches its cases (title, code, partner): the word must be in some case's title.
  const { rows: [hit] } = await client.query(`SELECT 1 FROM "Case" WHERE title ILIKE '%' || $1 || '%' LIMIT 1`, [registerQ]);
  if (!hit) {
    const { rows: [t] } = await client.query(`SELECT title FROM "Case" WHERE id = $1`, [a.id]);
    registerQ = String(t.title).split(/\s+/).find((w: string) => w.length >= 5 && !/^(kerja|dengan)$/i.test(w)) ?? "kerja";
  }
  return { caseId: c.id, agreementCaseId: a.id, registerQ };
}

// ── build and server ────────────────────────────────────────────────────────────────────────────

async function ensureBuild(appUrl: string): Promise<string> {
  if (!fs.existsSync(path.join(ROOT, "lib", "generated", "prisma"))) {
    const code = await run("prisma", ["generate"], { cwd: ROOT });
    if (code !== 0) throw new Error(`prisma generate failed (exit ${code})`);
  }
  if (buildIsCurrent(ROOT)) return "production build up to date (.next)";
  if (process.env.BENCH_PAGES_BUILD === "0") {
    if (!fs.existsSync(path.join(ROOT, ".next", "BUILD_ID"))) throw new Error("BENCH_PAGES_BUILD=0 but there is no production build (.next)");
    return "BENCH_PAGES_BUILD=0: the existing production build, OLDER than the sources";
  }
  log("Build produksi / production build (next build)…");
  const t0 = Date.now();
  const code = await run("next", ["build"], { cwd: ROOT, env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", DATABASE_URL: appUrl } });
  if (code !== 0) throw new Error(`next build failed (exit ${code})`);
  stampBuild(ROOT);
  return `production build made (${Math.round((Date.now() - t0) / 1000)} s)`;
}

/** How many app processes serve the bench (scripts/server.mjs, WEB_CONCURRENCY; default: the cores, ≤ 4). */
let appProcesses = 1;

async function startServer(appUrl: string): Promise<ChildProcess> {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATABASE_URL: appUrl,
    PORT: String(PORT),
    NODE_ENV: "production",
    NEXT_TELEMETRY_DISABLED: "1",
    AUTH_URL: BASE,
    JOBS_SCHEDULER: "false",
  };
  delete env.MIGRATION_DATABASE_URL; // the running app never holds the owner's credentials
  fs.mkdirSync(path.dirname(SERVER_LOG), { recursive: true });
  const out = fs.openSync(SERVER_LOG, "w");
  const child = spawn(process.execPath, [path.join(ROOT, "scripts", "server.mjs")], { cwd: ROOT, env, stdio: ["ignore", out, out] });
  fs.closeSync(out);
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the server exited (${child.exitCode}); see ${path.relative(ROOT, SERVER_LOG)}`);
    try {
      const res = await fetch(`${BASE}/login`, { redirect: "manual", signal: AbortSignal.timeout(5000) });
      // With several app processes (WEB_CONCURRENCY), every one of them has to be listening.
      const log = fs.readFileSync(SERVER_LOG, "utf8");
      const expected = Number(/\((?:WEB_CONCURRENCY)=(\d+)\)/.exec(log)?.[1] ?? 1);
      const listening = log.match(/^SIKERDA: http/gm)?.length ?? 0;
      if (res.status === 200 && listening >= expected) {
        appProcesses = expected;
        return child;
      }
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error(`the server did not answer on ${BASE} within 120 s; see ${path.relative(ROOT, SERVER_LOG)}`);
}

// ── sign-in (the real page, in Chromium) ────────────────────────────────────────────────────────

type Browser = Awaited<ReturnType<LighthouseModule["launchForLighthouse"]>>;

async function signIn(browser: Browser, user: BenchUser): Promise<string> {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    await page.goto(`${BASE}/login`);
    await page.getByLabel("Nama pengguna").fill(user.username);
    await page.getByLabel("Kata sandi").fill(BENCH_PASSWORD);
    await page.getByRole("button", { name: "Masuk" }).click();
    if (user.totp) {
      const code = page.getByLabel("Kode verifikasi");
      await code.waitFor({ timeout: 30_000 });
      const { generate } = await import("otplib");
      await code.fill(await generate({ secret: user.totp }));
      await page.getByRole("button", { name: "Verifikasi" }).click();
    }
    await page.waitForURL(/\/beranda$/, { timeout: 30_000 });
    const cookies = await context.cookies(BASE);
    return cookies.map((c) => `${c.name}=${c.value}`).join("; ");
  } finally {
    await context.close();
  }
}

// ── checks and measurements ─────────────────────────────────────────────────────────────────────

/** GET with the cookie, no redirect following, body as served (undecoded) and decoded. */
function get(url: string, cookie: string | undefined): Promise<{ status: number; type: string; body: Buffer; wire: number; location?: string }> {
  return new Promise((resolve, reject) => {
    const req = http.get(url, { headers: { cookie: cookie ?? "", "accept-encoding": "gzip", accept: "text/html,*/*" } }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => {
        const raw = Buffer.concat(chunks);
        const body = res.headers["content-encoding"] === "gzip" ? zlib.gunzipSync(raw) : raw;
        resolve({ status: res.statusCode ?? 0, type: String(res.headers["content-type"] ?? ""), body, wire: raw.length, location: res.headers.location });
      });
      res.on("error", reject);
    });
    req.setTimeout(60_000, () => req.destroy(new Error("timeout")));
    req.on("error", reject);
  });
}

/** Null when `res` is a 200 HTML page of the signed-in app; otherwise why not. */
function notAnAppPage(res: Awaited<ReturnType<typeof get>>, signedIn: boolean): string | null {
  if (res.status !== 200) return `HTTP ${res.status}${res.location ? ` → ${res.location}` : ""}`;
  if (!res.type.startsWith("text/html")) return `content-type ${res.type}`;
  const html = res.body.toString("utf8");
  if (!/<html[\s>]/i.test(html)) return "not an HTML document";
  if (signedIn && !html.includes("Keluar")) return "no signed-in shell (no “Keluar”): the sign-in page or an error page";
  if (signedIn && /id="masuk"/.test(html)) return "the sign-in form";
  if (/Terjadi kesalahan/i.test(html) && !/<main/i.test(html)) return "an error page";
  return null;
}

/**
 * gzip bytes (as served) of the scripts the HTML references: what the first visit loads before any
 * interaction (chunks loaded later, e.g. next/dynamic, are in Lighthouse's figure instead).
 */
async function firstLoadJs(html: string, cache: Map<string, number>): Promise<{ bytes: number; files: number }> {
  const srcs = new Set<string>();
  for (const m of html.matchAll(/<script\b[^>]*>/gi)) {
    const src = /\ssrc="([^"]+)"/.exec(m[0])?.[1];
    // noModule: the legacy polyfills, which a modern browser neither downloads nor runs.
    if (src && !/\snomodule[\s=>]/i.test(m[0])) srcs.add(src.replaceAll("&amp;", "&"));
  }
  let bytes = 0;
  for (const src of srcs) {
    const url = new URL(src, BASE).toString();
    let n = cache.get(url);
    if (n === undefined) {
      const res = await get(url, undefined);
      n = res.status === 200 ? (res.type.includes("javascript") && res.wire === res.body.length ? zlib.gzipSync(res.body).length : res.wire) : 0;
      cache.set(url, n);
    }
    bytes += n;
  }
  return { bytes, files: srcs.size };
}

/** CPU time (ms) of a process and, optionally, of all its children (/proc; Linux). */
function cpuOf(pid: number): number {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100; // utime + stime, USER_HZ = 100
  } catch {
    return 0;
  }
}

/** CPU (ms) of a process and its direct children: the PostgreSQL postmaster and its backends, the
 *  app server's primary and its workers (WEB_CONCURRENCY). */
function treeCpu(parentPid: number | null): number {
  if (!parentPid) return 0;
  let total = cpuOf(parentPid);
  for (const pid of childrenOf(parentPid)) total += cpuOf(pid);
  return total;
}

function childrenOf(parentPid: number): number[] {
  const children: number[] = [];
  for (const entry of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, "utf8");
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      if (ppid === parentPid) children.push(Number(entry));
    } catch {
      // gone
    }
  }
  return children;
}

function postmasterPid(): number | null {
  try {
    return Number(fs.readFileSync(path.join(ROOT, ".data-bench", "pg", "postmaster.pid"), "utf8").split("\n")[0]) || null;
  } catch {
    return null;
  }
}

type LoadResult = { p50: number; p95: number; reqPerSec: number; non2xx: number; errors: number; timeouts: number; cpuMs: number; wallMs: number; requests: number };

function autocannon(url: string, cookie: string, seconds = SECONDS): Promise<LoadResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(ROOT, "scripts", "bench", "pages-load.mjs"), JSON.stringify({ url, cookie, connections: CONNECTIONS, seconds })], {
      cwd: ROOT, stdio: ["ignore", "pipe", "pipe"],
    });
    let out = "";
    let err = "";
    child.stdout.on("data", (d) => (out += d));
    child.stderr.on("data", (d) => (err += d));
    child.on("exit", (code) => {
      if (code !== 0) return reject(new Error(`autocannon failed (exit ${code}): ${err.trim().split("\n").pop()}`));
      try {
        resolve(JSON.parse(out.trim().split("\n").pop() ?? ""));
      } catch (error) {
        reject(error);
      }
    });
  });
}

// ── report ──────────────────────────────────────────────────────────────────────────────────────

const kb = (bytes: number | undefined) => (bytes === undefined ? "—" : `${(bytes / 1000).toFixed(1)} kB`);
const ms = (v: number | undefined) => (v === undefined || Number.isNaN(v) ? "—" : v < 10 ? `${v.toFixed(1)} ms` : `${Math.round(v)} ms`);

async function main(): Promise<number> {
  const loadAtStart = os.loadavg();
  const started = Date.now();
  log(`bench:pages — ${CONNECTIONS} connections × ${SECONDS} s per page and user, app on ${BASE}`);
  log(`AUTH_SECRET ${ensureAuthSecret()}`);

  const bench = await openBenchDatabase();
  stopDb = bench.stop;
  const client = await connect(bench.url);
  let users: BenchUser[];
  let targets: Targets;
  let busiest: { id: string; name: string; cases: number };
  let dataCounts: Record<string, number>;
  try {
    const state = await ensureDataset(client, { fresh: false, log });
    dataCounts = state.counts;
    const left = await rewind(client, state.cutoff);
    if (left.cases) log(`rewound ${left.cases} cases moved by an interrupted npm run bench`);
    const picked = await pickUsers(client);
    busiest = picked.busiest;
    users = [picked.kabag, picked.opd];
    await prepareUsers(client, users);
    targets = await pickTargets(client, busiest.id);
  } finally {
    await client.end();
  }
  const app = await appDatabase(bench);
  log(`App database: role ${new URL(app.url).username} (grants as npm start), job queue installed`);
  log(await ensureBuild(app.url));
  server = await startServer(app.url);
  log(`Server: scripts/server.mjs (next start) pid ${server.pid}, ${appProcesses} app process(es), JOBS_SCHEDULER=false (no background jobs during the bench); log ${path.relative(ROOT, SERVER_LOG)}`);

  // Lighthouse is an ES module with its own top-level set-up: loaded when needed.
  const { launchForLighthouse, lighthouseScores } = (await import("./lighthouse.mjs")) as LighthouseModule;
  const debugPort = PORT + 6000;
  const browser = await launchForLighthouse(debugPort, { log, ownSignals: true });
  browserClose = () => browser.close();
  const cookies = new Map<string, string>();
  for (const u of users) {
    cookies.set(u.key, await signIn(browser, u));
    log(`Signed in: ${u.label}${u.totp ? " (password + TOTP)" : ""}`);
  }

  if (process.env.BENCH_PAGES_SERVE === "1") {
    // Keep the app running for a look by hand (Lighthouse, curl); the cookies go to a file.
    const file = path.join(ROOT, ".data-bench", "pages-cookies.json");
    fs.writeFileSync(file, `${JSON.stringify({ base: BASE, ...Object.fromEntries(cookies), caseId: targets.caseId, agreementCaseId: targets.agreementCaseId }, null, 2)}\n`, { mode: 0o600 });
    log(`BENCH_PAGES_SERVE=1: ${BASE} keeps running; cookies in ${path.relative(ROOT, file)}. Ctrl-C stops the server and PostgreSQL.`);
    await new Promise(() => {});
  }

  const pages: PageDef[] = [
    { path: "/beranda", name: "/beranda" },
    { path: "/tindakan", name: "/tindakan" },
    { path: "/usulan", name: "/usulan" },
    { path: "/usulan?q=kesehatan", name: "/usulan?q=" },
    { path: "/kerja-sama", name: "/kerja-sama" },
    { path: `/kerja-sama?q=${encodeURIComponent(targets.registerQ)}`, name: "/kerja-sama?q=" },
    { path: "/dasbor", name: "/dasbor" },
    { path: "/laporan", name: "/laporan" },
    { path: "/mitra", name: "/mitra" },
    { path: `/usulan/${targets.caseId}`, name: "/usulan/[id]" },
    { path: `/kerja-sama/${targets.agreementCaseId}`, name: "/kerja-sama/[id]" },
    { path: "/notifikasi", name: "/notifikasi" },
  ].filter((p) => !ONLY || ONLY.includes(p.path) || ONLY.includes(p.name));

  const rows: Row[] = [];
  const jsCache = new Map<string, number>();
  const pgPid = bench.embedded ? postmasterPid() : null;
  for (const p of pages) {
    for (const u of users) {
      const cookie = cookies.get(u.key)!;
      const row: Row = { path: p.path, page: p.name.includes("[id]") ? `${p.name} ${p.path.split("/").pop()}` : p.path, user: u.key === "kabag" ? "kabag" : "opd", status: "ok" };
      rows.push(row);
      try {
        const t0 = performance.now();
        const first = await get(`${BASE}${p.path}`, cookie);
        const firstMs = performance.now() - t0;
        const why = notAnAppPage(first, true);
        if (why) {
          row.status = "fail";
          row.reason = why;
          log(`  ${p.path} (${row.user}): NOT MEASURED — ${why}`);
          continue;
        }
        row.html = first.body.length;
        row.htmlGzip = zlib.gzipSync(first.body).length;
        const js = await firstLoadJs(first.body.toString("utf8"), jsCache);
        row.jsFirst = js.bytes;
        row.jsFiles = js.files;
        // Warm-up, not measured: 2 s of the same load, so that every app process (each compiles the
        // page's code on its first requests) has served the page before the measured run.
        await autocannon(`${BASE}${p.path}`, cookie, WARMUP_SECONDS);
        const server0 = treeCpu(server.pid!);
        const pg0 = treeCpu(pgPid);
        const r = await autocannon(`${BASE}${p.path}`, cookie);
        row.serverCpuMs = treeCpu(server.pid!) - server0;
        row.pgCpuMs = treeCpu(pgPid) - pg0;
        if (r.requests === 0) {
          throw new Error(`no response completed within the ${SECONDS} s run (every request slower; the single check GET took ${Math.round(firstMs)} ms)`);
        }
        Object.assign(row, { requests: r.requests, p50: r.p50, p95: r.p95, reqPerSec: r.reqPerSec, non2xx: r.non2xx, errors: r.errors + r.timeouts, loadCpuMs: r.cpuMs, wallMs: r.wallMs });
        log(`  ${p.path} (${row.user}): p50 ${ms(r.p50)}, p95 ${ms(r.p95)}, ${r.reqPerSec.toFixed(0)} req/s, ${r.requests} requests`);
      } catch (error) {
        row.status = "fail";
        row.reason = (error as Error).message.split("\n")[0];
        log(`  ${p.path} (${row.user}): FAILED — ${row.reason}`);
      }
    }
  }

  // Lighthouse (desktop) as the Kabag KS; login anonymous.
  type LhRow = Awaited<ReturnType<LighthouseModule["lighthouseScores"]>>[number];
  let lh: LhRow[] = [];
  let lhError: string | null = null;
  const lhPages = [
    { label: "/login", path: "/login" },
    { label: "/beranda", path: "/beranda" },
    { label: "/usulan", path: "/usulan" },
    { label: "/kerja-sama", path: "/kerja-sama" },
    { label: "/dasbor", path: "/dasbor" },
    { label: "/usulan/[id]", path: `/usulan/${targets.caseId}` },
  ].filter((p) => !ONLY || ONLY.includes(p.path) || ONLY.includes(p.label) || p.path === "/login");
  if (!SKIP_LIGHTHOUSE) {
    log(`Lighthouse 12 (desktop), ${LIGHTHOUSE_RUNS} runs per page after a warm-up…`);
    try {
      lh = await lighthouseScores(BASE, lhPages.map((p) => ({ ...p, cookie: p.path === "/login" ? undefined : cookies.get("kabag") })), {
        debugPort, runs: LIGHTHOUSE_RUNS, log,
      });
    } catch (error) {
      lhError = (error as Error).message.split("\n")[0];
    }
  }
  const loginPage = await get(`${BASE}/login`, undefined);
  const loginJs = notAnAppPage(loginPage, false) ? undefined : (await firstLoadJs(loginPage.body.toString("utf8"), jsCache)).bytes;

  // ── print ──
  const load = os.loadavg();
  // page → what it missed (p95, non-2xx, JS, Lighthouse, not measured)
  const failed = new Map<string, Set<string>>();
  const miss = (page: string, what: string) => failed.set(page, (failed.get(page) ?? new Set()).add(what));
  const lines: string[] = [];
  lines.push("");
  lines.push(`bench:pages — ${dataCounts.Case.toLocaleString("en")} cases, ${dataCounts.Agreement.toLocaleString("en")} agreements, ${dataCounts.StageHistory.toLocaleString("en")} history rows; busiest OPD: ${busiest.name} (${busiest.cases.toLocaleString("en")} cases)`);
  lines.push(`users: ${users.map((u) => u.label).join(", ")}; case page ${targets.caseId}, agreement page ${targets.agreementCaseId}`);
  lines.push(`autocannon ${CONNECTIONS} connections × ${SECONDS} s per row; production build, JOBS_SCHEDULER=false, ${appProcesses} app process${appProcesses === 1 ? "" : "es"} (WEB_CONCURRENCY); ${os.cpus().length} cores; load average at start ${loadAtStart.map((l) => l.toFixed(2)).join(" ")}, now ${load.map((l) => l.toFixed(2)).join(" ")}`);
  lines.push("");
  lines.push(`| page | user | p50 | p95 | req/s | CPU per request: app / PostgreSQL | HTML (gzip) | JS first load (gzip) | non-2xx | target p95 ≤ ${P95_TARGET_MS} ms |`);
  lines.push("|---|---|---|---|---|---|---|---|---|---|");
  for (const r of rows) {
    if (r.status === "fail") {
      miss(r.page, "not measured");
      lines.push(`| ${r.page} | ${r.user} | — | — | — | — | — | — | — | ✗ NOT MEASURED: ${r.reason} |`);
      continue;
    }
    const bad = (r.non2xx ?? 0) > 0 || (r.errors ?? 0) > 0;
    const fast = (r.p95 ?? Infinity) <= P95_TARGET_MS;
    const jsOk = (r.jsFirst ?? Infinity) <= JS_TARGET_BYTES;
    if (bad) miss(r.page, "non-2xx/errors");
    if (!fast) miss(r.page, "p95");
    if (!jsOk) miss(r.page, "JS");
    const note = [bad ? `${r.non2xx} non-2xx, ${r.errors} errors` : "", jsOk ? "" : "JS > target"].filter(Boolean).join(", ");
    const perRequest = r.requests ? `${ms((r.serverCpuMs ?? 0) / r.requests)} / ${pgPid ? ms((r.pgCpuMs ?? 0) / r.requests) : "—"}` : "—";
    lines.push(`| ${r.page} | ${r.user} | ${ms(r.p50)} | ${ms(r.p95)} | ${r.reqPerSec?.toFixed(0)} | ${perRequest} | ${kb(r.html)} (${kb(r.htmlGzip)}) | ${kb(r.jsFirst)} (${r.jsFiles} files) | ${r.non2xx} | ${!bad && fast && jsOk ? "✓" : "✗"}${note ? ` (${note})` : ""} |`);
  }
  const measured = rows.filter((r) => r.status === "ok" && r.wallMs);
  const wall = measured.reduce((s, r) => s + (r.wallMs ?? 0), 0);
  if (wall > 0) {
    const share = (cpu: number) => `${((cpu / wall) * 100).toFixed(0)} % of one core (${((cpu / wall / os.cpus().length) * 100).toFixed(0)} % of the ${os.cpus().length} cores)`;
    const sum = (k: "loadCpuMs" | "serverCpuMs" | "pgCpuMs") => measured.reduce((s, r) => s + (r[k] ?? 0), 0);
    lines.push("");
    lines.push(`CPU during the runs (${(wall / 1000).toFixed(0)} s): load generator (autocannon) ${share(sum("loadCpuMs"))}; app server ${share(sum("serverCpuMs"))}; PostgreSQL ${pgPid ? share(sum("pgCpuMs")) : "not measured (external)"}; the rest of the machine is other work.`);
    lines.push("CPU per request (app server = all its processes, PostgreSQL: /proc CPU time over the run ÷ responses) depends little on other load. One Node.js process");
    lines.push(`renders on one core: at ${CONNECTIONS} connections a saturated server answers in about ${CONNECTIONS} × (app + PostgreSQL CPU per request) ÷ (cores it gets), so p95 ≤ ${P95_TARGET_MS} ms on ${os.cpus().length} cores needs about ${Math.floor((P95_TARGET_MS * Math.min(appProcesses, os.cpus().length)) / CONNECTIONS)} ms of CPU per page or less.`);
  }

  // JS and Lighthouse.
  lines.push("");
  lines.push(`| page | JS first load (gzip) | JS during the visit (Lighthouse) | performance | accessibility | FCP | LCP | TBT | CLS | target JS ≤ ${JS_TARGET_BYTES / 1000} kB, ${LH_TARGET}/${LH_TARGET} |`);
  lines.push("|---|---|---|---|---|---|---|---|---|---|");
  const jsOf = (pagePath: string) => rows.find((r) => r.path === pagePath && r.user === "kabag")?.jsFirst;
  for (const p of lhPages) {
    const r = lh.find((x) => x.label === p.label);
    const first = p.path === "/login" ? loginJs : jsOf(p.path);
    // Judged on everything the visit loads when Lighthouse ran (lazy chunks such as recharts count).
    const js = r ? r.js : first;
    const jsOk = js !== undefined && js <= JS_TARGET_BYTES;
    const lhOk = SKIP_LIGHTHOUSE ? true : !!r && r.performance >= LH_TARGET && r.accessibility >= LH_TARGET;
    if (!jsOk) miss(p.label, "JS");
    if (!lhOk) miss(p.label, "Lighthouse");
    const verdictCell = jsOk && lhOk ? "✓" : "✗";
    lines.push(r
      ? `| ${p.label} | ${kb(first)} | ${kb(r.js)} (${r.jsFiles} files) | ${r.performance} | ${r.accessibility} | ${Math.round(r.fcp)} ms | ${Math.round(r.lcp)} ms | ${Math.round(r.tbt)} ms | ${r.cls.toFixed(3)} | ${verdictCell} |`
      : `| ${p.label} | ${kb(first)} | ${SKIP_LIGHTHOUSE ? "skipped" : "—"} | — | — | — | — | — | — | ${verdictCell} |`);
  }
  if (lhError) lines.push(`Lighthouse failed: ${lhError}`);
  lines.push("JS first load: the <script src> files of the page's HTML (noModule polyfills excluded), gzip as served. JS during the visit: Lighthouse's");
  lines.push("transferred bytes of every script loaded until the page was idle, lazy chunks included (recharts on /dasbor); the JS target is judged on it.");
  lines.push("kB = 1,000 bytes. Lighthouse: desktop preset, signed in as the Kabag KS; /usulan/[id] is the case page above.");
  lines.push(`(${Math.round((Date.now() - started) / 1000)} s in all)`);
  lines.push("");
  const verdict = failed.size === 0
    ? `VERDICT: every page within target (p95 ≤ ${P95_TARGET_MS} ms at ${CONNECTIONS} connections, JS ≤ ${JS_TARGET_BYTES / 1000} kB, Lighthouse ${LH_TARGET}/${LH_TARGET})`
    : `VERDICT: target missed by ${[...failed].map(([page, what]) => `${page} (${[...what].join(", ")})`).join("; ")}`;
  lines.push(verdict);
  process.stdout.write(`${lines.join("\n")}\n`);
  return failed.size === 0 ? 0 : 1;
}

main()
  .catch((error) => {
    log(`\nbench:pages FAILED: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    process.stdout.write(`VERDICT: the bench itself failed (${error instanceof Error ? error.message.split("\n")[0] : String(error)})\n`);
    return 2;
  })
  .then(async (code) => {
    await cleanup();
    process.exit(code);
  });

// Shared by with-db.mjs, start.mjs, e2e-server.mjs and the integration-test global setup:
// find or start the database, set up its roles, apply migrations and grants, run child
// processes with signal forwarding.
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { startEmbeddedPostgres, isEmbeddedUrl } from "../embedded-pg.mjs";
import { APP_ROLE, OWNER_ROLE, applyGrants, embeddedRoleUrl, ensureEmbeddedRoles, roleOf } from "./db-roles.mjs";
import { installJobQueue } from "./job-queue.mjs";

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");

// Same files Next.js reads, so a DATABASE_URL in .env means the same database for the scripts,
// Prisma and the app. Variables already in the environment win; .env.local wins over .env.
for (const file of [".env.local", ".env"]) {
  if (fs.existsSync(path.join(ROOT, file))) process.loadEnvFile(path.join(ROOT, file));
}

export const DEFAULT_PG_PORT = 54329;
export const DEV_DATA_DIR = process.env.SIKERDA_PG_DATA
  ? path.resolve(process.env.SIKERDA_PG_DATA)
  : path.join(ROOT, ".data", "pg");
export const DEV_DATABASE = "sikerda";

export const log = (line) => process.stderr.write(`${line}\n`);

/**
 * Sets process.env.AUTH_SECRET when unset: read from .data/auth-secret, generated there
 * (mode 600) on first use. Returns where it came from, for a progress line.
 */
export function ensureAuthSecret() {
  if (process.env.AUTH_SECRET) return "dari lingkungan / from environment";
  const file = path.join(ROOT, ".data", "auth-secret");
  if (fs.existsSync(file)) {
    process.env.AUTH_SECRET = fs.readFileSync(file, "utf8").trim();
    return `dari / from ${path.relative(ROOT, file)}`;
  }
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const secret = crypto.randomBytes(32).toString("base64url");
  fs.writeFileSync(file, `${secret}\n`, { mode: 0o600 });
  process.env.AUTH_SECRET = secret;
  return `dibuat / generated: ${path.relative(ROOT, file)}`;
}

/** Absolute path of a binary from node_modules/.bin, or the name itself (PATH lookup). */
export function resolveBin(name) {
  if (name.includes("/")) return name;
  const local = path.join(ROOT, "node_modules", ".bin", name);
  return fs.existsSync(local) ? local : name;
}

/**
 * @typedef {{ url: string, ownerUrl: string, superUrl?: string, embedded: boolean, reused: boolean,
 *   stop: () => Promise<void> }} Database
 *   url: the app's role (DATABASE_URL); ownerUrl: the owner role, for migrations, seed and resets
 *   (MIGRATION_DATABASE_URL); superUrl: the embedded server's superuser (role set-up only).
 */

/**
 * The database for a command: DATABASE_URL (+ MIGRATION_DATABASE_URL) when set, otherwise the
 * embedded server with its two roles (scripts/lib/db-roles.mjs).
 * @returns {Promise<Database>}
 */
export async function resolveDatabase({
  dataDir = DEV_DATA_DIR,
  port = Number(process.env.SIKERDA_PG_PORT || DEFAULT_PG_PORT),
  database = DEV_DATABASE,
  fast = false,
} = {}) {
  const given = process.env.DATABASE_URL;
  if (given) {
    const ownerUrl = process.env.MIGRATION_DATABASE_URL || given;
    return { url: given, ownerUrl, embedded: false, reused: true, stop: async () => {} };
  }
  const server = await startEmbeddedPostgres({ dataDir, port, database, fast, log });
  return { ...embeddedDatabase(server.url), reused: server.reused, stop: server.stop, embedded: true };
}

/** App and owner URLs of an embedded server's database, from its superuser URL. */
export function embeddedDatabase(superUrl) {
  return { url: embeddedRoleUrl(superUrl, APP_ROLE), ownerUrl: embeddedRoleUrl(superUrl, OWNER_ROLE), superUrl };
}

/**
 * Makes `db` ready for the app: the embedded roles (when embedded), `prisma migrate deploy` as the
 * owner, then the app role's grants. With one URL for both (no MIGRATION_DATABASE_URL) the grants
 * are skipped with a warning: the app then owns its tables and could rewrite history.
 * @param {Database} db
 * @param {{ quiet?: boolean, migrate?: boolean, reset?: boolean }} [options]
 *   reset: drop and recreate schema `public` first (as the owner; embedded only unless SIKERDA_FORCE=1)
 */
export async function prepareDatabase(db, { quiet = false, migrate = true, reset = false } = {}) {
  if (db.superUrl) await ensureEmbeddedRoles(db.superUrl);
  // Several app instances may start at once against one database: one of them migrates, grants and
  // installs the job queue at a time; the others wait and then find nothing left to do.
  await withSetupLock(db.ownerUrl, async () => {
    if (reset) await resetSchema(db.ownerUrl);
    if (migrate) await migrateDeploy(db.ownerUrl, { quiet });
    await grantAppRole(db, { quiet });
  });
}

/** Arbitrary, fixed key of the session-level advisory lock taken around the database set-up. */
const SETUP_LOCK_KEY = 720_261_127;

/** Runs `fn` while holding SIKERDA's set-up advisory lock (a separate session on `url`). */
export async function withSetupLock(url, fn) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query("SELECT pg_advisory_lock($1)", [SETUP_LOCK_KEY]);
    return await fn();
  } finally {
    await client.query("SELECT pg_advisory_unlock($1)", [SETUP_LOCK_KEY]).catch(() => {});
    await client.end().catch(() => {});
  }
}

/** The app role's grants (after migrations, including `prisma migrate dev`). */
export async function grantAppRole(db, { quiet = false } = {}) {
  if (!hasMigrations()) return;
  const appRole = roleOf(db.url);
  if (appRole === roleOf(db.ownerUrl)) {
    await installJobQueue(db.ownerUrl, null);
    log(
      "PERINGATAN / WARNING: DATABASE_URL dan MIGRATION_DATABASE_URL memakai peran yang sama — riwayat dan audit " +
        "tidak terlindung di tingkat basis data / the app connects as the table owner: set MIGRATION_DATABASE_URL " +
        "(README: Running on a real PostgreSQL).",
    );
    return;
  }
  const tables = await applyGrants(db.ownerUrl, appRole);
  if (!quiet) log(`Hak akses / grants: peran aplikasi ${appRole} (${tables} tabel; riwayat/audit hanya INSERT+SELECT)`);
  await installJobQueue(db.ownerUrl, appRole);
}

/**
 * Runs a command to completion with inherited stdio; SIGINT/SIGTERM/SIGHUP received by this
 * process are forwarded to it. Resolves with its exit code (128 + signal number if killed).
 */
export function run(command, args = [], { env = process.env, stdio = "inherit", cwd = process.cwd() } = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(resolveBin(command), args, { env, stdio, cwd });
    const forward = (signal) => {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    };
    const signals = ["SIGINT", "SIGTERM", "SIGHUP"];
    for (const s of signals) process.on(s, forward);
    const cleanup = () => {
      for (const s of signals) process.removeListener(s, forward);
    };
    child.on("error", (error) => {
      cleanup();
      reject(new Error(`Cannot run ${command}: ${error.message}`));
    });
    child.on("exit", (code, signal) => {
      cleanup();
      resolve(code ?? 128 + (signal ? (os_signals[signal] ?? 1) : 1));
    });
  });
}

const os_signals = { SIGHUP: 1, SIGINT: 2, SIGQUIT: 3, SIGKILL: 9, SIGTERM: 15 };

/** Runs a command, capturing its output (printed only on failure by the callers). */
export function capture(command, args, { env = process.env, cwd = ROOT } = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(resolveBin(command), args, { env, cwd, stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    child.stdout.on("data", (d) => (output += d));
    child.stderr.on("data", (d) => (output += d));
    child.on("error", reject);
    child.on("exit", (code, signal) => resolve({ code: code ?? 1, signal, output }));
  });
}

export function hasMigrations() {
  const dir = path.join(ROOT, "prisma", "migrations");
  try {
    return fs.readdirSync(dir, { withFileTypes: true }).some((e) => e.isDirectory());
  } catch {
    return false;
  }
}

/**
 * `prisma migrate deploy` against `url`; one summary line on success, full output on failure.
 * @param {string} url
 * @param {{ quiet?: boolean }} [options]
 */
export async function migrateDeploy(url, { quiet = false } = {}) {
  if (!hasMigrations()) {
    log("Migrasi: prisma/migrations belum ada — dilewati / no migrations yet, skipped");
    return;
  }
  const t0 = Date.now();
  const { code, output } = await capture("prisma", ["migrate", "deploy"], {
    env: { ...process.env, DATABASE_URL: url, PRISMA_HIDE_UPDATE_MESSAGE: "1" },
  });
  if (code !== 0) {
    process.stderr.write(output);
    throw new Error(`prisma migrate deploy failed (exit ${code})`);
  }
  if (quiet) return;
  const applied = output.match(/^└─ .+$|^ {2}└─ .+$/gm)?.length ?? 0;
  const pending = /No pending migrations/i.test(output);
  log(
    `Migrasi / migrations: ${pending ? "sudah terbaru / up to date" : `${applied || "?"} diterapkan / applied`} (${Date.now() - t0} ms)`,
  );
}

/** Drops and recreates schema `public` (all tables and data). Refused on a non-embedded DB unless SIKERDA_FORCE=1. */
export async function resetSchema(url) {
  if (!isEmbeddedUrl(url) && process.env.SIKERDA_FORCE !== "1") {
    throw new Error("Refusing to reset a database that is not the embedded one. Set SIKERDA_FORCE=1 to force.");
  }
  await withClient(url, (c) => c.query("DROP SCHEMA IF EXISTS public CASCADE; CREATE SCHEMA public;"));
  log("Basis data dikosongkan / database reset (schema public recreated)");
}

/**
 * @template T
 * @param {string} url
 * @param {(client: import("pg").Client) => Promise<T>} fn
 * @returns {Promise<T>}
 */
export async function withClient(url, fn) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end().catch(() => {});
  }
}

/** Exits with `code` after stopping the database (and anything else in `cleanups`). */
export async function exitAfter(code, ...cleanups) {
  for (const cleanup of cleanups) {
    try {
      await cleanup?.();
    } catch (error) {
      log(`Cleanup failed: ${error.message}`);
    }
  }
  process.exit(code);
}

/**
 * While `fn` runs (database start-up, migrations…), SIGINT/SIGTERM stop the database and exit.
 * Once the main child runs, `run()` forwards signals instead.
 */
export function exitOnSignalDuring(stop) {
  const handler = (signal) => exitAfter(128 + (os_signals[signal] ?? 1), stop);
  for (const s of ["SIGINT", "SIGTERM", "SIGHUP"]) process.on(s, handler);
  return () => {
    for (const s of ["SIGINT", "SIGTERM", "SIGHUP"]) process.removeListener(s, handler);
  };
}

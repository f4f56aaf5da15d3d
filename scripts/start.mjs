#!/usr/bin/env node
// `npm start`: one command from a fresh clone to a running SIKERDA.
//   1. AUTH_SECRET: from the environment, else generated once into .data/auth-secret (mode 600).
//   2. Database: DATABASE_URL (+ MIGRATION_DATABASE_URL), else embedded PostgreSQL (.data/pg,
//      port $SIKERDA_PG_PORT or 54329) with its owner and app roles (scripts/lib/db-roles.mjs).
//   3. prisma migrate deploy as the owner, then the app role's grants.
//   4. Demo data (prisma/seed.ts, as the owner) when the embedded database has no users;
//      with a DATABASE_URL of your own only when SIKERDA_SEED=1 (and it has no users).
//   5. `next build` when the production build is missing or older than the sources.
//   6. scripts/server.mjs on $PORT (default 3000): Next.js behind the client-address step.
//      Ctrl-C stops Next.js and PostgreSQL.
import fs from "node:fs";
import path from "node:path";
import {
  ROOT, resolveDatabase, prepareDatabase, run, withClient, exitAfter, exitOnSignalDuring, log, ensureAuthSecret,
} from "./lib/db-runtime.mjs";
import { buildIsCurrent, stampBuild } from "./lib/build-fingerprint.mjs";

/** Counts the users; the seed runs only on an empty database. Table name = Prisma model name. */
const USER_COUNT_SQL = 'SELECT count(*)::int AS n FROM "User"';

const PORT = Number(process.env.PORT || 3000);
const step = (n, text) => log(`[${n}/6] ${text}`);

async function countUsers(url) {
  try {
    return await withClient(url, async (c) => (await c.query(USER_COUNT_SQL)).rows[0].n);
  } catch (error) {
    if (error.code === "42P01") {
      throw new Error(`${error.message}: skema belum dimigrasi / schema not migrated (is prisma/migrations empty?)`);
    }
    throw error;
  }
}

async function waitForHttp(url, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      await fetch(url, { redirect: "manual", signal: AbortSignal.timeout(2000) });
      return true;
    } catch {
      await new Promise((r) => setTimeout(r, 300));
    }
  }
  return false;
}

let stopDb = async () => {};
const releaseSignals = exitOnSignalDuring(() => stopDb());
let db;
try {
  log("SIKERDA — memulai / starting");
  step(1, `AUTH_SECRET ${ensureAuthSecret()}`);

  step(2, process.env.DATABASE_URL ? "Basis data / database: DATABASE_URL" : "Basis data / database: PostgreSQL tertanam / embedded");
  db = await resolveDatabase();
  stopDb = db.stop;

  step(3, "Migrasi dan hak akses / migrations and grants (prisma migrate deploy)");
  await prepareDatabase(db);

  const wantSeed = db.embedded || process.env.SIKERDA_SEED === "1";
  if (wantSeed) {
    const users = await countUsers(db.ownerUrl);
    if (users === 0) {
      step(4, "Data demo / demo data (prisma/seed.ts)");
      const code = await run("tsx", ["prisma/seed.ts"], {
        cwd: ROOT,
        env: { ...process.env, DATABASE_URL: db.ownerUrl },
      });
      if (code !== 0) throw new Error(`Seed gagal / seed failed (exit ${code})`);
    } else {
      step(4, `Data demo dilewati / demo data skipped: ${users} pengguna / users already`);
    }
  } else {
    step(4, "Data demo dilewati / demo data skipped (DATABASE_URL sendiri; SIKERDA_SEED=1 untuk mengisi)");
  }

  if (!fs.existsSync(path.join(ROOT, "lib", "generated", "prisma"))) {
    const code = await run("prisma", ["generate"], { cwd: ROOT });
    if (code !== 0) throw new Error(`prisma generate failed (exit ${code})`);
  }
  if (buildIsCurrent(ROOT)) {
    step(5, "Build produksi sudah sesuai kode / production build is up to date (.next)");
  } else {
    step(5, "Build produksi / production build (next build, ±1 menit)");
    const code = await run("next", ["build"], {
      cwd: ROOT,
      env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", DATABASE_URL: db.url },
    });
    if (code !== 0) throw new Error(`next build gagal / failed (exit ${code})`);
    stampBuild(ROOT);
  }
} catch (error) {
  log(`\nGAGAL / FAILED: ${error.message}`);
  await exitAfter(1, stopDb);
}
releaseSignals();

const appUrl = `http://localhost:${PORT}`;
step(6, `Menjalankan / starting scripts/server.mjs on port ${PORT}`);
const env = {
  ...process.env,
  DATABASE_URL: db.url,
  PORT: String(PORT),
  NODE_ENV: "production",
  NEXT_TELEMETRY_DISABLED: "1",
  AUTH_URL: process.env.AUTH_URL || appUrl,
};
// The running app never holds the owner's credentials.
delete env.MIGRATION_DATABASE_URL;
const server = run(process.execPath, ["scripts/server.mjs"], { cwd: ROOT, env });
waitForHttp(appUrl, 120_000).then((up) => {
  if (up) log(`\nSIKERDA siap / ready: ${appUrl}   (Ctrl-C untuk berhenti / to stop)\n`);
});
const code = await server.catch((error) => {
  log(error.message);
  return 1;
});
await exitAfter(code, stopDb);

#!/usr/bin/env node
// The app as Playwright sees it (playwright.config.ts → webServer): a fresh embedded PostgreSQL
// (.data-e2e/pg, port 54349, wiped on every start) with its owner and app roles, migrations and
// grants, the demo seed, then the production build served by scripts/server.mjs on port 3100 —
// the same server as `npm start`. Builds only when the build is older than the sources
// (`npm test` builds before running e2e). Writes .data-e2e/env.json (owner database URL, storage
// directory, app URL, session secret) for the tests (tests/support/fixture-client.ts).
import fs from "node:fs";
import path from "node:path";
import { startEmbeddedPostgres, stopServerInDataDir } from "./embedded-pg.mjs";
import { ROOT, embeddedDatabase, prepareDatabase, run, exitAfter, exitOnSignalDuring, log } from "./lib/db-runtime.mjs";
import { buildIsCurrent, stampBuild } from "./lib/build-fingerprint.mjs";

const PORT = Number(process.env.SIKERDA_E2E_PORT || 3100);
const PG_PORT = Number(process.env.SIKERDA_E2E_PG_PORT || 54349);
const E2E_DIR = path.join(ROOT, ".data-e2e");
const APP_URL = `http://localhost:${PORT}`;
// The server, the seed and the fixture CLI share one document directory (the seed's placeholder
// PDFs must be where the server reads them, never in the developer's .data/dokumen).
const STORAGE_DIR = path.join(E2E_DIR, "dokumen");
// A fixed secret: e2e sessions are throw-away and never valid outside this server.
const E2E_AUTH_SECRET = "e2e-only-secret-not-for-production-3f9c2a7d1b6e4f08";

let stopDb = async () => {};
const releaseSignals = exitOnSignalDuring(() => stopDb());
let db;
try {
  await stopServerInDataDir(path.join(E2E_DIR, "pg"));
  fs.rmSync(E2E_DIR, { recursive: true, force: true });
  const server = await startEmbeddedPostgres({
    dataDir: path.join(E2E_DIR, "pg"), port: PG_PORT, database: "sikerda_e2e", fast: true, log,
  });
  stopDb = server.stop;
  if (server.reused) {
    throw new Error(`Port ${PG_PORT} is already served by another PostgreSQL; e2e needs a fresh one (SIKERDA_E2E_PG_PORT).`);
  }
  db = { ...embeddedDatabase(server.url), embedded: true, reused: false, stop: server.stop };
  await prepareDatabase(db);

  const seed = await run("tsx", ["prisma/seed.ts"], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: db.ownerUrl, STORAGE_DRIVER: "disk", STORAGE_DIR },
  });
  if (seed !== 0) throw new Error(`Seed failed (exit ${seed})`);

  if (!buildIsCurrent(ROOT)) {
    log("e2e: no production build of the current sources — running next build");
    const code = await run("next", ["build"], { cwd: ROOT, env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } });
    if (code !== 0) throw new Error(`next build failed (exit ${code})`);
    stampBuild(ROOT);
  }
} catch (error) {
  log(`e2e server: ${error.message}`);
  await exitAfter(1, stopDb);
}
releaseSignals();

// For the test process (fixtures through the real services, fingerprints of the database): where this
// server's database (as its owner) and document storage are, and its throw-away session secret.
// Written after the seed, so a test that finds the file finds a ready database.
fs.writeFileSync(
  path.join(E2E_DIR, "env.json"),
  `${JSON.stringify({ databaseUrl: db.ownerUrl, storageDir: STORAGE_DIR, appUrl: APP_URL, authSecret: E2E_AUTH_SECRET }, null, 2)}\n`,
);

const env = {
  ...process.env,
  NODE_ENV: "production",
  PORT: String(PORT),
  DATABASE_URL: db.url,
  AUTH_SECRET: E2E_AUTH_SECRET,
  AUTH_URL: APP_URL,
  NEXT_TELEMETRY_DISABLED: "1",
  // Tests give each case its own X-Forwarded-For, as one reverse proxy in front would, so the
  // per-address sign-in throttle of one test never blocks another (tests/e2e/fixtures.ts).
  TRUSTED_PROXY_HOPS: "1",
  STORAGE_DRIVER: "disk",
  STORAGE_DIR,
};
delete env.MIGRATION_DATABASE_URL;
const code = await run(process.execPath, ["scripts/server.mjs"], { cwd: ROOT, env }).catch((error) => {
  log(error.message);
  return 1;
});
await exitAfter(code, stopDb);

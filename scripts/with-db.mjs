#!/usr/bin/env node
// Usage: node scripts/with-db.mjs [--reset] -- <command...>
//
// Runs <command> with DATABASE_URL (the app's role) and MIGRATION_DATABASE_URL (the owner role)
// set. When DATABASE_URL is unset, an embedded PostgreSQL is started (data .data/pg, port
// $SIKERDA_PG_PORT or 54329, database `sikerda`, roles sikerda_owner/sikerda_app) — or reused if
// one already runs — and stopped when the command exits. Pending migrations are applied first
// (except for `prisma migrate …` and `prisma db push|pull|execute`, which manage the schema), then
// the app role's grants (also after those schema commands).
// AUTH_SECRET, when unset, comes from .data/auth-secret (generated once), so `next dev` works.
// --reset drops and recreates schema `public` first (embedded database only, unless SIKERDA_FORCE=1).
import {
  resolveDatabase, prepareDatabase, grantAppRole, run, exitAfter, exitOnSignalDuring, log, ensureAuthSecret,
} from "./lib/db-runtime.mjs";

const argv = process.argv.slice(2);
const sep = argv.indexOf("--");
const flags = sep === -1 ? [] : argv.slice(0, sep);
const command = sep === -1 ? argv : argv.slice(sep + 1);
const unknown = flags.filter((f) => f !== "--reset");
if (command.length === 0 || unknown.length > 0) {
  log("Usage: node scripts/with-db.mjs [--reset] -- <command...>");
  process.exit(2);
}
const reset = flags.includes("--reset");
const managesSchema =
  command[0] === "prisma" && (command[1] === "migrate" || (command[1] === "db" && ["push", "pull", "execute"].includes(command[2])));

let db;
let stopDb = async () => {};
const releaseSignals = exitOnSignalDuring(() => stopDb());
try {
  if (command[0] !== "prisma") ensureAuthSecret();
  db = await resolveDatabase();
  stopDb = db.stop;
  await prepareDatabase(db, { migrate: !managesSchema, reset });
} catch (error) {
  log(`\n${error.message}`);
  await exitAfter(1, stopDb);
}
releaseSignals();

let code;
try {
  // DATABASE_URL is the app's role; the owner's URL is for Prisma's CLI (prisma.config.ts) and the seed.
  code = await run(command[0], command.slice(1), {
    env: { ...process.env, DATABASE_URL: db.url, MIGRATION_DATABASE_URL: db.ownerUrl },
  });
  // A migration just created (prisma migrate dev) needs its grants too.
  if (code === 0 && managesSchema) await grantAppRole(db);
} catch (error) {
  log(error.message);
  code = code ?? 127;
}
await exitAfter(code, stopDb);

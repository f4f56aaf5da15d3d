// Integration tests run against a real PostgreSQL: TEST_DATABASE_URL (the app's role) and
// TEST_MIGRATION_DATABASE_URL (the owner) when set, otherwise an embedded server
// (.data-test/pg, port 54339, database `sikerda_test`) whose database is recreated on every run,
// with the same two roles as production (scripts/lib/db-roles.mjs). Migrations are applied once
// as the owner; app code runs as the app role; tests TRUNCATE between cases as the owner
// (helpers/db.ts). The URLs reach the tests through `provide` (see setup.ts).
import path from "node:path";
import type { TestProject } from "vitest/node";
import { startEmbeddedPostgres } from "../../scripts/embedded-pg.mjs";
import { ROOT, embeddedDatabase, prepareDatabase, withClient } from "../../scripts/lib/db-runtime.mjs";

declare module "vitest" {
  export interface ProvidedContext {
    /** The app's role: what lib/db.ts connects as. */
    databaseUrl: string;
    /** The owner role: resets, fixtures written with plain SQL. */
    ownerDatabaseUrl: string;
  }
}

const PORT = Number(process.env.SIKERDA_TEST_PG_PORT || 54339);
const DATABASE = "sikerda_test";

export default async function setup(project: TestProject) {
  let db;
  let stop = async () => {};
  if (process.env.TEST_DATABASE_URL) {
    const url = process.env.TEST_DATABASE_URL;
    db = { url, ownerUrl: process.env.TEST_MIGRATION_DATABASE_URL || url, embedded: false, reused: true, stop };
  } else {
    const server = await startEmbeddedPostgres({
      dataDir: path.join(ROOT, ".data-test", "pg"),
      port: PORT,
      database: "postgres",
      fast: true,
      log: () => {},
    });
    // A fresh database each run: migrations edited during development never leave drift behind.
    // When another run owns the server (reused), take a database of our own so neither run
    // truncates the other's data, and drop it afterwards.
    const database = server.reused ? `${DATABASE}_${process.pid}` : DATABASE;
    const adminUrl = server.url;
    const recreate = (create: boolean) =>
      withClient(adminUrl, async (c) => {
        await c.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
        if (create) await c.query(`CREATE DATABASE ${database}`);
      });
    await recreate(true);
    stop = async () => {
      if (server.reused) await recreate(false);
      await server.stop();
    };
    db = { ...embeddedDatabase(adminUrl.replace(/\/postgres$/, `/${database}`)), embedded: true, reused: server.reused, stop };
  }
  try {
    await prepareDatabase(db, { quiet: true });
  } catch (error) {
    await stop();
    throw error;
  }
  project.provide("databaseUrl", db.url);
  project.provide("ownerDatabaseUrl", db.ownerUrl);
  return async () => {
    await stop();
  };
}

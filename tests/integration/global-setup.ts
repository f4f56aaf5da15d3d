// Integration tests run against a real PostgreSQL: TEST_DATABASE_URL when set, otherwise an
// embedded server (.data-test/pg, port 54339, database `sikerda_test`) whose database is
// recreated on every run. Migrations are applied once; tests TRUNCATE between cases
// (helpers/db.ts). The URL reaches the tests through `provide` (see setup.ts).
import path from "node:path";
import type { TestProject } from "vitest/node";
import { startEmbeddedPostgres } from "../../scripts/embedded-pg.mjs";
import { ROOT, migrateDeploy, withClient } from "../../scripts/lib/db-runtime.mjs";

declare module "vitest" {
  export interface ProvidedContext {
    databaseUrl: string;
  }
}

const PORT = Number(process.env.SIKERDA_TEST_PG_PORT || 54339);
const DATABASE = "sikerda_test";

export default async function setup(project: TestProject) {
  let url = process.env.TEST_DATABASE_URL;
  let stop = async () => {};
  if (!url) {
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
    url = adminUrl.replace(/\/postgres$/, `/${database}`);
  }
  try {
    await migrateDeploy(url, { quiet: true });
  } catch (error) {
    await stop();
    throw error;
  }
  project.provide("databaseUrl", url);
  return async () => {
    await stop();
  };
}

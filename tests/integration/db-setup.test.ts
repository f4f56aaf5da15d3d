// Several app instances starting at once against one database (README "Documents and deployment on
// several instances"): scripts/lib/db-runtime.mjs prepareDatabase() — migrations, the app role's
// grants, the job queue — runs under one advisory lock, so simultaneous starts on an EMPTY database
// all succeed and leave exactly one copy of everything.
import { afterAll, describe, expect, inject, it } from "vitest";
import pg from "pg";
import { prepareDatabase } from "../../scripts/lib/db-runtime.mjs";
import { testPool } from "./helpers/db";

const withDatabase = (url: string, database: string) => {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
};

const DATABASE = `sikerda_setup_${process.pid}`;

async function query<T extends pg.QueryResultRow>(url: string, sql: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql)).rows;
  } finally {
    await client.end();
  }
}

describe("database set-up by several instances at once", () => {
  afterAll(async () => {
    await testPool().query(`DROP DATABASE IF EXISTS ${DATABASE} WITH (FORCE)`);
  });

  it("three simultaneous starts on an empty database: all succeed, each migration applied once, grants in place", async () => {
    await testPool().query(`DROP DATABASE IF EXISTS ${DATABASE} WITH (FORCE)`);
    await testPool().query(`CREATE DATABASE ${DATABASE}`);
    const appUrl = withDatabase(inject("databaseUrl"), DATABASE);
    const ownerUrl = withDatabase(inject("ownerDatabaseUrl"), DATABASE);
    const app = decodeURIComponent(new URL(appUrl).username);
    await testPool().query(`GRANT CONNECT ON DATABASE ${DATABASE} TO "${app}"`);

    const db = { url: appUrl, ownerUrl, embedded: false, reused: false, stop: async () => {} };
    const results = await Promise.allSettled([1, 2, 3].map(() => prepareDatabase(db, { quiet: true })));
    expect(results.map((r) => (r.status === "rejected" ? String(r.reason) : "ok"))).toEqual(["ok", "ok", "ok"]);

    const migrations = await query<{ name: string; n: string }>(
      ownerUrl,
      `SELECT migration_name AS name, count(*) AS n FROM _prisma_migrations WHERE finished_at IS NOT NULL GROUP BY 1`,
    );
    expect(migrations.length).toBeGreaterThan(5);
    expect(migrations.filter((m) => Number(m.n) !== 1)).toEqual([]);
    // The app role got its grants: it can read a business table and cannot rewrite history.
    await expect(query(appUrl, `SELECT count(*) FROM "Case"`)).resolves.toEqual([{ count: "0" }]);
    await expect(query(appUrl, `DELETE FROM "StageHistory"`)).rejects.toThrow(/permission denied/);
  }, 180_000);
});

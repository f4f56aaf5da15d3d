import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { resetDatabase, testPool } from "./helpers/db";

describe("integration database", () => {
  const table = "__smoke_reset";

  beforeAll(async () => {
    await testPool().query(`CREATE TABLE IF NOT EXISTS ${table} (id serial PRIMARY KEY, label text NOT NULL)`);
  });

  afterAll(async () => {
    await testPool().query(`DROP TABLE IF EXISTS ${table}`);
  });

  it("has the migrations applied", async () => {
    const { rows } = await testPool().query(
      `SELECT count(*)::int AS n FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`,
    );
    expect(rows[0].n).toBeGreaterThan(0);
  });

  it("resetDatabase() empties tables and restarts their sequences", async () => {
    await testPool().query(`INSERT INTO ${table} (label) VALUES ('a'), ('b')`);
    await resetDatabase();
    const count = await testPool().query(`SELECT count(*)::int AS n FROM ${table}`);
    expect(count.rows[0].n).toBe(0);
    const next = await testPool().query(`INSERT INTO ${table} (label) VALUES ('c') RETURNING id`);
    expect(next.rows[0].id).toBe(1);
    const history = await testPool().query(`SELECT count(*)::int AS n FROM _prisma_migrations`);
    expect(history.rows[0].n).toBeGreaterThan(0);
  });
});

import pg from "pg";
import { inject } from "vitest";

let pool: pg.Pool | undefined;

/**
 * A small pg pool on the test database, signed in as the OWNER role (for resets, fixtures and
 * assertions outside Prisma). App code (lib/db.ts) runs as the app role, which may not
 * TRUNCATE, UPDATE or DELETE the append-only tables.
 */
export function testPool(): pg.Pool {
  pool ??= new pg.Pool({ connectionString: inject("ownerDatabaseUrl"), max: 2 });
  return pool;
}

/** A pg pool signed in as the app's role (what lib/db.ts uses), for privilege tests. Caller ends it. */
export function appRolePool(): pg.Pool {
  return new pg.Pool({ connectionString: inject("databaseUrl"), max: 2 });
}

export async function closeTestPool(): Promise<void> {
  const current = pool;
  pool = undefined;
  await current?.end();
}

// One statement: every table of schema public except Prisma's migration history, emptied and
// its sequences restarted. TRUNCATE fires no row-level DELETE triggers (append-only tables are fine).
const RESET_SQL = `
DO $$
DECLARE tables text;
BEGIN
  SELECT string_agg(format('%I.%I', schemaname, tablename), ', ')
    INTO tables
    FROM pg_tables
   WHERE schemaname = 'public' AND tablename <> '_prisma_migrations';
  IF tables IS NOT NULL THEN
    EXECUTE 'TRUNCATE TABLE ' || tables || ' RESTART IDENTITY CASCADE';
  END IF;
END $$`;

/** Empties every application table (call in beforeEach). */
export async function resetDatabase(): Promise<void> {
  await testPool().query(RESET_SQL);
}

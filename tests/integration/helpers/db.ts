import pg from "pg";

let pool: pg.Pool | undefined;

/** A small pg pool on the test database (for assertions outside Prisma and for resets). */
export function testPool(): pg.Pool {
  if (!process.env.DATABASE_URL) throw new Error("DATABASE_URL is not set: run through the integration project.");
  pool ??= new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 2 });
  return pool;
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

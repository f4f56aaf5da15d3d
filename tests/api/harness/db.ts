// The e2e database as the matrix test sees it: a small pg pool for checks, and a fingerprint of
// every business table so a refused call can be proven to have changed nothing.
import pg from "pg";
import { e2eEnv } from "../../support/fixture-client";

let pool: pg.Pool | undefined;

export function db(): pg.Pool {
  pool ??= new pg.Pool({ connectionString: e2eEnv().databaseUrl, max: 2 });
  return pool;
}

export async function closeDb(): Promise<void> {
  const current = pool;
  pool = undefined;
  await current?.end();
}

export async function one<T = Record<string, unknown>>(sql: string, params: unknown[] = []): Promise<T | undefined> {
  const { rows } = await db().query(sql, params);
  return rows[0] as T | undefined;
}

/**
 * Left out of the fingerprint: the sign-in log, the sessions (a request may refresh lastSeenAt) and
 * the columns a sign-in updates (the tests sign in between calls), and Prisma's migration table. Everything else in schema public counts, including
 * tables added later. If the app starts writing on every request (e.g. a "last seen" column for an
 * idle timeout), add that table or column here.
 */
// DashboardSnapshot is a derived summary (lib/dashboard/snapshot.ts) that page views refresh.
const VOLATILE_TABLES = new Set(["_prisma_migrations", "LoginAttempt", "Session", "DashboardSnapshot"]);
const VOLATILE_COLUMNS: Record<string, readonly string[]> = {
  User: ["lastLoginAt", "failedLoginCount", "lastFailedLoginAt", "updatedAt"],
};

let fingerprintSql: string | undefined;

async function buildFingerprintSql(): Promise<string> {
  const { rows } = await db().query<{ table_name: string; column_name: string }>(
    `SELECT table_name, column_name FROM information_schema.columns
      WHERE table_schema = 'public' ORDER BY table_name, ordinal_position`,
  );
  const columns = new Map<string, string[]>();
  for (const r of rows) {
    if (VOLATILE_TABLES.has(r.table_name)) continue;
    if (VOLATILE_COLUMNS[r.table_name]?.includes(r.column_name)) continue;
    columns.set(r.table_name, [...(columns.get(r.table_name) ?? []), r.column_name]);
  }
  const q = (name: string) => `"${name.replaceAll('"', '""')}"`;
  const parts = [...columns].map(([table, cols]) => {
    const row = `ROW(${cols.map((c) => `t.${q(c)}`).join(", ")})::text`;
    return `(SELECT md5(coalesce(string_agg(${row}, '|' ORDER BY ${row}), '')) FROM ${q(table)} t) AS ${q(table)}`;
  });
  return `SELECT ${parts.join(",\n")}`;
}

export type Fingerprint = Record<string, string>;

/** md5 of every business table's rows (volatile sign-in columns left out). */
export async function fingerprint(): Promise<Fingerprint> {
  fingerprintSql ??= await buildFingerprintSql();
  const { rows } = await db().query(fingerprintSql);
  return rows[0] as Fingerprint;
}

/** Names of the tables whose content differs. */
export function changedTables(before: Fingerprint, after: Fingerprint): string[] {
  return Object.keys({ ...before, ...after }).filter((t) => before[t] !== after[t]);
}

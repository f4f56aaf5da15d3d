// The database half of a restore, as the OWNER role: the backup's rows into tables created by
// the migrations (never by the app role, never with the append-only triggers disabled: those
// refuse UPDATE and DELETE, and a restore only inserts).
//
// One transaction: foreign keys and secondary indexes are dropped and re-created around the COPY,
// as pg_dump orders it (the backup holds reference cycles, e.g. Case ↔ Agreement; re-adding
// validates every reference and every unique index; building an index once is much faster than
// maintaining it row by row), user triggers that fire on INSERT are disabled meanwhile (the rows already carry
// what such a trigger would compute — as with pg_dump, where triggers come after the data),
// sequences are set, row counts checked against the manifest; any failure rolls everything back.
import { createReadStream } from "node:fs";
import path from "node:path";
import { pipeline } from "node:stream/promises";
import { createGunzip } from "node:zlib";
import type pg from "pg";
import { from as copyFrom } from "pg-copy-streams";
import type { Manifest } from "./manifest";
import { quoteIdent, tablesOf } from "./snapshot";

const table = (name: string) => `public.${quoteIdent(name)}`;

/** Tables of public with at least one row (ignoring Prisma's migration history). */
export async function nonEmptyTables(client: pg.Client): Promise<string[]> {
  const found: string[] = [];
  for (const t of await tablesOf(client)) {
    if (t.name === "_prisma_migrations") continue;
    const { rowCount } = await client.query(`SELECT 1 FROM ${table(t.name)} LIMIT 1`);
    if (rowCount) found.push(t.name);
  }
  return found;
}

export type LoadTimes = { copy: number; indexes: number; foreignKeys: number };

export async function loadDatabase(client: pg.Client, dir: string, manifest: Manifest): Promise<LoadTimes> {
  let mark = performance.now();
  const lap = () => {
    const now = performance.now();
    const seconds = Math.round((now - mark) / 100) / 10;
    mark = now;
    return seconds;
  };
  const times: LoadTimes = { copy: 0, indexes: 0, foreignKeys: 0 };
  const tables = await tablesOf(client);
  const present = new Map(tables.map((t) => [t.name, t]));
  const missing = manifest.database.tables.filter((t) => !present.has(t.name)).map((t) => t.name);
  if (missing.length) throw new Error(`Tabel tidak ada di skema tujuan / tables missing in the target schema: ${missing.join(", ")}`);

  await client.query("BEGIN");
  try {
    // Index builds after the load are far cheaper than maintaining every index row by row.
    await client.query("SET LOCAL maintenance_work_mem = '256MB'");
    const { rows: indexes } = await client.query<{ name: string; def: string }>(
      `SELECT ic.relname AS name, pg_get_indexdef(i.indexrelid) AS def
         FROM pg_index i JOIN pg_class ic ON ic.oid = i.indexrelid JOIN pg_namespace n ON n.oid = ic.relnamespace
        WHERE n.nspname = 'public' AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid)
        ORDER BY 1`,
    );
    const { rows: foreignKeys } = await client.query<{ rel: string; name: string; def: string }>(
      `SELECT cl.relname AS rel, co.conname AS name, pg_get_constraintdef(co.oid) AS def
         FROM pg_constraint co JOIN pg_class cl ON cl.oid = co.conrelid JOIN pg_namespace n ON n.oid = cl.relnamespace
        WHERE co.contype = 'f' AND n.nspname = 'public' ORDER BY cl.relname, co.conname`,
    );
    for (const fk of foreignKeys) await client.query(`ALTER TABLE ${table(fk.rel)} DROP CONSTRAINT ${quoteIdent(fk.name)}`);
    for (const ix of indexes) await client.query(`DROP INDEX public.${quoteIdent(ix.name)}`);
    const { rows: triggers } = await client.query<{ rel: string; name: string }>(
      `SELECT cl.relname AS rel, tg.tgname AS name
         FROM pg_trigger tg JOIN pg_class cl ON cl.oid = tg.tgrelid JOIN pg_namespace n ON n.oid = cl.relnamespace
        WHERE n.nspname = 'public' AND NOT tg.tgisinternal AND tg.tgenabled <> 'D' AND (tg.tgtype & 4) <> 0`,
    );
    for (const t of triggers) await client.query(`ALTER TABLE ${table(t.rel)} DISABLE TRIGGER ${quoteIdent(t.name)}`);

    // migrate deploy wrote its own history rows; the backup's are the record of this database.
    await client.query(`DELETE FROM public._prisma_migrations`);
    for (const t of manifest.database.tables) {
      const columns = t.columns.map(quoteIdent).join(", ");
      const source = createReadStream(path.join(dir, t.file));
      const sink = client.query(copyFrom(`COPY ${table(t.name)} (${columns}) FROM STDIN`));
      await (t.file.endsWith(".gz") ? pipeline(source, createGunzip(), sink) : pipeline(source, sink));
    }

    times.copy = lap();
    for (const ix of indexes) await client.query(ix.def);
    times.indexes = lap();
    for (const t of triggers) await client.query(`ALTER TABLE ${table(t.rel)} ENABLE TRIGGER ${quoteIdent(t.name)}`);
    for (const fk of foreignKeys) await client.query(`ALTER TABLE ${table(fk.rel)} ADD CONSTRAINT ${quoteIdent(fk.name)} ${fk.def}`);
    times.foreignKeys = lap();
    for (const s of manifest.database.sequences) {
      await client.query(`SELECT setval($1::regclass, $2::bigint, $3)`, [`public.${quoteIdent(s.name)}`, s.lastValue, s.isCalled]);
    }
    const wrong: string[] = [];
    for (const t of manifest.database.tables) {
      const { rows } = await client.query<{ n: string }>(`SELECT count(*)::text AS n FROM ${table(t.name)}`);
      if (Number(rows[0].n) !== t.rows) wrong.push(`${t.name}: ${rows[0].n} ≠ ${t.rows}`);
    }
    if (wrong.length) throw new Error(`Jumlah baris tidak cocok / row counts differ: ${wrong.join("; ")}`);
    await client.query("COMMIT");
    return times;
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    throw error;
  }
}

/** Row counts of the restored tables (for the report). */
export async function countRows(client: pg.Client, names: string[]): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  for (const name of names) {
    const { rows } = await client.query<{ n: string }>(`SELECT count(*)::text AS n FROM ${table(name)}`);
    out.set(name, Number(rows[0].n));
  }
  return out;
}

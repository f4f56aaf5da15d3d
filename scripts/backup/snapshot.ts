// The database half of a backup: one REPEATABLE READ READ ONLY transaction (one snapshot: every
// table as of the same instant, like pg_dump) exporting every table of schema `public` — Prisma's
// _prisma_migrations included — with COPY … TO STDOUT in PostgreSQL's text format, ordered by
// primary key (the same data always gives the same file), gzip-compressed, counted and hashed.
// Embedded PostgreSQL ships no pg_dump, and Debian's pg_dump 15 refuses a PostgreSQL 17 server.
import { createHash } from "node:crypto";
import { createWriteStream } from "node:fs";
import { mkdir } from "node:fs/promises";
import path from "node:path";
import { Transform } from "node:stream";
import { pipeline } from "node:stream/promises";
import { constants, createGzip } from "node:zlib";
import type pg from "pg";
import { to as copyTo } from "pg-copy-streams";
import type { MigrationEntry, SequenceEntry, TableEntry } from "./manifest";

export const quoteIdent = (name: string) => `"${name.replaceAll('"', '""')}"`;

export type Snapshot = {
  server: string;
  tables: TableEntry[];
  sequences: SequenceEntry[];
  migrations: MigrationEntry[];
  /** Document rows (soft-deleted ones too: their files are kept): what storage must hold. */
  documents: Map<string, { sha256: string; sizeBytes: number }>;
};

type TableInfo = { name: string; columns: string[]; primaryKey: string[] };

/** Tables of schema public (not partitions), their non-generated columns and primary key. */
export async function tablesOf(client: pg.Client): Promise<TableInfo[]> {
  const { rows } = await client.query<{ name: string; columns: string[]; pk: string[] | null }>(`
    SELECT c.relname::text AS name,
           array_agg(a.attname::text ORDER BY a.attnum) AS columns,
           (SELECT array_agg(a2.attname::text ORDER BY array_position(i.indkey::int2[], a2.attnum))
              FROM pg_index i JOIN pg_attribute a2 ON a2.attrelid = i.indrelid AND a2.attnum = ANY (i.indkey)
             WHERE i.indrelid = c.oid AND i.indisprimary) AS pk
      FROM pg_class c
      JOIN pg_namespace n ON n.oid = c.relnamespace
      JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped AND a.attgenerated = ''
     WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND NOT c.relispartition
     GROUP BY c.oid, c.relname
     ORDER BY c.relname`);
  return rows.map((r) => ({ name: r.name, columns: r.columns, primaryKey: r.pk ?? [] }));
}

/**
 * Counts rows (one per newline in COPY text format) and gathers COPY's one-row messages into
 * 256 KiB blocks: gzip and the file system then work on large buffers, not a million tiny ones.
 */
function counter(onRow: () => void) {
  const BLOCK = 256 * 1024;
  let pending: Buffer[] = [];
  let size = 0;
  return new Transform({
    transform(chunk: Buffer, _encoding, done) {
      for (let i = chunk.indexOf(10); i !== -1; i = chunk.indexOf(10, i + 1)) onRow();
      pending.push(chunk);
      size += chunk.byteLength;
      if (size >= BLOCK) {
        const block = Buffer.concat(pending, size);
        pending = [];
        size = 0;
        done(null, block);
      } else {
        done();
      }
    },
    flush(done) {
      done(null, size ? Buffer.concat(pending, size) : undefined);
    },
  });
}

async function dumpTable(client: pg.Client, dir: string, table: TableInfo, gzipLevel: number): Promise<TableEntry> {
  const file = `database/${table.name}.copy${gzipLevel > 0 ? ".gz" : ""}`;
  const columns = table.columns.map(quoteIdent).join(", ");
  const order = table.primaryKey.length ? ` ORDER BY ${table.primaryKey.map(quoteIdent).join(", ")}` : "";
  const sql = `COPY (SELECT ${columns} FROM public.${quoteIdent(table.name)}${order}) TO STDOUT`;
  let rows = 0;
  let bytes = 0;
  const hash = createHash("sha256");
  const tap = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      hash.update(chunk);
      bytes += chunk.byteLength;
      done(null, chunk);
    },
  });
  const stages = [client.query(copyTo(sql)), counter(() => rows++)] as NodeJS.ReadWriteStream[];
  if (gzipLevel > 0) stages.push(createGzip({ level: gzipLevel, memLevel: 9, strategy: constants.Z_DEFAULT_STRATEGY }));
  await pipeline([...stages, tap, createWriteStream(path.join(dir, file), { flags: "wx" })]);
  return { name: table.name, file, columns: table.columns, rows, bytes, sha256: hash.digest("hex") };
}

/**
 * Writes every table into `dir/database/` from one consistent snapshot. `client` must be the
 * owner (the app role may not read _prisma_migrations). Sequences are read in the same
 * transaction; they are not transactional, so a value may be slightly ahead of the rows — which
 * is harmless (pg_dump behaves the same).
 */
export async function dumpDatabase(client: pg.Client, dir: string, gzipLevel: number): Promise<Snapshot> {
  await mkdir(path.join(dir, "database"), { recursive: true });
  await client.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
  try {
    const tables = await tablesOf(client);
    if (!tables.some((t) => t.name === "_prisma_migrations") || !tables.some((t) => t.name === "Document")) {
      throw new Error("Skema public tidak berisi tabel SIKERDA (belum dimigrasi?) / schema public has no SIKERDA tables (not migrated?)");
    }
    // Like pg_dump: no table may be dropped or altered while it is exported.
    await client.query(`LOCK TABLE ${tables.map((t) => `public.${quoteIdent(t.name)}`).join(", ")} IN ACCESS SHARE MODE`);
    const server = (await client.query<{ v: string }>("SELECT version() AS v")).rows[0].v.split(" on ")[0];
    const entries: TableEntry[] = [];
    for (const table of tables) entries.push(await dumpTable(client, dir, table, gzipLevel));

    const { rows: seqs } = await client.query<{ name: string }>(
      `SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = 'public' AND c.relkind = 'S' ORDER BY c.relname`,
    );
    const sequences: SequenceEntry[] = [];
    for (const { name } of seqs) {
      const { rows } = await client.query<{ last_value: string; is_called: boolean }>(
        `SELECT last_value::text AS last_value, is_called FROM public.${quoteIdent(name)}`,
      );
      sequences.push({ name, lastValue: rows[0].last_value, isCalled: rows[0].is_called });
    }
    const { rows: migrations } = await client.query<MigrationEntry>(
      `SELECT migration_name AS name, checksum FROM public._prisma_migrations
        WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL ORDER BY started_at, migration_name`,
    );
    const documents = new Map<string, { sha256: string; sizeBytes: number }>();
    const { rows: docs } = await client.query<{ storageKey: string; sha256: string; sizeBytes: number }>(
      `SELECT "storageKey", sha256, "sizeBytes" FROM public."Document"`,
    );
    for (const d of docs) documents.set(d.storageKey, { sha256: d.sha256, sizeBytes: Number(d.sizeBytes) });
    await client.query("COMMIT");
    return { server, tables: entries, sequences, migrations, documents };
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    throw error;
  }
}

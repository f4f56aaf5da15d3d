// npm run backup [-- --out <dir>] [-- --gzip <0-9>]
//
// A consistent backup of SIKERDA: every table of the database from ONE snapshot (REPEATABLE READ
// READ ONLY, COPY text format — scripts/backup/snapshot.ts) plus every stored document (disk or
// bucket, lib/storage), with manifest.json: row counts and SHA-256 of every table file and object.
// The database is taken first: a document's file is always written before its row and never
// removed while a row points at it, so every row of the snapshot finds its file afterwards.
//
// Database: DATABASE_URL unset = the embedded server (.data/pg, SIKERDA_PG_PORT); otherwise
// MIGRATION_DATABASE_URL (the owner: the app role may not read Prisma's migration history).
// Storage: STORAGE_DRIVER / STORAGE_DIR / S3_* as for the app (.env.example).
// Output: backups/sikerda-<UTC time>/ (or --out), written as <dir>.partial-<pid> and renamed when
// complete. Exit 0 = complete; 3 = complete, but rows without their file or files whose bytes
// changed were found (listed); 1 = failed (nothing left behind).
import { existsSync } from "node:fs";
import { mkdir, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { parseArgs } from "node:util";
import pg from "pg";
import { ROOT, resolveDatabase } from "./lib/db-runtime.mjs";
import { env } from "../lib/env";
import { createStorage } from "../lib/storage";
import { FORMAT, FORMAT_VERSION, MANIFEST_FILE, type Manifest } from "./backup/manifest";
import { backupObjects } from "./backup/objects";
import { dumpDatabase } from "./backup/snapshot";

const log = (line: string) => process.stderr.write(`${line}\n`);
const seconds = (from: number) => Math.round((performance.now() - from) / 10) / 100;
const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

function stamp(date: Date): string {
  return date.toISOString().replace(/[-:]/g, "").replace(/\.\d+Z$/, "Z");
}

async function main(): Promise<number> {
  const { values } = parseArgs({ options: { out: { type: "string" }, gzip: { type: "string", default: "1" } } });
  const gzip = Number(values.gzip);
  if (!Number.isInteger(gzip) || gzip < 0 || gzip > 9) throw new Error("--gzip harus 0–9 / must be 0–9");
  const started = performance.now();
  const createdAt = new Date();
  const out = path.resolve(values.out ?? path.join(ROOT, "backups", `sikerda-${stamp(createdAt)}`));
  if (existsSync(out)) throw new Error(`${out} sudah ada / already exists`);
  const work = `${out}.partial-${process.pid}`;

  const db = await resolveDatabase();
  const client = new pg.Client({ connectionString: db.ownerUrl });
  const storage = createStorage(env.storage());
  try {
    await client.connect();
    await mkdir(work, { recursive: true });
    log(`Cadangan / backup → ${out}`);
    log(`  basis data / database: ${new URL(db.ownerUrl).host}${new URL(db.ownerUrl).pathname}${db.embedded ? " (tertanam / embedded)" : ""}`);
    log(`  penyimpanan / storage: ${storage.kind} ${storage.location}`);

    const t0 = performance.now();
    const snapshot = await dumpDatabase(client, work, gzip);
    const databaseSeconds = seconds(t0);
    const rows = snapshot.tables.reduce((n, t) => n + t.rows, 0);
    const dbBytes = snapshot.tables.reduce((n, t) => n + t.bytes, 0);
    log(`  ${snapshot.tables.length} tabel, ${rows} baris / rows, ${megabytes(dbBytes)} (${databaseSeconds} s)`);

    const t1 = performance.now();
    const objects = await backupObjects(storage, work, snapshot.documents);
    const objectSeconds = seconds(t1);
    log(`  ${objects.objects.length} objek / objects, ${megabytes(objects.totalBytes)} (${objectSeconds} s)`);

    const manifest: Manifest = {
      format: FORMAT,
      version: FORMAT_VERSION,
      createdAt: createdAt.toISOString(),
      database: {
        server: snapshot.server,
        snapshot: "one transaction, ISOLATION LEVEL REPEATABLE READ READ ONLY; COPY text format, ordered by primary key",
        schema: "public",
        migrations: snapshot.migrations,
        tables: snapshot.tables,
        sequences: snapshot.sequences,
      },
      storage: { source: `${storage.kind} ${storage.location}`, ...objects },
      seconds: { database: databaseSeconds, objects: objectSeconds, total: seconds(started) },
    };
    await writeFile(path.join(work, MANIFEST_FILE), `${JSON.stringify(manifest, null, 2)}\n`);
    await rename(work, out);
    log(`Selesai / done in ${manifest.seconds.total} s: ${path.relative(process.cwd(), out) || out}`);

    if (objects.missing || objects.mismatched.length) {
      log(
        `PERINGATAN / WARNING: ${objects.missing} baris Document tanpa berkas di penyimpanan (missing-objects.txt), ` +
          `${objects.mismatched.length} berkas yang isinya tidak cocok dengan SHA-256 barisnya / ` +
          `${objects.missing} document rows without their file, ${objects.mismatched.length} files whose SHA-256 differs from their row.`,
      );
      return 3;
    }
    return 0;
  } catch (error) {
    await rm(work, { recursive: true, force: true });
    if ((error as { code?: string }).code === "42501") {
      throw new Error(
        `${(error as Error).message}\nCadangan perlu peran pemilik (MIGRATION_DATABASE_URL) / the backup needs the owner role (MIGRATION_DATABASE_URL).`,
      );
    }
    throw error;
  } finally {
    await client.end().catch(() => {});
    await storage.close();
    await db.stop();
  }
}

main().then(
  (code) => process.exit(code),
  (error: Error) => {
    log(`Cadangan gagal / backup failed: ${error.message}`);
    process.exit(1);
  },
);

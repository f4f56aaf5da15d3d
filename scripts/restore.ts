// npm run restore -- <backup-dir> [--force] [--no-verify]
//
// Brings a backup of `npm run backup` back into an EMPTY database and EMPTY storage:
//   1. every table file and object of the backup is checked against manifest.json (SHA-256, size)
//      before anything is touched;
//   2. the target must be empty (no row in any table, no stored object) — refused otherwise;
//      --force empties it first (schema public dropped and rebuilt, every SIKERDA object deleted);
//   3. the schema comes from this code's migrations, applied as the OWNER — exactly those the backup
//      recorded (checksums compared), so the rows fit; newer migrations of this code run after the
//      load (a backup of an older version restores into a newer one);
//   4. the documents are written to storage (each SHA-256 checked), then the rows are loaded in one
//      transaction (scripts/backup/load.ts) with row counts checked; if that fails, the documents
//      written are removed again: database and storage stay empty;
//   5. the app role's grants are applied (scripts/lib/db-roles.mjs) and every document is read back
//      from storage and hashed (skip with --no-verify).
// Database and storage as for the app: DATABASE_URL unset = the embedded server (.data/pg; another
// one with SIKERDA_PG_DATA + SIKERDA_PG_PORT), else MIGRATION_DATABASE_URL (owner) + DATABASE_URL (app).
// Stop the app while restoring. Exit 0 = restored and verified; 1 = refused or failed.
import { rm } from "node:fs/promises";
import path from "node:path";
import { parseArgs } from "node:util";
import pg from "pg";
import { ROOT, capture, grantAppRole, resolveDatabase } from "./lib/db-runtime.mjs";
import { ensureEmbeddedRoles } from "./lib/db-roles.mjs";
import { env } from "../lib/env";
import { createStorage } from "../lib/storage";
import { countRows, loadDatabase, nonEmptyTables } from "./backup/load";
import { readManifest, verifyBackupFiles } from "./backup/manifest";
import { localMigrations, migrationsSubset, planMigrations } from "./backup/migrations";
import { clearStorage, removeObjects, restoreObjects, storageIsEmpty, verifyStoredObjects } from "./backup/objects";
import { tablesOf } from "./backup/snapshot";

const log = (line: string) => process.stderr.write(`${line}\n`);
const seconds = (from: number) => Math.round((performance.now() - from) / 10) / 100;
const MIGRATIONS = path.join(ROOT, "prisma", "migrations");

class Refused extends Error {}

async function deploy(ownerUrl: string, migrationsDir?: string) {
  const extra = migrationsDir ? { SIKERDA_MIGRATIONS_DIR: migrationsDir } : {};
  const { code, output } = await capture("prisma", ["migrate", "deploy"], {
    env: { ...process.env, ...extra, DATABASE_URL: ownerUrl, MIGRATION_DATABASE_URL: ownerUrl, PRISMA_HIDE_UPDATE_MESSAGE: "1" },
  });
  if (code !== 0) throw new Error(`prisma migrate deploy gagal / failed (exit ${code}):\n${output}`);
}

async function appliedMigrations(client: pg.Client): Promise<string[] | null> {
  const { rows } = await client.query<{ t: string | null }>(`SELECT to_regclass('public._prisma_migrations')::text AS t`);
  if (!rows[0].t) return null;
  const applied = await client.query<{ name: string }>(
    `SELECT migration_name AS name FROM public._prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL ORDER BY 1`,
  );
  return applied.rows.map((r) => r.name);
}

async function main(): Promise<number> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { force: { type: "boolean", default: false }, "no-verify": { type: "boolean", default: false } },
  });
  if (positionals.length !== 1) throw new Refused("Pemakaian / usage: npm run restore -- <direktori-cadangan> [--force] [--no-verify]");
  const dir = path.resolve(positionals[0]);
  const started = performance.now();

  const manifest = await readManifest(dir);
  log(`Pemulihan / restore ← ${dir} (dibuat / made ${manifest.createdAt})`);
  const damaged = await verifyBackupFiles(dir, manifest);
  if (damaged.length) throw new Refused(`Cadangan rusak, tidak ada yang diubah / backup damaged, nothing changed:\n  ${damaged.join("\n  ")}`);
  log(`  cadangan utuh / backup intact: ${manifest.database.tables.length} tabel, ${manifest.storage.objects.length} objek (${seconds(started)} s)`);
  const plan = planMigrations(manifest.database.migrations, await localMigrations(MIGRATIONS));
  if (!plan.ok) throw new Refused(`Skema cadangan tidak cocok dengan kode ini / schema mismatch:\n  ${plan.problems.join("\n  ")}`);

  const db = await resolveDatabase();
  if (db.superUrl) await ensureEmbeddedRoles(db.superUrl);
  const client = new pg.Client({ connectionString: db.ownerUrl });
  const storage = createStorage(env.storage());
  let subset: string | undefined;
  try {
    await client.connect();
    log(`  basis data / database: ${new URL(db.ownerUrl).host}${new URL(db.ownerUrl).pathname}; penyimpanan / storage: ${storage.kind} ${storage.location}`);

    // 2. An empty target, or --force.
    const filled = await nonEmptyTables(client);
    const storageEmpty = await storageIsEmpty(storage);
    if ((filled.length || !storageEmpty) && !values.force) {
      throw new Refused(
        "Tujuan tidak kosong, tidak ada yang diubah / the target is not empty, nothing changed:" +
          (filled.length ? `\n  tabel berisi / tables with rows: ${filled.join(", ")}` : "") +
          (storageEmpty ? "" : `\n  penyimpanan berisi dokumen / storage holds documents (${storage.location})`) +
          "\n--force mengosongkannya lebih dulu (SEMUA data dan dokumen di tujuan dihapus) / --force empties it first (ALL data and documents there are deleted).",
      );
    }
    if (!storageEmpty) log(`  --force: ${await clearStorage(storage)} objek dihapus / objects deleted`);

    // 3. The backup's schema.
    const t0 = performance.now();
    const applied = await appliedMigrations(client);
    const wanted = plan.backup.map((m) => m.name);
    const hasTables = (await tablesOf(client)).length > 0;
    if (filled.length || (hasTables && JSON.stringify(applied) !== JSON.stringify(wanted))) {
      await client.query("DROP SCHEMA public CASCADE; CREATE SCHEMA public;");
      log("  skema public dibangun ulang / schema public rebuilt");
    }
    if (!plan.same) subset = await migrationsSubset(MIGRATIONS, plan.backup);
    await deploy(db.ownerUrl, subset);
    log(`  skema cadangan / backup's schema: ${plan.backup.length} migrasi (${seconds(t0)} s)`);

    // 4. Documents first (as the app does: file, then row), then the rows in one transaction.
    const t1 = performance.now();
    const written = await restoreObjects(storage, dir, manifest.storage.objects);
    const objectSeconds = seconds(t1);
    log(`  ${written.length} objek / objects → ${storage.kind} (${objectSeconds} s)`);
    const t2 = performance.now();
    let times;
    try {
      times = await loadDatabase(client, dir, manifest);
    } catch (error) {
      await removeObjects(storage, written);
      throw error;
    }
    const rows = manifest.database.tables.reduce((n, t) => n + t.rows, 0);
    log(
      `  ${rows} baris / rows dimuat, jumlah per tabel cocok / counts match (${seconds(t2)} s: ` +
        `COPY ${times.copy} s, indeks / indexes ${times.indexes} s, kunci asing / foreign keys ${times.foreignKeys} s)`,
    );
    if (!plan.same) {
      await deploy(db.ownerUrl);
      log(`  ${plan.newer.length} migrasi lebih baru diterapkan / newer migrations applied: ${plan.newer.map((m) => m.name).join(", ")}`);
    }
    await grantAppRole(db, { quiet: true });
    // Planner statistics now rather than whenever autovacuum gets to it (pg_restore leaves this to you).
    const t4 = performance.now();
    await client.query("ANALYZE");
    log(`  ANALYZE (${seconds(t4)} s)`);

    // 5. Proof.
    const counts = await countRows(client, manifest.database.tables.map((t) => t.name));
    // Prisma's history also holds the newer migrations applied after the load.
    const expected = (t: { name: string; rows: number }) => t.rows + (t.name === "_prisma_migrations" && !plan.same ? plan.newer.length : 0);
    const wrong = manifest.database.tables.filter((t) => counts.get(t.name) !== expected(t));
    if (wrong.length) throw new Error(`Jumlah baris berbeda / row counts differ: ${wrong.map((t) => t.name).join(", ")}`);
    if (!values["no-verify"]) {
      const t3 = performance.now();
      const problems = await verifyStoredObjects(storage, manifest.storage.objects);
      if (problems.length) throw new Error(`Dokumen di penyimpanan tidak cocok / stored documents differ:\n  ${problems.join("\n  ")}`);
      log(`  ${manifest.storage.objects.length} objek dibaca ulang, SHA-256 cocok / read back, hashes match (${seconds(t3)} s)`);
    }
    log(`Selesai / restored in ${seconds(started)} s.`);
    return 0;
  } finally {
    if (subset) await rm(subset, { recursive: true, force: true });
    await client.end().catch(() => {});
    await storage.close();
    await db.stop();
  }
}

main().then(
  (code) => process.exit(code),
  (error: Error) => {
    const hint =
      (error as { code?: string }).code === "42501"
        ? "\nPemulihan perlu peran pemilik (MIGRATION_DATABASE_URL) / the restore needs the owner role (MIGRATION_DATABASE_URL)."
        : "";
    log(`${error instanceof Refused ? "Ditolak / refused" : "Pemulihan gagal / restore failed"}: ${error.message}${hint}`);
    process.exit(1);
  },
);

// Which schema the backup's rows belong to: the migrations recorded in its _prisma_migrations,
// compared with this code's prisma/migrations (Prisma's checksum is the SHA-256 of migration.sql).
import { createHash } from "node:crypto";
import { cp, mkdtemp, readdir, readFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import type { MigrationEntry } from "./manifest";

export type LocalMigration = MigrationEntry & { dir: string };

export async function localMigrations(migrationsDir: string): Promise<LocalMigration[]> {
  const entries = (await readdir(migrationsDir, { withFileTypes: true })).filter((e) => e.isDirectory()).map((e) => e.name).sort();
  const out: LocalMigration[] = [];
  for (const name of entries) {
    const sql = await readFile(path.join(migrationsDir, name, "migration.sql"));
    out.push({ name, checksum: createHash("sha256").update(sql).digest("hex"), dir: path.join(migrationsDir, name) });
  }
  return out;
}

export type MigrationPlan =
  | { ok: true; same: boolean; backup: LocalMigration[]; newer: LocalMigration[] }
  | { ok: false; problems: string[] };

/**
 * The backup can be restored by this code when every migration it records exists here unchanged.
 * `same`: the schemas are identical; otherwise the rows are loaded into the backup's schema and the
 * `newer` migrations of this code are applied afterwards (an upgrade, as after any deploy).
 */
export function planMigrations(recorded: MigrationEntry[], local: LocalMigration[]): MigrationPlan {
  const byName = new Map(local.map((m) => [m.name, m]));
  const problems: string[] = [];
  for (const m of recorded) {
    const here = byName.get(m.name);
    if (!here) problems.push(`migrasi ${m.name} tidak dikenal kode ini (cadangan dari versi yang lebih baru?) / unknown migration (backup from a newer version?)`);
    else if (here.checksum !== m.checksum) problems.push(`migrasi ${m.name} berbeda isinya / migration file changed since the backup`);
  }
  if (problems.length) return { ok: false, problems };
  const recordedNames = new Set(recorded.map((m) => m.name));
  const backup = local.filter((m) => recordedNames.has(m.name));
  const newer = local.filter((m) => !recordedNames.has(m.name));
  return { ok: true, same: newer.length === 0, backup, newer };
}

/** A temporary migrations directory holding only `migrations` (+ migration_lock.toml). */
export async function migrationsSubset(migrationsDir: string, migrations: LocalMigration[]): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), "sikerda-migrasi-"));
  await cp(path.join(migrationsDir, "migration_lock.toml"), path.join(dir, "migration_lock.toml"));
  for (const m of migrations) await cp(m.dir, path.join(dir, m.name), { recursive: true });
  return dir;
}

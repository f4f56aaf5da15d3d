import { spawn } from "node:child_process";
import { cp, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { gunzipSync, gzipSync } from "node:zlib";
import { createHash } from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { openObject } from "@/lib/storage";
import { s3Backend } from "@/lib/storage/s3";
import { forgetEnv } from "@/lib/env";
import { seedDemo } from "@/prisma/seed/index";
import type { Manifest } from "@/scripts/backup/manifest";
import { resetDatabase, testPool } from "./helpers/db";
import { startS3rver, useTestStorage, type TestStorage } from "./helpers/storage";

// The backup/restore drill, as an operator runs it: the demo data is seeded (documents on the local
// disk), `npm run backup` (scripts/backup.ts) writes a backup, `npm run restore` (scripts/restore.ts)
// brings it into a FRESH database and an EMPTY S3 bucket (s3rver) — so the drill also moves the
// documents from disk to a bucket — and every row count and SHA-256 is compared. A second backup
// of the restored system is byte-identical to the first.

const ROOT = path.resolve(__dirname, "..", "..");
const SEED_NOW = new Date("2026-11-27T03:00:00Z");
const ALL_STORAGE = ["STORAGE_DRIVER", "STORAGE_DIR", "STORAGE_TMP_DIR", "S3_BUCKET", "S3_ENDPOINT", "S3_REGION", "S3_ACCESS_KEY_ID",
  "S3_SECRET_ACCESS_KEY", "S3_FORCE_PATH_STYLE", "S3_PREFIX", "DATABASE_URL", "MIGRATION_DATABASE_URL"];

type Run = { code: number; output: string; seconds: number };

/** Runs `npm run <backup|restore>`'s script as a child process with exactly this database and storage. */
function runScript(script: "backup" | "restore", args: string[], env: Record<string, string>): Promise<Run> {
  const base = Object.fromEntries(Object.entries(process.env).filter(([k]) => !ALL_STORAGE.includes(k))) as NodeJS.ProcessEnv;
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn(path.join(ROOT, "node_modules", ".bin", "tsx"), [`scripts/${script}.ts`, ...args], {
      cwd: ROOT, env: { ...base, ...env }, stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout.on("data", (d) => (output += d));
    child.stderr.on("data", (d) => (output += d));
    child.on("error", reject);
    child.on("exit", (code) => resolve({ code: code ?? 1, output, seconds: (performance.now() - started) / 1000 }));
  });
}

const withDatabase = (url: string, database: string) => {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
};

async function query<T extends pg.QueryResultRow>(url: string, sql: string, params: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql, params)).rows;
  } finally {
    await client.end();
  }
}

/** Rows per table of schema public (Prisma's history included). */
async function counts(url: string): Promise<Record<string, number>> {
  const tables = await query<{ t: string }>(url, `SELECT tablename AS t FROM pg_tables WHERE schemaname = 'public' ORDER BY 1`);
  const out: Record<string, number> = {};
  for (const { t } of tables) out[t] = Number((await query<{ n: string }>(url, `SELECT count(*) AS n FROM public."${t}"`))[0].n);
  return out;
}

const readManifest = async (dir: string) => JSON.parse(await readFile(path.join(dir, "manifest.json"), "utf8")) as Manifest;

describe("backup and restore drill (npm run backup / npm run restore)", () => {
  let source: TestStorage;
  let s3: Awaited<ReturnType<typeof startS3rver>>;
  let work: string;
  const targets: string[] = [];
  const sourceUrls = { app: "", owner: "" };

  /** A fresh, empty database on the test server, created by the owner role (CREATEDB). */
  async function freshDatabase(name: string) {
    const database = `${name}_${process.pid}`;
    await testPool().query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
    await testPool().query(`CREATE DATABASE ${database}`);
    const app = decodeURIComponent(new URL(sourceUrls.app).username);
    await testPool().query(`GRANT CONNECT ON DATABASE ${database} TO "${app}"`);
    targets.push(database);
    return { DATABASE_URL: withDatabase(sourceUrls.app, database), MIGRATION_DATABASE_URL: withDatabase(sourceUrls.owner, database) };
  }

  beforeAll(async () => {
    sourceUrls.app = inject("databaseUrl");
    sourceUrls.owner = inject("ownerDatabaseUrl");
    work = await mkdtemp(path.join(tmpdir(), "sikerda-drill-"));
    await resetDatabase();
    source = await useTestStorage("disk");
    const db = new PrismaClient({ adapter: new PrismaPg({ connectionString: sourceUrls.app }) });
    await seedDemo(db, { now: SEED_NOW });
    await db.$disconnect();
    s3 = await startS3rver("sikerda-pulih");
  }, 120_000);

  afterAll(async () => {
    for (const database of targets) await testPool().query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
    await s3?.close();
    await source?.stop();
    await rm(work, { recursive: true, force: true });
    await resetDatabase();
  });

  const sourceEnv = () => ({ ...source.env, DATABASE_URL: sourceUrls.app, MIGRATION_DATABASE_URL: sourceUrls.owner });
  const backupDir = () => path.join(work, "cadangan");
  let target: Record<string, string>;

  it("backs up every table from one snapshot and every document with its SHA-256", async () => {
    const run = await runScript("backup", ["--out", backupDir()], sourceEnv());
    expect(run.output).toContain("Selesai / done");
    expect(run.code, run.output).toBe(0);
    const manifest = await readManifest(backupDir());
    const rows = await counts(sourceUrls.owner);
    expect(Object.fromEntries(manifest.database.tables.map((t) => [t.name, t.rows]))).toEqual(rows);
    expect(rows.Document).toBeGreaterThan(100);
    const docs = await query<{ storageKey: string; sha256: string }>(sourceUrls.owner, `SELECT "storageKey", sha256 FROM "Document"`);
    expect(manifest.storage.objects.map((o) => [o.key, o.sha256]).toSorted()).toEqual(docs.map((d) => [d.storageKey, d.sha256]).toSorted());
    expect(manifest.storage).toMatchObject({ missing: 0, mismatched: [] });
    expect(manifest.database.migrations.length).toBeGreaterThan(0);
    console.log(`backup of the seeded data: ${run.seconds.toFixed(1)} s (process), ${manifest.seconds.total} s (work)`);
  }, 120_000);

  it("restores into an empty database and an empty bucket: counts and hashes match, a new backup is identical", async () => {
    target = { ...(await freshDatabase("sikerda_pulih")), ...s3.env };
    const run = await runScript("restore", [backupDir()], target);
    expect(run.code, run.output).toBe(0);
    expect(run.output).toContain("SHA-256 cocok / read back, hashes match");
    console.log(`restore of the seeded data: ${run.seconds.toFixed(1)} s (process)`);

    expect(await counts(target.MIGRATION_DATABASE_URL)).toEqual(await counts(sourceUrls.owner));
    // Every document row of the restored database finds its bytes in the bucket.
    const bucket = s3Backend({
      bucket: "sikerda-pulih", region: "us-east-1", endpoint: s3.endpoint, accessKeyId: "S3RVER", secretAccessKey: "S3RVER", forcePathStyle: true, prefix: "",
    });
    const docs = await query<{ storageKey: string; sha256: string }>(target.MIGRATION_DATABASE_URL, `SELECT "storageKey", sha256 FROM "Document"`);
    for (const d of docs) {
      const opened = await openObject(d.storageKey, bucket);
      const hash = createHash("sha256");
      for await (const chunk of opened!.body) hash.update(chunk as Buffer);
      expect(hash.digest("hex"), d.storageKey).toBe(d.sha256);
    }
    await bucket.close();

    const again = path.join(work, "cadangan-ulang");
    expect((await runScript("backup", ["--out", again], target)).code).toBe(0);
    const [first, second] = [await readManifest(backupDir()), await readManifest(again)];
    expect(second.database.tables).toEqual(first.database.tables);
    expect(second.database.sequences).toEqual(first.database.sequences);
    expect(second.storage.objects).toEqual(first.storage.objects);
  }, 180_000);

  it("keeps the database's protections: the app role's grants and the append-only triggers", async () => {
    const app = new pg.Client({ connectionString: target.DATABASE_URL });
    await app.connect();
    try {
      expect(Number((await app.query(`SELECT count(*) AS n FROM "Case"`)).rows[0].n)).toBeGreaterThan(0);
      await expect(app.query(`UPDATE "StageHistory" SET note = 'diubah'`)).rejects.toMatchObject({ code: "42501" });
      await expect(app.query(`DELETE FROM "AuditEvent"`)).rejects.toMatchObject({ code: "42501" });
    } finally {
      await app.end();
    }
    await expect(query(target.MIGRATION_DATABASE_URL, `UPDATE "StageHistory" SET note = 'diubah'`)).rejects.toThrow(/append-only/);
  });

  it("refuses a target that is not empty, and a damaged backup, changing nothing", async () => {
    const before = await counts(target.MIGRATION_DATABASE_URL);
    const refused = await runScript("restore", [backupDir()], target);
    expect(refused.code).toBe(1);
    expect(refused.output).toContain("Tujuan tidak kosong");
    expect(refused.output).toMatch(/tabel berisi \/ tables with rows: .*Case/);

    const damaged = path.join(work, "cadangan-rusak");
    await cp(backupDir(), damaged, { recursive: true });
    const file = path.join(damaged, "database", "StageHistory.copy.gz");
    const bytes = await readFile(file);
    bytes[bytes.length - 10] ^= 0xff;
    await writeFile(file, bytes);
    const broken = await runScript("restore", [damaged, "--force"], target);
    expect(broken.code).toBe(1);
    expect(broken.output).toMatch(/Cadangan rusak[\s\S]*tabel StageHistory: SHA-256\/ukuran tidak cocok/);
    expect(await counts(target.MIGRATION_DATABASE_URL)).toEqual(before);
  }, 120_000);

  it("restores a backup of an older schema: its migrations first, the newer ones after the load", async () => {
    // An older SIKERDA: the same data without a later, index-only migration.
    const older = path.join(work, "cadangan-lama");
    await cp(backupDir(), older, { recursive: true });
    const manifest = await readManifest(older);
    const skipped = "20261127103500_document_uploader_index";
    manifest.database.migrations = manifest.database.migrations.filter((m) => m.name !== skipped);
    const history = manifest.database.tables.find((t) => t.name === "_prisma_migrations")!;
    const lines = gunzipSync(await readFile(path.join(older, history.file))).toString("utf8").split("\n").filter((l) => l && !l.includes(skipped));
    const rewritten = gzipSync(`${lines.join("\n")}\n`);
    await writeFile(path.join(older, history.file), rewritten);
    Object.assign(history, { rows: lines.length, bytes: rewritten.byteLength, sha256: createHash("sha256").update(rewritten).digest("hex") });
    await writeFile(path.join(older, "manifest.json"), JSON.stringify(manifest));

    const fresh = { ...(await freshDatabase("sikerda_pulih_lama")), STORAGE_DRIVER: "disk", STORAGE_DIR: path.join(work, "dokumen-lama") };
    const run = await runScript("restore", [older, "--no-verify"], fresh);
    expect(run.code, run.output).toBe(0);
    expect(run.output).toContain(`migrasi lebih baru diterapkan / newer migrations applied: ${skipped}`);
    const applied = await query<{ name: string }>(fresh.MIGRATION_DATABASE_URL, `SELECT migration_name AS name FROM _prisma_migrations`);
    expect(applied.map((m) => m.name)).toContain(skipped);
    expect(await query(fresh.MIGRATION_DATABASE_URL, `SELECT 1 FROM pg_indexes WHERE indexname = 'Document_uploadedById_uploadedAt_idx'`)).toHaveLength(1);
    const restored = await counts(fresh.MIGRATION_DATABASE_URL);
    expect({ ...restored, _prisma_migrations: 0 }).toEqual({ ...(await counts(sourceUrls.owner)), _prisma_migrations: 0 });
    forgetEnv("storage");
  }, 180_000);
});

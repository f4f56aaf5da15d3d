// The backup's manifest (manifest.json at the top of a backup directory) and the checks on it.
//
//   <backup>/manifest.json            this file
//   <backup>/database/<table>.copy.gz PostgreSQL COPY text format (what pg_dump writes), gzip
//   <backup>/objects/<yyyy>/<mm>/<uuid>.<ext>   every stored document, byte for byte
import { createHash } from "node:crypto";
import { createReadStream } from "node:fs";
import { readFile } from "node:fs/promises";
import path from "node:path";

export const MANIFEST_FILE = "manifest.json";
export const FORMAT = "sikerda-backup";
export const FORMAT_VERSION = 1;

export type TableEntry = {
  name: string;
  /** Relative to the backup directory. */
  file: string;
  /** Columns in the order of the file (generated columns are left out: PostgreSQL recomputes them). */
  columns: string[];
  rows: number;
  bytes: number;
  sha256: string;
};

export type SequenceEntry = { name: string; lastValue: string; isCalled: boolean };
export type MigrationEntry = { name: string; checksum: string };
export type ObjectEntry = { key: string; sizeBytes: number; sha256: string; referenced: boolean };

export type Manifest = {
  format: typeof FORMAT;
  version: typeof FORMAT_VERSION;
  createdAt: string;
  database: {
    server: string;
    /** How the rows were read: one transaction, one snapshot. */
    snapshot: string;
    schema: "public";
    /** Applied migrations (finished, not rolled back), in order: the schema the rows belong to. */
    migrations: MigrationEntry[];
    tables: TableEntry[];
    sequences: SequenceEntry[];
  };
  storage: {
    /** Where the objects came from (disk directory or s3://bucket/prefix). */
    source: string;
    objects: ObjectEntry[];
    totalBytes: number;
    /** Keys of Document rows whose object was missing in storage (listed in missing-objects.txt). */
    missing: number;
    /** Objects whose bytes no longer match their Document row's SHA-256 (copied as found). */
    mismatched: { key: string; expected: string; actual: string }[];
  };
  seconds: { database: number; objects: number; total: number };
};

async function sha256File(file: string): Promise<{ sha256: string; bytes: number }> {
  const hash = createHash("sha256");
  let bytes = 0;
  for await (const chunk of createReadStream(file) as AsyncIterable<Buffer>) {
    hash.update(chunk);
    bytes += chunk.byteLength;
  }
  return { sha256: hash.digest("hex"), bytes };
}

export async function readManifest(dir: string): Promise<Manifest> {
  let raw: string;
  try {
    raw = await readFile(path.join(dir, MANIFEST_FILE), "utf8");
  } catch {
    throw new Error(`${path.join(dir, MANIFEST_FILE)} tidak ada: bukan direktori cadangan SIKERDA / not a SIKERDA backup directory`);
  }
  const manifest = JSON.parse(raw) as Manifest;
  if (manifest.format !== FORMAT || manifest.version !== FORMAT_VERSION) {
    throw new Error(`Format cadangan tidak dikenal / unknown backup format: ${manifest.format} v${manifest.version}`);
  }
  return manifest;
}

/** Object files live under objects/ with their storage key as relative path. */
export const objectFile = (dir: string, key: string) => path.join(dir, "objects", ...key.split("/"));

/**
 * Every table file and object file of the backup against the manifest (size and SHA-256), before
 * anything is restored. Returns the problems found (empty = intact).
 */
export async function verifyBackupFiles(dir: string, manifest: Manifest, concurrency = 4): Promise<string[]> {
  const problems: string[] = [];
  const checks: { label: string; file: string; sha256: string; bytes: number }[] = [
    ...manifest.database.tables.map((t) => ({ label: `tabel ${t.name}`, file: path.join(dir, t.file), sha256: t.sha256, bytes: t.bytes })),
    ...manifest.storage.objects.map((o) => ({ label: `objek ${o.key}`, file: objectFile(dir, o.key), sha256: o.sha256, bytes: o.sizeBytes })),
  ];
  await eachLimit(checks, concurrency, async (c) => {
    try {
      const actual = await sha256File(c.file);
      if (actual.sha256 !== c.sha256 || actual.bytes !== c.bytes) {
        problems.push(`${c.label}: SHA-256/ukuran tidak cocok / hash or size mismatch (${c.file})`);
      }
    } catch {
      problems.push(`${c.label}: berkas hilang / file missing (${c.file})`);
    }
  });
  return problems;
}

/** Runs `fn` over `items`, at most `limit` at a time; the first error stops it. */
export async function eachLimit<T>(items: Iterable<T> | AsyncIterable<T>, limit: number, fn: (item: T) => Promise<void>): Promise<void> {
  const running = new Set<Promise<void>>();
  let failed: unknown;
  for await (const item of items as AsyncIterable<T>) {
    if (failed) break;
    const task = fn(item).catch((error) => {
      failed ??= error;
    });
    running.add(task);
    void task.finally(() => running.delete(task));
    if (running.size >= limit) await Promise.race(running);
  }
  await Promise.all(running);
  if (failed) throw failed;
}

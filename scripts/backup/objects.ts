// The document half of a backup: every stored object copied byte for byte (and hashed) between the
// app's storage — local disk or S3 bucket, lib/storage — and the backup directory.
import { createHash } from "node:crypto";
import { createReadStream, createWriteStream } from "node:fs";
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { Transform } from "node:stream";
import { pipeline } from "node:stream/promises";
import { deleteObject, listObjects, openObject, writeObjectStream, type StorageBackend } from "../../lib/storage";
import { eachLimit, objectFile, type Manifest, type ObjectEntry } from "./manifest";

const CONCURRENCY = 8;

function hashing() {
  const hash = createHash("sha256");
  const stream = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      hash.update(chunk);
      done(null, chunk);
    },
  });
  return { stream, digest: () => hash.digest("hex") };
}

/**
 * Copies every object of `storage` into `dir/objects/` and compares each with its Document row.
 * Objects not referenced by a row (an upload finished after the snapshot, or an orphan) are kept
 * too, marked `referenced: false`; rows whose object is missing are listed in missing-objects.txt.
 */
export async function backupObjects(storage: StorageBackend, dir: string, documents: Map<string, { sha256: string; sizeBytes: number }>) {
  const objects: ObjectEntry[] = [];
  const mismatched: Manifest["storage"]["mismatched"] = [];
  const seen = new Set<string>();
  await eachLimit(listObjects(storage), CONCURRENCY, async ({ key }) => {
    const opened = await openObject(key, storage);
    if (!opened) return; // removed since it was listed
    const target = objectFile(dir, key);
    await mkdir(path.dirname(target), { recursive: true });
    const { stream, digest } = hashing();
    await pipeline(opened.body, stream, createWriteStream(target, { flags: "wx" }));
    const sha256 = digest();
    const expected = documents.get(key);
    if (expected && expected.sha256 !== sha256) mismatched.push({ key, expected: expected.sha256, actual: sha256 });
    seen.add(key);
    objects.push({ key, sizeBytes: opened.sizeBytes, sha256, referenced: expected !== undefined });
  });
  const missing = [...documents.keys()].filter((key) => !seen.has(key)).sort();
  if (missing.length) await writeFile(path.join(dir, "missing-objects.txt"), `${missing.join("\n")}\n`);
  objects.sort((a, b) => a.key.localeCompare(b.key));
  return { objects, mismatched, missing: missing.length, totalBytes: objects.reduce((n, o) => n + o.sizeBytes, 0) };
}

/** True when `storage` holds no SIKERDA object. */
export async function storageIsEmpty(storage: StorageBackend): Promise<boolean> {
  for await (const _ of listObjects(storage)) return false;
  return true;
}

/** Removes every SIKERDA object from `storage` (restore --force). */
export async function clearStorage(storage: StorageBackend): Promise<number> {
  const keys: string[] = [];
  for await (const { key } of listObjects(storage)) keys.push(key);
  await eachLimit(keys, CONCURRENCY, (key) => deleteObject(key, storage));
  return keys.length;
}

/** Writes every object of the backup into `storage`, checking each SHA-256 on the way; returns the keys written. */
export async function restoreObjects(storage: StorageBackend, dir: string, objects: ObjectEntry[]): Promise<string[]> {
  const written: string[] = [];
  try {
    await eachLimit(objects, CONCURRENCY, async (o) => {
      const result = await writeObjectStream(o.key, createReadStream(objectFile(dir, o.key)), Number.MAX_SAFE_INTEGER, storage);
      written.push(o.key);
      if (result.sha256 !== o.sha256) throw new Error(`Objek ${o.key}: SHA-256 berbeda setelah ditulis / hash differs after writing`);
    });
  } catch (error) {
    await removeObjects(storage, written);
    throw error;
  }
  return written;
}

export async function removeObjects(storage: StorageBackend, keys: string[]): Promise<void> {
  await eachLimit(keys, CONCURRENCY, (key) => deleteObject(key, storage).catch(() => {}));
}

/** Reads every object back from `storage` and compares it with the manifest; returns the problems. */
export async function verifyStoredObjects(storage: StorageBackend, objects: ObjectEntry[]): Promise<string[]> {
  const problems: string[] = [];
  await eachLimit(objects, CONCURRENCY, async (o) => {
    const opened = await openObject(o.key, storage);
    if (!opened) {
      problems.push(`${o.key}: tidak ada di penyimpanan / missing`);
      return;
    }
    const hash = createHash("sha256");
    for await (const chunk of opened.body) hash.update(chunk as Buffer);
    if (hash.digest("hex") !== o.sha256) problems.push(`${o.key}: SHA-256 berbeda / hash differs`);
  });
  return problems;
}

// Document storage behind a small interface: local disk now (STORAGE_DIR, default .data/dokumen);
// an S3-compatible driver can implement the same three calls for multi-instance deployments.
import { createHash, randomUUID } from "node:crypto";
import { createReadStream, createWriteStream } from "node:fs";
import { mkdir, rename, rm, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import type { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { env } from "@/lib/env";

export function storageRoot(): string {
  return path.resolve(/*turbopackIgnore: true*/ env.storage().STORAGE_DIR ?? path.join(process.cwd(), ".data", "dokumen"));
}

/** Server-generated key: never derived from the user's file name. */
export function newStorageKey(extension: "pdf" | "jpg" | "png", now = new Date()): string {
  const y = now.getUTCFullYear();
  const m = String(now.getUTCMonth() + 1).padStart(2, "0");
  return `${y}/${m}/${randomUUID()}.${extension}`;
}

function resolveKey(key: string): string {
  if (!/^\d{4}\/\d{2}\/[0-9a-f-]{36}\.(pdf|jpg|png)$/.test(key)) throw new Error(`Kunci penyimpanan tidak sah: ${key}`);
  return path.join(storageRoot(), key);
}

export function sha256Hex(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex");
}

/** Writes atomically (temp file + rename) so a crash never leaves a half file under a real key. */
export async function putObject(key: string, bytes: Uint8Array): Promise<void> {
  const target = resolveKey(key);
  await mkdir(path.dirname(target), { recursive: true });
  const tmp = `${target}.${randomUUID()}.tmp`;
  await writeFile(tmp, bytes, { mode: 0o640 });
  await rename(tmp, target);
}

export async function objectSize(key: string): Promise<number | null> {
  try {
    return (await stat(resolveKey(key))).size;
  } catch {
    return null;
  }
}

export function readObject(key: string): Readable {
  return createReadStream(resolveKey(key));
}

export async function deleteObject(key: string): Promise<void> {
  await rm(resolveKey(key), { force: true });
}

/** Thrown by writeObjectStream when the source is longer than `maxBytes` (nothing is kept). */
export class ObjectTooLargeError extends Error {
  constructor(public readonly maxBytes: number) {
    super(`Objek melebihi ${maxBytes} byte`);
    this.name = "ObjectTooLargeError";
  }
}

/**
 * Streams `source` to `key` while hashing and counting, never holding the whole file in memory.
 * Written to a temp file and renamed only when complete; on any failure (source error, size past
 * `maxBytes`, disk error) the temp file is removed, so no partial or oversized object is left.
 */
export async function writeObjectStream(
  key: string,
  source: AsyncIterable<Uint8Array>,
  maxBytes: number,
): Promise<{ sha256: string; sizeBytes: number }> {
  const target = resolveKey(key);
  await mkdir(path.dirname(target), { recursive: true });
  const tmp = `${target}.${randomUUID()}.tmp`;
  const hash = createHash("sha256");
  let sizeBytes = 0;
  async function* counted(chunks: AsyncIterable<Uint8Array>) {
    for await (const chunk of chunks) {
      sizeBytes += chunk.byteLength;
      if (sizeBytes > maxBytes) throw new ObjectTooLargeError(maxBytes);
      hash.update(chunk);
      yield chunk;
    }
  }
  try {
    await pipeline(source, counted, createWriteStream(tmp, { mode: 0o640, flags: "wx" }));
    await rename(tmp, target);
  } catch (error) {
    await rm(tmp, { force: true });
    throw error;
  }
  return { sha256: hash.digest("hex"), sizeBytes };
}

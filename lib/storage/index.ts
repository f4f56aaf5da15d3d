// Document storage behind one interface (backend.ts), chosen by the environment (lib/env.ts):
//   STORAGE_DRIVER=disk (default)  files under STORAGE_DIR (default .data/dokumen) — one machine;
//   STORAGE_DRIVER=s3              an S3-compatible bucket (S3_*) — several app instances.
// Every caller goes through the functions below: keys are validated (only server-generated keys,
// never a path), writes are size-limited and hashed while they stream, and all-or-nothing.
import path from "node:path";
import { env, type StorageEnv } from "@/lib/env";
import type { OpenedObject, StorageBackend, StoredObject } from "./backend";
import { diskBackend } from "./disk";
import { assertStorageKey } from "./keys";
import { MeasuredBody } from "./measured";
import { s3Backend } from "./s3";

export type { OpenedObject, StorageBackend, StoredObject } from "./backend";
export { contentTypeOf, newStorageKey, sha256Hex } from "./keys";
export { ObjectTooLargeError } from "./measured";

/** The disk backend's directory (STORAGE_DIR, default .data/dokumen under the working directory). */
export function storageRoot(config: StorageEnv = env.storage()): string {
  return path.resolve(/*turbopackIgnore: true*/ config.STORAGE_DIR ?? path.join(process.cwd(), ".data", "dokumen"));
}

/** A backend for a storage configuration (scripts may open one besides the app's own). */
export function createStorage(config: StorageEnv): StorageBackend {
  if (config.STORAGE_DRIVER === "s3") {
    return s3Backend({
      bucket: config.S3_BUCKET!,
      region: config.S3_REGION,
      endpoint: config.S3_ENDPOINT,
      accessKeyId: config.S3_ACCESS_KEY_ID,
      secretAccessKey: config.S3_SECRET_ACCESS_KEY,
      forcePathStyle: config.S3_FORCE_PATH_STYLE,
      prefix: config.S3_PREFIX ?? "",
      tmpDir: config.STORAGE_TMP_DIR,
    });
  }
  return diskBackend(storageRoot(config));
}

let current: { config: StorageEnv; backend: StorageBackend } | undefined;

/** The app's storage, one backend per parsed environment (forgetEnv("storage") switches it). */
export function storage(): StorageBackend {
  const config = env.storage();
  if (current?.config !== config) {
    void current?.backend.close();
    current = { config, backend: createStorage(config) };
  }
  return current.backend;
}

/** Closes the app's storage connections (scripts, tests). */
export async function closeStorage(): Promise<void> {
  const closing = current;
  current = undefined;
  await closing?.backend.close();
}

/**
 * Streams `source` to `key` while hashing and counting, never holding the whole file in memory.
 * The first byte past `maxBytes` stops it with ObjectTooLargeError; on any failure (source error,
 * size, storage error) nothing is left behind — neither under `key` nor in a temporary place.
 */
export async function writeObjectStream(
  key: string,
  source: AsyncIterable<Uint8Array> | Iterable<Uint8Array>,
  maxBytes: number,
  backend: StorageBackend = storage(),
): Promise<{ sha256: string; sizeBytes: number }> {
  assertStorageKey(key);
  const body = new MeasuredBody(source, maxBytes);
  await backend.write(key, body);
  const { sha256, sizeBytes } = body.result();
  return { sha256, sizeBytes };
}

/** Stores bytes already in memory (seed, small generated files). */
export async function putObject(key: string, bytes: Uint8Array, backend: StorageBackend = storage()): Promise<void> {
  await writeObjectStream(key, [bytes], Number.MAX_SAFE_INTEGER, backend);
}

/** The object as a stream with its size, or null when it is missing. */
export async function openObject(key: string, backend: StorageBackend = storage()): Promise<OpenedObject | null> {
  assertStorageKey(key);
  return backend.open(key);
}

export async function objectSize(key: string, backend: StorageBackend = storage()): Promise<number | null> {
  assertStorageKey(key);
  return backend.size(key);
}

export async function deleteObject(key: string, backend: StorageBackend = storage()): Promise<void> {
  assertStorageKey(key);
  await backend.remove(key);
}

/** Every stored object (key and size): what a backup copies. */
export function listObjects(backend: StorageBackend = storage()): AsyncIterable<StoredObject> {
  return backend.list();
}

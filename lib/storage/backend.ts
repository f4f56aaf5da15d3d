// The one interface every storage backend implements (lib/storage/disk.ts, lib/storage/s3.ts).
// Callers never use a backend directly: lib/storage/index.ts validates keys, applies the size
// limit and hashes (MeasuredBody), then delegates.
import type { Readable } from "node:stream";
import type { MeasuredBody } from "./measured";

export type StoredObject = { key: string; sizeBytes: number };
export type OpenedObject = { body: Readable; sizeBytes: number };

export interface StorageBackend {
  /** "disk" or "s3" */
  readonly kind: "disk" | "s3";
  /** Where the objects are, for logs and the backup manifest (never a secret). */
  readonly location: string;
  /**
   * Stores the whole body under `key`, all or nothing: the object becomes visible only once every
   * byte has arrived, and on any failure (the body's own error included: too large, aborted) nothing
   * is left under `key` nor in a temporary place.
   */
  write(key: string, body: MeasuredBody): Promise<void>;
  /** The object as a stream with its size, or null when there is none. */
  open(key: string): Promise<OpenedObject | null>;
  /** Size in bytes, or null when there is no such object. */
  size(key: string): Promise<number | null>;
  /** Removes the object; no error when it does not exist. */
  remove(key: string): Promise<void>;
  /** Every stored object with a SIKERDA key (for backups), in no particular order. */
  list(): AsyncIterable<StoredObject>;
  /** Releases connections (scripts end with it). */
  close(): Promise<void>;
}

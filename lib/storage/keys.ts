// Storage keys and hashes, shared by every backend (pure).
import { createHash, randomUUID } from "node:crypto";

export type StorageExtension = "pdf" | "jpg" | "png";

const KEY = /^\d{4}\/\d{2}\/[0-9a-f-]{36}\.(pdf|jpg|png)$/;

/** Server-generated key `yyyy/mm/<uuid>.<ext>`: never derived from the user's file name. */
export function newStorageKey(extension: StorageExtension, now = new Date()): string {
  const y = now.getUTCFullYear();
  const m = String(now.getUTCMonth() + 1).padStart(2, "0");
  return `${y}/${m}/${randomUUID()}.${extension}`;
}

/** True for a key newStorageKey() could have made (no `..`, no absolute path, no other name). */
export function isStorageKey(key: string): boolean {
  return KEY.test(key);
}

export function assertStorageKey(key: string): void {
  if (!isStorageKey(key)) throw new Error(`Kunci penyimpanan tidak sah / invalid storage key: ${key}`);
}

export const CONTENT_TYPES: Record<StorageExtension, string> = {
  pdf: "application/pdf",
  jpg: "image/jpeg",
  png: "image/png",
};

export function contentTypeOf(key: string): string {
  return CONTENT_TYPES[key.slice(key.lastIndexOf(".") + 1) as StorageExtension] ?? "application/octet-stream";
}

export function sha256Hex(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex");
}

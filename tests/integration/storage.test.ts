import { mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Readable } from "node:stream";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import {
  contentTypeOf, deleteObject, listObjects, newStorageKey, ObjectTooLargeError, objectSize, openObject, putObject, sha256Hex,
  storage, writeObjectStream,
} from "@/lib/storage";
import { s3Backend } from "@/lib/storage/s3";
import { startS3rver, STORAGE_KINDS, useTestStorage, type TestStorage } from "./helpers/storage";

// The storage interface (lib/storage) against both backends: the local disk and an S3-compatible
// bucket served by s3rver on 127.0.0.1 (started here, no network). The same assertions for both.

async function* chunks(bytes: Uint8Array, size = 64 * 1024): AsyncGenerator<Uint8Array> {
  for (let offset = 0; offset < bytes.byteLength; offset += size) yield bytes.subarray(offset, offset + size);
}

/** A source that fails after `after` bytes (an aborted upload). */
async function* failing(after: number): AsyncGenerator<Uint8Array> {
  yield new Uint8Array(after).fill(0x41);
  throw new Error("koneksi terputus");
}

async function readAll(stream: Readable): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const part of stream) parts.push(part as Buffer);
  return Buffer.concat(parts);
}

const pdf = (size: number) => {
  const bytes = new Uint8Array(size).fill(0x20);
  bytes.set(new TextEncoder().encode("%PDF-1.7\n"));
  return bytes;
};

describe.each(STORAGE_KINDS)("storage backend: %s", (kind) => {
  let store: TestStorage;
  beforeAll(async () => {
    store = await useTestStorage(kind);
  });
  afterAll(async () => {
    await store.stop();
  });
  beforeEach(async () => {
    await store.clear();
  });

  it("is the backend the environment selects", () => {
    expect(storage().kind).toBe(kind);
  });

  it("streams an object in, hashes and counts it, and reads it back with its size", async () => {
    const bytes = pdf(3 * 1024 * 1024 + 5);
    const key = newStorageKey("pdf", new Date("2026-06-15T03:00:00Z"));
    expect(key).toMatch(/^2026\/06\/[0-9a-f-]{36}\.pdf$/);
    const written = await writeObjectStream(key, chunks(bytes), 20 * 1024 * 1024);
    expect(written).toEqual({ sha256: sha256Hex(bytes), sizeBytes: bytes.byteLength });
    expect(await objectSize(key)).toBe(bytes.byteLength);
    const opened = await openObject(key);
    expect(opened?.sizeBytes).toBe(bytes.byteLength);
    expect(sha256Hex(await readAll(opened!.body))).toBe(written.sha256);
    expect(await store.leftovers()).toEqual([key]);
  });

  it("accepts exactly the limit and refuses one byte more while streaming, keeping nothing", async () => {
    const limit = 256 * 1024;
    const key = newStorageKey("pdf");
    await expect(writeObjectStream(key, chunks(pdf(limit + 1), 10_000), limit)).rejects.toBeInstanceOf(ObjectTooLargeError);
    expect(await store.leftovers()).toEqual([]);
    expect(await objectSize(key)).toBeNull();
    await expect(writeObjectStream(key, chunks(pdf(limit)), limit)).resolves.toMatchObject({ sizeBytes: limit });
  });

  it("keeps nothing when the source fails half-way (aborted upload)", async () => {
    const key = newStorageKey("pdf");
    await expect(writeObjectStream(key, failing(100_000), 20 * 1024 * 1024)).rejects.toThrow("koneksi terputus");
    expect(await store.leftovers()).toEqual([]);
    expect(await openObject(key)).toBeNull();
  });

  it("answers a missing object with null, and deleting it is not an error", async () => {
    const key = newStorageKey("png");
    expect(await openObject(key)).toBeNull();
    expect(await objectSize(key)).toBeNull();
    await expect(deleteObject(key)).resolves.toBeUndefined();
  });

  it("deletes an object", async () => {
    const key = newStorageKey("jpg");
    await putObject(key, Uint8Array.from([0xff, 0xd8, 0xff, 0xe0]));
    expect(await objectSize(key)).toBe(4);
    await deleteObject(key);
    expect(await objectSize(key)).toBeNull();
    expect(await store.leftovers()).toEqual([]);
  });

  it("refuses any key it did not generate, before touching the store", async () => {
    for (const key of ["../etc/passwd", "2026/06/../../x.pdf", "/abs/2026/06/x.pdf", "2026/06/kak.pdf", "2026/06/0b0e0c2a-1111-4222-8333-444455556666.html"]) {
      await expect(putObject(key, pdf(10)), key).rejects.toThrow(/Kunci penyimpanan tidak sah/);
      await expect(openObject(key), key).rejects.toThrow(/Kunci penyimpanan tidak sah/);
    }
    expect(await store.leftovers()).toEqual([]);
  });

  it("lists every stored object with its size (what a backup copies)", async () => {
    const keys = [];
    for (let i = 0; i < 5; i++) {
      const key = newStorageKey(i % 2 ? "png" : "pdf", new Date(Date.UTC(2025 + (i % 2), i, 3)));
      await putObject(key, pdf(100 + i));
      keys.push({ key, sizeBytes: 100 + i });
    }
    const listed = [];
    for await (const item of listObjects()) listed.push(item);
    expect(listed.toSorted((a, b) => a.key.localeCompare(b.key))).toEqual(keys.toSorted((a, b) => a.key.localeCompare(b.key)));
    expect(contentTypeOf(keys[1].key)).toBe("image/png");
  });
});

describe("S3 backend details", () => {
  let s3: Awaited<ReturnType<typeof startS3rver>>;
  beforeAll(async () => {
    s3 = await startS3rver("sikerda-rinci");
  });
  afterAll(async () => {
    await s3.close();
  });

  const backend = (over: Partial<Parameters<typeof s3Backend>[0]> = {}) =>
    s3Backend({
      bucket: "sikerda-rinci", region: "us-east-1", endpoint: s3.endpoint, accessKeyId: "S3RVER", secretAccessKey: "S3RVER",
      forcePathStyle: true, prefix: "", ...over,
    });

  it("pages through a long listing (marker paging) and keeps to its prefix", async () => {
    const mine = backend({ prefix: "sikerda/", pageSize: 2 });
    const other = backend({ prefix: "lain/" });
    const keys = [];
    for (let i = 0; i < 5; i++) {
      const key = newStorageKey("pdf");
      await putObject(key, pdf(50), mine);
      keys.push(key);
    }
    await putObject(newStorageKey("pdf"), pdf(50), other);
    expect((await s3.keys()).filter((k) => k.startsWith("sikerda/")).toSorted()).toEqual(keys.map((k) => `sikerda/${k}`).toSorted());
    const listed = [];
    for await (const item of listObjects(mine)) listed.push(item.key);
    expect(listed.toSorted()).toEqual(keys.toSorted());
    await mine.close();
    await other.close();
  });

  it("fails clearly when the bucket does not exist, leaving no spool file", async () => {
    const spool = await mkdtemp(path.join(tmpdir(), "sikerda-spool-"));
    const missing = backend({ bucket: "tidak-ada-bucket", tmpDir: spool });
    await expect(putObject(newStorageKey("pdf"), pdf(10), missing)).rejects.toMatchObject({ name: "NoSuchBucket" });
    expect(await readdir(spool)).toEqual([]);
    await missing.close();
    await rm(spool, { recursive: true });
  });
});

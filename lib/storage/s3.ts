// S3-compatible backend (AWS S3, MinIO, Ceph RGW, …) for several app instances sharing one bucket.
//
// Uploads are spooled to a temporary file while they are counted and hashed (≤ 20 MB each, removed
// at once), then sent with one PutObject carrying their length and SHA-256:
//   - S3 needs the length of a streamed PutObject up front, and a multipart upload cut off by a
//     crash leaves invisible parts behind until aborted; one PutObject is atomic: the object exists
//     completely or not at all;
//   - the store checks the SHA-256 it receives (x-amz-checksum-sha256), so a corrupted transfer is
//     refused instead of stored;
//   - the SDK does not retry a streamed body; a file can be re-read, so a transient failure is retried.
import { mkdtemp, rm } from "node:fs/promises";
import { createReadStream, createWriteStream } from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import {
  DeleteObjectCommand,
  GetObjectCommand,
  HeadObjectCommand,
  ListObjectsCommand,
  PutObjectCommand,
  S3Client,
} from "@aws-sdk/client-s3";
import type { OpenedObject, StorageBackend, StoredObject } from "./backend";
import { contentTypeOf, isStorageKey } from "./keys";
import type { MeasuredBody } from "./measured";

export type S3Config = {
  bucket: string;
  region: string;
  endpoint?: string;
  accessKeyId?: string;
  secretAccessKey?: string;
  forcePathStyle: boolean;
  /** "" or a prefix ending in "/" */
  prefix: string;
  /** Where uploads are spooled; default the OS temp directory. */
  tmpDir?: string;
  /** Keys per listing page (S3's maximum is 1000; tests use a small one). */
  pageSize?: number;
};

const PUT_ATTEMPTS = 3;

// The SDK warns on every failed streamed request that it will not retry it; putFile retries itself.
const QUIET_RETRY_LOGGER = {
  debug: () => {},
  info: () => {},
  warn: (...args: unknown[]) => {
    if (!String(args[0]).includes("non-retryable streaming request")) console.warn(...args);
  },
  error: (...args: unknown[]) => console.error(...args),
};

function httpStatus(error: unknown): number | undefined {
  return (error as { $metadata?: { httpStatusCode?: number } })?.$metadata?.httpStatusCode;
}

const isNotFound = (error: unknown) => httpStatus(error) === 404 || (error as Error)?.name === "NoSuchKey";

export function s3Backend(config: S3Config): StorageBackend {
  const client = new S3Client({
    region: config.region,
    endpoint: config.endpoint,
    forcePathStyle: config.forcePathStyle,
    credentials:
      config.accessKeyId && config.secretAccessKey
        ? { accessKeyId: config.accessKeyId, secretAccessKey: config.secretAccessKey }
        : undefined,
    maxAttempts: PUT_ATTEMPTS,
    logger: QUIET_RETRY_LOGGER,
  });
  const Bucket = config.bucket;
  const objectKey = (key: string) => `${config.prefix}${key}`;

  async function putFile(key: string, file: string, sizeBytes: number, sha256Base64: string) {
    for (let attempt = 1; ; attempt++) {
      try {
        await client.send(
          new PutObjectCommand({
            Bucket,
            Key: objectKey(key),
            Body: createReadStream(file),
            ContentLength: sizeBytes,
            ContentType: contentTypeOf(key),
            ChecksumSHA256: sha256Base64,
          }),
        );
        return;
      } catch (error) {
        const status = httpStatus(error);
        const clientError = status !== undefined && status >= 400 && status < 500;
        if (clientError || attempt >= PUT_ATTEMPTS) throw error;
        await new Promise((resolve) => setTimeout(resolve, 200 * attempt));
      }
    }
  }

  return {
    kind: "s3",
    location: `s3://${Bucket}/${config.prefix}${config.endpoint ? ` (${config.endpoint})` : ""}`,

    async write(key: string, body: MeasuredBody) {
      const dir = await mkdtemp(path.join(config.tmpDir ?? os.tmpdir(), "sikerda-unggah-"));
      try {
        const file = path.join(dir, "body");
        await pipeline(body, createWriteStream(file, { mode: 0o600, flags: "wx" }));
        const { sizeBytes, sha256Base64 } = body.result();
        await putFile(key, file, sizeBytes, sha256Base64);
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    },

    async open(key: string): Promise<OpenedObject | null> {
      try {
        const out = await client.send(new GetObjectCommand({ Bucket, Key: objectKey(key) }));
        return { body: out.Body as Readable, sizeBytes: Number(out.ContentLength ?? 0) };
      } catch (error) {
        if (isNotFound(error)) return null;
        throw error;
      }
    },

    async size(key: string) {
      try {
        const out = await client.send(new HeadObjectCommand({ Bucket, Key: objectKey(key) }));
        return Number(out.ContentLength ?? 0);
      } catch (error) {
        if (isNotFound(error)) return null;
        throw error;
      }
    },

    async remove(key: string) {
      await client.send(new DeleteObjectCommand({ Bucket, Key: objectKey(key) }));
    },

    // ListObjects (v1) paged by Marker = the last key seen: every S3-compatible store supports it,
    // and s3rver's v2 continuation tokens need DES, which OpenSSL 3 no longer offers.
    async *list(): AsyncGenerator<StoredObject> {
      let marker: string | undefined;
      for (;;) {
        const page = await client.send(
          new ListObjectsCommand({ Bucket, Prefix: config.prefix || undefined, Marker: marker, MaxKeys: config.pageSize ?? 1000 }),
        );
        const contents = page.Contents ?? [];
        for (const item of contents) {
          const key = item.Key?.slice(config.prefix.length) ?? "";
          if (item.Key?.startsWith(config.prefix) && isStorageKey(key)) yield { key, sizeBytes: Number(item.Size ?? 0) };
        }
        if (!page.IsTruncated || contents.length === 0) return;
        marker = page.NextMarker ?? contents[contents.length - 1].Key;
      }
    },

    async close() {
      client.destroy();
    },
  };
}

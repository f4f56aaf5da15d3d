// Document storage for integration tests, either backend, always throw-away:
//   disk  a fresh temporary STORAGE_DIR;
//   s3    an s3rver (a local S3-compatible server) started here on 127.0.0.1, port
//         SIKERDA_TEST_S3_PORT (default 54390), with a fresh bucket and its own spool directory.
// The app's code reaches it through lib/env.ts (the variables are set, the storage group re-read).
import { existsSync } from "node:fs";
import { mkdir, mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { CreateBucketCommand, DeleteObjectCommand, ListObjectsCommand, S3Client } from "@aws-sdk/client-s3";
import S3rver from "s3rver";
import { forgetEnv } from "@/lib/env";
import { closeStorage } from "@/lib/storage";

// The SDK's notice that releases after January 2027 need Node 22 (stack.md) — known, and noise here.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= "true";

export const STORAGE_KINDS = ["disk", "s3"] as const;
export type StorageKind = (typeof STORAGE_KINDS)[number];

export const S3_TEST_PORT = Number(process.env.SIKERDA_TEST_S3_PORT || 54390);
const S3_CREDENTIALS = { accessKeyId: "S3RVER", secretAccessKey: "S3RVER" };
const VARIABLES = ["STORAGE_DRIVER", "STORAGE_DIR", "STORAGE_TMP_DIR", "S3_BUCKET", "S3_ENDPOINT", "S3_REGION",
  "S3_ACCESS_KEY_ID", "S3_SECRET_ACCESS_KEY", "S3_FORCE_PATH_STYLE", "S3_PREFIX"] as const;

export type TestStorage = {
  kind: StorageKind;
  /** The environment this storage is reached with (for child processes). */
  env: Record<string, string>;
  /** Everything stored anywhere: every object/file (temporary ones and foreign keys included) and spool files. */
  leftovers(): Promise<string[]>;
  /** Empties the storage (between tests). */
  clear(): Promise<void>;
  /** Restores the previous environment and removes everything. */
  stop(): Promise<void>;
};

async function filesUnder(dir: string): Promise<string[]> {
  if (!existsSync(dir)) return [];
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile()).map((e) => path.relative(dir, path.join(e.parentPath, e.name)));
}

/** An s3rver with one empty bucket; the caller closes it. */
export async function startS3rver(bucket: string, port = S3_TEST_PORT) {
  const directory = await mkdtemp(path.join(tmpdir(), "sikerda-s3rver-"));
  const server = new S3rver({ port, address: "127.0.0.1", silent: true, directory });
  await server.run();
  const endpoint = `http://127.0.0.1:${port}`;
  const client = new S3Client({ endpoint, region: "us-east-1", forcePathStyle: true, credentials: S3_CREDENTIALS });
  await client.send(new CreateBucketCommand({ Bucket: bucket }));
  const keys = async (): Promise<string[]> => {
    const out: string[] = [];
    let marker: string | undefined;
    for (;;) {
      const page = await client.send(new ListObjectsCommand({ Bucket: bucket, Marker: marker }));
      out.push(...(page.Contents ?? []).map((c) => c.Key!));
      if (!page.IsTruncated || !page.Contents?.length) return out;
      marker = out[out.length - 1];
    }
  };
  return {
    endpoint,
    client,
    keys,
    async clear() {
      for (const Key of await keys()) await client.send(new DeleteObjectCommand({ Bucket: bucket, Key }));
    },
    async close() {
      client.destroy();
      await server.close();
      await rm(directory, { recursive: true, force: true });
    },
    env: {
      STORAGE_DRIVER: "s3", S3_BUCKET: bucket, S3_ENDPOINT: endpoint, S3_REGION: "us-east-1",
      S3_ACCESS_KEY_ID: S3_CREDENTIALS.accessKeyId, S3_SECRET_ACCESS_KEY: S3_CREDENTIALS.secretAccessKey, S3_FORCE_PATH_STYLE: "true",
    } as Record<string, string>,
  };
}

/** Points the app's storage (lib/storage) at a fresh storage of `kind`. */
export async function useTestStorage(kind: StorageKind, bucket = "sikerda-uji"): Promise<TestStorage> {
  const saved = Object.fromEntries(VARIABLES.map((name) => [name, process.env[name]]));
  const spool = await mkdtemp(path.join(tmpdir(), "sikerda-spool-"));
  let env: Record<string, string>;
  let objects: () => Promise<string[]>;
  let clearObjects: () => Promise<void>;
  let close = async () => {};
  if (kind === "s3") {
    const s3 = await startS3rver(bucket);
    env = { ...s3.env, STORAGE_TMP_DIR: spool };
    objects = s3.keys;
    clearObjects = s3.clear;
    close = s3.close;
  } else {
    const dir = await mkdtemp(path.join(tmpdir(), "sikerda-dokumen-"));
    env = { STORAGE_DRIVER: "disk", STORAGE_DIR: dir, STORAGE_TMP_DIR: spool };
    objects = () => filesUnder(dir);
    clearObjects = () => rm(dir, { recursive: true, force: true });
    close = () => rm(dir, { recursive: true, force: true });
  }
  for (const name of VARIABLES) delete process.env[name];
  Object.assign(process.env, env);
  forgetEnv("storage");
  return {
    kind,
    env,
    async leftovers() {
      return [...(await objects()), ...(await filesUnder(spool)).map((f) => `spool:${f}`)];
    },
    async clear() {
      await clearObjects();
      await rm(spool, { recursive: true, force: true });
      await mkdir(spool, { recursive: true });
    },
    async stop() {
      await closeStorage();
      await close();
      await rm(spool, { recursive: true, force: true });
      for (const [name, value] of Object.entries(saved)) {
        if (value === undefined) delete process.env[name];
        else process.env[name] = value;
      }
      forgetEnv("storage");
    },
  };
}

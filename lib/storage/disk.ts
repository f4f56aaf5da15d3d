// Local-disk backend: the default (STORAGE_DIR, default .data/dokumen). One machine only — several
// app instances need the S3 backend (or a shared file system, which this code does not assume).
import { randomUUID } from "node:crypto";
import { createReadStream, createWriteStream } from "node:fs";
import { mkdir, opendir, readdir, rename, rm, stat } from "node:fs/promises";
import path from "node:path";
import { pipeline } from "node:stream/promises";
import type { OpenedObject, StorageBackend, StoredObject } from "./backend";
import { isStorageKey } from "./keys";
import type { MeasuredBody } from "./measured";

const isMissing = (error: unknown) => (error as NodeJS.ErrnoException)?.code === "ENOENT";

export function diskBackend(root: string): StorageBackend {
  const fileOf = (key: string) => path.join(root, key);
  const sizeOf = async (key: string) => {
    try {
      return (await stat(fileOf(key))).size;
    } catch (error) {
      if (isMissing(error)) return null;
      throw error;
    }
  };

  return {
    kind: "disk",
    location: root,

    // Written to a temp file beside the target and renamed only when complete (rename is atomic on
    // one file system), so a crash or a refused body never leaves a half file under a real key.
    async write(key: string, body: MeasuredBody) {
      const target = fileOf(key);
      await mkdir(path.dirname(target), { recursive: true });
      const tmp = `${target}.${randomUUID()}.tmp`;
      try {
        await pipeline(body, createWriteStream(tmp, { mode: 0o640, flags: "wx" }));
        await rename(tmp, target);
      } catch (error) {
        await rm(tmp, { force: true });
        throw error;
      }
    },

    async open(key: string): Promise<OpenedObject | null> {
      try {
        const { size } = await stat(fileOf(key));
        return { body: createReadStream(fileOf(key)), sizeBytes: size };
      } catch (error) {
        if (isMissing(error)) return null;
        throw error;
      }
    },

    size: sizeOf,

    async remove(key: string) {
      await rm(fileOf(key), { force: true });
    },

    // Keys are yyyy/mm/<uuid>.<ext>: walk exactly that shape; temp files and anything else are skipped.
    async *list(): AsyncGenerator<StoredObject> {
      const names = async (dir: string, pattern: RegExp) => {
        try {
          return (await readdir(dir, { withFileTypes: true })).filter((e) => e.isDirectory() && pattern.test(e.name)).map((e) => e.name);
        } catch (error) {
          if (isMissing(error)) return [];
          throw error;
        }
      };
      for (const year of (await names(root, /^\d{4}$/)).sort()) {
        for (const month of (await names(path.join(root, year), /^\d{2}$/)).sort()) {
          const dir = await opendir(path.join(root, year, month));
          for await (const entry of dir) {
            const key = `${year}/${month}/${entry.name}`;
            if (!entry.isFile() || !isStorageKey(key)) continue;
            const size = await sizeOf(key);
            if (size !== null) yield { key, sizeBytes: size };
          }
        }
      }
    },

    async close() {},
  };
}

// Fingerprint of everything that goes into `next build`, so `npm start` rebuilds after a
// `git pull` instead of serving a stale build against a newer database schema.
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";

const INPUT_DIRS = ["app", "components", "lib", "public", "types"];
const INPUT_FILES = [
  "next.config.ts", "proxy.ts", "instrumentation.ts", "postcss.config.mjs", "tsconfig.json",
  "package-lock.json", "prisma/schema.prisma",
];
const SKIP = new Set(["generated", "node_modules"]);
const STAMP = path.join(".next", "sikerda-source.sha256");

function* walk(root, dir) {
  const entries = fs.readdirSync(path.join(root, dir), { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name));
  for (const entry of entries) {
    if (SKIP.has(entry.name)) continue;
    const rel = path.join(dir, entry.name);
    if (entry.isDirectory()) yield* walk(root, rel);
    else if (entry.isFile()) yield rel;
  }
}

export function sourceFingerprint(root) {
  const hash = crypto.createHash("sha256");
  const files = [...INPUT_FILES];
  for (const dir of INPUT_DIRS) if (fs.existsSync(path.join(root, dir))) files.push(...walk(root, dir));
  for (const rel of files) {
    const full = path.join(root, rel);
    if (!fs.existsSync(full)) continue;
    hash.update(rel).update("\0").update(fs.readFileSync(full)).update("\0");
  }
  return hash.digest("hex");
}

/** True when a production build exists and was made from the current sources. */
export function buildIsCurrent(root) {
  if (!fs.existsSync(path.join(root, ".next", "BUILD_ID"))) return false;
  try {
    return fs.readFileSync(path.join(root, STAMP), "utf8").trim() === sourceFingerprint(root);
  } catch {
    return false;
  }
}

export function stampBuild(root) {
  fs.writeFileSync(path.join(root, STAMP), `${sourceFingerprint(root)}\n`);
}

// The Playwright side of the fixture CLI: finds the e2e server's database (.data-e2e/env.json,
// written by scripts/e2e-server.mjs) and runs tests/support/fixtures-cli.ts against it.
import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import type {
  CaseFixture, DocumentFixture, FixtureOp, FixtureResults, OpdFixture, PartnerFixture, ReportFixture, TransitionFixture, UserFixture,
} from "./fixtures/protocol";
import { FIXTURE_MARKER } from "./fixtures/protocol";

export type { CaseFixture, DocumentFixture, OpdFixture, PartnerFixture, ReportFixture, TransitionFixture, UserFixture };

const ROOT = path.resolve(__dirname, "..", "..");

export type E2eEnv = { databaseUrl: string; storageDir: string; appUrl: string; authSecret: string };

/** Where the running e2e server keeps its data (fails clearly when it was started some other way). */
export function e2eEnv(): E2eEnv {
  const file = path.join(ROOT, ".data-e2e", "env.json");
  if (!fs.existsSync(file)) {
    throw new Error(`${path.relative(ROOT, file)} is missing: start the app with scripts/e2e-server.mjs (playwright.config.ts does).`);
  }
  return JSON.parse(fs.readFileSync(file, "utf8")) as E2eEnv;
}

/** Runs fixture requests through the real services; resolves with the results by key. */
export function runFixtures(ops: FixtureOp[]): Promise<FixtureResults> {
  const env = e2eEnv();
  return new Promise((resolve, reject) => {
    const child = spawn(path.join(ROOT, "node_modules", ".bin", "tsx"), ["tests/support/fixtures-cli.ts"], {
      cwd: ROOT,
      env: { ...process.env, DATABASE_URL: env.databaseUrl, STORAGE_DRIVER: "disk", STORAGE_DIR: env.storageDir, AUTH_SECRET: env.authSecret, NODE_ENV: "test" },
      stdio: ["pipe", "pipe", "pipe"],
    });
    let out = "";
    let err = "";
    child.stdout.on("data", (d) => (out += d));
    child.stderr.on("data", (d) => (err += d));
    child.on("error", reject);
    child.on("exit", (code) => {
      const line = out.split("\n").find((l) => l.startsWith(FIXTURE_MARKER));
      if (code !== 0 || !line) {
        reject(new Error(`fixture CLI failed (exit ${code}):\n${err.trim()}`));
        return;
      }
      resolve(JSON.parse(line.slice(FIXTURE_MARKER.length)) as FixtureResults);
    });
    child.stdin.end(JSON.stringify(ops));
  });
}

/** One case walked to `stage` (see FixtureOp "caseAt"). */
export async function caseAt(o: Omit<Extract<FixtureOp, { op: "caseAt" }>, "op" | "key">): Promise<CaseFixture> {
  const results = await runFixtures([{ op: "caseAt", key: "case", ...o }]);
  return results.case as CaseFixture;
}

#!/usr/bin/env node
// `npm test`: every test layer, in order, each streaming its normal output and writing a JSON
// report under test-results/:
//   1. vitest unit          → test-results/unit.json
//   2. vitest integration   → test-results/integration.json   (embedded PostgreSQL)
//   3. next build           (e2e runs against `next start`)
//   4. playwright           → test-results/e2e.json           (skipped, as a failure, if the build failed)
//      projects "chromium" (tests/e2e, a browser) and "api" (tests/api, HTTP only: the authorization
//      matrix). The browser is resolved first (scripts/lib/chromium.mjs: CHROMIUM_PATH, /usr/bin/chromium,
//      else @sparticuz/chromium); with none usable only "api" runs and the missing browser counts as a failure.
// A failing phase does not stop the later ones. The last line printed is exactly
// `N passed, N failed`; the exit code is 1 if anything failed, a phase errored, or no test ran.
import fs from "node:fs";
import path from "node:path";
import { stampBuild } from "./lib/build-fingerprint.mjs";
import { chromiumEnv, describe, resolveChromium } from "./lib/chromium.mjs";
import { ROOT, run } from "./lib/db-runtime.mjs";

const RESULTS = path.join(ROOT, "test-results");
fs.mkdirSync(RESULTS, { recursive: true });

const phases = [];
const banner = (text) => process.stdout.write(`\n━━━ ${text} ${"━".repeat(Math.max(0, 70 - text.length))}\n`);

function readJson(file) {
  try {
    return JSON.parse(fs.readFileSync(file, "utf8"));
  } catch {
    return null;
  }
}

/** Runs one phase; `count(report)` → { passed, failed, errored? } from its JSON report. */
async function phase(name, command, args, { report, count, env } = {}) {
  banner(name);
  if (report) fs.rmSync(report, { force: true });
  const t0 = Date.now();
  let code;
  try {
    code = await run(command, args, { cwd: ROOT, env: { ...process.env, ...env } });
  } catch (error) {
    console.error(error.message);
    code = 127;
  }
  const result = { name, code, passed: 0, failed: 0, error: null, seconds: (Date.now() - t0) / 1000 };
  if (report) {
    const json = readJson(report);
    if (!json) {
      result.error = `no readable report at ${path.relative(ROOT, report)}`;
    } else {
      Object.assign(result, count(json));
      if (code !== 0 && result.failed === 0 && !result.error) result.error = `exit code ${code} without a failed test`;
    }
  } else if (code !== 0) {
    result.error = `exit code ${code}`;
  }
  phases.push(result);
  return result;
}

// vitest's JSON reporter (jest format). Suites that fail to load count as errors.
function countVitest(json) {
  const failedSuites = (json.testResults ?? []).filter((s) => s.status === "failed" && (s.assertionResults ?? []).length === 0);
  return {
    passed: json.numPassedTests ?? 0,
    failed: json.numFailedTests ?? 0,
    error: failedSuites.length ? `${failedSuites.length} test file(s) failed to run` : null,
  };
}

// Playwright's JSON reporter.
function countPlaywright(json) {
  const s = json.stats ?? {};
  const errors = json.errors ?? [];
  return {
    passed: (s.expected ?? 0) + (s.flaky ?? 0),
    failed: s.unexpected ?? 0,
    error: errors.length ? `${errors.length} error(s) outside tests: ${String(errors[0].message ?? "").split("\n")[0]}` : null,
  };
}

const vitestArgs = (project) => [
  "run", "--project", project,
  "--reporter=default", "--reporter=json", `--outputFile.json=${path.join(RESULTS, `${project}.json`)}`,
];

await phase("Unit (vitest)", "vitest", vitestArgs("unit"), { report: path.join(RESULTS, "unit.json"), count: countVitest });
await phase("Integration (vitest + PostgreSQL)", "vitest", vitestArgs("integration"), {
  report: path.join(RESULTS, "integration.json"), count: countVitest,
});
const build = await phase("Build (next build)", "next", ["build"], { env: { NEXT_TELEMETRY_DISABLED: "1" } });
if (!build.error) stampBuild(ROOT);

if (build.error) {
  banner("E2E (playwright)");
  console.log("Dilewati / skipped: the production build failed.");
  phases.push({ name: "E2E (playwright)", passed: 0, failed: 0, error: "skipped: build failed", seconds: 0 });
} else {
  banner("Chromium");
  const t0 = Date.now();
  const browser = await resolveChromium();
  console.log(describe(browser));
  for (const note of browser.notes) console.log(`  ${note}`);
  const note = "error" in browser ? "none usable" : `${browser.source}: ${browser.version}`;
  phases.push({ name: "Chromium", passed: 0, failed: 0, error: null, note, seconds: (Date.now() - t0) / 1000 });
  const env = chromiumEnv(browser);
  if ("error" in browser) {
    console.log(
      "End-to-end tests in the browser cannot run: set CHROMIUM_PATH, install Debian's chromium " +
        "(`apt-get install -y chromium`) or restore the @sparticuz/chromium dev dependency (`npm ci`). " +
        "The API tests (no browser) run anyway.",
    );
  }
  const result = await phase("E2E (playwright)", "playwright", ["test", ...("error" in browser ? ["--project", "api"] : [])], {
    report: path.join(RESULTS, "e2e.json"), count: countPlaywright, env,
  });
  if ("error" in browser && !result.error) result.error = "no usable Chromium: browser tests not run";
}

// ── summary ──────────────────────────────────────────────────────────────────────────────────
banner("Ringkasan / summary");
let passed = 0;
let failed = 0;
for (const p of phases) {
  passed += p.passed;
  // An errored phase (crash, build failure, missing report) counts as one failure.
  failed += p.failed + (p.error ? 1 : 0);
  const status = p.error ? `ERROR: ${p.error}` : p.failed ? "FAILED" : (p.note ?? "ok");
  console.log(`${p.name.padEnd(36)} ${String(p.passed).padStart(4)} passed ${String(p.failed).padStart(4)} failed  ${p.seconds.toFixed(1).padStart(6)} s  ${status}`);
}
if (passed + failed === 0) {
  console.log("No test ran.");
  failed = 1;
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);

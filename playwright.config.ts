import { spawnSync } from "node:child_process";
import path from "node:path";
import { defineConfig, devices } from "@playwright/test";

// Two projects against one production build (`next start`) on its own embedded database, wiped and
// seeded with the demo data on every start (scripts/e2e-server.mjs):
//   chromium  tests/e2e   the UI in a real browser
//   api       tests/api   HTTP only, no browser: the action-level authorization matrix
// The browser: CHROMIUM_PATH, else /usr/bin/chromium, else @sparticuz/chromium (scripts/lib/chromium.mjs),
// resolved once — `npm test` resolves it before Playwright and passes it in the environment; this
// file resolves it when Playwright is started directly, and the workers inherit the result.
const PORT = Number(process.env.SIKERDA_E2E_PORT || 3100);
const baseURL = `http://localhost:${PORT}`;

function browser(): { executablePath?: string; args: string[] } {
  const isWorker = process.env.TEST_WORKER_INDEX !== undefined;
  if (!process.env.SIKERDA_CHROMIUM_SOURCE && !process.env.SIKERDA_CHROMIUM_ERROR && !isWorker) {
    const script = path.join(__dirname, "scripts", "lib", "chromium.mjs");
    const result = spawnSync(process.execPath, [script, "--env"], { encoding: "utf8", timeout: 180_000 });
    try {
      Object.assign(process.env, JSON.parse(result.stdout.trim().split("\n").pop() ?? ""));
    } catch {
      process.env.SIKERDA_CHROMIUM_ERROR = `scripts/lib/chromium.mjs failed: ${result.stderr || result.error?.message}`;
    }
    console.log(
      process.env.SIKERDA_CHROMIUM_ERROR
        ? `Chromium: none usable — ${process.env.SIKERDA_CHROMIUM_ERROR}`
        : `Chromium: ${process.env.CHROMIUM_PATH} (${process.env.SIKERDA_CHROMIUM_SOURCE})`,
    );
  }
  if (process.env.SIKERDA_CHROMIUM_ERROR) return { args: [] };
  return {
    executablePath: process.env.CHROMIUM_PATH,
    args: JSON.parse(process.env.SIKERDA_CHROMIUM_ARGS ?? "[]") as string[],
  };
}

export default defineConfig({
  fullyParallel: false,
  workers: 1, // 2 cores: the server, PostgreSQL and one browser already fill them
  retries: 0,
  forbidOnly: !!process.env.CI,
  timeout: 30_000,
  expect: { timeout: 10_000 },
  reporter: [["list"], ["json", { outputFile: "test-results/e2e.json" }]],
  outputDir: "test-results/e2e-artifacts",
  globalTeardown: "./tests/api/harness/print-matrix.ts",
  use: {
    baseURL,
    locale: "id-ID",
    timezoneId: "Asia/Jakarta",
    screenshot: "only-on-failure",
    trace: "retain-on-failure",
  },
  projects: [
    {
      name: "chromium",
      testDir: "tests/e2e",
      use: { ...devices["Desktop Chrome"], launchOptions: browser() },
    },
    {
      // Needs no browser: runs even where no Chromium exists.
      name: "api",
      testDir: "tests/api",
      timeout: 90_000,
    },
  ],
  webServer: {
    command: "node scripts/e2e-server.mjs",
    url: `${baseURL}/login`,
    reuseExistingServer: !process.env.CI,
    timeout: 180_000,
    stdout: "pipe",
    stderr: "pipe",
    // SIGTERM lets the server stop Next.js and PostgreSQL cleanly (default is SIGKILL).
    gracefulShutdown: { signal: "SIGTERM", timeout: 15_000 },
  },
});

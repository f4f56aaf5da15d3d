// npm run bench:lighthouse — Lighthouse (desktop preset) scores of the sign-in page, the dashboard
// and the register on a PRODUCTION build (issue 8 §6; targets.md: performance ≥ 95, accessibility
// 100). Lighthouse 12.2.3 (13 needs Node 22). Starts the app the way `npm start` does (build if
// stale, embedded PostgreSQL with the demo seed, scripts/server.mjs) on PORT (default 3000), or
// uses LIGHTHOUSE_BASE_URL when a server is already running. Signs in as `pimpinan` with Playwright
// and hands Lighthouse the session cookie. Prints one table; exit 0 even when a target is missed.
import { spawn } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "@playwright/test";
import lighthouse from "lighthouse";
import desktopConfig from "lighthouse/core/config/desktop-config.js";
import { describe, resolveChromium } from "../lib/chromium.mjs";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");
const PORT = Number(process.env.PORT || 3000);
const DEMO_PASSWORD = "Sikerda#2026";
const PAGES = [
  { name: "login", path: "/login", signedIn: false },
  { name: "dasbor", path: "/dasbor", signedIn: true },
  { name: "kerja-sama", path: "/kerja-sama", signedIn: true },
];
const RUNS = Number(process.env.LIGHTHOUSE_RUNS || 3);

const log = (line) => process.stderr.write(`${line}\n`);

async function waitFor(url, ms) {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    try {
      const res = await fetch(url, { redirect: "manual" });
      if (res.status < 500) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`${url} did not answer within ${ms / 1000} s`);
}

async function startApp() {
  const child = spawn(process.execPath, [path.join(ROOT, "scripts", "start.mjs")], {
    cwd: ROOT, env: { ...process.env, PORT: String(PORT), NEXT_TELEMETRY_DISABLED: "1" }, stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout.on("data", (d) => process.env.LIGHTHOUSE_VERBOSE && process.stderr.write(d));
  child.stderr.on("data", (d) => process.env.LIGHTHOUSE_VERBOSE && process.stderr.write(d));
  return child;
}

async function sessionCookie(browser, base) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${base}/login`);
  await page.getByLabel("Nama pengguna").fill("pimpinan");
  await page.getByLabel("Kata sandi").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Masuk" }).click();
  await page.waitForURL(/\/beranda$/);
  const cookies = await context.cookies();
  await context.close();
  return cookies.map((c) => `${c.name}=${c.value}`).join("; ");
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function main() {
  const resolved = await resolveChromium();
  if ("error" in resolved) throw new Error(describe(resolved));
  log(describe(resolved));
  let app = null;
  const base = process.env.LIGHTHOUSE_BASE_URL || `http://localhost:${PORT}`;
  if (!process.env.LIGHTHOUSE_BASE_URL) {
    log(`Starting the production server on port ${PORT} (build if stale, embedded PostgreSQL, demo seed)…`);
    app = await startApp();
  }
  const port = 9300 + (PORT % 100);
  const browser = await chromium.launch({
    executablePath: resolved.executablePath,
    args: [...resolved.args, `--remote-debugging-port=${port}`],
  });
  try {
    await waitFor(`${base}/login`, 600_000);
    const cookie = await sessionCookie(browser, base);
    const results = [];
    for (const p of PAGES) {
      const scores = { performance: [], accessibility: [], fcp: [], lcp: [], tbt: [], cls: [], js: [] };
      for (let i = 0; i < RUNS + 1; i++) {
        const runner = await lighthouse(`${base}${p.path}`, {
          port, output: "json", logLevel: "error", onlyCategories: ["performance", "accessibility"],
          extraHeaders: p.signedIn ? { Cookie: cookie } : undefined,
        }, desktopConfig);
        if (i === 0) continue; // warm-up: the first load compiles nothing but fills caches
        const lhr = runner.lhr;
        if (lhr.finalDisplayedUrl && !lhr.finalDisplayedUrl.endsWith(p.path)) throw new Error(`${p.path} ended at ${lhr.finalDisplayedUrl}`);
        scores.performance.push(Math.round(lhr.categories.performance.score * 100));
        scores.accessibility.push(Math.round(lhr.categories.accessibility.score * 100));
        scores.fcp.push(lhr.audits["first-contentful-paint"].numericValue);
        scores.lcp.push(lhr.audits["largest-contentful-paint"].numericValue);
        scores.tbt.push(lhr.audits["total-blocking-time"].numericValue);
        scores.cls.push(lhr.audits["cumulative-layout-shift"].numericValue);
        const scripts = lhr.audits["network-requests"].details.items.filter((r) => r.resourceType === "Script");
        scores.js.push(scripts.reduce((s, r) => s + (r.transferSize || 0), 0));
      }
      results.push({ page: p.path, ...Object.fromEntries(Object.entries(scores).map(([k, v]) => [k, median(v)])) });
      log(`  ${p.path}: done`);
    }
    console.log(`\nLighthouse ${(await import("lighthouse/package.json", { with: { type: "json" } })).default.version} — desktop preset, median of ${RUNS} runs, ${base}`);
    console.log("| page | performance | accessibility | FCP | LCP | TBT | CLS | JS transferred (gzip) | target |");
    console.log("|---|---|---|---|---|---|---|---|---|");
    for (const r of results) {
      const ok = r.performance >= 95 && r.accessibility === 100 ? "✓" : "✗";
      console.log(`| ${r.page} | ${r.performance} | ${r.accessibility} | ${Math.round(r.fcp)} ms | ${Math.round(r.lcp)} ms | ${Math.round(r.tbt)} ms | ${r.cls.toFixed(3)} | ${(r.js / 1024).toFixed(0)} kB | perf ≥ 95, a11y 100 ${ok} |`);
    }
  } finally {
    await browser.close();
    if (app) {
      app.kill("SIGTERM");
      await new Promise((r) => app.once("exit", r));
    }
  }
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
    process.exit(1);
  },
);

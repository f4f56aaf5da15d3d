// npm run bench:lighthouse — Lighthouse (desktop preset) scores of the sign-in page, the dashboard
// and the register on a PRODUCTION build (issue 8 §6; targets.md: performance ≥ 95, accessibility
// 100). Lighthouse 12.2.3 (13 needs Node 22). Starts the app the way `npm start` does (build if
// stale, embedded PostgreSQL with the demo seed, scripts/server.mjs) on PORT (default 3000), or
// uses LIGHTHOUSE_BASE_URL when a server is already running. Signs in as `pimpinan` with Playwright
// and hands Lighthouse the session cookie. Prints one table; exit 0 even when a target is missed.
// launchForLighthouse() and lighthouseScores() are shared with `npm run bench:pages` (scripts/bench/pages.ts).
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

/** A Chromium that Lighthouse can drive (remote debugging on `debugPort`), resolved by scripts/lib/chromium.mjs. */
/**
 * @param {number} debugPort
 * @param {{ log?: (line: string) => void, ownSignals?: boolean }} [options] ownSignals: the caller handles
 *   SIGINT/SIGTERM/SIGHUP (and closes the browser), Playwright must not exit the process on them.
 */
export async function launchForLighthouse(debugPort, { log: say = log, ownSignals = false } = {}) {
  const resolved = await resolveChromium();
  if ("error" in resolved) throw new Error(describe(resolved));
  say(describe(resolved));
  return chromium.launch({
    executablePath: resolved.executablePath,
    args: [...resolved.args, `--remote-debugging-port=${debugPort}`],
    ...(ownSignals ? { handleSIGINT: false, handleSIGTERM: false, handleSIGHUP: false } : {}),
  });
}

/**
 * Lighthouse (desktop preset, performance + accessibility) of each page on a browser started by
 * launchForLighthouse(debugPort): one warm-up load, then `runs` measured loads; medians. `cookie`
 * (a Cookie header) signs the page in. A page that ends anywhere else (a redirect to /login) throws.
 * js: bytes transferred (gzip) of every script the page loaded during the run; jsFiles: how many.
 * @typedef {{ page: string, label: string, performance: number, accessibility: number, fcp: number, lcp: number,
 *   tbt: number, cls: number, js: number, jsFiles: number }} LighthouseRow
 * @param {string} base
 * @param {{ path: string, label?: string, cookie?: string }[]} pages
 * @param {{ debugPort: number, runs?: number, log?: (line: string) => void }} options
 * @returns {Promise<LighthouseRow[]>}
 */
export async function lighthouseScores(base, pages, { debugPort, runs = RUNS, log: say = log }) {
  const results = [];
  for (const p of pages) {
    const scores = { performance: [], accessibility: [], fcp: [], lcp: [], tbt: [], cls: [], js: [], jsFiles: [] };
    for (let i = 0; i < runs + 1; i++) {
      const runner = await lighthouse(`${base}${p.path}`, {
        port: debugPort, output: "json", logLevel: "error", onlyCategories: ["performance", "accessibility"],
        extraHeaders: p.cookie ? { Cookie: p.cookie } : undefined,
      }, desktopConfig);
      if (i === 0) continue; // warm-up: the first load compiles nothing but fills caches
      const lhr = runner.lhr;
      const landed = lhr.finalDisplayedUrl ? new URL(lhr.finalDisplayedUrl) : null;
      if (landed && `${landed.pathname}${landed.search}` !== p.path) throw new Error(`${p.path} ended at ${lhr.finalDisplayedUrl}`);
      if (lhr.runtimeError) throw new Error(`${p.path}: Lighthouse ${lhr.runtimeError.code}: ${lhr.runtimeError.message}`);
      scores.performance.push(Math.round(lhr.categories.performance.score * 100));
      scores.accessibility.push(Math.round(lhr.categories.accessibility.score * 100));
      scores.fcp.push(lhr.audits["first-contentful-paint"].numericValue);
      scores.lcp.push(lhr.audits["largest-contentful-paint"].numericValue);
      scores.tbt.push(lhr.audits["total-blocking-time"].numericValue);
      scores.cls.push(lhr.audits["cumulative-layout-shift"].numericValue);
      const scripts = lhr.audits["network-requests"].details.items.filter((r) => r.resourceType === "Script");
      scores.js.push(scripts.reduce((s, r) => s + (r.transferSize || 0), 0));
      scores.jsFiles.push(scripts.length);
    }
    results.push({ page: p.path, label: p.label ?? p.path, ...Object.fromEntries(Object.entries(scores).map(([k, v]) => [k, median(v)])) });
    say(`  Lighthouse ${p.label ?? p.path}: done`);
  }
  return results;
}

async function main() {
  let app = null;
  const base = process.env.LIGHTHOUSE_BASE_URL || `http://localhost:${PORT}`;
  if (!process.env.LIGHTHOUSE_BASE_URL) {
    log(`Starting the production server on port ${PORT} (build if stale, embedded PostgreSQL, demo seed)…`);
    app = await startApp();
  }
  const port = 9300 + (PORT % 100);
  const browser = await launchForLighthouse(port);
  try {
    await waitFor(`${base}/login`, 600_000);
    const cookie = await sessionCookie(browser, base);
    const results = await lighthouseScores(base, PAGES.map((p) => ({ path: p.path, cookie: p.signedIn ? cookie : undefined })), { debugPort: port });
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

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().then(
    () => process.exit(0),
    (error) => {
      console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
      process.exit(1);
    },
  );
}

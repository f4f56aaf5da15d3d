// One usable Chromium for the end-to-end tests, resolved once:
//   1. CHROMIUM_PATH, when set and usable
//   2. /usr/bin/chromium (Debian's package), when usable
//   3. @sparticuz/chromium (dev dependency): a Chromium shipped compressed inside the npm tarball,
//      unpacked once into node_modules/.cache/sikerda-chromium/<version>/ (no download)
// "Usable" means it really runs: `--version` exits 0 within 15 s AND Playwright launches it headless,
// opens and closes browser contexts and renders a page within 60 s. A missing or broken binary
// counts as absent.
//
//   node scripts/lib/chromium.mjs          prints the choice for a human
//   node scripts/lib/chromium.mjs --json   prints {executablePath, args, source, version} (or {error})
//   node scripts/lib/chromium.mjs --env    prints the environment of chromiumEnv() as JSON (for playwright.config.ts)
//
// The result travels to Playwright through the environment (CHROMIUM_PATH + SIKERDA_CHROMIUM_ARGS +
// SIKERDA_CHROMIUM_SOURCE, see chromiumEnv()), so test-all.mjs, playwright.config.ts and the workers
// resolve it only once.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");
const SYSTEM_CHROMIUM = "/usr/bin/chromium";

/** Flags every Chromium gets in the tests (stack.md). */
export const BASE_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-dev-shm-usage",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--disable-quic",
  "--no-first-run",
];

// @sparticuz/chromium's args are tuned for AWS Lambda. These weaken the browser's security model
// (same-origin policy, mixed content, site isolation, the unsafe WebGL fallback, SharedArrayBuffer
// without cross-origin isolation); the tests check
// same-origin behaviour, so they are dropped. --headless is Playwright's to set. --single-process
// (and --no-zygote, which goes with it) crash the browser as soon as a test closes one of several
// contexts: Lambda needs them, a normal Linux machine does not.
const UNSAFE_FLAGS = new Set([
  "--disable-web-security",
  "--allow-running-insecure-content",
  "--disable-site-isolation-trials",
  "--enable-unsafe-swiftshader",
]);
const LAMBDA_ONLY_FLAGS = new Set(["--single-process", "--no-zygote"]);
const UNSAFE_DISABLED_FEATURES = new Set(["IsolateOrigins", "site-per-process"]);
const UNSAFE_ENABLED_FEATURES = new Set(["SharedArrayBuffer"]);

/** @sparticuz/chromium's args minus those that weaken security or only suit AWS Lambda. */
export function safeSparticuzArgs(args) {
  const out = [];
  for (const arg of args) {
    const name = arg.split("=")[0];
    if (UNSAFE_FLAGS.has(name) || LAMBDA_ONLY_FLAGS.has(name) || name === "--headless") continue;
    if (name === "--disable-features" || name === "--enable-features") {
      const unsafe = name === "--disable-features" ? UNSAFE_DISABLED_FEATURES : UNSAFE_ENABLED_FEATURES;
      const kept = arg.slice(name.length + 1).split(",").filter((f) => f && !unsafe.has(f));
      if (kept.length > 0) out.push(`${name}=${kept.join(",")}`);
      continue;
    }
    out.push(arg);
  }
  return out;
}

/** `--version` exits 0 in time and names a Chromium/Chrome: the version line, else null. */
function versionOf(executablePath) {
  try {
    fs.accessSync(executablePath, fs.constants.X_OK);
    if (!fs.statSync(executablePath).isFile()) return null;
  } catch {
    return null;
  }
  const result = spawnSync(executablePath, ["--version"], { encoding: "utf8", timeout: 15_000 });
  if (result.status !== 0) return null;
  const line = (result.stdout ?? "").trim().split("\n").pop() ?? "";
  return /chrom/i.test(line) ? line.trim() : null;
}

/** Playwright can launch it headless and run a page: null when fine, else the reason. */
async function launchProblem(executablePath, args) {
  const { chromium } = await import("@playwright/test");
  let browser;
  const timer = setTimeout(() => browser?.close().catch(() => {}), 60_000);
  try {
    browser = await chromium.launch({ executablePath, args, timeout: 60_000 });
    // Two contexts, one closed before the other is used: what the tests do with several users.
    const [first, second] = [await browser.newContext(), await browser.newContext()];
    await (await first.newPage()).setContent("<p>1</p>");
    await first.close();
    const page = await second.newPage();
    await page.setContent("<p id=x>ok</p>");
    const text = await page.textContent("#x");
    return text === "ok" ? null : "page did not render";
  } catch (error) {
    return String(error?.message ?? error).split("\n")[0];
  } finally {
    clearTimeout(timer);
    await browser?.close().catch(() => {});
  }
}

async function check(executablePath, args, notes, label) {
  const version = versionOf(executablePath);
  if (!version) {
    notes.push(`${label} ${executablePath}: missing or does not run`);
    return null;
  }
  const problem = await launchProblem(executablePath, args);
  if (problem) {
    notes.push(`${label} ${executablePath}: cannot be launched (${problem})`);
    return null;
  }
  return version;
}

/** Unpacks @sparticuz/chromium into a private, versioned directory (atomically) and returns it. */
async function unpackSparticuz() {
  const pkgJson = path.join(ROOT, "node_modules", "@sparticuz", "chromium", "package.json");
  const { version } = JSON.parse(fs.readFileSync(pkgJson, "utf8"));
  const cacheDir = path.join(ROOT, "node_modules", ".cache", "sikerda-chromium");
  const target = path.join(cacheDir, version);
  const binary = path.join(target, "chromium");
  const { default: Sparticuz } = await import("@sparticuz/chromium");
  if (!fs.existsSync(binary)) {
    // The package unpacks into os.tmpdir(); point it at a scratch directory of this process so two
    // runs never share a half-written binary, then move the finished directory into place.
    const scratch = path.join(cacheDir, `${version}.tmp-${process.pid}`);
    fs.rmSync(scratch, { recursive: true, force: true });
    fs.mkdirSync(scratch, { recursive: true });
    const previous = process.env.TMPDIR;
    process.env.TMPDIR = scratch;
    try {
      await Sparticuz.executablePath();
    } finally {
      if (previous === undefined) delete process.env.TMPDIR;
      else process.env.TMPDIR = previous;
    }
    try {
      fs.renameSync(scratch, target);
    } catch {
      fs.rmSync(scratch, { recursive: true, force: true }); // another run finished first: use its copy
    }
  }
  return { executablePath: binary, args: safeSparticuzArgs(Sparticuz.args), target };
}

/**
 * @returns {Promise<{ executablePath: string, args: string[], source: string, version: string, notes: string[] }
 *   | { error: string, notes: string[] }>}
 */
export async function resolveChromium() {
  const notes = [];
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv) {
    const version = await check(fromEnv, BASE_ARGS, notes, "CHROMIUM_PATH");
    if (version) return { executablePath: fromEnv, args: BASE_ARGS, source: "CHROMIUM_PATH", version, notes };
  }
  const systemVersion = await check(SYSTEM_CHROMIUM, BASE_ARGS, notes, "system");
  if (systemVersion) return { executablePath: SYSTEM_CHROMIUM, args: BASE_ARGS, source: "system", version: systemVersion, notes };

  try {
    const started = Date.now();
    let unpacked = await unpackSparticuz();
    let args = [...new Set([...BASE_ARGS, ...unpacked.args])];
    let version = await check(unpacked.executablePath, args, notes, "@sparticuz/chromium");
    if (!version) {
      // A damaged copy (e.g. an interrupted unpack by an older tool): unpack once more.
      fs.rmSync(unpacked.target, { recursive: true, force: true });
      unpacked = await unpackSparticuz();
      args = [...new Set([...BASE_ARGS, ...unpacked.args])];
      version = await check(unpacked.executablePath, args, notes, "@sparticuz/chromium (unpacked again)");
    }
    if (version) {
      notes.push(`@sparticuz/chromium ready in ${((Date.now() - started) / 1000).toFixed(1)} s`);
      return { executablePath: unpacked.executablePath, args, source: "@sparticuz/chromium", version, notes };
    }
  } catch (error) {
    notes.push(`@sparticuz/chromium: ${String(error?.message ?? error).split("\n")[0]}`);
  }
  return { error: `no usable Chromium (${notes.join("; ")})`, notes };
}

/** Environment that hands a resolved Chromium to Playwright (config and workers). */
export function chromiumEnv(resolved) {
  if ("error" in resolved) return { SIKERDA_CHROMIUM_ERROR: resolved.error };
  return {
    CHROMIUM_PATH: resolved.executablePath,
    SIKERDA_CHROMIUM_ARGS: JSON.stringify(resolved.args),
    SIKERDA_CHROMIUM_SOURCE: `${resolved.source} — ${resolved.version}`,
  };
}

export function describe(resolved) {
  if ("error" in resolved) return `Chromium: none usable — ${resolved.error}`;
  return `Chromium: ${resolved.executablePath} (${resolved.source}; ${resolved.version})`;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const resolved = await resolveChromium();
  const report = [describe(resolved), ...resolved.notes.map((n) => `  ${n}`)].join("\n");
  if (process.argv.includes("--json")) process.stdout.write(`${JSON.stringify(resolved)}\n`);
  else if (process.argv.includes("--env")) {
    process.stderr.write(`${report}\n`);
    process.stdout.write(`${JSON.stringify(chromiumEnv(resolved))}\n`);
  } else console.log(report);
  process.exit("error" in resolved ? 1 : 0);
}

#!/usr/bin/env node
// A Prisma *schema engine* written in Node, for machines that cannot download Prisma's native
// `schema-engine` binary. prisma.config.ts points PRISMA_SCHEMA_ENGINE_BINARY here; the official
// CLI then spawns this script exactly like the native engine:
//
//   schema-engine --version
//   schema-engine --datasource '{"url":…}' cli can-connect-to-database|create-database|drop-database
//   schema-engine [--datamodels <file>]… [--datasource '{…}']      → JSON-RPC 2.0 over stdin/stdout
//
// The RPC methods are served by @prisma/schema-engine-wasm (its version must equal the CLI's
// @prisma/engines-version: re-pin it on every Prisma upgrade) talking to PostgreSQL through
// @prisma/adapter-pg. Each workaround below was a real failure; the comment says which.
//
// Invariant: stdout carries JSON-RPC messages only. Everything else goes to stderr.
import fs from "node:fs";
import path from "node:path";
import readline from "node:readline";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";

const require = createRequire(import.meta.url);

// Libraries must never print to stdout (it is the RPC channel).
for (const level of ["log", "info", "debug", "warn"]) {
  console[level] = (...args) => process.stderr.write(args.map(String).join(" ") + "\n");
}

const ENGINES_VERSION = require("@prisma/engines-version/package.json").prisma.enginesVersion;

// A panic inside the WASM engine reports its message through this global (the native CLI's
// wasm bindings define it); without it the panic surfaces as "set_message is undefined" and the
// real message is lost.
globalThis.PRISMA_WASM_PANIC_REGISTRY ??= {
  set_message(message) {
    process.stderr.write(`schema engine panic: ${message}\n`);
  },
};

// ---------------------------------------------------------------------------------------------
// Logging in the native engine's format: one JSON object per stderr line.
// The CLI drops the first stderr line of `cli …` sub-commands, so an info line goes first.
function logLine(level, fields, target = "schema_engine_cli") {
  process.stderr.write(
    JSON.stringify({ timestamp: new Date().toISOString(), level, fields, target }) + "\n",
  );
}
logLine("INFO", { message: `Starting schema engine (Node/WASM shim, ${ENGINES_VERSION})` });

// ---------------------------------------------------------------------------------------------
// Arguments
function parseArgs(argv) {
  const out = { datamodels: [], datasource: {}, cli: null, version: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === "--version" || a === "-V") out.version = true;
    else if (a === "--datamodels" || a === "-d") out.datamodels.push(argv[++i]);
    else if (a === "--datasource") out.datasource = JSON.parse(argv[++i] ?? "{}") ?? {};
    else if (a === "--enabled-preview-features" || a === "--extension-types") i++;
    else if (a === "cli") out.cli = argv[++i] ?? "";
  }
  return out;
}
const args = parseArgs(process.argv.slice(2));

if (args.version) {
  process.stdout.write(`schema-engine-cli ${ENGINES_VERSION}\n`);
  process.exit(0);
}

// ---------------------------------------------------------------------------------------------
// `cli` sub-commands: plain pg, no WASM.
async function runCliCommand(command) {
  const url = args.datasource?.url;
  try {
    if (!url) throw new Error("No datasource URL was given to the schema engine.");
    if (command === "can-connect-to-database") {
      await withClient(pgConfig(url), (c) => c.query("SELECT 1"));
    } else if (command === "create-database") {
      const name = await createDatabase(url);
      logLine("INFO", { message: `Database '${name}' was successfully created.` });
    } else if (command === "drop-database") {
      const name = databaseName(url);
      await withAdminClient(url, (c) => c.query(`DROP DATABASE IF EXISTS ${quoteIdent(name)} WITH (FORCE)`));
      logLine("INFO", { message: `The database was successfully dropped.` });
    } else {
      throw new Error(`Unknown schema engine cli command: ${command}`);
    }
    process.exit(0);
  } catch (error) {
    const mapped = userFacingPgError(error, url ?? "");
    logLine("ERROR", { is_panic: false, error_code: mapped.error_code, message: mapped.message }, "schema_engine::logger");
    process.exit(1);
  }
}

// Loaded after the console redirection above (static imports would run first).
const { pgConfig, withClient, withAdminClient, createDatabase, userFacingPgError, databaseName, quoteIdent,
  createAdapterFactory, dropShadowDatabase, shadowDatabases } = await import("./lib/schema-engine-pg.mjs");

if (args.cli !== null) {
  await runCliCommand(args.cli);
}

// ---------------------------------------------------------------------------------------------
// WASM engine. Instantiate the module once per process (a second instance corrupts the
// wasm-bindgen glue's shared state), wiring the glue module in by hand.
const bg = await import("@prisma/schema-engine-wasm/schema_engine_bg");
{
  const wasmPath = path.join(
    path.dirname(fileURLToPath(import.meta.resolve("@prisma/schema-engine-wasm/schema_engine_bg"))),
    "schema_engine_bg.wasm",
  );
  const wasmModule = new WebAssembly.Module(fs.readFileSync(wasmPath));
  const instance = new WebAssembly.Instance(wasmModule, { "./schema_engine_bg.js": bg });
  bg.__wbg_set_wasm(instance.exports);
  instance.exports.__wbindgen_start();
}

const { bindMigrationAwareSqlAdapterFactory } = await import("@prisma/driver-adapter-utils");

const datamodels = args.datamodels.length
  ? args.datamodels.map((file) => [file, fs.readFileSync(file, "utf8")])
  : undefined;

const debugEngine = /prisma|schema/i.test(process.env.DEBUG ?? "");
// The factory must go through bindMigrationAwareSqlAdapterFactory (a raw PrismaPg fails:
// "Cannot read properties of null (reading 'externalPool')").
const boundFactory = bindMigrationAwareSqlAdapterFactory(createAdapterFactory(args.datasource));
let engine;
let startupError;
try {
  engine = await bg.SchemaEngine.new(
    { datamodels },
    (log) => {
      if (debugEngine) process.stderr.write(String(log) + "\n");
    },
    boundFactory,
  );
} catch (error) {
  // Reported as the answer to every request (the CLI shows RPC errors, not early exits).
  startupError = error;
  logLine("ERROR", { is_panic: false, message: messageOf(error) }, "schema_engine::logger");
}

// JS errors thrown inside the adapter reach us as "External error id#N" (driver-adapter-utils'
// error registry); recover the original message.
function messageOf(error) {
  const text = error instanceof Error ? error.message : typeof error === "string" ? error : JSON.stringify(error);
  return text.replace(/External error id#(\d+)/g, (whole, id) => {
    const original = boundFactory.errorRegistry.consumeError(Number(id))?.error;
    return original?.message ?? whole;
  });
}

// ---------------------------------------------------------------------------------------------
// JSON-RPC server
const send = (message) => process.stdout.write(JSON.stringify(message) + "\n");

// Requests the engine makes to the CLI (only "print", for `migrate diff`).
let nextOutgoingId = 1;
const pendingOutgoing = new Map();
function requestClient(method, params) {
  const id = `shim-${nextOutgoingId++}`;
  return new Promise((resolve) => {
    pendingOutgoing.set(id, resolve);
    send({ jsonrpc: "2.0", id, method, params });
  });
}

function rpcError(error) {
  if (error && typeof error === "object" && "code" in error && typeof error.code === "string") {
    // A user-facing engine error (P1xxx/P3xxx…).
    return {
      code: 4466,
      message: "An error happened. Check the data field for details.",
      data: { is_panic: false, message: error.message, error_code: error.code, meta: error.meta ?? {} },
    };
  }
  const message = messageOf(error);
  const isPanic = error instanceof WebAssembly.RuntimeError || /unreachable|panicked/i.test(message);
  return {
    code: 4466,
    message: "An error happened. Check the data field for details.",
    data: { is_panic: isPanic, message, meta: {}, ...(isPanic ? { error: { message } } : {}) },
  };
}

const handlers = {
  getDatabaseVersion: (params) => engine.version(params ?? undefined),
  async createDatabase(params) {
    const url = params?.datasource?.url ?? args.datasource?.url;
    if (!url) throw new Error("No datasource URL was given to the schema engine.");
    try {
      return { databaseName: await createDatabase(url) };
    } catch (error) {
      const mapped = userFacingPgError(error, url);
      throw Object.assign(new Error(mapped.message), { code: mapped.error_code ?? "P1000" });
    }
  },
  async diff(params) {
    const result = await engine.diff(params);
    if (result?.stdout) await requestClient("print", { content: result.stdout });
    return { exitCode: result?.exitCode ?? 0, stdout: null };
  },
  // The WASM engine only gets a shadow database when the migration history was diagnosed
  // with optInToShadowDatabase first.
  async evaluateDataLoss(params) {
    await diagnoseForShadow(params);
    return engine.evaluateDataLoss(params);
  },
  async createMigration(params) {
    await diagnoseForShadow(params);
    return engine.createMigration(params);
  },
  debugPanic: () => engine.debugPanic(),
};

function diagnoseForShadow(params) {
  return engine.diagnoseMigrationHistory({
    migrationsList: params.migrationsList,
    optInToShadowDatabase: true,
    filters: params.filters ?? { externalTables: [], externalEnums: [] },
  });
}

const ENGINE_METHODS = new Set([
  "applyMigrations", "dbExecute", "devDiagnostic", "diagnoseMigrationHistory",
  "ensureConnectionValidity", "introspect", "introspectSql", "markMigrationApplied",
  "markMigrationRolledBack", "reset", "schemaPush",
]);

async function dispatch(method, params) {
  if (startupError) throw startupError;
  if (handlers[method]) return handlers[method](params);
  if (ENGINE_METHODS.has(method)) return engine[method](params);
  throw new Error(`The schema engine shim does not implement the RPC method "${method}".`);
}

let queue = Promise.resolve();
function handleLine(line) {
  if (!line.trim()) return;
  let message;
  try {
    message = JSON.parse(line);
  } catch {
    send({ jsonrpc: "2.0", id: null, error: { code: -32700, message: "Parse error" } });
    return;
  }
  // A response to one of our own requests ("print").
  if (message.method === undefined && pendingOutgoing.has(message.id)) {
    pendingOutgoing.get(message.id)(message);
    pendingOutgoing.delete(message.id);
    return;
  }
  const { id, method, params } = message;
  // Requests run one at a time, in order, like the native engine.
  queue = queue.then(async () => {
    try {
      const result = await dispatch(method, params);
      send({ jsonrpc: "2.0", id, result: result === undefined ? {} : result });
    } catch (error) {
      if (debugEngine) process.stderr.write(`[schema-engine shim] ${method} failed: ${error?.stack ?? messageOf(error)}\n`);
      send({ jsonrpc: "2.0", id, error: rpcError(error) });
    }
  });
}

async function shutdown(code = 0) {
  await queue.catch(() => {});
  try {
    engine?.free();
  } catch {
    /* already freed */
  }
  const mainUrl = args.datasource?.url;
  if (mainUrl) {
    for (const name of [...shadowDatabases]) await dropShadowDatabase(mainUrl, name).catch(() => {});
  }
  // The WASM engine keeps a timer alive for ~10 s; exit explicitly.
  process.exit(code);
}

readline.createInterface({ input: process.stdin, crlfDelay: Infinity }).on("line", handleLine).on("close", () => shutdown(0));
process.on("SIGTERM", () => shutdown(0));
process.on("SIGINT", () => shutdown(130));

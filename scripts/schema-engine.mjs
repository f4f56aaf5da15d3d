#!/usr/bin/env node
// A Prisma *schema engine* written in Node, for machines that cannot download Prisma's native
// `schema-engine` binary. prisma.config.ts points PRISMA_SCHEMA_ENGINE_BINARY here; the official
// CLI then spawns this script exactly like the native engine:
//
//   schema-engine --version
//   schema-engine --datasource '{"url":…}' cli can-connect-to-database|create-database|drop-database
//   schema-engine [--datamodels <file>]… [--datasource '{…}']      → JSON-RPC 2.0 over stdin/stdout
//
// The RPC methods are served by @prisma/schema-engine-wasm (pinned to the CLI's engines-version)
// talking to PostgreSQL through @prisma/adapter-pg. See docs in /work/shared/stack.md
// ("Prisma 7 offline"): each workaround below is tagged with the fact number it implements.
//
// Invariant: stdout carries JSON-RPC messages only. Everything else goes to stderr.
import fs from "node:fs";
import path from "node:path";
import crypto from "node:crypto";
import readline from "node:readline";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";

const require = createRequire(import.meta.url);

// Libraries must never print to stdout (it is the RPC channel).
for (const level of ["log", "info", "debug", "warn"]) {
  console[level] = (...args) => process.stderr.write(args.map(String).join(" ") + "\n");
}

const ENGINES_VERSION = require("@prisma/engines-version/package.json").prisma.enginesVersion;

// ---------------------------------------------------------------------------------------------
// Logging in the native engine's format: one JSON object per stderr line.
// Fact 1: the CLI drops the first stderr line of `cli …` sub-commands, so an info line goes first.
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
// PostgreSQL helpers
const pg = require("pg");
const parseConnectionString = createRequire(require.resolve("pg"))("pg-connection-string").parse;

// Fact 4: adapter-pg cannot decode PostgreSQL's internal "char" type (OID 18, array 1002), which
// the engine's catalog queries return. Report those columns as text (25, array 1009).
class CharAsTextClient extends pg.Client {
  _handleRowDescription(msg) {
    for (const field of msg.fields) {
      if (field.dataTypeID === 18) field.dataTypeID = 25;
      else if (field.dataTypeID === 1002) field.dataTypeID = 1009;
    }
    return super._handleRowDescription(msg);
  }
}

// Prisma-only URL parameters that must not reach pg.
const PRISMA_URL_PARAMS = [
  "schema", "connection_limit", "pool_timeout", "pgbouncer", "statement_cache_size",
  "socket_timeout", "connect_timeout", "sslaccept", "sslidentity", "sslpassword", "sslcert",
];

// Fact 4: build the pg config from the parsed URL (a `connectionString` key would override the
// `database` we set for the shadow database).
function pgConfig(url, overrides = {}) {
  const parsed = parseConnectionString(url);
  const config = { ...parsed };
  delete config.connectionString;
  for (const key of PRISMA_URL_PARAMS) delete config[key];
  const timeout = Number(new URL(url).searchParams.get("connect_timeout"));
  config.connectionTimeoutMillis = (Number.isFinite(timeout) && timeout > 0 ? timeout : 10) * 1000;
  if (config.port) config.port = Number(config.port);
  return { ...config, ...overrides };
}

function schemaFromUrl(url) {
  try {
    return new URL(url).searchParams.get("schema") ?? undefined;
  } catch {
    return undefined;
  }
}

function describeServer(url) {
  try {
    const u = new URL(url);
    return `${u.hostname}:${u.port || 5432}`;
  } catch {
    return "the database server";
  }
}

function databaseName(url) {
  const name = pgConfig(url).database;
  if (!name) throw new Error("The datasource URL names no database.");
  return name;
}

const quoteIdent = (name) => `"${String(name).replaceAll('"', '""')}"`;

// Maps pg connection errors to the native engine's user-facing error codes.
function userFacingPgError(error, url) {
  const server = describeServer(url);
  let db = "";
  try {
    db = databaseName(url);
  } catch {
    /* no database in URL */
  }
  const code = error?.code;
  if (["ECONNREFUSED", "ENOTFOUND", "EHOSTUNREACH", "ECONNRESET", "EAI_AGAIN"].includes(code))
    return { error_code: "P1001", message: `Can't reach database server at \`${server}\`\n\nPlease make sure your database server is running at \`${server}\`.` };
  if (code === "ETIMEDOUT" || /timeout/i.test(error?.message ?? ""))
    return { error_code: "P1002", message: `The database server at \`${server}\` was reached but timed out.` };
  if (code === "28P01" || code === "28000")
    return { error_code: "P1000", message: `Authentication failed against database server at \`${server}\`, the provided database credentials are not valid.` };
  if (code === "3D000")
    return { error_code: "P1003", message: `Database \`${db}\` does not exist on the database server at \`${server}\`.` };
  if (code === "42P04")
    return { error_code: "P1009", message: `Database \`${db}\` already exists on the database server at \`${server}\`` };
  if (code === "42501")
    return { error_code: "P1010", message: `User was denied access on the database \`${db}\`` };
  return { error_code: undefined, message: error?.message ?? String(error) };
}

async function withClient(config, fn) {
  const client = new pg.Client(config);
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end().catch(() => {});
  }
}

// Connects to a maintenance database of the same server (for CREATE/DROP DATABASE).
async function withAdminClient(url, fn) {
  const target = databaseName(url);
  let lastError;
  for (const database of ["postgres", "template1", target]) {
    if (database === target && lastError?.code !== "3D000") continue;
    try {
      return await withClient(pgConfig(url, { database }), fn);
    } catch (error) {
      if (error?.code !== "3D000") throw error;
      lastError = error;
    }
  }
  throw lastError;
}

async function createDatabase(url) {
  const name = databaseName(url);
  await withAdminClient(url, (c) => c.query(`CREATE DATABASE ${quoteIdent(name)}`));
  return name;
}

// ---------------------------------------------------------------------------------------------
// `cli` sub-commands: plain pg, no WASM.
async function runCliCommand(command) {
  const url = args.datasource?.url;
  try {
    if (!url) throw Object.assign(new Error("No datasource URL was given to the schema engine."), {});
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

if (args.cli !== null) {
  await runCliCommand(args.cli);
}

// ---------------------------------------------------------------------------------------------
// WASM engine. Fact 2: instantiate the module once per process (a second instance corrupts the
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

const { PrismaPg } = await import("@prisma/adapter-pg");
const { bindMigrationAwareSqlAdapterFactory, ColumnTypeEnum } = await import("@prisma/driver-adapter-utils");

// adapter-pg splits scripts on ";" (breaking string literals, comments and $$ bodies). Send the
// whole script in one simple-protocol query instead, as the native engine does.
function sendScriptsWhole(adapter) {
  adapter.executeScript = async (script) => {
    try {
      await adapter.underlyingDriver().query(script);
    } catch (error) {
      adapter.onError(error);
    }
  };
  return adapter;
}

const shadowDatabases = new Set();

async function dropShadowDatabase(mainUrl, name) {
  await withAdminClient(mainUrl, (c) => c.query(`DROP DATABASE IF EXISTS ${quoteIdent(name)} WITH (FORCE)`));
  shadowDatabases.delete(name);
}

const NO_URL_MESSAGE =
  "The datasource URL is not set: set DATABASE_URL (prisma.config.ts), or run the command through scripts/with-db.mjs.";

// The engine connects at start-up and runs one probe query, even for commands that need no
// database (`migrate diff --from-empty --to-schema`). Without a URL it gets this adapter: it
// answers the probe as a PostgreSQL 17 server and fails everything else with a clear message.
function noUrlAdapter() {
  const fail = async () => {
    throw new Error(NO_URL_MESSAGE);
  };
  return {
    provider: "postgres",
    adapterName: "@prisma/adapter-pg",
    async queryRaw({ sql }) {
      if (/^SELECT EXISTS\(SELECT 1 FROM pg_namespace WHERE nspname = \$1\), version\(\)/.test(sql)) {
        return {
          columnNames: ["exists", "version", "numeric_version"],
          columnTypes: [ColumnTypeEnum.Boolean, ColumnTypeEnum.Text, ColumnTypeEnum.Int32],
          rows: [[true, "PostgreSQL 17.0 (no database connection)", 170000]],
        };
      }
      return fail();
    },
    executeRaw: fail,
    executeScript: fail,
    startTransaction: fail,
    getConnectionInfo: () => ({ schemaName: undefined, supportsRelationJoins: true }),
    dispose: async () => {},
  };
}

function createAdapterFactory(datasource) {
  const url = datasource?.url;
  const shadowUrl = datasource?.shadowDatabaseUrl;
  const requireUrl = () => {
    if (!url) throw new Error(NO_URL_MESSAGE);
    return url;
  };
  const options = { schema: url ? schemaFromUrl(url) : undefined };

  return {
    provider: "postgres",
    adapterName: "@prisma/adapter-pg",
    async connect() {
      if (!url) return noUrlAdapter();
      const factory = new PrismaPg(pgConfig(url, { Client: CharAsTextClient }), options);
      return sendScriptsWhole(await factory.connect());
    },
    // Fact 5: create the shadow database with a plain client; on dispose close the pool first,
    // then drop it (adapter-pg's helper drops first and fails "being accessed by other users").
    async connectToShadowDb() {
      if (shadowUrl) {
        // An explicit shadow database is reset before use, like the native engine does.
        const schema = schemaFromUrl(shadowUrl) ?? "public";
        await withClient(pgConfig(shadowUrl), (c) =>
          c.query(`DROP SCHEMA IF EXISTS ${quoteIdent(schema)} CASCADE; CREATE SCHEMA ${quoteIdent(schema)};`),
        );
        const factory = new PrismaPg(pgConfig(shadowUrl, { Client: CharAsTextClient }), { schema: schemaFromUrl(shadowUrl) });
        return sendScriptsWhole(await factory.connect());
      }
      const mainUrl = requireUrl();
      const name = `prisma_migrate_shadow_db_${crypto.randomUUID()}`;
      await withAdminClient(mainUrl, (c) => c.query(`CREATE DATABASE ${quoteIdent(name)}`));
      shadowDatabases.add(name);
      const factory = new PrismaPg(pgConfig(mainUrl, { database: name, Client: CharAsTextClient }), options);
      const adapter = sendScriptsWhole(await factory.connect());
      const closePool = adapter.dispose.bind(adapter);
      adapter.dispose = async () => {
        await closePool();
        await dropShadowDatabase(mainUrl, name);
      };
      return adapter;
    },
  };
}

const datamodels = args.datamodels.length
  ? args.datamodels.map((file) => [file, fs.readFileSync(file, "utf8")])
  : undefined;

const debugEngine = /prisma|schema/i.test(process.env.DEBUG ?? "");
// Fact 3: the factory must go through bindMigrationAwareSqlAdapterFactory.
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
  // Fact 6: the WASM engine only gets a shadow database when the migration history was diagnosed
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
  // Fact 7: the WASM engine keeps a timer alive for ~10 s; exit explicitly.
  process.exit(code);
}

readline.createInterface({ input: process.stdin, crlfDelay: Infinity }).on("line", handleLine).on("close", () => shutdown(0));
process.on("SIGTERM", () => shutdown(0));
process.on("SIGINT", () => shutdown(130));

// PostgreSQL side of scripts/schema-engine.mjs: pg configuration from a datasource URL, the
// native engine's user-facing connection errors, CREATE/DROP DATABASE, and the driver-adapter
// factory (main and shadow databases) handed to the WASM schema engine.
import crypto from "node:crypto";
import { createRequire } from "node:module";
import pg from "pg";
import { PrismaPg } from "@prisma/adapter-pg";
import { ColumnTypeEnum } from "@prisma/driver-adapter-utils";

const require = createRequire(import.meta.url);
const parseConnectionString = createRequire(require.resolve("pg"))("pg-connection-string").parse;

// adapter-pg cannot decode PostgreSQL's internal "char" type (OID 18, array 1002), which
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

// Build the pg config from the parsed URL (a `connectionString` key would override the
// `database` we set for the shadow database).
export function pgConfig(url, overrides = {}) {
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

export function databaseName(url) {
  const name = pgConfig(url).database;
  if (!name) throw new Error("The datasource URL names no database.");
  return name;
}

export const quoteIdent = (name) => `"${String(name).replaceAll('"', '""')}"`;

// Maps pg connection errors to the native engine's user-facing error codes.
export function userFacingPgError(error, url) {
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

export async function withClient(config, fn) {
  const client = new pg.Client(config);
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end().catch(() => {});
  }
}

// Connects to a maintenance database of the same server (for CREATE/DROP DATABASE).
export async function withAdminClient(url, fn) {
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

export async function createDatabase(url) {
  const name = databaseName(url);
  await withAdminClient(url, (c) => c.query(`CREATE DATABASE ${quoteIdent(name)}`));
  return name;
}

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

export const shadowDatabases = new Set();

export async function dropShadowDatabase(mainUrl, name) {
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

export function createAdapterFactory(datasource) {
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
    // Create the shadow database with a plain client; on dispose close the pool first,
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

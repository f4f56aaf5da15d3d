import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { env, forgetEnv } from "@/lib/env";

// The ONLY PrismaClient of the app. Created lazily: `next build` imports route modules
// and must not need a database. It connects as the app's role (DATABASE_URL), which may
// only INSERT and SELECT the history, audit and login-attempt tables (scripts/lib/db-roles.mjs).
const globalForDb = globalThis as unknown as { sikerdaDb?: PrismaClient };

/** Statements prepared per connection at most (each holds its plan in the server backend). */
const PREPARED_MAX = 300;

/**
 * DATABASE_PREPARED_STATEMENTS=true: a statement text gets a name, so node-postgres prepares it once
 * per connection and PostgreSQL parses and plans it once (the first PREPARED_MAX texts; later ones
 * stay unnamed). Planning was ~0.8 ms of the ~4.5 ms PostgreSQL CPU of a stage transition.
 */
function statementNames(): ((query: { sql: string }) => string) | undefined {
  if (!env.database().DATABASE_PREPARED_STATEMENTS) return undefined;
  const names = new Map<string, string>();
  return ({ sql }) => {
    let name = names.get(sql);
    if (name === undefined && names.size < PREPARED_MAX) names.set(sql, (name = `sikerda_${names.size}`));
    return name as string; // undefined: not prepared
  };
}

function createClient(): PrismaClient {
  const { DATABASE_URL, DATABASE_POOL_MAX } = env.database();
  const adapter = new PrismaPg({ connectionString: DATABASE_URL, max: DATABASE_POOL_MAX }, { statementNameGenerator: statementNames() });
  return new PrismaClient({ adapter });
}

export function getDb(): PrismaClient {
  if (!globalForDb.sikerdaDb) globalForDb.sikerdaDb = createClient();
  return globalForDb.sikerdaDb;
}

/** Closes the client (tests and scripts); the next getDb() reads DATABASE_URL again. */
export async function disconnectDb(): Promise<void> {
  forgetEnv("database");
  if (globalForDb.sikerdaDb) {
    await globalForDb.sikerdaDb.$disconnect();
    globalForDb.sikerdaDb = undefined;
  }
}

export type Db = PrismaClient;
export type Tx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];

import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";

// The ONLY PrismaClient of the app. Created lazily: `next build` imports route modules
// and must not need a database.
const globalForDb = globalThis as unknown as { sikerdaDb?: PrismaClient };

function createClient(): PrismaClient {
  const url = process.env.DATABASE_URL;
  if (!url) {
    throw new Error(
      "DATABASE_URL belum diatur. Jalankan aplikasi dengan `npm start` (PostgreSQL tertanam) atau atur DATABASE_URL.",
    );
  }
  const adapter = new PrismaPg({ connectionString: url, max: Number(process.env.DATABASE_POOL_MAX ?? 10) });
  return new PrismaClient({ adapter });
}

export function getDb(): PrismaClient {
  if (!globalForDb.sikerdaDb) globalForDb.sikerdaDb = createClient();
  return globalForDb.sikerdaDb;
}

/** Closes the client (tests and scripts). */
export async function disconnectDb(): Promise<void> {
  if (globalForDb.sikerdaDb) {
    await globalForDb.sikerdaDb.$disconnect();
    globalForDb.sikerdaDb = undefined;
  }
}

export type Db = PrismaClient;
export type Tx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];

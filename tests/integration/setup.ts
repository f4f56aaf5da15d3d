// Runs in each test worker before the test files: point lib/db.ts (the app's role) and
// helpers/db.ts (the owner) at the database prepared by global-setup.ts, and close connections after each file so a long suite
// never exhausts max_connections.
import { afterAll, inject } from "vitest";
import { closeTestPool } from "./helpers/db";

process.env.DATABASE_URL = inject("databaseUrl");
// Services that sign tokens (sessions, sign-in challenges, second factor) need a secret.
process.env.AUTH_SECRET ??= "integration-test-secret-0123456789abcdef0123";

afterAll(async () => {
  await closeTestPool();
  // lib/db.ts keeps its PrismaClient on globalThis.sikerdaDb; import it only if it was used.
  if ("sikerdaDb" in globalThis && (globalThis as { sikerdaDb?: unknown }).sikerdaDb) {
    const { disconnectDb } = await import("@/lib/db");
    await disconnectDb();
  }
});

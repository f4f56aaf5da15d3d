import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { defineConfig } from "prisma/config";

// The Prisma CLI needs a schema engine before it runs any command (even `generate`) and would
// download a native one from an unreachable host. Point it at our Node/WASM engine instead
// (scripts/schema-engine.mjs). The CLI loads this file before it looks for the engine.
const root = path.dirname(fileURLToPath(import.meta.url));
process.env.PRISMA_SCHEMA_ENGINE_BINARY ??= path.join(root, "scripts", "schema-engine.mjs");

// Prisma 7 reads no .env file; load the ones Next.js reads (the environment wins).
for (const file of [".env.local", ".env"]) {
  if (fs.existsSync(path.join(root, file))) process.loadEnvFile(path.join(root, file));
}

export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: {
    // SIKERDA_MIGRATIONS_DIR: only `npm run restore`, to rebuild a backup's schema from the
    // migrations it recorded before this code's newer ones (scripts/backup/migrations.ts).
    path: process.env.SIKERDA_MIGRATIONS_DIR || "prisma/migrations",
    seed: "tsx prisma/seed.ts",
  },
  // The CLI (migrations) connects as the owner of the tables: MIGRATION_DATABASE_URL, or
  // DATABASE_URL when a deployment uses one role for both. No URL is fine for `prisma generate`;
  // database commands run through scripts/with-db.mjs, which sets both (embedded PostgreSQL).
  datasource: { url: process.env.MIGRATION_DATABASE_URL || process.env.DATABASE_URL },
});

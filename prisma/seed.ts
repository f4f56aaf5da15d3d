// Demo data for SIKERDA: `npm run db:seed` (embedded PostgreSQL via scripts/with-db.mjs).
//   --reset-demo   empty every table (and the stored demo files) first, then seed again
//   --force        allow a database that is not the embedded one (or SIKERDA_FORCE=1)
// The data itself lives in prisma/seed/ (seedDemo), which tests call directly.
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "../lib/generated/prisma/client";
import { deleteObject } from "../lib/storage";
import { DEMO_PASSWORD, seedDemo } from "./seed/index";
import { seedPartnerRequests } from "./seed/register-partners";
import { USERS } from "./seed/users";

const args = new Set(process.argv.slice(2));
// Default ports of the embedded servers (dev, integration tests, e2e) and the overrides the
// scripts honour (.env.example).
const EMBEDDED_PORTS = ["54329", "54339", "54349"];
const PORT_VARIABLES = ["SIKERDA_PG_PORT", "SIKERDA_TEST_PG_PORT", "SIKERDA_E2E_PG_PORT"];

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

/** True only for the embedded PostgreSQL of scripts/with-db.mjs and the test harness. */
function isEmbedded(url: URL): boolean {
  const ports = [...EMBEDDED_PORTS, ...PORT_VARIABLES.map((name) => process.env[name])].filter(Boolean);
  const local = ["127.0.0.1", "localhost", "[::1]"].includes(url.hostname);
  return local && ports.includes(url.port || "5432");
}

// Same statement as the integration test helper: every table of schema public except Prisma's
// migration history. TRUNCATE fires no row-level triggers, so the append-only StageHistory is fine.
const RESET_SQL = `
DO $$
DECLARE tables text;
BEGIN
  SELECT string_agg(format('%I.%I', schemaname, tablename), ', ') INTO tables
    FROM pg_tables WHERE schemaname = 'public' AND tablename <> '_prisma_migrations';
  IF tables IS NOT NULL THEN
    EXECUTE 'TRUNCATE TABLE ' || tables || ' RESTART IDENTITY CASCADE';
  END IF;
END $$`;

async function main() {
  // The seed is an administrative act (it may empty every table): it runs as the owner role.
  const raw = process.env.MIGRATION_DATABASE_URL || process.env.DATABASE_URL;
  if (!raw) {
    fail("DATABASE_URL belum diatur. Jalankan `npm run db:seed` (PostgreSQL tertanam).\nDATABASE_URL is not set. Run `npm run db:seed` (embedded PostgreSQL).");
  }
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    fail("DATABASE_URL tidak valid. / DATABASE_URL is not a valid URL.");
  }
  const force = args.has("--force") || process.env.SIKERDA_FORCE === "1";
  if (!isEmbedded(url) && !force) {
    fail(
      `Seed ditolak: ${url.hostname}:${url.port || "5432"} bukan PostgreSQL tertanam SIKERDA (127.0.0.1, port 54329/54339/54349 atau ${PORT_VARIABLES.join("/")}).\n` +
        "Data demo akan bercampur dengan data sungguhan. Jika memang disengaja, jalankan dengan --force atau SIKERDA_FORCE=1.\n" +
        `Refused: ${url.hostname}:${url.port || "5432"} is not SIKERDA's embedded PostgreSQL. Demo data must not reach a real database; ` +
        "pass --force or set SIKERDA_FORCE=1 if you really mean it.",
    );
  }

  const db = new PrismaClient({ adapter: new PrismaPg({ connectionString: raw }) });
  try {
    const existing = await db.user.count();
    if (existing > 0 && !args.has("--reset-demo")) {
      console.log(
        `Basis data sudah berisi ${existing} pengguna: seed dilewati. Gunakan \`npm run db:seed -- --reset-demo\` untuk mengosongkan dan mengisi ulang data demo.\n` +
          `The database already has ${existing} users: seed skipped. Use \`npm run db:seed -- --reset-demo\` to empty it and load the demo again.`,
      );
      return;
    }
    const started = performance.now();
    if (existing > 0) {
      const keys = await db.document.findMany({ select: { storageKey: true } });
      await Promise.all(keys.map((k) => deleteObject(k.storageKey).catch(() => undefined)));
      await db.$executeRawUnsafe(RESET_SQL);
      console.log(`Data lama dihapus (${keys.length} berkas dokumen). / Previous data removed.`);
    }
    const summary = await seedDemo(db);
    Object.assign(summary, await seedPartnerRequests(db));
    const seconds = ((performance.now() - started) / 1000).toFixed(2);
    console.log(`\nData demo SIKERDA dimuat dalam ${seconds} detik / demo data loaded in ${seconds} s:`);
    console.table(summary);
    console.log(`Akun demo (kata sandi / password: ${DEMO_PASSWORD}):`);
    for (const username of ["operator.dinkes", "kepala.dinkes", "operator.dispar", "staf.ks", "kabag.ks", "tkksd", "pimpinan", "admin"]) {
      const u = USERS.find((x) => x.username === username)!;
      console.log(`  ${u.username.padEnd(16)} ${u.role.padEnd(13)} ${u.fullName}`);
    }
  } finally {
    await db.$disconnect();
  }
}

main().catch((error) => {
  console.error("Seed gagal / seed failed:", error);
  process.exit(1);
});

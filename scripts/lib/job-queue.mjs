// The job queue's tables (pg-boss, schema `pgboss`), installed by the database OWNER after the
// migrations: the app role owns nothing and cannot create tables, so it never installs or migrates
// pg-boss itself (lib/jobs/scheduler.ts starts it with `migrate: false`). Each queue is a
// partition table that must exist before the app sends, works or schedules on it.
// Idempotent; runs after every `prisma migrate deploy` (scripts/lib/db-runtime.mjs grantAppRole).
import PgBoss from "pg-boss";
import pg from "pg";

export const JOB_SCHEMA = "pgboss";
/** Must equal lib/jobs/queues.ts QUEUES (a unit test checks): name → pg-boss queue options. */
export const JOB_QUEUES = {
  "kerja-sama-harian": { policy: "singleton", retryLimit: 3, retryDelay: 300, expireInSeconds: 3600 },
  "pengingat-harian": { policy: "singleton", retryLimit: 3, retryDelay: 300, expireInSeconds: 3600 },
  "kirim-email": { policy: "singleton", retryLimit: 0, expireInSeconds: 600 },
  "dasbor-monev": { policy: "singleton", retryLimit: 3, retryDelay: 60, expireInSeconds: 900 },
  // stately: per snapshot key at most one job waiting and one running, whatever the number of requests.
  "dasbor-ringkasan": { policy: "stately", retryLimit: 1, retryDelay: 30, expireInSeconds: 300 },
  // The fan-out claims its events itself (SKIP LOCKED): singleton only spares idle overlapping sweeps.
  "notifikasi-serah-terima": { policy: "singleton", retryLimit: 0, expireInSeconds: 300 },
};

const quoteIdent = (name) => `"${String(name).replaceAll('"', '""')}"`;

/** Installs/migrates pg-boss and creates the queues as the owner, then grants the app role DML only. */
export async function installJobQueue(ownerUrl, appRole) {
  const boss = new PgBoss({ connectionString: ownerUrl, schema: JOB_SCHEMA, supervise: false, schedule: false, max: 2 });
  boss.on("error", () => {});
  await boss.start();
  try {
    for (const [name, options] of Object.entries(JOB_QUEUES)) {
      if (!(await boss.getQueue(name))) await boss.createQueue(name, options);
    }
  } finally {
    await boss.stop({ graceful: false, wait: true });
  }
  if (!appRole) return;
  const client = new pg.Client({ connectionString: ownerUrl });
  client.on("error", () => {});
  await client.connect();
  try {
    const app = quoteIdent(appRole);
    const schema = quoteIdent(JOB_SCHEMA);
    await client.query("BEGIN");
    await client.query(`GRANT USAGE ON SCHEMA ${schema} TO ${app}`);
    await client.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA ${schema} TO ${app}`);
    await client.query(`GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA ${schema} TO ${app}`);
    await client.query(`GRANT EXECUTE ON ALL FUNCTIONS IN SCHEMA ${schema} TO ${app}`);
    await client.query("COMMIT");
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    throw error;
  } finally {
    await client.end().catch(() => {});
  }
}

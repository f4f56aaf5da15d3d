import PgBoss from "pg-boss";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import { startScheduler, stopScheduler } from "@/lib/jobs/scheduler";
import { DAILY_CRON, JOB_SCHEMA, QUEUES } from "@/lib/jobs/queues";
import { SYSTEM_USER_ID } from "@/lib/jobs/system-user";
import { resetDatabase, testPool } from "./helpers/db";
import { seedBase } from "./helpers/cases";

// The job queue as the running server uses it: pg-boss under the APP role (which owns no table —
// the owner installed the queue with the migrations), one cron row however many instances start,
// and a job sent to the queue is worked and runs the daily job.

beforeEach(async () => {
  await resetDatabase();
  await seedBase();
});

afterAll(async () => {
  await stopScheduler();
});

describe("background jobs on pg-boss", () => {
  it("the app role schedules and works the daily job; a second instance adds no second schedule", async () => {
    const boss = await startScheduler();
    expect(boss, "the scheduler did not start (see the [jobs] log line)").not.toBeNull();
    // Another instance of the app schedules the same cron: still one schedule row.
    const other = new PgBoss({ connectionString: process.env.DATABASE_URL!, schema: JOB_SCHEMA, migrate: false, supervise: false });
    other.on("error", () => {});
    await other.start();
    await other.schedule(QUEUES.daily, DAILY_CRON, {}, { tz: "Asia/Jakarta" });
    await other.stop({ graceful: false, wait: true });
    const { rows } = await testPool().query(`SELECT name, cron, timezone FROM ${JOB_SCHEMA}.schedule WHERE name = $1`, [QUEUES.daily]);
    expect(rows).toEqual([{ name: QUEUES.daily, cron: DAILY_CRON, timezone: "Asia/Jakarta" }]);

    const id = await boss!.send(QUEUES.daily, {});
    expect(id).toBeTruthy();
    let state = "created";
    for (let i = 0; i < 60 && state !== "completed" && state !== "failed"; i++) {
      await new Promise((r) => setTimeout(r, 500));
      state = (await boss!.getJobById(QUEUES.daily, id!))?.state ?? state;
    }
    expect(state).toBe("completed");
    // The job ran as the system account (created on first run).
    expect(await getDb().user.findUnique({ where: { id: SYSTEM_USER_ID }, select: { isSystem: true } })).toEqual({ isSystem: true });
  }, 60_000);

  it("the app role cannot create queue tables or change the queue's schema (the owner installs them)", async () => {
    const appRole = new URL(process.env.DATABASE_URL!).username;
    const { rows } = await testPool().query(
      `SELECT has_schema_privilege($1, $2, 'CREATE') AS create_tables,
              (SELECT count(*)::int FROM pg_tables WHERE schemaname = $2 AND tableowner = $1) AS owned`,
      [appRole, JOB_SCHEMA],
    );
    expect(rows[0]).toEqual({ create_tables: false, owned: 0 });
  });
});

import PgBoss from "pg-boss";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import { startScheduler, stopScheduler } from "@/lib/jobs/scheduler";
import { DAILY_CRON, HANDOFF_CRON, JOB_SCHEMA, QUEUES } from "@/lib/jobs/queues";
import { handoffsSettled } from "@/lib/notifications/handoff";
import { SYSTEM_USER_ID } from "@/lib/jobs/system-user";
import { stopJobSender } from "@/lib/jobs/send";
import { getDashboard } from "@/lib/dashboard/snapshot";
import { resetDatabase, testPool } from "./helpers/db";
import { actor, caseRow, draftInput, seedBase } from "./helpers/cases";
import { createDraft } from "./helpers/services";

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

  it("a stale dashboard asks the queue once; the scheduler's worker recomputes the snapshot", async () => {
    const boss = await startScheduler();
    expect(boss).not.toBeNull();
    const pimpinan = { role: "PIMPINAN" as const, opdId: null };
    const now = new Date();
    const first = await getDashboard(pimpinan, { now, year: null }); // first visit: computed in the request
    expect(first.refreshing).toBe(false);
    // Jobs of other test files (dashboard.test.ts queues refreshes nobody works there) are not this test's.
    const { rows: [{ since }] } = await testPool().query<{ since: Date }>(`SELECT clock_timestamp() AS since`);
    await testPool().query(`SELECT nextval('dashboard_change_seq')`); // a statement wrote "Case"
    const stale = await Promise.all([1, 2, 3].map(() => getDashboard(pimpinan, { now: new Date(), year: null })));
    expect(stale.map((v) => v.refreshing)).toEqual([true, true, true]);
    const { rows: jobs } = await testPool().query(`SELECT id FROM ${JOB_SCHEMA}.job WHERE name = $1 AND created_on >= $2`, [QUEUES.dashboard, since]);
    expect(jobs).toHaveLength(1);
    let state = "created";
    for (let i = 0; i < 60 && state !== "completed" && state !== "failed"; i++) {
      await new Promise((r) => setTimeout(r, 500));
      state = (await boss!.getJobById(QUEUES.dashboard, jobs[0].id))?.state ?? state;
    }
    expect(state).toBe("completed");
    const after = await getDashboard(pimpinan, { now: new Date(), year: null });
    expect(after.refreshing).toBe(false);
    expect(after.computedAt.getTime()).toBeGreaterThan(first.computedAt.getTime());
    await stopJobSender();
  }, 60_000);

  it("the hand-off sweep: the scheduler's queue delivers events a stopped process left behind", async () => {
    const boss = await startScheduler();
    expect(boss).not.toBeNull();
    await handoffsSettled(); // the start-up kick, on an empty table
    const { id } = await createDraft(actor("operatorA"), draftInput("KSDD"));
    const { version } = await caseRow(id);
    // As if the instance that moved the case had stopped between its commit and its kick.
    await testPool().query(`UPDATE "Case" SET stage = 'PERSETUJUAN_OPD', version = version + 1 WHERE id = $1`, [id]);
    await testPool().query(
      `INSERT INTO "HandoffEvent" ("caseId", version, "fromStage", "toStage", "actorId", "createdAt", roles, "opdRoles")
       VALUES ($1, $2, 'DRAF', 'PERSETUJUAN_OPD', 'u-operatorA', now(), '{}', '{KEPALA_OPD}')`,
      [id, version + 1],
    );
    const jobId = await boss!.send(QUEUES.handoff, {});
    let state = "created";
    for (let i = 0; i < 60 && state !== "completed" && state !== "failed"; i++) {
      await new Promise((r) => setTimeout(r, 250));
      state = (await boss!.getJobById(QUEUES.handoff, jobId!))?.state ?? state;
    }
    expect(state).toBe("completed");
    expect(await getDb().handoffEvent.count()).toBe(0);
    expect(await getDb().notification.findMany({ where: { caseId: id }, select: { userId: true, idempotencyKey: true } }))
      .toEqual([{ userId: "u-kepalaA", idempotencyKey: `PERLU_TINDAKAN:${id}:${version + 1}:u-kepalaA` }]);
    const { rows } = await testPool().query(`SELECT cron FROM ${JOB_SCHEMA}.schedule WHERE name = $1`, [QUEUES.handoff]);
    expect(rows).toEqual([{ cron: HANDOFF_CRON }]);
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

import "server-only";
import PgBoss from "pg-boss";
import { env } from "@/lib/env";
import { getDb } from "@/lib/db";
import { loadSettings } from "@/lib/settings/load";
import { deliverOutbox } from "@/lib/notifications/outbox";
import { fanOutAllHandoffs, kickHandoffFanOut } from "@/lib/notifications/handoff";
import { runReminderSweep } from "@/lib/notifications/reminders";
import { refreshMonevFlags, monevFlagsComputedOn } from "@/lib/dashboard/monev-flags";
import { refreshDashboard, type DashboardRefreshJob } from "@/lib/dashboard/snapshot";
import { isoDate, todayInZone } from "@/lib/dates";
import { runDailyJob } from "./daily";
import { DAILY_CRON, EMAIL_CRON, HANDOFF_CRON, JOB_SCHEMA, QUEUES, REMINDERS_CRON } from "./queues";

/*
 * Background jobs on pg-boss (a PostgreSQL-backed queue): every server instance starts one, but
 * the cron schedule is one row and the queue's "singleton" policy lets one job run at a time, so
 * several instances never run the daily job twice at once (and the job is idempotent anyway).
 * The app role cannot create tables: the queue was installed by the owner with the migrations
 * (scripts/lib/job-queue.mjs), so this side starts with `migrate: false`.
 */

const globalForBoss = globalThis as unknown as { sikerdaBoss?: Promise<PgBoss | null> };

function log(message: string, error?: unknown) {
  const detail = error instanceof Error ? `: ${error.message}` : "";
  console.log(`[jobs] ${message}${detail}`);
}

async function start(): Promise<PgBoss | null> {
  if (!env.jobs().JOBS_SCHEDULER) {
    log("penjadwal tugas dimatikan (JOBS_SCHEDULER=false) / scheduler disabled");
    return null;
  }
  const boss = new PgBoss({ connectionString: env.database().DATABASE_URL, schema: JOB_SCHEMA, migrate: false, max: 3 });
  boss.on("error", (error) => log("galat pg-boss / pg-boss error", error));
  await boss.start();
  const { region } = await loadSettings(getDb());
  await boss.schedule(QUEUES.daily, DAILY_CRON, {}, { tz: region.timeZone });
  await boss.work(QUEUES.daily, async () => {
    const result = await runDailyJob({ now: new Date() });
    log(`tugas harian ${result.today}: ${result.casesEnded} kerja sama berakhir, ${result.agreementsEnded} naskah berakhir, ${result.skipped.length} dilewati`);
    return result;
  });
  await boss.schedule(QUEUES.reminders, REMINDERS_CRON, {}, { tz: region.timeZone });
  await boss.work(QUEUES.reminders, async () => {
    const result = await runReminderSweep({ now: new Date() });
    log(`pengingat ${result.today}: ${result.created} notifikasi baru, ${result.emailsQueued} e-mail diantrekan`);
    return result;
  });
  await boss.schedule(QUEUES.email, EMAIL_CRON, {});
  await boss.work(QUEUES.email, async () => deliverOutbox({ now: new Date() }));
  await boss.schedule(QUEUES.handoff, HANDOFF_CRON, {});
  await boss.work(QUEUES.handoff, async () => {
    const result = await fanOutAllHandoffs();
    if (result.events > 0) log(`serah terima tertinggal: ${result.events} peristiwa, ${result.notifications} notifikasi`);
    return result;
  });
  kickHandoffFanOut(); // events a stopped instance left behind, without waiting for the first sweep
  await boss.work(QUEUES.monevFlags, async () => {
    const result = await refreshMonevFlags({ now: new Date() });
    log(`tanda monev ${result.computedOn}: ${result.withoutReport} tanpa laporan, ${result.late} terlambat (${result.ms} ms)`);
    return result;
  });
  await boss.work<DashboardRefreshJob>(QUEUES.dashboard, async (jobs) => {
    for (const job of jobs) await refreshDashboard(job.data, { now: new Date() });
  });
  // Flags of an earlier day (or none) → one refresh now; a singleton, whatever the number of instances.
  const computedOn = await monevFlagsComputedOn();
  if (!computedOn || isoDate(computedOn) < isoDate(todayInZone(new Date(), region.timeZone))) {
    await boss.send(QUEUES.monevFlags, {}, { singletonKey: "monev", singletonSeconds: 300 });
  }
  log(`penjadwal aktif: ${QUEUES.daily} "${DAILY_CRON}", ${QUEUES.reminders} "${REMINDERS_CRON}" (${region.timeZone}), ${QUEUES.email} "${EMAIL_CRON}", ${QUEUES.handoff} "${HANDOFF_CRON}", ${QUEUES.monevFlags} dan ${QUEUES.dashboard} (bila perlu)`);
  return boss;
}

/** Starts the scheduler once per process; a failure is logged, never fatal to the web server. */
export function startScheduler(): Promise<PgBoss | null> {
  globalForBoss.sikerdaBoss ??= start().catch((error) => {
    log("penjadwal tidak dapat dimulai / scheduler did not start", error);
    return null;
  });
  return globalForBoss.sikerdaBoss;
}

/** Stops the scheduler gracefully (server shutdown). */
export async function stopScheduler(): Promise<void> {
  const boss = await globalForBoss.sikerdaBoss;
  globalForBoss.sikerdaBoss = undefined;
  await boss?.stop({ graceful: true, wait: true });
}

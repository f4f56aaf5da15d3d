import "server-only";
import type { PolicyUser } from "@/lib/auth/policy";
import { registerScope } from "@/lib/auth/policy";
import { getDb } from "@/lib/db";
import { isoDate, todayInZone } from "@/lib/dates";
import { QUEUES } from "@/lib/jobs/queues";
import { sendJob } from "@/lib/jobs/send";
import { loadSettings } from "@/lib/settings/load";
import { loadDashboard, type DashboardData } from "./queries";

/*
 * The dashboard's summary table (DashboardSnapshot): the numbers of one viewer scope × year filter
 * × day. Every statement that writes "Case" (the register summary columns included) or "MonevFlag"
 * advances the sequence dashboard_change_seq (statement triggers, migration dashboard_snapshot); a
 * snapshot taken at the current value, less than MAX_AGE_MS old, is fresh.
 *
 * Stale-while-revalidate: a request NEVER recomputes while a snapshot of its key exists and is less
 * than MAX_STALE_MS old. It serves that snapshot (the page says "Diperbarui <time>") and asks the
 * queue `dasbor-ringkasan` for a refresh: the job's singletonKey is the snapshot's key and its
 * singletonSeconds REFRESH_SECONDS, and the queue's policy is `stately` (one waiting + one running
 * job per key), so however many requests and instances ask, one key is recomputed at most once per
 * REFRESH_SECONDS. The job (refreshDashboard, worked by the scheduler) recomputes with
 * loadDashboard() (the register's own counts) and stores the result.
 * Computed in the request only: the first visit (no snapshot of this scope × year × day), or a
 * snapshot older than MAX_STALE_MS — the refresh jobs did not run (no instance works the queue),
 * and numbers that old are not served.
 * The version is read BEFORE computing: a write that commits while a snapshot is being computed
 * makes it stale; a write the computation missed anyway (committed between the read of the
 * counter and the snapshot's reads) is caught by MAX_AGE_MS.
 */

const MAX_AGE_MS = 5 * 60_000;
export const MAX_STALE_MS = 15 * 60_000;
/** A key is recomputed by the queue at most once per this many seconds. */
export const REFRESH_SECONDS = 30;

/** What the page shows: the numbers, when they were computed, and whether a refresh was asked for. */
export type DashboardView = DashboardData & { computedAt: Date; refreshing: boolean; timeZone: string };

/** The job's data: who (the scope is derived from role and OPD) and which year filter. */
export type DashboardRefreshJob = { role: PolicyUser["role"]; opdId: string | null; year: number | null };

type Row = { current: bigint; version: bigint | null; data: unknown; computedAt: Date | null };

/** The summary's key: who sees what (the register scope), the year filter, the day and the two settings. */
async function keyOf(actor: PolicyUser, now: Date, year: number | null): Promise<{ key: string; timeZone: string }> {
  const settings = await loadSettings(getDb());
  const today = todayInZone(now, settings.region.timeZone);
  const key = [
    JSON.stringify(registerScope(actor)), year ?? "semua", isoDate(today), settings.endingSoonDays, settings.kbWithoutPksMonths,
  ].join("|");
  return { key, timeZone: settings.region.timeZone };
}

/** Dates come back from JSON as strings: the fields of DashboardData that are dates. */
function revive(data: DashboardData): DashboardData {
  return {
    ...data,
    context: { ...data.context, today: new Date(data.context.today) },
    nearest: data.nearest.map((r) => ({ ...r, mainEndDate: new Date(r.mainEndDate) })),
    monevComputedOn: data.monevComputedOn ? new Date(data.monevComputedOn) : null,
  };
}

async function readSnapshot(key: string): Promise<Row> {
  const [row] = await getDb().$queryRaw<Row[]>`
    SELECT (SELECT last_value FROM dashboard_change_seq) AS current, s.version, s.data, s."computedAt"
      FROM (SELECT 1) one LEFT JOIN "DashboardSnapshot" s ON s.key = ${key}`;
  return row;
}

/** Computes the numbers and stores them at `version` (the counter read before computing). */
async function compute(actor: PolicyUser, { now, year }: { now: Date; year: number | null }, key: string, version: bigint): Promise<DashboardData> {
  const data = await loadDashboard(actor, { now, year });
  await getDb().$executeRaw`
    INSERT INTO "DashboardSnapshot" (key, version, data, "computedAt")
    VALUES (${key}, ${version}, ${JSON.stringify(data)}::jsonb, ${now})
    ON CONFLICT (key) DO UPDATE SET version = EXCLUDED.version, data = EXCLUDED.data, "computedAt" = EXCLUDED."computedAt"
     WHERE "DashboardSnapshot".version <= EXCLUDED.version`;
  return data;
}

/** When this process last asked for each key: within REFRESH_SECONDS the queue would refuse anyway. */
const askedAt = new Map<string, number>();

/** Asks the queue for a refresh of `key` (throttled); a failure to ask is logged, the page still served. */
async function requestRefresh(actor: PolicyUser, year: number | null, key: string, now: Date): Promise<void> {
  const last = askedAt.get(key);
  if (last !== undefined && now.getTime() - last >= 0 && now.getTime() - last < REFRESH_SECONDS * 1000) return;
  if (askedAt.size > 1_000) askedAt.clear();
  askedAt.set(key, now.getTime());
  const job: DashboardRefreshJob = { role: actor.role, opdId: actor.opdId, year };
  try {
    await sendJob(QUEUES.dashboard, job, { singletonKey: key, singletonSeconds: REFRESH_SECONDS });
  } catch (error) {
    console.log(`[jobs] pembaruan dasbor tidak dapat diantrekan / dashboard refresh not queued: ${error instanceof Error ? error.message : String(error)}`);
  }
}

export async function getDashboard(actor: PolicyUser, { now, year }: { now: Date; year: number | null }): Promise<DashboardView> {
  const { key, timeZone } = await keyOf(actor, now, year);
  const row = await readSnapshot(key);
  if (row.version !== null && row.computedAt) {
    const age = now.getTime() - row.computedAt.getTime();
    const data = revive(row.data as DashboardData);
    if (row.version === row.current && age < MAX_AGE_MS) return { ...data, computedAt: row.computedAt, refreshing: false, timeZone };
    if (age < MAX_STALE_MS) {
      await requestRefresh(actor, year, key, now);
      return { ...data, computedAt: row.computedAt, refreshing: true, timeZone };
    }
  }
  const data = await compute(actor, { now, year }, key, row.current);
  return { ...data, computedAt: now, refreshing: false, timeZone };
}

/** The queue's job: recomputes the snapshot of one scope × year for `now` (unless it is fresh already). */
export async function refreshDashboard({ role, opdId, year }: DashboardRefreshJob, { now }: { now: Date }): Promise<{ key: string; ms: number; skipped: boolean }> {
  const started = performance.now();
  const actor: PolicyUser = { role, opdId };
  const { key } = await keyOf(actor, now, year);
  const row = await readSnapshot(key);
  const fresh = row.version !== null && row.version === row.current && row.computedAt && now.getTime() - row.computedAt.getTime() < MAX_AGE_MS;
  if (!fresh) await compute(actor, { now, year }, key, row.current);
  return { key, ms: Math.round(performance.now() - started), skipped: Boolean(fresh) };
}

import "server-only";
import type { PolicyUser } from "@/lib/auth/policy";
import { registerScope } from "@/lib/auth/policy";
import { getDb } from "@/lib/db";
import { isoDate } from "@/lib/dates";
import { registerContext } from "@/lib/register/queries";
import { loadDashboard, type DashboardData } from "./queries";

/*
 * The dashboard's summary table (DashboardSnapshot): the numbers of one viewer scope × year filter
 * × day, kept until the data changes. Every statement that writes "Case" (the register summary
 * columns included) or "MonevFlag" advances the sequence dashboard_change_seq (statement triggers,
 * migration dashboard_snapshot); a snapshot taken at the current value serves the page with one
 * indexed read, any other is recomputed by loadDashboard() (the register's own counts) and stored.
 * A write that commits while a snapshot is being computed may be missed by it: snapshots older than
 * MAX_AGE_MS are recomputed anyway, so such a miss lasts at most five minutes.
 */

const MAX_AGE_MS = 5 * 60_000;

type Row = { current: bigint; version: bigint | null; data: unknown; computedAt: Date | null };

/** The summary's key: who sees what (the register scope), the year filter, the day and the two settings. */
async function keyOf(actor: PolicyUser, now: Date, year: number | null) {
  const ctx = await registerContext(now);
  return [
    JSON.stringify(registerScope(actor)), year ?? "semua", isoDate(ctx.today), ctx.endingSoonDays, ctx.kbWithoutPksMonths ?? 6,
  ].join("|");
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

export async function getDashboard(actor: PolicyUser, { now, year }: { now: Date; year: number | null }): Promise<DashboardData> {
  const db = getDb();
  const key = await keyOf(actor, now, year);
  const [row] = await db.$queryRaw<Row[]>`
    SELECT (SELECT last_value FROM dashboard_change_seq) AS current, s.version, s.data, s."computedAt"
      FROM (SELECT 1) one LEFT JOIN "DashboardSnapshot" s ON s.key = ${key}`;
  if (row.version !== null && row.version === row.current && row.computedAt && now.getTime() - row.computedAt.getTime() < MAX_AGE_MS) {
    return revive(row.data as DashboardData);
  }
  // The version is read BEFORE computing: a change committed meanwhile makes this snapshot stale.
  const data = await loadDashboard(actor, { now, year });
  await db.$executeRaw`
    INSERT INTO "DashboardSnapshot" (key, version, data, "computedAt")
    VALUES (${key}, ${row.current}, ${JSON.stringify(data)}::jsonb, ${now})
    ON CONFLICT (key) DO UPDATE SET version = EXCLUDED.version, data = EXCLUDED.data, "computedAt" = EXCLUDED."computedAt"
     WHERE "DashboardSnapshot".version <= EXCLUDED.version`;
  return data;
}

import "server-only";
import { writeAudit } from "@/lib/audit";
import { transitionCase } from "@/lib/cases/transition";
import { getDb } from "@/lib/db";
import { isoDate, todayInZone } from "@/lib/dates";
import { isDomainError } from "@/lib/errors";
import { loadSettings } from "@/lib/settings/load";
import { ADENDUM_STAGES } from "@/lib/workflow";
import { ensureSystemUser } from "./system-user";
import { refreshMonevFlags, type MonevFlagRefresh } from "@/lib/dashboard/monev-flags";

/*
 * The daily job (domain §5 and the reason offices want this system: agreements must not expire
 * unnoticed). Decided by the calendar of the region ("today" in its zone):
 *   1. every running cooperation whose naskah in force have all passed their end date is moved to
 *      BERAKHIR through the ordinary transition service — the same decide(), history row (actor:
 *      the system account) and effects as a Kabag's "Tandai Berakhir" (an adendum still in progress
 *      is closed as never in force);
 *   2. every other naskah still marked in force after its end date (e.g. a KB whose PKS goes on
 *      under a new KB, or one of a case in another stage) is marked BERAKHIR;
 *   3. the dashboard's monev flags (Tanpa Laporan, laporan terlambat) are recomputed for the day.
 * Idempotent: a second run finds nothing to do and writes nothing. Safe on several instances at
 * once: the transitions use the case's optimistic lock (a concurrent run gets STALE and skips the
 * case), the naskah update is one conditional statement. pg-boss runs it as a singleton anyway.
 */

export type DailyJobResult = {
  /** The region's date the run decided with (YYYY-MM-DD). */
  today: string;
  casesEnded: number;
  agreementsEnded: number;
  /** Cases another actor moved at the same moment (STALE), or refused by the table: left for the next run. */
  skipped: { caseId: string; reason: string }[];
  /** The dashboard's monev flags, recomputed for the new day (after the cases that ended). */
  monevFlags: MonevFlagRefresh;
};

const ENDABLE = ["PELAKSANAAN", ...ADENDUM_STAGES];

export async function runDailyJob({ now }: { now: Date }): Promise<DailyJobResult> {
  const db = getDb();
  const settings = await loadSettings(db);
  const today = todayInZone(now, settings.region.timeZone);
  const actor = await db.$transaction((tx) => ensureSystemUser(tx));
  // Compared as a date in SQL: no session time zone involved.
  const day = isoDate(today);

  // Cases whose running naskah (PKS/NK/MoU) in force have all ended before today.
  const due = await db.$queryRaw<{ id: string; version: number }[]>`
    SELECT c.id, c.version FROM "Case" c
     WHERE c."deletedAt" IS NULL AND c.stage::text = ANY(${ENDABLE})
       AND EXISTS (SELECT 1 FROM "Agreement" a WHERE a."caseId" = c.id AND a."deletedAt" IS NULL
                     AND a.status = 'BERLAKU' AND a.type IN ('PKS', 'NK', 'MOU') AND a."endDate" < ${day}::date)
       AND NOT EXISTS (SELECT 1 FROM "Agreement" a WHERE a."caseId" = c.id AND a."deletedAt" IS NULL
                     AND a.status = 'BERLAKU' AND a.type IN ('PKS', 'NK', 'MOU') AND (a."endDate" IS NULL OR a."endDate" >= ${day}::date))
     ORDER BY c.id`;
  let casesEnded = 0;
  const skipped: DailyJobResult["skipped"] = [];
  for (const c of due) {
    try {
      await transitionCase({ actor, now, caseId: c.id, event: "berakhir", input: {}, expectedVersion: c.version });
      casesEnded += 1;
    } catch (error) {
      if (!isDomainError(error)) throw error;
      skipped.push({ caseId: c.id, reason: error.message });
    }
  }

  const agreementsEnded = await db.$transaction(async (tx) => {
    const count = await tx.$executeRaw`
      UPDATE "Agreement" SET status = 'BERAKHIR', "updatedAt" = ${now}
       WHERE status = 'BERLAKU' AND "deletedAt" IS NULL AND "endDate" < ${day}::date`;
    if (count > 0 || casesEnded > 0 || skipped.length > 0) {
      await writeAudit(tx, {
        actorId: actor.id, action: "job.daily", entity: "Job", entityId: null, at: now,
        data: { today: day, casesEnded, agreementsEnded: count, skipped: skipped.length },
      });
    }
    return count;
  });
  const monevFlags = await refreshMonevFlags({ now });
  return { today: day, casesEnded, agreementsEnded, skipped, monevFlags };
}

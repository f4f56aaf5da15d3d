import "server-only";
import { isInForce } from "@/lib/agreements/state";
import { getDb, type Tx } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { isoDate, todayInZone } from "@/lib/dates";
import type { AgreementStatus, ReportStatus, Stage } from "@/lib/generated/prisma/enums";
import { asksFinalReport, reportingFrom } from "@/lib/reports/context";
import { buildTimeline, DUE_STATUSES, type TimelineEntry } from "@/lib/reports/periods";
import { REPORTED_TYPES, REPORTING_STAGES } from "@/lib/reports/rules";
import { loadSettings } from "@/lib/settings/load";

/*
 * The monev flags of every reporting case, for one day of the region's calendar (table MonevFlag):
 *   withoutReport — "Tanpa Laporan" (domain §6): the agreement is in force and the last periodic
 *                   period that has come due has no sent report (jatuh tempo or terlambat);
 *   lateReports   — how many periods (the laporan akhir included) are terlambat;
 *   dueReports    — how many periods ask the OPD to act (jatuh tempo, terlambat, dikembalikan): the
 *                   home page's "Laporan jatuh tempo" of an OPD is their sum (lib/reports/queries.ts
 *                   earliestDueReports); firstDueBy, the
 *                   earliest of their deadlines, picks the cases /laporan computes first.
 * Computed with the report pages' own rules (lib/reports/periods.ts buildTimeline), once a day by
 * the daily job and after each report is sent or returned; the dashboard and the register's "tanda" filter
 * read the table, so a number on the dashboard and the rows its link shows are the same set.
 * Rebuilt whole in one transaction under an advisory lock (several instances: one at a time).
 */

const LOCK_KEY = 8_108_001;

type CaseRow = {
  id: string;
  opdId: string;
  stage: Stage;
  isArchive: boolean;
  createdAt: Date;
  agreementId: string;
  status: AgreementStatus;
  startDate: Date | null;
  endDate: Date | null;
};

type ReportRow = { agreementId: string; periodStart: Date; periodEnd: Date; periodLabel: string; isFinal: boolean; status: ReportStatus };

export type MonevFlagValue = { withoutReport: boolean; lateReports: number; dueReports: number; firstDueBy: Date | null };

/** The flags of one agreement from its timeline on `today` (pure). */
export function flagsOf(entries: readonly TimelineEntry[], inForce: boolean): MonevFlagValue {
  const lateReports = entries.filter((e) => e.status === "TERLAMBAT").length;
  const lastDue = entries.filter((e) => !e.period.isFinal && e.status !== "BELUM_JATUH_TEMPO").at(-1);
  const withoutReport = inForce && lastDue !== undefined && (lastDue.status === "JATUH_TEMPO" || lastDue.status === "TERLAMBAT");
  const due = entries.filter((e) => DUE_STATUSES.includes(e.status));
  const firstDueBy = due.reduce<Date | null>((min, e) => (min === null || e.dueBy < min ? e.dueBy : min), null);
  return { withoutReport, lateReports, dueReports: due.length, firstDueBy };
}

export type MonevFlagRefresh = { computedOn: string; cases: number; withoutReport: number; late: number; ms: number };

/**
 * Recomputes the flags of `caseIds` (null: every case, the table rebuilt whole) inside `tx`. Cases
 * that no longer report lose their row.
 */
export async function writeMonevFlags(tx: Tx, { now, caseIds }: { now: Date; caseIds: readonly string[] | null }) {
  const settings = await loadSettings(tx);
  const today = todayInZone(now, settings.region.timeZone);
  const only = caseIds ? Prisma.sql`AND c.id = ANY(${[...caseIds]}::text[])` : Prisma.empty;
  // The reported naskah of each case (lib/reports/context.ts reportedAgreementOf, set-wise).
  const cases = await tx.$queryRaw<CaseRow[]>`
    SELECT DISTINCT ON (c.id) c.id, c."opdId", c.stage::text AS stage, c."isArchive", c."createdAt",
           a.id AS "agreementId", a.status::text AS status, a."startDate", a."endDate"
      FROM "Case" c JOIN "Agreement" a ON a."caseId" = c.id
     WHERE c."deletedAt" IS NULL AND c.stage::text = ANY(${[...REPORTING_STAGES]}) ${only}
       AND a."deletedAt" IS NULL AND a.type::text = ANY(${[...REPORTED_TYPES]})
       AND a.status IN ('BERLAKU', 'BERAKHIR', 'DIAKHIRI')
       AND EXISTS (SELECT 1 FROM "Agreement" r WHERE r."caseId" = c.id AND r."deletedAt" IS NULL
                     AND r.type::text = ANY(${[...REPORTED_TYPES]}) AND r.status IN ('BERLAKU', 'BERAKHIR'))
     ORDER BY c.id, a."endDate" DESC, a."createdAt" DESC`;
  const reports = await tx.$queryRaw<ReportRow[]>`
    SELECT r."agreementId", r."periodStart", r."periodEnd", r."periodLabel", r."isFinal", r.status::text AS status
      FROM "MonitoringReport" r JOIN "Case" c ON c.id = r."caseId"
     WHERE r."deletedAt" IS NULL AND c."deletedAt" IS NULL AND c.stage::text = ANY(${[...REPORTING_STAGES]}) ${only}`;
  const byAgreement = new Map<string, ReportRow[]>();
  for (const r of reports) {
    const list = byAgreement.get(r.agreementId);
    if (list) list.push(r);
    else byAgreement.set(r.agreementId, [r]);
  }
  const ids: string[] = [];
  const agreementIds: string[] = [];
  const without: boolean[] = [];
  const late: number[] = [];
  const due: number[] = [];
  const firstDue: (string | null)[] = [];
  const opds: string[] = [];
  for (const c of cases) {
    const agreement = { startDate: c.startDate, endDate: c.endDate };
    const entries = buildTimeline({
      agreement,
      reports: byAgreement.get(c.agreementId) ?? [],
      today,
      rules: settings,
      from: reportingFrom(c, settings.region.timeZone),
      includeFinal: asksFinalReport(c, c),
    });
    const flags = flagsOf(entries, isInForce({ status: c.status, ...agreement }, today));
    ids.push(c.id);
    agreementIds.push(c.agreementId);
    without.push(flags.withoutReport);
    late.push(flags.lateReports);
    due.push(flags.dueReports);
    firstDue.push(flags.firstDueBy ? isoDate(flags.firstDueBy) : null);
    opds.push(c.opdId);
  }
  if (caseIds) await tx.$executeRaw`DELETE FROM "MonevFlag" WHERE "caseId" = ANY(${[...caseIds]}::text[])`;
  else await tx.$executeRaw`DELETE FROM "MonevFlag"`;
  const day = isoDate(today);
  await tx.$executeRaw`
    INSERT INTO "MonevFlag" ("caseId", "agreementId", "withoutReport", "lateReports", "dueReports", "firstDueBy", "opdId", "computedOn", "computedAt")
    SELECT u.id, u.a, u.w, u.l, u.d, u.f, u.o, ${day}::date, ${now}
      FROM unnest(${ids}::text[], ${agreementIds}::text[], ${without}::boolean[], ${late}::int[], ${due}::int[], ${firstDue}::date[], ${opds}::text[])
        AS u(id, a, w, l, d, f, o)`;
  return { computedOn: day, cases: ids.length, withoutReport: without.filter(Boolean).length, late: late.filter((n) => n > 0).length };
}

/** Every case's flags, rebuilt in one transaction (the daily job; npm run jobs:daily). */
export async function refreshMonevFlags({ now }: { now: Date }): Promise<MonevFlagRefresh> {
  const started = performance.now();
  const result = await getDb().$transaction(
    async (tx) => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(${LOCK_KEY})`;
      return writeMonevFlags(tx, { now, caseIds: null });
    },
    { timeout: 120_000, maxWait: 30_000 },
  );
  return { ...result, ms: Math.round(performance.now() - started) };
}

/** The day the flags were last computed for (null: never). */
export async function monevFlagsComputedOn(): Promise<Date | null> {
  const rows = await getDb().$queryRaw<{ d: Date | null }[]>`SELECT max("computedOn") AS d FROM "MonevFlag"`;
  return rows[0]?.d ?? null;
}

import "server-only";
import { getDb, type Db, type Tx } from "@/lib/db";
import type { PolicyUser } from "@/lib/auth/policy";
import type { CurrentUser } from "@/lib/auth/session";
import { caseWhereFor } from "@/lib/cases/scope";
import { caseScopeSql } from "@/lib/register/sql";
import { Prisma } from "@/lib/generated/prisma/client";
import type { Realization, ReportRecommendation } from "@/lib/generated/prisma/enums";
import { loadSettings } from "@/lib/settings/load";
import { getSettings } from "@/lib/settings/service";
import type { Settings } from "@/lib/settings/defaults";
import {
  asksFinalReport, loadReportCase, REPORT_CASE_SELECT, reportedAgreementOf, reportingFrom,
  type ReportCase, type ReportedAgreement,
} from "./context";
import {
  buildTimeline, countByStatus, DUE_STATUSES, mayDraftOn, maySendOn, type PeriodStatus, type TimelineEntry,
} from "./periods";
import { evidenceTypes, isEditable, mayReadReports, mayReviewReports, maySeeDraft, mayWriteReports, REPORTED_TYPES, REPORTING_STAGES } from "./rules";
import { todayInZone } from "@/lib/dates";

/*
 * Reads of the monitoring reports, always scoped to the actor through the case (caseWhereFor): an
 * OPD user never receives another OPD's agreement or report. The public API other parts use:
 *   getReportTimeline(actor, caseId, now)       the periods of one agreement with their status
 *   lastReportSummary(db, agreementId)           realisasi, capaian, kendala, rekomendasi of the last reviewed report
 *   lastReportSummaries(db, agreementIds)        the same for many agreements at once (register, rekap)
 *   getLastReportSummary(actor, agreementId)     the same, scoped to the actor
 */

export const REPORT_PAGE_SIZE = 25;

const TIMELINE_REPORT_SELECT = {
  id: true, agreementId: true, periodStart: true, periodEnd: true, periodLabel: true, isFinal: true, status: true,
  rating: true, submittedAt: true, reviewedAt: true, version: true,
} satisfies Prisma.MonitoringReportSelect;

export type TimelineReport = Prisma.MonitoringReportGetPayload<{ select: typeof TIMELINE_REPORT_SELECT }>;

export type ReportTimeline = {
  case: { id: string; code: string; title: string; stage: ReportCase["stage"]; opdId: string; opdName: string; partnerName: string | null };
  agreement: ReportedAgreement;
  entries: TimelineEntry<TimelineReport>[];
  counts: Record<PeriodStatus, number>;
  /** Today in the region (date-only). */
  today: Date;
  monevPeriod: Settings["monevPeriod"];
  may: { write: boolean; review: boolean };
};

function timelineOf(c: ReportCase, agreement: ReportedAgreement, reports: readonly TimelineReport[], settings: Settings, now: Date, seeDrafts: boolean) {
  const today = todayInZone(now, settings.region.timeZone);
  const entries = buildTimeline({
    agreement,
    reports: seeDrafts ? reports : reports.filter((r) => r.status !== "DRAF"),
    today,
    rules: settings,
    from: reportingFrom(c, settings.region.timeZone),
    includeFinal: asksFinalReport(c, agreement),
  });
  return { entries, today };
}

const caseView = (c: ReportCase): ReportTimeline["case"] => ({
  id: c.id, code: c.code, title: c.title, stage: c.stage, opdId: c.opdId, opdName: c.opd.name, partnerName: c.partner?.name ?? null,
});

/**
 * The report timeline of a case's reported agreement (PKS/NK/MoU): every period with its status at
 * `now`, the final report last. Null when the actor may not see the case or its reports, or the
 * case has no reported agreement (yet).
 */
export async function getReportTimeline(
  actor: CurrentUser,
  caseId: string,
  now: Date,
  /** The case already read in the actor's scope (the case and agreement pages): not read again. */
  known?: ReportCase,
): Promise<ReportTimeline | null> {
  const db = getDb();
  const c = known ?? (await loadReportCase(db, actor, caseId));
  if (!c || !mayReadReports(actor, c)) return null;
  // getSettings: the request's settings (React cache), already read by the shell.
  const [agreement, settings] = await Promise.all([reportedAgreementOf(db, c.id), getSettings()]);
  if (!agreement) return null;
  const reports = await db.monitoringReport.findMany({
    where: { agreementId: agreement.id, deletedAt: null }, select: TIMELINE_REPORT_SELECT,
  });
  const { entries, today } = timelineOf(c, agreement, reports, settings, now, maySeeDraft(actor, c));
  return {
    case: caseView(c), agreement, entries, counts: countByStatus(entries), today, monevPeriod: settings.monevPeriod,
    may: { write: mayWriteReports(actor, c), review: mayReviewReports(actor, c) },
  };
}

/** One period's page: the timeline entry, the full report with its evidence and history, and what the actor may do. */
export async function getReportPage(actor: CurrentUser, caseId: string, periodKey: string, now: Date) {
  const timeline = await getReportTimeline(actor, caseId, now);
  const entry = timeline?.entries.find((e) => e.period.key === periodKey);
  if (!timeline || !entry) return null;
  const db = getDb();
  const report = entry.report
    ? await db.monitoringReport.findUnique({
        where: { id: entry.report.id },
        include: {
          submittedBy: { select: { fullName: true } },
          reviewedBy: { select: { fullName: true } },
          documents: {
            where: { deletedAt: null },
            orderBy: [{ uploadedAt: "asc" }, { id: "asc" }],
            include: { uploadedBy: { select: { fullName: true } } },
          },
        },
      })
    : null;
  const history = report
    ? await db.auditEvent.findMany({
        where: { entity: "MonitoringReport", entityId: report.id, action: { in: ["report.submit", "report.resubmit", "report.review", "report.return"] } },
        orderBy: { id: "asc" },
        select: { id: true, action: true, data: true, createdAt: true, actor: { select: { fullName: true } } },
      })
    : [];
  const editable = !report || isEditable(report.status);
  const edit = timeline.may.write && editable && mayDraftOn(entry.period, timeline.today);
  return {
    ...timeline,
    entry,
    report,
    history,
    may: {
      ...timeline.may,
      edit,
      send: edit && maySendOn(entry.period, timeline.today),
      review: timeline.may.review && report?.status === "DIAJUKAN",
      uploadTypes: edit && report ? evidenceTypes(entry.period.isFinal) : [],
    },
  };
}

// ── lists ────────────────────────────────────────────────────────────────────────────────────
/** Cases whose reported agreement is running or ended and still reporting, in the actor's scope. */
export function reportingCasesWhere(actor: PolicyUser, opdId?: string): Prisma.CaseWhereInput {
  return {
    AND: [
      caseWhereFor(actor),
      { stage: { in: [...REPORTING_STAGES] } },
      opdId ? { opdId } : {},
      { agreements: { some: { type: { in: [...REPORTED_TYPES] }, deletedAt: null, status: { in: ["BERLAKU", "BERAKHIR"] } } } },
    ],
  };
}

export type AgreementReportRow = {
  case: ReportTimeline["case"] & { opdShortName: string };
  agreement: ReportedAgreement;
  counts: Record<PeriodStatus, number>;
  /** Periods that ask the OPD to act now (jatuh tempo, terlambat, dikembalikan), earliest deadline first. */
  due: TimelineEntry<TimelineReport>[];
};

/**
 * Timelines of many cases in two more statements (their reported agreements, their reports), in SQL:
 * the same rows as the Prisma reads they replace (the agreement: latest end date, then latest
 * created — reportedAgreementOf), at a fraction of the client's CPU per call.
 */
async function timelinesFor(actor: CurrentUser, cases: ReportCase[], settings: Settings, now: Date): Promise<AgreementReportRow[]> {
  if (cases.length === 0) return [];
  const db = getDb();
  const agreements = await db.$queryRaw<(ReportedAgreement & { caseId: string })[]>`
    SELECT DISTINCT ON (a."caseId") a.id, a.type::text AS type, a.title, a.status::text AS status, a."ourNumber", a."partnerNumber",
           a."startDate", a."endDate", a."caseId"
      FROM "Agreement" a
     WHERE a."caseId" = ANY(${cases.map((c) => c.id)}::text[]) AND a.type = ANY(${[...REPORTED_TYPES]}::"AgreementType"[])
       AND a."deletedAt" IS NULL AND a.status IN ('BERLAKU', 'BERAKHIR', 'DIAKHIRI')
     ORDER BY a."caseId", a."endDate" DESC, a."createdAt" DESC`;
  const agreementOf = new Map<string, ReportedAgreement>(agreements.map(({ caseId, ...a }) => [caseId, a]));
  const reports = agreementOf.size === 0 ? [] : await db.$queryRaw<TimelineReport[]>`
    SELECT r.id, r."agreementId", r."periodStart", r."periodEnd", r."periodLabel", r."isFinal", r.status::text AS status,
           r.rating, r."submittedAt", r."reviewedAt", r.version
      FROM "MonitoringReport" r
     WHERE r."agreementId" = ANY(${[...agreementOf.values()].map((a) => a.id)}::text[]) AND r."deletedAt" IS NULL`;
  const reportsOf = new Map<string, TimelineReport[]>();
  for (const r of reports) reportsOf.set(r.agreementId, [...(reportsOf.get(r.agreementId) ?? []), r]);
  return cases.flatMap((c) => {
    const agreement = agreementOf.get(c.id);
    if (!agreement) return [];
    const { entries } = timelineOf(c, agreement, reportsOf.get(agreement.id) ?? [], settings, now, maySeeDraft(actor, c));
    const due = entries.filter((e) => DUE_STATUSES.includes(e.status)).sort((a, b) => a.dueBy.getTime() - b.dueBy.getTime());
    return [{ case: { ...caseView(c), opdShortName: c.opd.shortName }, agreement, counts: countByStatus(entries), due }];
  });
}

/** An OPD is expected to run a few dozen agreements; this bounds the list of an unusual one. */
const DUE_LIST_LIMIT = 500;

/**
 * "Laporan saya yang jatuh tempo": every period of the actor's own OPD's agreements that asks for a
 * report now (jatuh tempo, terlambat, or returned for revision), earliest deadline first.
 */
export async function listDueReports(actor: CurrentUser, now: Date) {
  if (!actor.opdId) return [];
  const db = getDb();
  const [cases, settings] = await Promise.all([
    db.case.findMany({ where: reportingCasesWhere(actor, actor.opdId), select: REPORT_CASE_SELECT, orderBy: { id: "asc" }, take: DUE_LIST_LIMIT }),
    loadSettings(db),
  ]);
  const rows = await timelinesFor(actor, cases, settings, now);
  return rows
    .flatMap((row) => row.due.map((entry) => ({ case: row.case, agreement: row.agreement, entry })))
    .sort((a, b) => a.entry.dueBy.getTime() - b.entry.dueBy.getTime() || a.case.code.localeCompare(b.case.code));
}

export type DueReport = Awaited<ReturnType<typeof listDueReports>>[number];

/**
 * The `limit` earliest due periods of the actor's own OPD and how many there are — what /laporan
 * shows — without computing every timeline of the OPD on each request (hundreds of agreements at
 * province scale: 0.8 s). The monev flags of today (MonevFlag, refreshed by the daily job and when a
 * report is sent or returned) say which cases have due periods and the earliest deadline of each:
 * the `limit` earliest periods are among the `limit` cases with the earliest firstDueBy, so only
 * those are computed, plus any case without a flag of today (new since the refresh), which is
 * computed whole. Same entries, order and count as listDueReports (an integration test compares);
 * a case that left the reporting stages since the flags were computed still counts in the total
 * until the next refresh (at most a day), though its periods are no longer listed.
 */
export async function earliestDueReports(actor: CurrentUser, now: Date, limit: number): Promise<{ items: DueReport[]; total: number }> {
  if (!actor.opdId) return { items: [], total: 0 };
  const db = getDb();
  const settings = await loadSettings(db);
  const today = todayInZone(now, settings.region.timeZone);
  // One statement: the `limit` flagged cases with the earliest deadline (index opdId, computedOn,
  // firstDueBy), the sum of today's dueReports and the OPD's reporting cases without a flag of today
  // under this OPD — a merge anti-join of two index-only ranges in case-id order, the partial index
  // "Case_reporting_opdId_id_idx" and (opdId, computedOn, caseId, dueReports) on the flags (migration
  // 20261127195000_monev_opd_antijoin). A flag computed under another OPD is not this OPD's (its
  // dueReports are summed there), so such a case is computed whole here.
  const [flags] = await db.$queryRaw<{ flagged: string[]; unflagged: string[]; due: number }[]>`
    SELECT ARRAY(SELECT f."caseId" FROM "MonevFlag" f
                  WHERE f."opdId" = ${actor.opdId} AND f."computedOn" = ${today}::date AND f."dueReports" > 0
                  ORDER BY f."firstDueBy", f."caseId" LIMIT ${limit}) AS flagged,
           ARRAY(SELECT c.id FROM "Case" c
                  WHERE c."opdId" = ${actor.opdId} AND c."deletedAt" IS NULL AND c.stage = ANY(${[...REPORTING_STAGES]}::"Stage"[])
                    AND NOT EXISTS (SELECT 1 FROM "MonevFlag" f
                                     WHERE f."opdId" = ${actor.opdId} AND f."computedOn" = ${today}::date AND f."caseId" = c.id)
                  ORDER BY c.id LIMIT ${DUE_LIST_LIMIT}) AS unflagged,
           (SELECT coalesce(sum(f."dueReports"), 0)::int FROM "MonevFlag" f
             WHERE f."opdId" = ${actor.opdId} AND f."computedOn" = ${today}::date) AS due`;
  const unflagged = new Set(flags.unflagged);
  const cases = await reportCases(actor, actor.opdId, [...unflagged, ...flags.flagged]);
  const rows = await timelinesFor(actor, cases, settings, now);
  const all = rows
    .flatMap((row) => row.due.map((entry) => ({ case: row.case, agreement: row.agreement, entry })))
    .sort((a, b) => a.entry.dueBy.getTime() - b.entry.dueBy.getTime() || a.case.code.localeCompare(b.case.code));
  const unflaggedDue = all.filter((d) => unflagged.has(d.case.id)).length;
  return { items: all.slice(0, limit), total: flags.due + unflaggedDue };
}

/** Agreements that report, in the actor's scope (optionally one OPD), 25 per page, each with its counts. */
/** "Kerja sama melapor" counts up to 1,000 ("lebih dari 1.000"), as the register does. */
export const REPORT_COUNT_CAP = 1000;

/** reportingCasesWhere() in SQL over "Case" c (an integration test compares the counts for every role). */
function reportingCasesSql(actor: PolicyUser, opdId?: string): Prisma.Sql {
  return Prisma.sql`c."deletedAt" IS NULL AND ${caseScopeSql(actor)} AND c.stage = ANY(${[...REPORTING_STAGES]}::"Stage"[])
    ${opdId ? Prisma.sql`AND c."opdId" = ${opdId}` : Prisma.empty}
    AND EXISTS (SELECT 1 FROM "Agreement" a WHERE a."caseId" = c.id AND a.type = ANY(${[...REPORTED_TYPES]}::"AgreementType"[])
                  AND a."deletedAt" IS NULL AND a.status IN ('BERLAKU', 'BERAKHIR'))`;
}

/** Rows of "Case" c in REPORT_CASE_SELECT's shape (its OPD and partner joined in the same statement). */
async function reportCaseRows(where: Prisma.Sql, tail: Prisma.Sql): Promise<ReportCase[]> {
  const rows = await getDb().$queryRaw<(Omit<ReportCase, "opd" | "partner"> & { opdName: string; opdShortName: string; partnerName: string | null })[]>`
    SELECT c.id, c.code, c.title, c.kind::text AS kind, c.stage::text AS stage, c."opdId", c."isArchive", c."createdAt",
           o.name AS "opdName", o."shortName" AS "opdShortName", p.name AS "partnerName"
      FROM "Case" c JOIN "Opd" o ON o.id = c."opdId" LEFT JOIN "Partner" p ON p.id = c."partnerId"
     WHERE ${where} ${tail}`;
  return rows.map(({ opdName, opdShortName, partnerName, ...c }) => ({
    ...c, opd: { name: opdName, shortName: opdShortName }, partner: partnerName === null ? null : { name: partnerName },
  }));
}

/** The reporting cases among `ids`, by primary key, in id order. */
async function reportCases(actor: PolicyUser, opdId: string | undefined, ids: string[]): Promise<ReportCase[]> {
  if (ids.length === 0) return [];
  return reportCaseRows(Prisma.sql`c.id = ANY(${ids}::text[]) AND ${reportingCasesSql(actor, opdId)}`, Prisma.sql`ORDER BY c.id`);
}

/**
 * reportingCasesWhere() counted up to REPORT_COUNT_CAP + 1, in SQL: the reporting cases in id order
 * from the partial index "Case_reporting_opdId_id_idx", each probed for a reported agreement by
 * "Agreement_caseId_type_status_idx" (index-only), stopping at the cap (2–3 ms at 100k). Prisma's
 * `some` is an IN (…) the planner answers with a merge join over every case and agreement (19 ms).
 * An integration test compares it with a Prisma count over reportingCasesWhere() for every role.
 */
export async function countReportingCases(actor: PolicyUser, opdId?: string, cap = REPORT_COUNT_CAP): Promise<number> {
  const rows = await getDb().$queryRaw<{ n: number }[]>`
    SELECT count(*)::int AS n FROM (
      SELECT 1 FROM "Case" c WHERE ${reportingCasesSql(actor, opdId)} LIMIT ${cap + 1}) x`;
  return rows[0]?.n ?? 0;
}

export async function listReportingAgreements(actor: CurrentUser, now: Date, filter: { page?: number; opdId?: string } = {}) {
  const db = getDb();
  const page = Number.isInteger(filter.page) && (filter.page as number) > 0 ? (filter.page as number) : 1;
  const [cases, total, settings] = await Promise.all([
    // By the case code (a unique index): cheap at any size; the OPD filter narrows the list.
    reportCaseRows(reportingCasesSql(actor, filter.opdId),
      Prisma.sql`ORDER BY c.code LIMIT ${REPORT_PAGE_SIZE} OFFSET ${(page - 1) * REPORT_PAGE_SIZE}`),
    // Capped like the register's (an exact count joins every running case to its agreements: 196 ms at 100k).
    countReportingCases(actor, filter.opdId),
    loadSettings(db),
  ]);
  const capped = total > REPORT_COUNT_CAP;
  const shown = capped ? REPORT_COUNT_CAP : total;
  const hasNext = capped || page * REPORT_PAGE_SIZE < total;
  return {
    items: await timelinesFor(actor, cases, settings, now),
    total: shown, capped, hasNext, page, pageSize: REPORT_PAGE_SIZE,
    totalPages: capped ? page + 1 : Math.max(1, Math.ceil(total / REPORT_PAGE_SIZE)),
  };
}

const QUEUE_SELECT = {
  id: true, caseId: true, periodLabel: true, periodStart: true, periodEnd: true, isFinal: true, submittedAt: true,
  returnReason: true, realization: true, recommendation: true,
  case: { select: { code: true, title: true, opd: { select: { shortName: true } }, partner: { select: { name: true } } } },
} satisfies Prisma.MonitoringReportSelect;

export type QueueItem = Prisma.MonitoringReportGetPayload<{ select: typeof QUEUE_SELECT }>;

/** Bagian Kerja Sama's review queue: sent reports, the longest waiting first. */
export async function reviewQueue(actor: CurrentUser, filter: { page?: number } = {}) {
  const db = getDb();
  const page = Number.isInteger(filter.page) && (filter.page as number) > 0 ? (filter.page as number) : 1;
  const where: Prisma.MonitoringReportWhereInput = { status: "DIAJUKAN", deletedAt: null, case: caseWhereFor(actor) };
  const [items, total] = await Promise.all([
    db.monitoringReport.findMany({
      where, select: QUEUE_SELECT, orderBy: [{ submittedAt: "asc" }, { id: "asc" }],
      skip: (page - 1) * REPORT_PAGE_SIZE, take: REPORT_PAGE_SIZE,
    }),
    db.monitoringReport.count({ where }),
  ]);
  return { items, total, page, pageSize: REPORT_PAGE_SIZE, totalPages: Math.max(1, Math.ceil(total / REPORT_PAGE_SIZE)) };
}

/**
 * Reports in the review cycle, in the actor's scope: sent and waiting for Bagian Kerja Sama, and
 * returned to the OPD. Both sets stay small whatever the number of agreements (index status, submittedAt);
 * reviewed reports, which only grow, are not counted here.
 */
export async function reviewCycleCounts(actor: CurrentUser): Promise<Record<"DIAJUKAN" | "DIKEMBALIKAN", number>> {
  const rows = await getDb().monitoringReport.groupBy({
    by: ["status"], where: { status: { in: ["DIAJUKAN", "DIKEMBALIKAN"] }, deletedAt: null, case: caseWhereFor(actor) }, _count: { _all: true },
  });
  const counts = { DIAJUKAN: 0, DIKEMBALIKAN: 0 };
  for (const r of rows) counts[r.status as keyof typeof counts] = r._count._all;
  return counts;
}

// ── the last reviewed report (perpanjangan, the agreement page, the rekap) ───────────────────
export type LastReportSummary = {
  reportId: string;
  agreementId: string;
  periodLabel: string;
  periodStart: Date;
  periodEnd: Date;
  isFinal: boolean;
  realization: Realization;
  outputAchieved: string;
  obstacles: string | null;
  recommendation: ReportRecommendation;
  rating: number | null;
  reviewedAt: Date | null;
};

/**
 * realisasi, capaian, kendala and rekomendasi of the last report Bagian Kerja Sama has reviewed, for
 * each agreement (the latest period; the final report counts as the latest). Unscoped: callers pass
 * agreements the user may see. One indexed DISTINCT ON query, however many agreements.
 */
export async function lastReportSummaries(db: Db | Tx, agreementIds: readonly string[]): Promise<Map<string, LastReportSummary>> {
  if (agreementIds.length === 0) return new Map();
  const rows = await db.$queryRaw<LastReportSummary[]>`
    SELECT DISTINCT ON ("agreementId")
           id AS "reportId", "agreementId", "periodLabel", "periodStart", "periodEnd", "isFinal", realization::text AS realization,
           "outputAchieved", obstacles, recommendation::text AS recommendation, rating, "reviewedAt"
      FROM "MonitoringReport"
     WHERE "agreementId" = ANY(${[...agreementIds]}::text[]) AND status = 'DITINJAU' AND "deletedAt" IS NULL
     ORDER BY "agreementId", "isFinal" DESC, "periodEnd" DESC, "reviewedAt" DESC`;
  return new Map(rows.map((r) => [r.agreementId, r]));
}

export async function lastReportSummary(db: Db | Tx, agreementId: string): Promise<LastReportSummary | null> {
  return (await lastReportSummaries(db, [agreementId])).get(agreementId) ?? null;
}

/** The same for one agreement the actor may see (another OPD's agreement: null). */
export async function getLastReportSummary(actor: CurrentUser, agreementId: string): Promise<LastReportSummary | null> {
  const db = getDb();
  const a = await db.agreement.findFirst({
    where: { id: agreementId, deletedAt: null, case: caseWhereFor(actor) }, select: { id: true, opdId: true },
  });
  if (!a || !mayReadReports(actor, a)) return null;
  return lastReportSummary(db, a.id);
}

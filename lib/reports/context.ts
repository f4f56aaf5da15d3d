import "server-only";
import type { Db, Tx } from "@/lib/db";
import type { PolicyUser } from "@/lib/auth/policy";
import { caseWhereFor } from "@/lib/cases/scope";
import { dateInZone, parseDateOnly, todayInZone } from "@/lib/dates";
import type { Settings } from "@/lib/settings/defaults";
import { finalPeriod, reportingPeriods, type ReportingPeriod } from "./periods";
import { REPORTED_TYPES } from "./rules";

/*
 * What every monitoring-report read and write starts from: the case (scoped to the actor: another
 * OPD's case is not found), its reported agreement (rules.ts REPORTED_TYPES) and the periods the
 * settings give it. Used by the services (service.ts, evidence.ts) and the queries (queries.ts).
 */

export const REPORT_CASE_SELECT = {
  id: true, code: true, title: true, kind: true, stage: true, opdId: true, isArchive: true, createdAt: true,
  opd: { select: { name: true, shortName: true } },
  partner: { select: { name: true } },
} as const;

export const REPORTED_AGREEMENT_SELECT = {
  id: true, type: true, title: true, status: true, ourNumber: true, partnerNumber: true, startDate: true, endDate: true,
} as const;

/** The running naskah of a case that carries its reports (latest first if several were signed). */
export function reportedAgreementOf(db: Db | Tx, caseId: string) {
  return db.agreement.findFirst({
    where: { caseId, type: { in: [...REPORTED_TYPES] }, deletedAt: null, status: { in: ["BERLAKU", "BERAKHIR", "DIAKHIRI"] } },
    orderBy: [{ endDate: "desc" }, { createdAt: "desc" }],
    select: REPORTED_AGREEMENT_SELECT,
  });
}

export async function loadReportCase(db: Db | Tx, actor: PolicyUser, caseId: string) {
  if (!/^[A-Za-z0-9_-]{1,64}$/.test(caseId)) return null;
  return db.case.findFirst({ where: { AND: [{ id: caseId }, caseWhereFor(actor)] }, select: REPORT_CASE_SELECT });
}

export type ReportCase = NonNullable<Awaited<ReturnType<typeof loadReportCase>>>;
export type ReportedAgreement = NonNullable<Awaited<ReturnType<typeof reportedAgreementOf>>>;

/** An archive agreement is reported from the day it was registered (in the region's calendar). */
export function reportingFrom(c: Pick<ReportCase, "isArchive" | "createdAt">, timeZone: string): Date | null {
  return c.isArchive ? parseDateOnly(dateInZone(c.createdAt, timeZone)) : null;
}

/** The final report is asked of an agreement that ran to its end, not of one ended by a pengakhiran. */
export const asksFinalReport = (c: Pick<ReportCase, "stage">, a: Pick<ReportedAgreement, "status">) =>
  c.stage !== "DIAKHIRI" && a.status !== "DIAKHIRI";

/** Every period of the agreement (the final report last, when it is asked for) and today in the region. */
export function periodsOf(c: ReportCase, a: ReportedAgreement, settings: Settings, now: Date) {
  const today = todayInZone(now, settings.region.timeZone);
  const periodic = reportingPeriods(a, settings.monevPeriod, {
    from: reportingFrom(c, settings.region.timeZone), openEndedUntil: today,
  });
  const final = asksFinalReport(c, a) ? finalPeriod(a, periodic) : null;
  const periods: ReportingPeriod[] = final ? [...periodic, final] : periodic;
  return { today, periods };
}

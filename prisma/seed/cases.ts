// Case rows and their human codes (KS-<year>-<urut>, numbered per year in creation order).
import type { AgreementPlan } from "./agreements";
import type { HistoryRow } from "./history";
import { opdId } from "./opds";
import { TERMINAL, addYearsMinusDay, requiresDprdOf, wibDate, wibMidnight, type Timeline } from "./timeline";
import type { CaseSpec } from "./types";
import { KSDD_CASES } from "./cases-ksdd";
import { KSDPK_CASES } from "./cases-ksdpk";
import { OTHER_CASES } from "./cases-other";

export const CASE_SPECS: readonly CaseSpec[] = [...KSDD_CASES, ...KSDPK_CASES, ...OTHER_CASES];

/** Codes by year of creation (WIB) and creation order; returns the codes and the last urut per year. */
export function assignCodes(specs: readonly CaseSpec[], timelines: Map<string, Timeline>) {
  const order = [...specs].sort((a, b) => timelines.get(a.id)!.times[0].getTime() - timelines.get(b.id)!.times[0].getTime());
  const codes = new Map<string, string>();
  const perYear = new Map<number, number>();
  for (const spec of order) {
    const year = wibDate(timelines.get(spec.id)!.times[0]).getUTCFullYear();
    const urut = (perYear.get(year) ?? 0) + 1;
    perYear.set(year, urut);
    codes.set(spec.id, `KS-${year}-${String(urut).padStart(4, "0")}`);
  }
  return { codes, perYear };
}

export function caseRow(spec: CaseSpec, code: string, tl: Timeline, history: HistoryRow[], plans: AgreementPlan[], now: Date) {
  const last = tl.path.length - 1;
  const operative = plans.find((p) => ["PKS", "NK", "MOU"].includes(p.type) && p.startDate);
  const plannedStart = wibDate(new Date(Date.UTC(wibMidnight(now, 60).getUTCFullYear(), wibMidnight(now, 60).getUTCMonth() + 1, 1)));
  const proposedStart = operative?.startDate ?? plannedStart;
  const proposedEnd = operative?.endDate ?? addYearsMinusDay(proposedStart, 3);
  const ajukan = history.find((h) => h.event === "ajukan");
  const returns = history.filter((h) => ["kembalikan", "perlu_perbaikan"].includes(h.event));
  return {
    id: spec.id, code, title: spec.title, kind: spec.kind,
    ksddNature: spec.ksddNature ?? null, ksdpkForm: spec.ksdpkForm ?? null,
    initiator: spec.partnerInitiated ? ("MITRA" as const) : ("DAERAH" as const),
    opdId: opdId(spec.opd), partnerId: spec.partner,
    subject: spec.subject, governmentAffair: spec.affair, purpose: spec.purpose,
    scope: spec.scope.join("\n"), benefits: spec.benefits,
    fundingSource: spec.funding.source, fundingAmount: spec.funding.amount, fundingYear: proposedStart.getUTCFullYear(),
    burdensPublic: spec.burdensPublic, budgetedInApbd: spec.budgetedInApbd, requiresDprd: requiresDprdOf(spec),
    proposedStart, proposedEnd,
    stage: spec.stage, stageEnteredAt: tl.times[last], version: last,
    lastReason: spec.reason ?? returns.at(-1)?.note ?? null,
    extendsCaseId: spec.extendsCase ?? null, parentAgreementId: null as string | null,
    isArchive: Boolean(spec.archive),
    terminationGround: spec.termination?.ground ?? null,
    terminationDate: spec.stage === "DIAKHIRI" ? wibDate(tl.times[last]) : null,
    submittedAt: ajukan?.createdAt ?? (tl.path[0] === "DRAF" ? null : tl.times[0]),
    closedAt: TERMINAL.includes(spec.stage) ? tl.times[last] : null,
    createdById: history[0].actorId, createdAt: tl.times[0], updatedAt: tl.times[last],
  };
}

import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Db, Tx } from "@/lib/db";
import type { CurrentUser } from "@/lib/auth/session";
import { DomainError } from "@/lib/errors";
import { missingProposalFields, type CaseSnapshot, type DocumentType, type Period } from "@/lib/workflow";
import { caseWhereFor } from "./scope";

/** The case columns the stage machine and the transition service need. */
export const CASE_STATE_SELECT = {
  id: true, code: true, title: true, kind: true, ksddNature: true, ksdpkForm: true, initiator: true, opdId: true,
  partnerId: true, subject: true, governmentAffair: true, purpose: true, scope: true, benefits: true,
  fundingSource: true, fundingAmount: true, fundingYear: true, burdensPublic: true, budgetedInApbd: true,
  requiresDprd: true, stage: true, version: true, parentAgreementId: true, submittedAt: true,
  partner: { select: { name: true } },
} satisfies Prisma.CaseSelect;

export type CaseState = Prisma.CaseGetPayload<{ select: typeof CASE_STATE_SELECT }>;

export const NOT_FOUND_MESSAGE = "Usulan tidak ditemukan.";

/** The case if the actor may see it; another OPD's case is NOT_FOUND, never FORBIDDEN. */
export async function loadScopedCase(db: Db | Tx, actor: CurrentUser, caseId: string): Promise<CaseState> {
  const found = await db.case.findFirst({ where: { AND: [{ id: caseId }, caseWhereFor(actor)] }, select: CASE_STATE_SELECT });
  if (!found) throw new DomainError("NOT_FOUND", NOT_FOUND_MESSAGE);
  return found;
}

const RUNNING_TYPES = ["PKS", "NK", "MOU"] as const;

function period(a: { startDate: Date | null; endDate: Date | null } | null | undefined): Period | null {
  return a?.startDate && a.endDate ? { start: a.startDate, end: a.endDate } : null;
}

/** Builds what decide() and availableEvents() need, in three small indexed queries. */
export async function buildSnapshot(db: Db | Tx, c: CaseState): Promise<CaseSnapshot> {
  const [docs, agreements, parent] = await Promise.all([
    db.document.findMany({ where: { caseId: c.id, deletedAt: null }, select: { type: true }, distinct: ["type"] }),
    db.agreement.findMany({
      where: { caseId: c.id, deletedAt: null, status: { not: "DRAF" } },
      select: { type: true, status: true, startDate: true, endDate: true, signedAt: true },
      orderBy: { createdAt: "asc" },
    }),
    c.parentAgreementId
      ? db.agreement.findUnique({ where: { id: c.parentAgreementId }, select: { startDate: true, endDate: true } })
      : Promise.resolve(null),
  ]);
  const kb = agreements.findLast((a) => a.type === "KB");
  const running = agreements
    .filter((a) => (RUNNING_TYPES as readonly string[]).includes(a.type) && a.status === "BERLAKU" && a.endDate)
    .map((a) => a.endDate as Date)
    .sort((a, b) => b.getTime() - a.getTime());
  return {
    kind: c.kind,
    stage: c.stage,
    initiator: c.initiator,
    opdId: c.opdId,
    requiresDprd: c.requiresDprd,
    documents: docs.map((d) => d.type as DocumentType),
    missingFields: missingProposalFields(c),
    kbPeriod: c.parentAgreementId ? period(parent) : period(kb),
    activeEnd: running[0] ?? null,
    isPksTurunan: Boolean(c.parentAgreementId),
  };
}

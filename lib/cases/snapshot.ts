import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Db, Tx } from "@/lib/db";
import type { CurrentUser } from "@/lib/auth/session";
import { DomainError } from "@/lib/errors";
import {
  ADENDUM_STAGES, isAdendumStage, missingProposalFields, type AdendumFacts, type CaseSnapshot, type DocumentType,
  type NaskahFacts, type Stage,
} from "@/lib/workflow";
import { caseWhereFor } from "./scope";

/** The case columns the stage machine and the transition service need. */
export const CASE_STATE_SELECT = {
  id: true, code: true, title: true, kind: true, ksddNature: true, ksdpkForm: true, initiator: true, opdId: true,
  partnerId: true, subject: true, governmentAffair: true, purpose: true, scope: true, benefits: true,
  fundingSource: true, fundingAmount: true, fundingYear: true, burdensPublic: true, budgetedInApbd: true,
  requiresDprd: true, stage: true, version: true, parentAgreementId: true, submittedAt: true,
  partner: { select: { name: true, partnerClass: true, universityStatus: true } },
} satisfies Prisma.CaseSelect;

export type CaseState = Prisma.CaseGetPayload<{ select: typeof CASE_STATE_SELECT }>;

export const NOT_FOUND_MESSAGE = "Usulan tidak ditemukan.";

/** The case if the actor may see it; another OPD's case is NOT_FOUND, never FORBIDDEN. */
export async function loadScopedCase(db: Db | Tx, actor: CurrentUser, caseId: string): Promise<CaseState> {
  const found = await db.case.findFirst({ where: { AND: [{ id: caseId }, caseWhereFor(actor)] }, select: CASE_STATE_SELECT });
  if (!found) throw new DomainError("NOT_FOUND", NOT_FOUND_MESSAGE);
  return found;
}

const RUNNING_TYPES: readonly string[] = ["PKS", "NK", "MOU"];
const NASKAH_SELECT = { id: true, type: true, status: true, signedAt: true, startDate: true, endDate: true } as const;

const facts = (a: NaskahFacts | null | undefined): NaskahFacts | null =>
  a ? { status: a.status, signedAt: a.signedAt, startDate: a.startDate, endDate: a.endDate } : null;

/** The documents that count for the case's current round, as a query (inCurrentRound() in SQL). */
export function roundDocumentsWhere(c: { id: string; stage: Stage }): Prisma.DocumentWhereInput {
  return isAdendumStage(c.stage)
    ? { caseId: c.id, deletedAt: null, stage: { in: [...ADENDUM_STAGES] }, agreementId: null }
    : { caseId: c.id, deletedAt: null };
}

/** The adendum in progress (its draft row) and the naskah it amends. */
export async function adendumFacts(db: Db | Tx, caseId: string): Promise<AdendumFacts | null> {
  const draft = await db.agreement.findFirst({
    where: { caseId, type: "ADENDUM", status: "DRAF", deletedAt: null },
    orderBy: { createdAt: "desc" },
    select: { requiresDprd: true, parent: { select: { type: true, signedAt: true } } },
  });
  return draft ? { requiresDprd: draft.requiresDprd, amends: draft.parent } : null;
}

/**
 * Rows a caller already read for the case (the case page, lib/cases/queries.ts getCaseDetail): every
 * non-deleted document and agreement of the case (agreements oldest first), the parent KB, the
 * adendum facts. With them buildSnapshot reads nothing more (except the laporan akhir at BERAKHIR).
 */
export type SnapshotRows = {
  documents: readonly { type: string; stage: Stage; agreementId: string | null; deletedAt: Date | null }[];
  agreements: readonly (NaskahFacts & { id: string; type: string; deletedAt: Date | null })[];
  parent: (NaskahFacts & { id: string; type: string }) | null;
  adendum: AdendumFacts | null;
};

/** roundDocumentsWhere() over rows already read: the same documents, the same rule. */
function roundDocumentTypes(c: { id: string; stage: Stage }, documents: SnapshotRows["documents"]): DocumentType[] {
  const adendum = isAdendumStage(c.stage);
  const types = documents
    .filter((d) => d.deletedAt === null && (!adendum || (ADENDUM_STAGES.includes(d.stage) && d.agreementId === null)))
    .map((d) => d.type as DocumentType);
  return [...new Set(types)];
}

/** Builds what decide() and availableEvents() need, in a few small indexed queries (none with `rows`). */
export async function buildSnapshot(db: Db | Tx, c: CaseState, rows?: SnapshotRows): Promise<CaseSnapshot> {
  const [docs, agreements, parent, adendum] = rows
    ? [
        roundDocumentTypes(c, rows.documents).map((type) => ({ type })),
        rows.agreements.filter((a) => a.deletedAt === null && a.status !== "DRAF"),
        c.parentAgreementId ? rows.parent : null,
        isAdendumStage(c.stage) ? rows.adendum : null,
      ]
    : await Promise.all([
        db.document.findMany({ where: roundDocumentsWhere(c), select: { type: true }, distinct: ["type"] }),
        db.agreement.findMany({
          where: { caseId: c.id, deletedAt: null, status: { not: "DRAF" } },
          select: NASKAH_SELECT,
          orderBy: { createdAt: "asc" },
        }),
        c.parentAgreementId
          ? db.agreement.findUnique({ where: { id: c.parentAgreementId }, select: NASKAH_SELECT })
          : Promise.resolve(null),
        isAdendumStage(c.stage) ? adendumFacts(db, c.id) : Promise.resolve(null),
      ]);
  const running = agreements
    .filter((a) => RUNNING_TYPES.includes(a.type) && a.status === "BERLAKU" && a.endDate)
    .sort((a, b) => (b.endDate as Date).getTime() - (a.endDate as Date).getTime());
  // Only the closing step asks for the laporan akhir (lib/reports: one per reported naskah).
  const finalReport = c.stage === "BERAKHIR"
    ? await db.monitoringReport.findFirst({
        where: {
          caseId: c.id, isFinal: true, deletedAt: null,
          agreementId: { in: agreements.filter((a) => RUNNING_TYPES.includes(a.type)).map((a) => a.id) },
        },
        orderBy: { createdAt: "desc" },
        select: { status: true },
      })
    : null;
  return {
    kind: c.kind,
    stage: c.stage,
    initiator: c.initiator,
    opdId: c.opdId,
    requiresDprd: c.requiresDprd,
    documents: docs.map((d) => d.type as DocumentType),
    missingFields: missingProposalFields(c),
    partner: c.partner ? { partnerClass: c.partner.partnerClass, universityStatus: c.partner.universityStatus } : null,
    kb: facts(c.parentAgreementId ? parent : agreements.findLast((a) => a.type === "KB")),
    loi: facts(agreements.findLast((a) => a.type === "LOI")),
    running: facts(running[0]),
    finalReport,
    isPksTurunan: Boolean(c.parentAgreementId),
    adendum,
  };
}

import "server-only";
import type { CurrentUser } from "@/lib/auth/session";
import type { CaseDetail } from "@/lib/cases/queries";
import { caseWhereFor } from "@/lib/cases/scope";
import { getDb } from "@/lib/db";
import { getReportTimeline, lastReportSummary } from "@/lib/reports/queries";
import type { Agreement, Document } from "@/lib/generated/prisma/client";

/*
 * The agreement page (/kerja-sama/[id]): one cooperation with its naskah as a tree — KB → its PKS and
 * the PKS turunan of other cases under it → each naskah's adendum versions; LoI → MoU; NK → RK — plus
 * the perpanjangan links and the case's actions. Scoped like the case page (another OPD's case is not
 * found); PKS turunan of other OPDs are listed only when the viewer may see them.
 */

export type NaskahNode = {
  agreement: Agreement;
  /** Its signed text and drafts (tied to it at signing). */
  documents: Pick<Document, "id" | "type" | "version" | "originalName" | "mimeType">[];
  children: NaskahNode[];
  /** PKS turunan (other cases) under this KB that the viewer may see. */
  turunan: { id: string; code: string; title: string; stage: string; opd: { shortName: string }; pks: Agreement | null }[];
};

/** Agreements that never took force (drafts, abandoned adendum) are shown only while in progress. */
const shown = (a: Agreement) => a.status !== "DRAF" || a.type === "ADENDUM";

/**
 * The agreement page over the case detail it already read (caseDetailForRequest, shared with its
 * metadata): the naskah tree, the PKS turunan, the report timeline and the last reviewed report.
 */
export async function cooperationOf(actor: CurrentUser, detail: CaseDetail, now: Date) {
  const caseId = detail.case.id;
  const agreements = detail.agreements.filter(shown);
  const kbIds = agreements.filter((a) => a.type === "KB").map((a) => a.id);
  // The monev timeline of the reported naskah (PKS/NK/MoU), null when there is none or the viewer may not read it.
  const reportsQuery = getReportTimeline(actor, caseId, now, detail.case);
  const turunan = kbIds.length ? await turunanOf(actor, kbIds, caseId) : [];
  const docsOf = (id: string) =>
    detail.documents
      .filter((d) => d.agreementId === id)
      .map((d) => ({ id: d.id, type: d.type, version: d.version, originalName: d.originalName, mimeType: d.mimeType }));
  const ids = new Set(agreements.map((a) => a.id));
  const node = (a: Agreement): NaskahNode => ({
    agreement: a,
    documents: docsOf(a.id),
    children: agreements
      .filter((x) => x.parentId === a.id)
      // Adendum versions in order; other children (PKS, RK, MoU) by creation.
      .sort((x, y) => x.version - y.version || x.createdAt.getTime() - y.createdAt.getTime())
      .map(node),
    turunan: turunan
      .filter((t) => t.parentAgreementId === a.id)
      .map((t) => ({ id: t.id, code: t.code, title: t.title, stage: t.stage, opd: t.opd, pks: t.agreements[0] ?? null })),
  });
  const roots = agreements.filter((a) => !a.parentId || !ids.has(a.parentId)).map(node);
  const reports = await reportsQuery;
  // The last reviewed report (realisasi, rekomendasi, nilai): what the monev says about this cooperation.
  const lastReport = reports ? await lastReportSummary(getDb(), reports.agreement.id) : null;
  return { detail, roots, signed: agreements.some((a) => a.signedAt !== null), reports, lastReport };
}

/**
 * The PKS turunan under these KBs (another case each), with their OPD and latest PKS. The names and
 * PKS are read only when there are turunan: Prisma runs a statement per `include` even for no rows.
 */
async function turunanOf(actor: CurrentUser, kbIds: string[], caseId: string) {
  const db = getDb();
  const rows = await db.case.findMany({
    where: { AND: [{ parentAgreementId: { in: kbIds }, id: { not: caseId } }, caseWhereFor(actor)] },
    orderBy: { createdAt: "asc" },
    select: { id: true, code: true, title: true, stage: true, parentAgreementId: true, opdId: true },
  });
  if (rows.length === 0) return [];
  const [opds, pks] = await Promise.all([
    db.opd.findMany({ where: { id: { in: [...new Set(rows.map((r) => r.opdId))] } }, select: { id: true, shortName: true } }),
    db.agreement.findMany({
      where: { caseId: { in: rows.map((r) => r.id) }, type: "PKS", deletedAt: null, status: { not: "DRAF" } },
      orderBy: { createdAt: "desc" },
    }),
  ]);
  const shortName = new Map(opds.map((o) => [o.id, o.shortName]));
  return rows.map(({ opdId, ...r }) => ({
    ...r,
    opd: { shortName: shortName.get(opdId) ?? "" },
    // The latest PKS of each turunan (pks is newest first).
    agreements: pks.filter((a) => a.caseId === r.id).slice(0, 1),
  }));
}

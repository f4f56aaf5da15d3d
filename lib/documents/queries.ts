import "server-only";
import { can } from "@/lib/auth/policy";
import { caseWhereFor } from "@/lib/cases/scope";
import { getDb } from "@/lib/db";
import type { DocumentListItem } from "@/components/documents/document-list";
import type { DocumentType } from "@/lib/generated/prisma/enums";
import { needsCorrectionReason } from "./rules";
import type { DocumentActor } from "./service";

/** Non-deleted documents of a case the actor may read, for <DocumentList>; hidden case → []. */
export async function listCaseDocuments(actor: DocumentActor, caseId: string): Promise<DocumentListItem[]> {
  const found = await getDb().case.findFirst({
    where: { AND: [{ id: caseId }, caseWhereFor(actor)] },
    select: { opdId: true, stage: true },
  });
  if (!found || !can(actor, "document.read", { opdId: found.opdId, stage: found.stage })) return [];
  return getDb().document.findMany({
    where: { caseId, deletedAt: null },
    orderBy: [{ uploadedAt: "asc" }],
    select: {
      id: true, stage: true, type: true, version: true, locked: true, originalName: true, sizeBytes: true,
      mimeType: true, uploadedAt: true, correctionReason: true, uploadedBy: { select: { fullName: true } },
    },
  });
}

/** Types whose latest version is locked, so that the upload form asks for a correction reason. */
export function lockedTypesOf(documents: readonly Pick<DocumentListItem, "type" | "version" | "locked">[]): DocumentType[] {
  const latest = new Map<DocumentType, { version: number; locked: boolean }>();
  for (const d of documents) {
    const seen = latest.get(d.type);
    if (!seen || d.version > seen.version) latest.set(d.type, d);
  }
  return [...latest].filter(([type, d]) => needsCorrectionReason(type, d.locked)).map(([type]) => type);
}

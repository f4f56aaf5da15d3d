import "server-only";
import { z } from "zod";
import { Prisma } from "@/lib/generated/prisma/client";
import { PartnerClass, type AgreementStatus, type AgreementType, type PartnerDocumentType } from "@/lib/generated/prisma/enums";
import { can } from "@/lib/auth/policy";
import type { CurrentUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { listRegister, registerContext, type RegisterPage } from "@/lib/register/queries";
import { registerFilterSchema } from "@/lib/register/filters";
import { registerWhere } from "@/lib/register/sql";
import { searchTextParam } from "@/lib/validation/search-text";
import { partnerVisibleWhere } from "./visibility";

/*
 * Reads of the partner master, scoped to the reader: partnerVisibleWhere() decides which partners,
 * and the register's own registerWhere() which of their cases and agreements (so an OPD user sees
 * a partner's cooperation with their OPD only).
 */

export const PARTNER_PAGE_SIZE = 25;

const firstValue = (v: unknown) => (Array.isArray(v) ? v[0] : v);
const blank = (v: unknown) => (typeof firstValue(v) === "string" && (firstValue(v) as string).trim() === "" ? undefined : firstValue(v));

export const partnerListFilterSchema = z.object({
  q: searchTextParam(100),
  kelas: z.preprocess(blank, z.enum(PartnerClass).optional().catch(undefined)),
  /** "menunggu" = requested by an OPD, not yet confirmed; "terverifikasi" = confirmed. */
  status: z.preprocess(blank, z.enum(["menunggu", "terverifikasi"]).optional().catch(undefined)),
  halaman: z.preprocess(firstValue, z.coerce.number().int().min(1).max(10_000).catch(1)),
});
export type PartnerListFilter = z.output<typeof partnerListFilterSchema>;

export type PartnerListItem = {
  id: string;
  name: string;
  partnerClass: PartnerClass;
  legalForm: string | null;
  province: string | null;
  country: string;
  verified: boolean;
  requestedByOpd: string | null;
  /** Cases of this partner the reader may see (register scope). */
  cases: number;
};

/** Partners the reader may see; for Bagian KS the OPDs' unconfirmed requests come first. */
export async function listPartners(actor: CurrentUser, filter: PartnerListFilter, now: Date) {
  const db = getDb();
  const manages = can(actor, "partner.manage");
  const where: Prisma.PartnerWhereInput = {
    AND: [
      partnerVisibleWhere(actor),
      filter.kelas ? { partnerClass: filter.kelas } : {},
      filter.status ? { verified: filter.status === "terverifikasi" } : {},
      filter.q
        ? { OR: [{ name: { contains: filter.q, mode: "insensitive" } }, { registrationNumber: { contains: filter.q, mode: "insensitive" } }] }
        : {},
    ],
  };
  const [rows, total, waiting] = await Promise.all([
    db.partner.findMany({
      where,
      orderBy: manages ? [{ verified: "asc" }, { name: "asc" }, { id: "asc" }] : [{ name: "asc" }, { id: "asc" }],
      skip: (filter.halaman - 1) * PARTNER_PAGE_SIZE,
      take: PARTNER_PAGE_SIZE,
      select: {
        id: true, name: true, partnerClass: true, legalForm: true, province: true, country: true, verified: true,
        requestedByOpd: { select: { shortName: true } },
      },
    }),
    db.partner.count({ where }),
    manages ? db.partner.count({ where: { deletedAt: null, verified: false } }) : Promise.resolve(0),
  ]);
  const counts = await caseCounts(actor, rows.map((r) => r.id), now);
  const items: PartnerListItem[] = rows.map((r) => ({
    id: r.id, name: r.name, partnerClass: r.partnerClass, legalForm: r.legalForm, province: r.province, country: r.country,
    verified: r.verified, requestedByOpd: r.requestedByOpd?.shortName ?? null, cases: counts.get(r.id) ?? 0,
  }));
  return { items, total, waiting, page: filter.halaman, totalPages: Math.max(1, Math.ceil(total / PARTNER_PAGE_SIZE)) };
}

/** Cases per partner within the reader's register scope (one grouped query). */
async function caseCounts(actor: CurrentUser, partnerIds: string[], now: Date): Promise<Map<string, number>> {
  if (partnerIds.length === 0 || !can(actor, "register.view")) return new Map();
  const ctx = await registerContext(now);
  const rows = await getDb().$queryRaw<{ partnerId: string; n: number }[]>`
    SELECT c."partnerId", count(*)::int AS n FROM "Case" c
     WHERE ${registerWhere(actor, {}, ctx)} AND c."partnerId" = ANY(${partnerIds})
     GROUP BY c."partnerId"`;
  return new Map(rows.map((r) => [r.partnerId, r.n]));
}

export type PartnerAgreement = {
  id: string;
  type: AgreementType;
  status: AgreementStatus;
  ourNumber: string | null;
  partnerNumber: string | null;
  signedAt: Date | null;
  startDate: Date | null;
  endDate: Date | null;
  caseId: string;
  caseCode: string;
  caseTitle: string;
  opdId: string;
  stage: string;
};

export type PartnerDocumentItem = {
  id: string;
  type: PartnerDocumentType;
  number: string | null;
  originalName: string;
  sizeBytes: number;
  uploadedAt: Date;
  uploadedBy: string;
};

/**
 * The partner page: the partner (if the reader may see it), its legal documents, its cases
 * (the register filtered by this partner: same scope, same columns) and the signed naskah of those
 * cases. A merged partner answers with where it went.
 */
export async function getPartnerDetail(actor: CurrentUser, id: string, now: Date, casePage = 1) {
  if (!/^[A-Za-z0-9_-]{1,64}$/.test(id) || !can(actor, "partner.read")) return null;
  const db = getDb();
  const partner = await db.partner.findFirst({
    where: { AND: [{ id }, partnerVisibleWhere(actor)] },
    include: {
      requestedByOpd: { select: { name: true, shortName: true } },
      mergedFrom: { select: { id: true, name: true, deletedAt: true }, orderBy: { deletedAt: "desc" } },
    },
  });
  if (!partner) {
    const merged = await db.partner.findFirst({ where: { id, mergedIntoId: { not: null } }, select: { mergedIntoId: true } });
    return merged?.mergedIntoId ? { mergedInto: merged.mergedIntoId } : null;
  }
  const [people, documents] = await Promise.all([
    db.user.findMany({
      where: { id: { in: [partner.createdById, partner.verifiedById].filter((v): v is string => Boolean(v)) } },
      select: { id: true, fullName: true },
    }),
    db.partnerDocument.findMany({
      where: { partnerId: id, deletedAt: null },
      orderBy: [{ uploadedAt: "desc" }, { id: "desc" }],
      include: { uploadedBy: { select: { fullName: true } } },
    }),
  ]);
  let cases: RegisterPage | null = null;
  let agreements: PartnerAgreement[] = [];
  if (can(actor, "register.view")) {
    const filter = registerFilterSchema.parse({ mitra: id, halaman: String(casePage) });
    cases = await listRegister(actor, filter, now);
    agreements = await db.$queryRaw<PartnerAgreement[]>`
      SELECT a.id, a.type::text AS type, a.status::text AS status, a."ourNumber", a."partnerNumber", a."signedAt",
             a."startDate", a."endDate", c.id AS "caseId", c.code AS "caseCode", c.title AS "caseTitle", c."opdId",
             c.stage::text AS stage
        FROM "Agreement" a JOIN "Case" c ON c.id = a."caseId"
       WHERE a."deletedAt" IS NULL AND a.status <> 'DRAF' AND c."partnerId" = ${id}
         AND ${registerWhere(actor, {}, cases.context)}
       ORDER BY a."signedAt" DESC NULLS LAST, a.id DESC
       LIMIT 100`;
  }
  const name = (uid: string | null) => people.find((p) => p.id === uid)?.fullName ?? null;
  return {
    partner,
    createdBy: name(partner.createdById),
    verifiedBy: name(partner.verifiedById),
    documents: documents.map((d): PartnerDocumentItem => ({
      id: d.id, type: d.type, number: d.number, originalName: d.originalName, sizeBytes: d.sizeBytes,
      uploadedAt: d.uploadedAt, uploadedBy: d.uploadedBy.fullName,
    })),
    cases,
    agreements,
  };
}

export type PartnerDetail = Extract<NonNullable<Awaited<ReturnType<typeof getPartnerDetail>>>, { partner: unknown }>;

/** Confirmed partners to merge a duplicate into: by name (trigram-indexed), the duplicate itself left out. */
export async function mergeCandidates(actor: CurrentUser, sourceId: string, q: string) {
  if (!can(actor, "partner.manage")) return [];
  const text = q.trim().slice(0, 100);
  if (text.length < 2) return [];
  return getDb().partner.findMany({
    where: { deletedAt: null, verified: true, id: { not: sourceId }, name: { contains: text, mode: "insensitive" } },
    select: { id: true, name: true, partnerClass: true, province: true, country: true },
    orderBy: [{ name: "asc" }, { id: "asc" }],
    take: 10,
  });
}

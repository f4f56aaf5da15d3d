import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import type { CaseKind, DocumentType, Initiator, Stage } from "@/lib/generated/prisma/enums";
import { getDb } from "@/lib/db";
import type { CurrentUser } from "@/lib/auth/session";
import { todayInZone } from "@/lib/dates";
import { typesNeedingReason, uploadableTypes } from "@/lib/documents/rules";
import { loadSettings } from "@/lib/settings/load";
import { availableEvents, TERMINAL_STAGES } from "@/lib/workflow";
import { partnerChoiceWhere } from "@/lib/partners/visibility";
import { TKKSD_REVIEW_STAGES } from "@/lib/auth/policy-table";
import { inboxWhere } from "./inbox-rules";
import { mayEditDraft, mayGiveOpinion, mayReadOpinions, mayStartPerpanjangan, mayStartPksTurunan } from "./rules";
import { caseWhereFor } from "./scope";
import { buildSnapshot } from "./snapshot";
import { caseScopeSql, searchSql } from "@/lib/register/sql";
import { COUNT_CAP, SEARCH_COUNT_CAP } from "@/lib/register/queries";

/*
 * Reads of usulan, always scoped to the actor with caseWhereFor(): an OPD user never receives
 * another OPD's case, a TKKSD member only cases under review.
 */

export const PAGE_SIZE = 25;

/**
 * The whole case page: record, history, documents, naskah, opinions, and what the actor may do now
 * — every permission computed by the same rule functions the services enforce.
 */
export async function getCaseDetail(actor: CurrentUser, caseId: string, now: Date) {
  // Ids are cuids (or the seed's slugs): anything else cannot exist and never reaches the database.
  if (!/^[A-Za-z0-9_-]{1,64}$/.test(caseId)) return null;
  const db = getDb();
  const [record, settings] = await Promise.all([
    db.case.findFirst({
      where: { AND: [{ id: caseId }, caseWhereFor(actor)] },
      include: {
        opd: { select: { id: true, name: true, shortName: true } },
        partner: true,
        parentAgreement: { select: { id: true, title: true, ourNumber: true, partnerNumber: true, startDate: true, endDate: true, status: true, caseId: true } },
        // Perpanjangan links, both ways (domain §5).
        extendsCase: { select: { id: true, code: true, title: true, stage: true } },
        extensions: {
          where: { deletedAt: null },
          orderBy: { createdAt: "asc" },
          select: { id: true, code: true, title: true, stage: true },
        },
      },
    }),
    loadSettings(db),
  ]);
  if (!record) return null;
  const seesOpinions = mayReadOpinions(actor, record);
  const [snapshot, history, documents, agreements, opinions] = await Promise.all([
    buildSnapshot(db, record),
    db.stageHistory.findMany({
      where: { caseId: record.id },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      include: { actor: { select: { fullName: true, role: true } } },
    }),
    db.document.findMany({
      where: { caseId: record.id, deletedAt: null },
      orderBy: [{ stage: "asc" }, { type: "asc" }, { version: "asc" }],
      include: { uploadedBy: { select: { fullName: true } } },
    }),
    db.agreement.findMany({ where: { caseId: record.id, deletedAt: null }, orderBy: { createdAt: "asc" } }),
    seesOpinions
      ? db.tkksdOpinion.findMany({
          where: { caseId: record.id },
          orderBy: [{ round: "asc" }, { createdAt: "asc" }, { id: "asc" }],
          include: { member: { select: { fullName: true } } },
        })
      : Promise.resolve([]),
  ]);
  const available = availableEvents(snapshot, actor, { now, settings });
  const uploadTypes: DocumentType[] = uploadableTypes(actor, record);
  return {
    case: record, history, documents, agreements, opinions, snapshot, available, uploadTypes,
    correctionTypes: typesNeedingReason(documents, record.stage),
    today: todayInZone(now, settings.region.timeZone),
    may: {
      edit: mayEditDraft(actor, record),
      readOpinions: seesOpinions,
      giveOpinion: mayGiveOpinion(actor, record),
      startPksTurunan: mayStartPksTurunan(actor),
      startPerpanjangan:
        mayStartPerpanjangan(actor, record) && !record.extensions.some((e) => !TERMINAL_STAGES.includes(e.stage)),
    },
  };
}

export type CaseDetail = NonNullable<Awaited<ReturnType<typeof getCaseDetail>>>;

/** Code and title of a case the actor may see (the page title), else null. */
export async function getCaseTitle(actor: CurrentUser, caseId: string) {
  if (!/^[A-Za-z0-9_-]{1,64}$/.test(caseId)) return null;
  return getDb().case.findFirst({ where: { AND: [{ id: caseId }, caseWhereFor(actor)] }, select: { code: true, title: true } });
}

const LIST_SELECT = {
  id: true, code: true, title: true, kind: true, stage: true, stageEnteredAt: true, updatedAt: true, lastReason: true,
  initiator: true, opd: { select: { shortName: true } }, partner: { select: { name: true } },
} satisfies Prisma.CaseSelect;

/** A search counts up to 100 ("lebih dari 100"), as the register does (lib/register/queries.ts). */
export { SEARCH_COUNT_CAP };

/** One row of the usulan list (the partner's name from the register summary column, kept by triggers). */
export type CaseListItem = {
  id: string; code: string; title: string; kind: CaseKind; stage: Stage; initiator: Initiator;
  opdShortName: string; partnerName: string | null; updatedAt: Date;
};

export type CaseListPage = {
  items: CaseListItem[];
  /** Exact up to COUNT_CAP (SEARCH_COUNT_CAP when searching), else the cap with `capped` (as the register counts). */
  total: number;
  capped: boolean;
  page: number;
  pageSize: number;
  totalPages: number;
  hasNext: boolean;
};

/**
 * The usulan the actor may see, newest change first, 25 per page: one indexed single-table query
 * for the page and a capped count. Search is the register's (lib/register/sql.ts searchSql):
 * full-text (`indonesian`) OR a trigram-indexed substring of code, title, partner name and naskah
 * numbers — everything the former ILIKE on code/title/partner found, and stemmed words besides.
 */
export async function listCases(
  actor: CurrentUser,
  filters: { q?: string; stage?: Stage; kind?: CaseKind; page?: number } = {},
): Promise<CaseListPage> {
  const q = filters.q?.trim().slice(0, 100);
  const page = Number.isInteger(filters.page) && (filters.page as number) > 0 ? (filters.page as number) : 1;
  const parts: Prisma.Sql[] = [Prisma.sql`c."deletedAt" IS NULL`, caseScopeSql(actor)];
  if (filters.stage) parts.push(Prisma.sql`c.stage = ${filters.stage}::"Stage"`);
  if (filters.kind) parts.push(Prisma.sql`c.kind = ${filters.kind}::"CaseKind"`);
  if (q) parts.push(searchSql(q, { shortSubstrings: true }));
  const where = Prisma.join(parts, " AND ");
  const cap = q ? SEARCH_COUNT_CAP : COUNT_CAP;
  const db = getDb();
  const [rows, counted] = await Promise.all([
    db.$queryRaw<CaseListItem[]>`
      SELECT c.id, c.code, c.title, c.kind::text AS kind, c.stage::text AS stage, c.initiator::text AS initiator,
             o."shortName" AS "opdShortName", c."partnerName", c."updatedAt"
        FROM "Case" c JOIN "Opd" o ON o.id = c."opdId"
       WHERE ${where}
       ORDER BY c."updatedAt" DESC, c.id DESC
       LIMIT ${PAGE_SIZE + 1} OFFSET ${(page - 1) * PAGE_SIZE}`,
    db.$queryRaw<{ n: number }[]>`
      SELECT count(*)::int AS n FROM (SELECT 1 FROM "Case" c WHERE ${where} LIMIT ${cap + 1}) x`,
  ]);
  const n = counted[0]?.n ?? 0;
  const capped = n > cap;
  const total = capped ? cap : n;
  const hasNext = rows.length > PAGE_SIZE;
  // Beyond the cap the last page is unknown: one page past the current one while rows continue.
  const totalPages = capped ? Math.max(page + (hasNext ? 1 : 0), Math.ceil(total / PAGE_SIZE)) : Math.max(1, Math.ceil(total / PAGE_SIZE));
  return { items: rows.slice(0, PAGE_SIZE), total, capped, page, pageSize: PAGE_SIZE, totalPages, hasNext };
}

export type InboxItem = {
  id: string; code: string; title: string; kind: CaseKind; stage: Stage; initiator: Initiator;
  opdShortName: string; partnerName: string | null; stageEnteredAt: Date; lastReason: string | null;
  /** TKKSD only: whether this member already gave an opinion in the current round. */
  opinionGiven?: boolean;
};

const INBOX_LIMIT = 200;

/** Cases waiting for this actor now, oldest waiting first (one query, plus two for TKKSD flags). */
export async function inbox(actor: CurrentUser, now: Date): Promise<InboxItem[]> {
  const db = getDb();
  const settings = await loadSettings(db);
  const today = todayInZone(now, settings.region.timeZone);
  const roleWhere = inboxWhere(actor, today);
  if (!roleWhere) return [];
  const rows = await db.case.findMany({
    where: { AND: [caseWhereFor(actor), roleWhere] },
    select: LIST_SELECT,
    orderBy: [{ stageEnteredAt: "asc" }, { id: "asc" }],
    take: INBOX_LIMIT,
  });
  const items: InboxItem[] = rows.map((r) => ({
    id: r.id, code: r.code, title: r.title, kind: r.kind, stage: r.stage, initiator: r.initiator, opdShortName: r.opd.shortName,
    partnerName: r.partner?.name ?? null, stageEnteredAt: r.stageEnteredAt, lastReason: r.lastReason,
  }));
  if (actor.role !== "TKKSD" || items.length === 0) return items;
  const ids = items.map((i) => i.id);
  const [returns, opinions] = await Promise.all([
    // The review round as lib/cases/tkksd.ts currentRound counts it: entries into a review stage.
    db.stageHistory.groupBy({
      by: ["caseId"], where: { caseId: { in: ids }, toStage: { in: [...TKKSD_REVIEW_STAGES] } }, _count: { _all: true },
    }),
    db.tkksdOpinion.findMany({ where: { caseId: { in: ids }, memberId: actor.id }, select: { caseId: true, round: true } }),
  ]);
  const round = new Map(returns.map((r) => [r.caseId, Math.max(1, r._count._all)]));
  const given = new Set(opinions.map((o) => `${o.caseId}:${o.round}`));
  return items.map((i) => ({ ...i, opinionGiven: given.has(`${i.id}:${round.get(i.id) ?? 1}`) }));
}

/**
 * Partners for the draft form: confirmed ones plus the actor's OPD's own unconfirmed requests
 * (lib/partners/visibility.ts — the same rule the draft service enforces), by name.
 */
export async function listPartnerOptions(actor: CurrentUser) {
  return getDb().partner.findMany({
    where: partnerChoiceWhere(actor),
    select: { id: true, name: true, partnerClass: true, universityStatus: true, verified: true, country: true },
    orderBy: [{ name: "asc" }, { id: "asc" }],
  });
}

/** KBs in force today (signed, approved by the DPRD where needed, started, not ended): where a PKS turunan may start. */
export async function listActiveKbOptions(actor: CurrentUser, now: Date) {
  if (!mayStartPksTurunan(actor)) return [];
  const db = getDb();
  const settings = await loadSettings(db);
  const today = todayInZone(now, settings.region.timeZone);
  return db.agreement.findMany({
    where: { type: "KB", status: "BERLAKU", deletedAt: null, startDate: { lte: today }, endDate: { gte: today } },
    select: {
      id: true, title: true, ourNumber: true, partnerNumber: true, startDate: true, endDate: true, opdId: true,
      partner: { select: { name: true } }, case: { select: { id: true, code: true } },
    },
    orderBy: [{ endDate: "asc" }, { id: "asc" }],
  });
}

import "server-only";
import { cache } from "react";
import { Prisma } from "@/lib/generated/prisma/client";
import type { CaseKind, DocumentType, Initiator, Stage } from "@/lib/generated/prisma/enums";
import { getDb } from "@/lib/db";
import type { CurrentUser } from "@/lib/auth/session";
import { todayInZone } from "@/lib/dates";
import { typesNeedingReason, uploadableTypes } from "@/lib/documents/rules";
import { loadSettings } from "@/lib/settings/load";
import { getSettings } from "@/lib/settings/service";
import { availableEvents, isAdendumStage, TERMINAL_STAGES } from "@/lib/workflow";
import type { Role } from "@/lib/auth/roles";
import { partnerChoiceWhere } from "@/lib/partners/visibility";
import { TKKSD_REVIEW_STAGES } from "@/lib/auth/policy-table";
import { inboxWhere } from "./inbox-rules";
import { mayEditDraft, mayGiveOpinion, mayReadOpinions, mayStartPerpanjangan, mayStartPksTurunan } from "./rules";
import { caseWhereFor } from "./scope";
import { adendumFacts, buildSnapshot } from "./snapshot";
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
 *
 * Counted in statements, because each costs the app ~0.5 ms of CPU (Prisma + pg) at 100k cases:
 * Prisma runs one statement per `include`, even for a null foreign key or no parent rows, so the
 * optional relations (parent KB, the case it extends) are read only when their key is set, the
 * names of the people (history actors, uploaders, TKKSD members) in ONE statement, and the
 * snapshot of the stage machine reuses the documents and naskah read for the page
 * (buildSnapshot's `rows`). The settings are the request's cached ones (the shell read them).
 */
export async function getCaseDetail(actor: CurrentUser, caseId: string, now: Date) {
  // Ids are cuids (or the seed's slugs): anything else cannot exist and never reaches the database.
  if (!/^[A-Za-z0-9_-]{1,64}$/.test(caseId)) return null;
  const db = getDb();
  const [record, settings] = await Promise.all([
    db.case.findFirst({
      where: { AND: [{ id: caseId }, caseWhereFor(actor)] },
      include: { opd: { select: { id: true, name: true, shortName: true } }, partner: true },
    }),
    getSettings(),
  ]);
  if (!record) return null;
  const seesOpinions = mayReadOpinions(actor, record);
  const [parentAgreement, extendsCase, extensions, history, documents, agreements, opinions, adendum] = await Promise.all([
    record.parentAgreementId
      ? db.agreement.findUnique({ where: { id: record.parentAgreementId }, select: PARENT_AGREEMENT_SELECT })
      : null,
    // Perpanjangan links, both ways (domain §5).
    record.extendsCaseId ? db.case.findUnique({ where: { id: record.extendsCaseId }, select: LINKED_CASE_SELECT }) : null,
    db.case.findMany({ where: { extendsCaseId: record.id, deletedAt: null }, orderBy: { createdAt: "asc" }, select: LINKED_CASE_SELECT }),
    db.stageHistory.findMany({ where: { caseId: record.id }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] }),
    db.document.findMany({
      where: { caseId: record.id, deletedAt: null },
      orderBy: [{ stage: "asc" }, { type: "asc" }, { version: "asc" }],
    }),
    db.agreement.findMany({ where: { caseId: record.id, deletedAt: null }, orderBy: { createdAt: "asc" } }),
    seesOpinions
      ? db.tkksdOpinion.findMany({ where: { caseId: record.id }, orderBy: [{ round: "asc" }, { createdAt: "asc" }, { id: "asc" }] })
      : Promise.resolve([]),
    isAdendumStage(record.stage) ? adendumFacts(db, record.id) : null,
  ]);
  const people = await usersById([
    ...history.map((h) => h.actorId), ...documents.map((d) => d.uploadedById), ...opinions.map((o) => o.memberId),
  ]);
  const c = { ...record, parentAgreement, extendsCase, extensions };
  const snapshot = await buildSnapshot(db, c, { documents, agreements, parent: parentAgreement, adendum });
  const available = availableEvents(snapshot, actor, { now, settings });
  const uploadTypes: DocumentType[] = uploadableTypes(actor, record);
  return {
    case: c,
    history: history.map((h) => ({ ...h, actor: person(people, h.actorId) })),
    documents: documents.map((d) => ({ ...d, uploadedBy: { fullName: person(people, d.uploadedById).fullName } })),
    agreements,
    opinions: opinions.map((o) => ({ ...o, member: { fullName: person(people, o.memberId).fullName } })),
    snapshot, available, uploadTypes,
    correctionTypes: typesNeedingReason(documents, record.stage),
    today: todayInZone(now, settings.region.timeZone),
    may: {
      edit: mayEditDraft(actor, record),
      readOpinions: seesOpinions,
      giveOpinion: mayGiveOpinion(actor, record),
      startPksTurunan: mayStartPksTurunan(actor),
      startPerpanjangan: mayStartPerpanjangan(actor, record) && !extensions.some((e) => !TERMINAL_STAGES.includes(e.stage)),
    },
  };
}

const PARENT_AGREEMENT_SELECT = {
  id: true, title: true, ourNumber: true, partnerNumber: true, startDate: true, endDate: true, status: true, caseId: true,
  // What the stage machine's snapshot needs of the parent KB (buildSnapshot `rows.parent`).
  type: true, signedAt: true,
} satisfies Prisma.AgreementSelect;

const LINKED_CASE_SELECT = { id: true, code: true, title: true, stage: true } satisfies Prisma.CaseSelect;

type Person = { fullName: string; role: Role };

/** Names and roles of the given users, one statement (none for no ids). */
async function usersById(ids: string[]): Promise<Map<string, Person>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const rows = await getDb().user.findMany({ where: { id: { in: unique } }, select: { id: true, fullName: true, role: true } });
  return new Map(rows.map((u) => [u.id, { fullName: u.fullName, role: u.role }]));
}

/** Every id comes from a required foreign key, so the user exists; the fallback only keeps types honest. */
const person = (people: Map<string, Person>, id: string): Person => people.get(id) ?? { fullName: "—", role: "ADMIN" };

/**
 * getCaseDetail once per request: the page and its generateMetadata (and the agreement page's
 * cooperationOf) share one read. `actor` is requireUser()'s object, the same within a request.
 */
export const caseDetailForRequest = cache((actor: CurrentUser, caseId: string) => getCaseDetail(actor, caseId, new Date()));

export type CaseDetail = NonNullable<Awaited<ReturnType<typeof getCaseDetail>>>;

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

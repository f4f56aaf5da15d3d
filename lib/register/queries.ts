import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import type { AgreementStatus, AgreementType, CaseKind, Initiator, PartnerClass, Stage } from "@/lib/generated/prisma/enums";
import type { PolicyUser } from "@/lib/auth/policy";
import { getDb } from "@/lib/db";
import { todayInZone } from "@/lib/dates";
import { loadSettings } from "@/lib/settings/load";
import { REGISTER_PAGE_SIZE, type RegisterFilter } from "./filters";
import { afterSql, ORDER_SQL, registerWhere, type SortKey, type WhereContext } from "./sql";

/*
 * Reads of the register (Daftar Kerja Sama): a page of rows, a capped count, and the batches the
 * export streams — all through registerWhere() (lib/register/sql.ts), so the three can never
 * disagree about which rows a user may see.
 */

export type RegisterRow = {
  id: string;
  code: string;
  title: string;
  kind: CaseKind;
  stage: Stage;
  initiator: Initiator;
  opdId: string;
  opdName: string;
  opdShortName: string;
  partnerId: string | null;
  partnerName: string | null;
  partnerClass: PartnerClass | null;
  subject: string | null;
  governmentAffair: string | null;
  mainAgreementId: string | null;
  mainType: AgreementType | null;
  mainStatus: AgreementStatus | null;
  mainOurNumber: string | null;
  mainPartnerNumber: string | null;
  mainSignedAt: Date | null;
  mainStartDate: Date | null;
  mainEndDate: Date | null;
  updatedAt: Date;
};

const COLUMNS = Prisma.sql`c.id, c.code, c.title, c.kind::text AS kind, c.stage::text AS stage, c.initiator::text AS initiator,
  c."opdId", o.name AS "opdName", o."shortName" AS "opdShortName", c."partnerId", c."partnerName",
  c."partnerClass"::text AS "partnerClass", c.subject, c."governmentAffair", c."mainAgreementId", c."mainType"::text AS "mainType",
  c."mainStatus"::text AS "mainStatus", c."mainOurNumber", c."mainPartnerNumber", c."mainSignedAt", c."mainStartDate",
  c."mainEndDate", c."updatedAt"`;

const FROM = Prisma.sql`FROM "Case" c JOIN "Opd" o ON o.id = c."opdId"`;

/**
 * The page count is capped: counting every row of a broad filter over 100,000 cases costs
 * 70–90 ms, counting up to 1,001 costs about a millisecond. "Lebih dari 1.000" is what a person
 * needs to know; the export has the exact rows.
 */
export const COUNT_CAP = 1000;

/**
 * A search counts up to 100 ("lebih dari 100"): a broad word matches thousands of cases at 100k, and
 * the GIN indexes can only be read whole (a bitmap), so counting 1,000 of "kesehatan" costs 13–22 ms
 * where counting 100 stops after about a thousand rows (1.3 ms); a rare term is counted exactly.
 * The /usulan list and the register both count searches so.
 */
export const SEARCH_COUNT_CAP = 100;

export type CappedCount = { value: number; capped: boolean };

/** The context every filter needs: today in the region's zone and the "akan berakhir" window. */
export async function registerContext(now: Date): Promise<WhereContext> {
  const settings = await loadSettings(getDb());
  return {
    today: todayInZone(now, settings.region.timeZone),
    endingSoonDays: settings.endingSoonDays,
    kbWithoutPksMonths: settings.kbWithoutPksMonths,
  };
}

/** count(*) of the first cap + 1 matching rows: exact up to `cap`, else "more than cap". */
export async function countRegister(
  actor: PolicyUser, filter: Partial<RegisterFilter>, ctx: WhereContext, cap = COUNT_CAP,
): Promise<CappedCount> {
  const rows = await getDb().$queryRaw<{ n: number }[]>`
    SELECT count(*)::int AS n FROM (SELECT 1 FROM "Case" c WHERE ${registerWhere(actor, filter, ctx)} LIMIT ${cap + 1}) x`;
  const n = rows[0]?.n ?? 0;
  return n > cap ? { value: cap, capped: true } : { value: n, capped: false };
}

export type RegisterPage = {
  items: RegisterRow[];
  count: CappedCount;
  page: number;
  pageSize: number;
  hasNext: boolean;
  context: WhereContext;
};

/** One page of the register (25 rows), in the filter's sort, with the capped count (SEARCH_COUNT_CAP when searching). */
export async function listRegister(actor: PolicyUser, filter: RegisterFilter, now: Date): Promise<RegisterPage> {
  const context = await registerContext(now);
  const where = registerWhere(actor, filter, context);
  const page = filter.halaman;
  const [items, count] = await Promise.all([
    getDb().$queryRaw<RegisterRow[]>`
      SELECT ${COLUMNS} ${FROM} WHERE ${where} ORDER BY ${ORDER_SQL[filter.urut]}
      LIMIT ${REGISTER_PAGE_SIZE + 1} OFFSET ${(page - 1) * REGISTER_PAGE_SIZE}`,
    countRegister(actor, filter, context, filter.q ? SEARCH_COUNT_CAP : COUNT_CAP),
  ]);
  return {
    items: items.slice(0, REGISTER_PAGE_SIZE),
    hasNext: items.length > REGISTER_PAGE_SIZE,
    count, page, pageSize: REGISTER_PAGE_SIZE, context,
  };
}

/**
 * Every row of the filter, in its sort, in batches (keyset pagination on the sort key: each batch
 * is an index range, however deep), for the export. `limit` stops after that many rows.
 */
export async function* registerBatches(
  actor: PolicyUser, filter: RegisterFilter, context: WhereContext, { batchSize = 1000 }: { batchSize?: number } = {},
): AsyncGenerator<RegisterRow[]> {
  const where = registerWhere(actor, filter, context);
  let after: SortKey | null = null;
  for (;;) {
    const keyset: Prisma.Sql = after ? Prisma.sql`AND ${afterSql(filter.urut, after)}` : Prisma.empty;
    const rows: RegisterRow[] = await getDb().$queryRaw<RegisterRow[]>`
      SELECT ${COLUMNS} ${FROM} WHERE ${where} ${keyset} ORDER BY ${ORDER_SQL[filter.urut]} LIMIT ${batchSize}`;
    if (rows.length > 0) yield rows;
    if (rows.length < batchSize) return;
    after = rows[rows.length - 1];
  }
}

/** One register row by case id, if the actor's register holds it (else null: a foreign case is not found). */
export async function registerRow(actor: PolicyUser, caseId: string, context: WhereContext): Promise<RegisterRow | null> {
  const rows = await getDb().$queryRaw<RegisterRow[]>`
    SELECT ${COLUMNS} ${FROM} WHERE ${registerWhere(actor, {}, context)} AND c.id = ${caseId} LIMIT 1`;
  return rows[0] ?? null;
}

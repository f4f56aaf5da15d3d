import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import type { CaseKind, Initiator, Stage } from "@/lib/generated/prisma/enums";
import type { CurrentUser } from "@/lib/auth/session";
import { TKKSD_REVIEW_STAGES } from "@/lib/auth/policy-table";
import { getDb } from "@/lib/db";
import { todayInZone } from "@/lib/dates";
import { caseScopeSql } from "@/lib/register/sql";
import { loadSettings } from "@/lib/settings/load";
import { inboxGroupsFor, type InboxGroup } from "./inbox-groups";
import { ENDING_TYPES, inboxParts, inboxStages } from "./inbox-rules";

/*
 * "Perlu Tindakan" at any scale: a summary of the user's groups with a capped count per stage (one
 * statement of small index range counts, O(stages × cap), never O(rows)), and a page of one stage
 * of a group, oldest waiting first (an index range on (stage, stageEnteredAt), O(page)). The
 * conditions are inboxParts() (lib/cases/inbox-rules.ts) — the rows of the transition table that
 * inboxWhere() and the hand-off notifications use — written per stage in SQL; an integration test
 * compares every count with a Prisma count over inboxWhere().
 */

export const INBOX_PAGE_SIZE = 25;
/** Counts stop here ("lebih dari 1.000"), like the register's. */
export const INBOX_COUNT_CAP = 1000;

export type InboxRow = {
  id: string; code: string; title: string; kind: CaseKind; stage: Stage; initiator: Initiator;
  opdShortName: string; partnerName: string | null; stageEnteredAt: Date; lastReason: string | null;
  /** TKKSD only: whether this member's opinion of the current round is recorded. */
  opinionGiven: boolean | null;
};

export type StageCount = { stage: Stage; count: number; capped: boolean };
export type GroupSummary = InboxGroup & { counts: StageCount[]; total: number; capped: boolean };

/** What waits in `stage` for this user (null: nothing can). */
function stageSql(user: CurrentUser, stage: Stage, today: Date): Prisma.Sql | null {
  const p = inboxParts(user);
  const or: Prisma.Sql[] = [];
  for (const t of p.table.filter((row) => row.stage === stage)) {
    or.push(
      t.initiator
        ? Prisma.sql`(c.kind = ANY(${t.kinds}::"CaseKind"[]) AND c.initiator = ${t.initiator}::"Initiator")`
        : Prisma.sql`c.kind = ANY(${t.kinds}::"CaseKind"[])`,
    );
  }
  if (p.reviewStages.includes(stage)) or.push(Prisma.sql`TRUE`);
  if (p.endableStages.includes(stage)) {
    // An array computed once (an InitPlan): the agreements in force past their end date are few (the
    // daily job closes them) and found by the (status, endDate) index, then their cases by primary key.
    // A correlated EXISTS, or an IN the planner turns into a semi-join, probes every running case
    // instead (42,663 at 100k: 600 ms).
    or.push(Prisma.sql`c.id = ANY(ARRAY(SELECT a."caseId" FROM "Agreement" a WHERE a.status = 'BERLAKU'
      AND a.type = ANY(${[...ENDING_TYPES]}::"AgreementType"[]) AND a."deletedAt" IS NULL AND a."endDate" < ${today}::date))`);
  }
  if (or.length === 0) return null;
  return Prisma.sql`c.stage = ${stage}::"Stage" AND (${Prisma.join(or, " OR ")})`;
}

/** The member's opinion of the case's current round (lib/cases/tkksd.ts currentRound) is recorded. */
function opinionSql(user: CurrentUser): Prisma.Sql {
  return Prisma.sql`EXISTS (SELECT 1 FROM "TkksdOpinion" o WHERE o."caseId" = c.id AND o."memberId" = ${user.id}
    AND o.round = GREATEST(1, (SELECT count(*) FROM "StageHistory" h
                               WHERE h."caseId" = c.id AND h."toStage" = ANY(${[...TKKSD_REVIEW_STAGES]}::"Stage"[]))))`;
}

function groupStageWhere(user: CurrentUser, group: InboxGroup, stage: Stage, today: Date): Prisma.Sql | null {
  const cond = stageSql(user, stage, today);
  if (!cond) return null;
  const parts = [Prisma.sql`c."deletedAt" IS NULL`, caseScopeSql(user), cond];
  if (group.opinionGiven !== undefined) parts.push(group.opinionGiven ? opinionSql(user) : Prisma.sql`NOT ${opinionSql(user)}`);
  return Prisma.join(parts, " AND ");
}

async function context(now: Date) {
  const settings = await loadSettings(getDb());
  return { today: todayInZone(now, settings.region.timeZone) };
}

/** Every group of the user with a capped count per stage, in one statement. */
export async function inboxSummary(user: CurrentUser, now: Date): Promise<GroupSummary[]> {
  const { today } = await context(now);
  const groups = inboxGroupsFor(user.role, inboxStages(user));
  const cells: { group: number; stage: Stage; where: Prisma.Sql }[] = [];
  groups.forEach((g, i) => {
    for (const stage of g.stages) {
      const where = groupStageWhere(user, g, stage, today);
      if (where) cells.push({ group: i, stage, where });
    }
  });
  if (cells.length === 0) return [];
  const selects = cells.map(
    (cell, i) => Prisma.sql`SELECT ${i}::int AS i,
      (SELECT count(*)::int FROM (SELECT 1 FROM "Case" c WHERE ${cell.where} LIMIT ${INBOX_COUNT_CAP + 1}) x) AS n`,
  );
  const rows = await getDb().$queryRaw<{ i: number; n: number }[]>`${Prisma.join(selects, " UNION ALL ")}`;
  const n = new Map(rows.map((r) => [r.i, r.n]));
  return groups.map((g, gi) => {
    const counts: StageCount[] = cells
      .map((cell, i) => ({ cell, raw: n.get(i) ?? 0 }))
      .filter(({ cell }) => cell.group === gi)
      .map(({ cell, raw }) => ({ stage: cell.stage, count: Math.min(raw, INBOX_COUNT_CAP), capped: raw > INBOX_COUNT_CAP }));
    const total = counts.reduce((sum, c) => sum + c.count, 0);
    return { ...g, counts, total, capped: counts.some((c) => c.capped) };
  });
}

const COLUMNS = (user: CurrentUser) => Prisma.sql`c.id, c.code, c.title, c.kind::text AS kind, c.stage::text AS stage,
  c.initiator::text AS initiator, o."shortName" AS "opdShortName", c."partnerName", c."stageEnteredAt", c."lastReason",
  ${user.role === "TKKSD" ? opinionSql(user) : Prisma.sql`NULL::boolean`} AS "opinionGiven"`;

/**
 * One page of the cases waiting in one stage of one group, oldest waiting first (null: the
 * group or stage is not one of this user's). `hasNext`: a further page exists.
 */
export async function inboxPage(
  user: CurrentUser, now: Date, { group: key, stage, page }: { group: string; stage: Stage; page: number },
): Promise<{ group: InboxGroup; stage: Stage; items: InboxRow[]; page: number; hasNext: boolean; count: number; capped: boolean } | null> {
  const group = inboxGroupsFor(user.role, inboxStages(user)).find((g) => g.key === key);
  if (!group || !group.stages.includes(stage)) return null;
  const { today } = await context(now);
  const where = groupStageWhere(user, group, stage, today);
  if (!where) return null;
  const db = getDb();
  const [rows, counted] = await Promise.all([
    db.$queryRaw<InboxRow[]>`
      SELECT ${COLUMNS(user)} FROM "Case" c JOIN "Opd" o ON o.id = c."opdId"
       WHERE ${where} ORDER BY c."stageEnteredAt", c.id
       LIMIT ${INBOX_PAGE_SIZE + 1} OFFSET ${(page - 1) * INBOX_PAGE_SIZE}`,
    db.$queryRaw<{ n: number }[]>`
      SELECT count(*)::int AS n FROM (SELECT 1 FROM "Case" c WHERE ${where} LIMIT ${INBOX_COUNT_CAP + 1}) x`,
  ]);
  const n = counted[0]?.n ?? 0;
  return {
    group, stage, items: rows.slice(0, INBOX_PAGE_SIZE), page, hasNext: rows.length > INBOX_PAGE_SIZE,
    count: Math.min(n, INBOX_COUNT_CAP), capped: n > INBOX_COUNT_CAP,
  };
}

/**
 * Every waiting case when there are few (the summary's total ≤ `limit`), oldest first, for the
 * page to list them in their groups at once; a small inbox needs no second click.
 */
export async function inboxAll(user: CurrentUser, now: Date, limit = INBOX_PAGE_SIZE): Promise<InboxRow[]> {
  const { today } = await context(now);
  const conds = inboxStages(user)
    .map((stage) => stageSql(user, stage, today))
    .filter((s): s is Prisma.Sql => s !== null);
  if (conds.length === 0) return [];
  return getDb().$queryRaw<InboxRow[]>`
    SELECT ${COLUMNS(user)} FROM "Case" c JOIN "Opd" o ON o.id = c."opdId"
     WHERE c."deletedAt" IS NULL AND ${caseScopeSql(user)} AND ((${Prisma.join(conds, ") OR (")}))
     ORDER BY c."stageEnteredAt", c.id LIMIT ${limit}`;
}

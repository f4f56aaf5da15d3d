import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import { caseScope, registerScope, type CaseScope, type PolicyUser } from "@/lib/auth/policy";
import { addDaysToDate } from "@/lib/dates";
import type { RegisterFilter, RegisterFlag, RegisterSort } from "./filters";
import { parseStatusFilter } from "./status";

/*
 * THE register query, in SQL over "Case" (alias c) and its register summary columns: who may see
 * which row (registerScope, from the policy table's `register.view` row) and every filter of the
 * URL. The page's rows, its capped count, the export and the home page's counters all call
 * registerWhere(); nothing else decides what the register holds.
 */

const TERMINAL = Prisma.sql`ARRAY['SELESAI','DIAKHIRI','DITOLAK','BATAL','DITOLAK_DPRD']::"Stage"[]`;

/** Rows the user may see: the register scope, fail closed. */
export function scopeSql(user: PolicyUser): Prisma.Sql {
  return scopeSqlOf(registerScope(user));
}

/** The usulan list's scope (`case.list`, lib/cases/scope.ts caseWhereFor) in SQL; an integration test compares both. */
export function caseScopeSql(user: PolicyUser): Prisma.Sql {
  return scopeSqlOf(caseScope(user));
}

function scopeSqlOf(scope: CaseScope): Prisma.Sql {
  switch (scope.kind) {
    case "all":
      return Prisma.sql`TRUE`;
    case "opd":
      return Prisma.sql`c."opdId" = ${scope.opdId}`;
    case "stages":
      return Prisma.sql`c.stage = ANY(${scope.stages}::"Stage"[])`;
    case "signedOrStages":
      return Prisma.sql`(c.stage = ANY(${scope.stages}::"Stage"[]) OR c."mainStatus" <> 'DRAF')`;
    default:
      return Prisma.sql`FALSE`;
  }
}

/** The main naskah is in force on `today` (lib/agreements/state.ts isInForce). */
const inForce = (today: Date) =>
  Prisma.sql`c."mainStatus" = 'BERLAKU' AND (c."mainStartDate" IS NULL OR c."mainStartDate" <= ${today}::date)
    AND (c."mainEndDate" IS NULL OR c."mainEndDate" >= ${today}::date)`;

/** lib/register/status.ts registerState() as a predicate (an integration test compares both). */
function statusSql(value: string, today: Date, endingSoonDays: number): Prisma.Sql {
  const filter = parseStatusFilter(value);
  if (!filter) return Prisma.sql`TRUE`;
  if (filter.kind === "stages") return Prisma.sql`c.stage = ANY(${[...filter.stages]}::"Stage"[])`;
  const open = Prisma.sql`c.stage <> ALL(${TERMINAL})`;
  switch (filter.state) {
    case "AKTIF":
      return Prisma.sql`${open} AND ${inForce(today)}`;
    case "AKAN_BERAKHIR":
      return Prisma.sql`${open} AND ${inForce(today)} AND c."mainEndDate" <= ${addDaysToDate(today, endingSoonDays)}::date`;
    case "BELUM_BERLAKU":
      return Prisma.sql`${open} AND c."mainStatus" = 'BERLAKU' AND c."mainStartDate" > ${today}::date`;
    case "BERAKHIR":
      return Prisma.sql`${open} AND (
        c."mainStatus" = 'BERAKHIR'
        OR (c."mainStatus" = 'BERLAKU' AND (c."mainStartDate" IS NULL OR c."mainStartDate" <= ${today}::date)
            AND c."mainEndDate" < ${today}::date)
        OR (c.stage = 'BERAKHIR' AND (c."mainStatus" IS NULL OR c."mainStatus" NOT IN ('BERLAKU','BERAKHIR','DIAKHIRI','DITOLAK_DPRD'))))`;
    case "DIAKHIRI":
      return Prisma.sql`(c.stage = 'DIAKHIRI' OR (${open} AND c."mainStatus" = 'DIAKHIRI'))`;
    case "DITOLAK_DPRD":
      return Prisma.sql`(c.stage = 'DITOLAK_DPRD' OR (${open} AND c."mainStatus" = 'DITOLAK_DPRD'))`;
    case "SELESAI":
    case "DITOLAK":
    case "BATAL":
      return Prisma.sql`c.stage = ${filter.state}::"Stage"`;
  }
}

/** `%` and `_` are wildcards of LIKE: a user's text is matched literally. */
export function likePattern(text: string): string {
  return `%${text.toLowerCase().replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
}

/**
 * Full-text search (configuration `indonesian`: stems, so "kesehatan" finds "sehat") over title,
 * partner, subject, urusan and scope, OR a trigram-indexed substring match (pg_trgm) of code,
 * title, partner name and both numbers of every naskah — "012/KS", "Sukamak" — from 3 characters.
 */
export function searchSql(q: string, { shortSubstrings = false }: { shortSubstrings?: boolean } = {}): Prisma.Sql {
  const fts = Prisma.sql`c."searchVector" @@ websearch_to_tsquery('indonesian', ${q})`;
  // Below 3 characters no trigram index serves LIKE; the usulan list still matches them (as its
  // ILIKE always did), by a scan that stops at the page's LIMIT for common text.
  if (q.length < 3 && !shortSubstrings) return fts;
  const key = trigramKey(q);
  if (!key) return Prisma.sql`(${fts} OR c."searchText" LIKE ${likePattern(q)})`;
  // The index reads the distinctive word only; strpos (not indexable) checks the whole text on its
  // few candidates. Same rows as LIKE '%q%', without intersecting the posting lists of trigrams
  // nearly every row has ("ks-", "-20", "202" of "KS-2025-B038952"): 19 → 1 ms at 100k.
  return Prisma.sql`(${fts} OR (c."searchText" LIKE ${likePattern(key)} AND strpos(c."searchText", ${q.toLowerCase()}) > 0))`;
}

/**
 * The word of a search text the trigram index is asked for instead of the whole text (null: use
 * the whole text): the longest word with a digit, of at least 5 characters — the distinctive part
 * of a code or a naskah number ("b038952" of "KS-2025-B038952", "31415" of "180/31415"), whose
 * rows are few, so the planner keeps to the index. A plain word is never used alone: "pariwisata"
 * of "pariwisata pelayanan" matches thousands of rows the whole text does not (the page's ordered
 * scan would then read every row). `q` contains the word, so every row containing `q` is a match of it.
 */
export function trigramKey(q: string): string | null {
  const text = q.toLowerCase();
  const words = text.split(/[^\p{L}\p{N}]+/u).filter((w) => w.length >= 5 && /\p{N}/u.test(w));
  if (words.length === 0 || words[0] === text) return null;
  return words.reduce((best, w) => (w.length > best.length ? w : best));
}

export type WhereContext = { today: Date; endingSoonDays: number; kbWithoutPksMonths?: number };

/** The first day of the month `months` before `today` (a KB signed on or before it has waited long enough). */
export function kbDeadline(today: Date, months: number): Date {
  const d = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth() - months, today.getUTCDate()));
  // 31 August minus 6 months is 28/29 February, not 3 March.
  return d.getUTCDate() === today.getUTCDate() ? d : new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 0));
}

/**
 * KB belum ditindaklanjuti (domain §6): the case's main naskah is a KB in force, signed at least
 * `kbWithoutPksMonths` ago, and no PKS under it is signed — neither the case's own (that would be
 * its main naskah) nor a PKS turunan's.
 */
export function kbWithoutPksSql(today: Date, months: number): Prisma.Sql {
  return Prisma.sql`c."mainType" = 'KB' AND ${inForce(today)} AND c."mainSignedAt" <= ${kbDeadline(today, months)}::date
    AND c."mainAgreementId" NOT IN (SELECT t."parentAgreementId" FROM "Case" t WHERE t."parentAgreementId" IS NOT NULL
                      AND t."deletedAt" IS NULL AND t."mainType" = 'PKS' AND t."mainStatus" IN ('BERLAKU','BERAKHIR','DIAKHIRI'))`;
}

// Uncorrelated IN (…): one hashed set per statement, not one probe per row (the dashboard counts
// these inside aggregates over every case).
function flagSql(flag: RegisterFlag, ctx: WhereContext): Prisma.Sql {
  switch (flag) {
    case "TANPA_LAPORAN":
      return Prisma.sql`c.id IN (SELECT f."caseId" FROM "MonevFlag" f WHERE f."withoutReport")`;
    case "LAPORAN_TERLAMBAT":
      return Prisma.sql`c.id IN (SELECT f."caseId" FROM "MonevFlag" f WHERE f."lateReports" > 0)`;
    case "KB_BELUM_DITINDAKLANJUTI":
      return Prisma.sql`c.stage <> ALL(${TERMINAL}) AND ${kbWithoutPksSql(ctx.today, ctx.kbWithoutPksMonths ?? 6)}`;
  }
}

/** Scope + every filter of `f` (the sort and the page are not filters). */
export function registerWhere(user: PolicyUser, f: Partial<RegisterFilter>, ctx: WhereContext): Prisma.Sql {
  const parts: Prisma.Sql[] = [Prisma.sql`c."deletedAt" IS NULL`, scopeSql(user)];
  if (f.jenis) parts.push(Prisma.sql`c.kind = ${f.jenis}::"CaseKind"`);
  if (f.kelas) parts.push(Prisma.sql`c."partnerClass" = ${f.kelas}::"PartnerClass"`);
  if (f.opd) parts.push(Prisma.sql`c."opdId" = ${f.opd}`);
  if (f.mitra) parts.push(Prisma.sql`c."partnerId" = ${f.mitra}`);
  if (f.urusan) parts.push(Prisma.sql`c."governmentAffair" = ${f.urusan}`);
  if (f.tahun) {
    const from = new Date(Date.UTC(f.tahun, 0, 1));
    const to = new Date(Date.UTC(f.tahun + 1, 0, 1));
    parts.push(Prisma.sql`c."mainSignedAt" >= ${from}::date AND c."mainSignedAt" < ${to}::date`);
  }
  if (f.status) parts.push(statusSql(f.status, ctx.today, ctx.endingSoonDays));
  if (f.sisaHari !== undefined) {
    parts.push(Prisma.sql`c.stage <> ALL(${TERMINAL}) AND ${inForce(ctx.today)} AND c."mainEndDate" <= ${addDaysToDate(ctx.today, f.sisaHari)}::date`);
  }
  if (f.tanda) parts.push(flagSql(f.tanda, ctx));
  if (f.q) parts.push(searchSql(f.q));
  return Prisma.join(parts, " AND ");
}

/** ORDER BY of each sort; every order ends with the id, so pages and export batches are stable. */
export const ORDER_SQL: Record<RegisterSort, Prisma.Sql> = {
  terbaru: Prisma.sql`c."updatedAt" DESC, c.id DESC`,
  judul: Prisma.sql`c.title ASC, c.id ASC`,
  berakhir: Prisma.sql`c."mainEndDate" ASC NULLS LAST, c.id ASC`,
  ditandatangani: Prisma.sql`c."mainSignedAt" DESC NULLS LAST, c.id DESC`,
};

/** The sort key of a row, for keyset batches (export). */
export type SortKey = { id: string; updatedAt: Date; title: string; mainEndDate: Date | null; mainSignedAt: Date | null };

/** Rows strictly after `k` in the order of `sort` (NULLS LAST handled explicitly). */
export function afterSql(sort: RegisterSort, k: SortKey): Prisma.Sql {
  switch (sort) {
    case "terbaru":
      return Prisma.sql`(c."updatedAt", c.id) < (${k.updatedAt}::timestamp, ${k.id})`;
    case "judul":
      return Prisma.sql`(c.title, c.id) > (${k.title}, ${k.id})`;
    case "berakhir":
      return k.mainEndDate
        ? Prisma.sql`(c."mainEndDate" > ${k.mainEndDate}::date OR (c."mainEndDate" = ${k.mainEndDate}::date AND c.id > ${k.id}) OR c."mainEndDate" IS NULL)`
        : Prisma.sql`(c."mainEndDate" IS NULL AND c.id > ${k.id})`;
    case "ditandatangani":
      return k.mainSignedAt
        ? Prisma.sql`(c."mainSignedAt" < ${k.mainSignedAt}::date OR (c."mainSignedAt" = ${k.mainSignedAt}::date AND c.id < ${k.id}) OR c."mainSignedAt" IS NULL)`
        : Prisma.sql`(c."mainSignedAt" IS NULL AND c.id < ${k.id})`;
  }
}

import "server-only";
import { can, type PolicyUser } from "@/lib/auth/policy";
import { getDb } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import type { CaseKind, PartnerClass, Stage } from "@/lib/generated/prisma/enums";
import { registerHref, type RegisterFilter } from "@/lib/register/filters";
import { registerContext } from "@/lib/register/queries";
import { registerWhere, type WhereContext } from "@/lib/register/sql";
import { PRE_SIGNING_STAGES } from "@/lib/register/status";
import { monevFlagsComputedOn } from "./monev-flags";

/*
 * The numbers of the dashboard (/dasbor, issue 8 §1). Every number is the count of the register
 * (lib/register/sql.ts registerWhere: the viewer's scope plus a filter) for exactly the filter its
 * link opens, so a number and the rows behind its link can never disagree:
 *   - single numbers are `count(*) FILTER (WHERE registerWhere(filter))`, all in one scan;
 *   - a breakdown (kelas, jenis, year × kelas, OPD, stage) groups registerWhere(filter) by the
 *     column the link adds as a filter.
 * The year filter is the register's `tahun` (year the main naskah was signed). It narrows every
 * number about agreements; the pipeline (not signed yet) ignores it and says so.
 */

export type Linked = { value: number; href: string };
export type Breakdown<K extends string> = { key: K; value: number; href: string }[];

export const ENDING_WINDOWS = [30, 90, 180] as const;
export const YEARS_SHOWN = 5;

export type DashboardData = {
  year: number | null;
  /** The last year of the five-year chart: the filter's year, else this year. */
  lastYear: number;
  context: Required<WhereContext>;
  inForce: Linked;
  ending: { days: (typeof ENDING_WINDOWS)[number]; value: number; href: string }[];
  kbWithoutPks: Linked;
  withoutReport: Linked;
  lateReports: Linked;
  /** Submitted and not yet signed (the register's DALAM_PROSES), and per stage (DRAF included). */
  inProcess: Linked;
  pipeline: Breakdown<Stage>;
  byClass: Breakdown<PartnerClass>;
  byKind: Breakdown<CaseKind>;
  /** Main naskah signed per year (oldest first) × kelas mitra. */
  signedPerYear: { year: number; total: number; href: string; byClass: Breakdown<PartnerClass> }[];
  perOpd: OpdRow[];
  nearest: NearestRow[];
  /** The day the monev flags were computed for (Tanpa Laporan, terlambat); null: not yet. */
  monevComputedOn: Date | null;
  /** OPD users see one OPD: no per-OPD comparison. */
  scopedToOpd: boolean;
};

export type OpdRow = {
  opdId: string;
  name: string;
  shortName: string;
  cells: Record<OpdColumn, Linked>;
};
export const OPD_COLUMNS = ["inForce", "endingSoon", "inProcess", "withoutReport", "lateReports"] as const;
export type OpdColumn = (typeof OPD_COLUMNS)[number];

export type NearestRow = {
  id: string;
  code: string;
  title: string;
  partnerName: string | null;
  opdShortName: string;
  mainType: string | null;
  mainEndDate: Date;
};

const NEAREST_LIMIT = 8;

type F = Partial<RegisterFilter>;

export async function loadDashboard(actor: PolicyUser, { now, year }: { now: Date; year: number | null }): Promise<DashboardData> {
  if (!can(actor, "dashboard.view")) throw new Error("dashboard.view required");
  const db = getDb();
  const base = await registerContext(now);
  const ctx: Required<WhereContext> = { ...base, kbWithoutPksMonths: base.kbWithoutPksMonths ?? 6 };
  const tahun = year ?? undefined;
  const where = (f: F) => registerWhere(actor, f, ctx);
  const link = (f: F) => registerHref({ ...f });

  // ── single numbers: one scan, one FILTER per number ─────────────────────────────────────
  const singles: Record<string, F> = {
    inForce: { status: "AKTIF", tahun },
    ...Object.fromEntries(ENDING_WINDOWS.map((d) => [`ending${d}`, { sisaHari: d, tahun }])),
    kbWithoutPks: { tanda: "KB_BELUM_DITINDAKLANJUTI", tahun },
    withoutReport: { tanda: "TANPA_LAPORAN", tahun },
    lateReports: { tanda: "LAPORAN_TERLAMBAT", tahun },
    inProcess: { status: "DALAM_PROSES" },
  };
  const names = Object.keys(singles);
  const lastYear = year ?? Number(ctx.today.toISOString().slice(0, 4));
  const firstYear = lastYear - YEARS_SHOWN + 1;
  const inForceFilter: F = { status: "AKTIF", tahun };
  const endingSoon: F = { status: "AKAN_BERAKHIR", tahun };

  const [singleRow, stages, classes, kinds, years, opds, nearest, monevComputedOn] = await Promise.all([
    db.$queryRaw<Record<string, number>[]>`
      SELECT ${Prisma.join(names.map((n) => Prisma.sql`count(*) FILTER (WHERE ${where(singles[n])})::int AS ${Prisma.raw(`"${n}"`)}`))}
        FROM "Case" c WHERE ${where({})}`,
    db.$queryRaw<{ key: Stage; n: number }[]>`
      SELECT c.stage::text AS key, count(*)::int AS n FROM "Case" c
       WHERE ${where({})} AND c.stage = ANY(${[...PRE_SIGNING_STAGES]}::"Stage"[]) GROUP BY 1`,
    db.$queryRaw<{ key: PartnerClass; n: number }[]>`
      SELECT c."partnerClass"::text AS key, count(*)::int AS n FROM "Case" c
       WHERE ${where(inForceFilter)} AND c."partnerClass" IS NOT NULL GROUP BY 1 ORDER BY 2 DESC, 1`,
    db.$queryRaw<{ key: CaseKind; n: number }[]>`
      SELECT c.kind::text AS key, count(*)::int AS n FROM "Case" c WHERE ${where(inForceFilter)} GROUP BY 1 ORDER BY 2 DESC, 1`,
    db.$queryRaw<{ year: number; key: PartnerClass | null; n: number }[]>`
      SELECT extract(year FROM c."mainSignedAt")::int AS year, c."partnerClass"::text AS key, count(*)::int AS n FROM "Case" c
       WHERE ${where({})} AND c."mainSignedAt" >= ${new Date(Date.UTC(firstYear, 0, 1))}::date
         AND c."mainSignedAt" < ${new Date(Date.UTC(lastYear + 1, 0, 1))}::date
       GROUP BY 1, 2`,
    db.$queryRaw<({ opdId: string; name: string; shortName: string } & Record<OpdColumn, number>)[]>`
      SELECT c."opdId", o.name, o."shortName",
             count(*) FILTER (WHERE ${where(inForceFilter)})::int AS "inForce",
             count(*) FILTER (WHERE ${where(endingSoon)})::int AS "endingSoon",
             count(*) FILTER (WHERE ${where({ status: "DALAM_PROSES" })})::int AS "inProcess",
             count(*) FILTER (WHERE ${where({ tanda: "TANPA_LAPORAN", tahun })})::int AS "withoutReport",
             count(*) FILTER (WHERE ${where({ tanda: "LAPORAN_TERLAMBAT", tahun })})::int AS "lateReports"
        FROM "Case" c JOIN "Opd" o ON o.id = c."opdId"
       WHERE ${where({})}
       GROUP BY c."opdId", o.name, o."shortName"
      HAVING count(*) FILTER (WHERE ${where(inForceFilter)} OR ${where({ status: "DALAM_PROSES" })}
               OR ${where({ tanda: "LAPORAN_TERLAMBAT", tahun })}) > 0
       ORDER BY 4 DESC, 6 DESC, o.name`,
    db.$queryRaw<NearestRow[]>`
      SELECT c.id, c.code, c.title, c."partnerName", o."shortName" AS "opdShortName", c."mainType"::text AS "mainType", c."mainEndDate"
        FROM "Case" c JOIN "Opd" o ON o.id = c."opdId"
       WHERE ${where(inForceFilter)} AND c."mainEndDate" IS NOT NULL
       ORDER BY c."mainEndDate" ASC, c.id ASC LIMIT ${NEAREST_LIMIT}`,
    monevFlagsComputedOn(),
  ]);

  const single = singleRow[0] ?? {};
  const linked = (n: string): Linked => ({ value: single[n] ?? 0, href: link(singles[n]) });
  const stageCount = new Map(stages.map((s) => [s.key, s.n]));

  const perYear = Array.from({ length: YEARS_SHOWN }, (_, i) => firstYear + i).map((y) => {
    const rows = years.filter((r) => r.year === y);
    return {
      year: y,
      total: rows.reduce((sum, r) => sum + r.n, 0),
      href: link({ tahun: y }),
      byClass: rows
        .filter((r): r is typeof r & { key: PartnerClass } => r.key !== null)
        .sort((a, b) => b.n - a.n || a.key.localeCompare(b.key))
        .map((r) => ({ key: r.key, value: r.n, href: link({ tahun: y, kelas: r.key }) })),
    };
  });

  return {
    year,
    lastYear,
    context: ctx,
    inForce: linked("inForce"),
    ending: ENDING_WINDOWS.map((days) => ({ days, ...linked(`ending${days}`) })),
    kbWithoutPks: linked("kbWithoutPks"),
    withoutReport: linked("withoutReport"),
    lateReports: linked("lateReports"),
    inProcess: linked("inProcess"),
    pipeline: PRE_SIGNING_STAGES.filter((s) => (stageCount.get(s) ?? 0) > 0).map((s) => ({
      key: s, value: stageCount.get(s) ?? 0, href: link({ status: s }),
    })),
    byClass: classes.map((r) => ({ key: r.key, value: r.n, href: link({ ...inForceFilter, kelas: r.key }) })),
    byKind: kinds.map((r) => ({ key: r.key, value: r.n, href: link({ ...inForceFilter, jenis: r.key }) })),
    signedPerYear: perYear,
    perOpd: opds.map((o) => ({
      opdId: o.opdId, name: o.name, shortName: o.shortName,
      cells: {
        inForce: { value: o.inForce, href: link({ ...inForceFilter, opd: o.opdId }) },
        endingSoon: { value: o.endingSoon, href: link({ ...endingSoon, opd: o.opdId }) },
        inProcess: { value: o.inProcess, href: link({ status: "DALAM_PROSES", opd: o.opdId }) },
        withoutReport: { value: o.withoutReport, href: link({ tanda: "TANPA_LAPORAN", tahun, opd: o.opdId }) },
        lateReports: { value: o.lateReports, href: link({ tanda: "LAPORAN_TERLAMBAT", tahun, opd: o.opdId }) },
      },
    })),
    nearest,
    monevComputedOn,
    scopedToOpd: Boolean(actor.opdId),
  };
}

/** The year filter of the URL (?tahun=2025): a year from 1945 to next year, else none. */
export function dashboardYear(value: string | string[] | undefined, now: Date): number | null {
  const raw = Array.isArray(value) ? value[0] : value;
  if (!raw || !/^\d{4}$/.test(raw)) return null;
  const y = Number(raw);
  return y >= 1945 && y <= now.getUTCFullYear() + 1 ? y : null;
}

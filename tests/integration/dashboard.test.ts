// The dashboard (/dasbor, issue 8 §1) over the demo seed: every number equals a direct count of
// the seeded rows — computed here in plain code from the cases, their naskah and the report pages'
// own timelines, not from the dashboard's SQL — for a Pimpinan (everything) and an Operator OPD
// (their OPD only), and every number's link opens the register with exactly that many rows.
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { PrismaPg } from "@prisma/adapter-pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isInForce } from "@/lib/agreements/state";
import type { CurrentUser } from "@/lib/auth/session";
import { loadDashboard, type DashboardData, type Linked } from "@/lib/dashboard/queries";
import { refreshMonevFlags } from "@/lib/dashboard/monev-flags";
import { getDashboard, MAX_STALE_MS, refreshDashboard, type DashboardRefreshJob, type DashboardView } from "@/lib/dashboard/snapshot";
import { JOB_SCHEMA, QUEUES } from "@/lib/jobs/queues";
import { stopJobSender } from "@/lib/jobs/send";
import { addDaysToDate, isoDate, todayInZone } from "@/lib/dates";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { registerFilterSchema } from "@/lib/register/filters";
import { countRegister, registerContext } from "@/lib/register/queries";
import { kbDeadline } from "@/lib/register/sql";
import { PRE_SIGNING_STAGES, STAGE_GROUPS, statusMatches } from "@/lib/register/status";
import { getReportTimeline } from "@/lib/reports/queries";
import { REPORTING_STAGES } from "@/lib/reports/rules";
import { DEFAULT_SETTINGS } from "@/lib/settings/defaults";
import { seedDemo } from "@/prisma/seed/index";
import { resetDatabase, testPool } from "./helpers/db";

const SEED_NOW = new Date("2026-11-27T03:00:00Z");
const TODAY = todayInZone(SEED_NOW, "Asia/Jakarta");
const TERMINAL = ["SELESAI", "DIAKHIRI", "DITOLAK", "BATAL", "DITOLAK_DPRD"];

let db: PrismaClient;
let storageDir: string;
let pimpinan: CurrentUser;
let operator: CurrentUser;

async function userOf(username: string): Promise<CurrentUser> {
  const u = await db.user.findUniqueOrThrow({ where: { username }, include: { opd: true } });
  return { id: u.id, username, fullName: u.fullName, role: u.role, opdId: u.opdId, opdName: u.opd?.name ?? null };
}

beforeAll(async () => {
  await resetDatabase();
  storageDir = await mkdtemp(path.join(os.tmpdir(), "sikerda-dashboard-test-"));
  process.env.STORAGE_DIR = storageDir;
  db = new PrismaClient({ adapter: new PrismaPg({ connectionString: process.env.DATABASE_URL! }) });
  await seedDemo(db, { now: SEED_NOW });
  await refreshMonevFlags({ now: SEED_NOW });
  pimpinan = await userOf("pimpinan");
  operator = await userOf("operator.dinkes");
}, 120_000);

afterAll(async () => {
  await stopJobSender();
  await db?.$disconnect();
  if (storageDir) await rm(storageDir, { recursive: true, force: true });
  delete process.env.STORAGE_DIR;
  await resetDatabase();
});

/** The numbers of a page view (without when and how they were computed). */
function numbersOf(view: DashboardView): DashboardData {
  const numbers: Partial<DashboardView> = { ...view };
  delete numbers.computedAt;
  delete numbers.refreshing;
  delete numbers.timeZone;
  return numbers as DashboardData;
}

/** The dashboard refresh jobs waiting in the queue (pg-boss's own table). */
async function dashboardJobs(): Promise<{ key: string; state: string; data: DashboardRefreshJob }[]> {
  const { rows } = await testPool().query(
    `SELECT singleton_key AS key, state::text AS state, data FROM ${JOB_SCHEMA}.job WHERE name = $1 ORDER BY created_on`, [QUEUES.dashboard]);
  return rows;
}

/** Direct counts over the seeded rows in the viewer's scope, in plain code. */
async function directCounts(viewer: CurrentUser) {
  const cases = await db.case.findMany({
    where: { deletedAt: null, ...(viewer.opdId ? { opdId: viewer.opdId } : {}) },
    include: { agreements: { where: { deletedAt: null } } },
  });
  const turunan = await db.case.findMany({ where: { deletedAt: null, parentAgreementId: { not: null } }, include: { agreements: true } });
  const endingSoonDays = DEFAULT_SETTINGS.endingSoonDays;
  const open = cases.filter((c) => !TERMINAL.includes(c.stage));
  const inForce = cases.filter((c) => statusMatches("AKTIF", c, TODAY, endingSoonDays));
  const signedPks = (a: { type: string; status: string }) => a.type === "PKS" && ["BERLAKU", "BERAKHIR", "DIAKHIRI"].includes(a.status);
  const deadline = isoDate(kbDeadline(TODAY, DEFAULT_SETTINGS.kbWithoutPksMonths));
  const kbWithoutPks = open.filter((c) => c.agreements.some((kb) =>
    kb.type === "KB" && isInForce(kb, TODAY) && kb.signedAt !== null && isoDate(kb.signedAt) <= deadline
    && !c.agreements.some(signedPks)
    && !turunan.some((t) => t.parentAgreementId === kb.id && t.agreements.some(signedPks))));

  // Tanpa Laporan and terlambat from the report pages' timelines (lib/reports/queries.ts).
  let withoutReport = 0;
  let late = 0;
  for (const c of cases.filter((x) => REPORTING_STAGES.includes(x.stage))) {
    const t = await getReportTimeline(viewer, c.id, SEED_NOW);
    if (!t) continue;
    if (t.entries.some((e) => e.status === "TERLAMBAT")) late += 1;
    const lastDue = t.entries.filter((e) => !e.period.isFinal && e.status !== "BELUM_JATUH_TEMPO").at(-1);
    if (isInForce(t.agreement, TODAY) && lastDue && ["JATUH_TEMPO", "TERLAMBAT"].includes(lastDue.status)) withoutReport += 1;
  }
  const countBy = <T,>(rows: T[], key: (r: T) => string | null) => {
    const m = new Map<string, number>();
    for (const r of rows) {
      const k = key(r);
      if (k !== null) m.set(k, (m.get(k) ?? 0) + 1);
    }
    return Object.fromEntries(m);
  };
  const thisYear = TODAY.getUTCFullYear();
  return {
    inForce: inForce.length,
    ending: Object.fromEntries([30, 90, 180].map((d) => [d, inForce.filter((c) => c.mainEndDate && isoDate(c.mainEndDate) <= isoDate(addDaysToDate(TODAY, d))).length])),
    kbWithoutPks: kbWithoutPks.length,
    withoutReport,
    late,
    inProcess: cases.filter((c) => (STAGE_GROUPS.DALAM_PROSES as readonly string[]).includes(c.stage)).length,
    pipeline: countBy(cases.filter((c) => PRE_SIGNING_STAGES.includes(c.stage)), (c) => c.stage),
    byClass: countBy(inForce, (c) => c.partnerClass),
    byKind: countBy(inForce, (c) => c.kind),
    perYear: Object.fromEntries(Array.from({ length: 5 }, (_, i) => thisYear - 4 + i).map((y) => [y,
      cases.filter((c) => c.mainSignedAt && c.mainSignedAt.getUTCFullYear() === y).length])),
    perOpdInForce: countBy(inForce, (c) => c.opdId),
  };
}

const asObject = (rows: { key: string; value: number }[]) => Object.fromEntries(rows.map((r) => [r.key, r.value]));

/** Every link of the dashboard, with its number. */
function links(d: DashboardData): (Linked & { what: string })[] {
  return [
    { what: "berlaku", ...d.inForce },
    ...d.ending.map((e) => ({ what: `berakhir ≤ ${e.days}`, value: e.value, href: e.href })),
    { what: "kb belum", ...d.kbWithoutPks },
    { what: "tanpa laporan", ...d.withoutReport },
    { what: "terlambat", ...d.lateReports },
    { what: "proses", ...d.inProcess },
    ...d.pipeline.map((r) => ({ what: `tahap ${r.key}`, value: r.value, href: r.href })),
    ...d.byClass.map((r) => ({ what: `kelas ${r.key}`, value: r.value, href: r.href })),
    ...d.byKind.map((r) => ({ what: `jenis ${r.key}`, value: r.value, href: r.href })),
    ...d.signedPerYear.flatMap((y) => [
      { what: `tahun ${y.year}`, value: y.total, href: y.href },
      ...y.byClass.map((c) => ({ what: `tahun ${y.year} ${c.key}`, value: c.value, href: c.href })),
    ]),
    ...d.perOpd.flatMap((o) => Object.entries(o.cells).map(([k, c]) => ({ what: `${o.shortName} ${k}`, ...c }))),
  ];
}

async function expectLinksMatchRegister(viewer: CurrentUser, d: DashboardData) {
  const ctx = await registerContext(SEED_NOW);
  for (const l of links(d)) {
    const url = new URL(l.href, "http://x");
    expect(url.pathname, l.what).toBe("/kerja-sama");
    const filter = registerFilterSchema.parse(Object.fromEntries(url.searchParams));
    expect((await countRegister(viewer, filter, ctx, 100_000)).value, l.what).toBe(l.value);
  }
}

describe("dashboard numbers = direct counts over the seeded data", () => {
  it("Pimpinan: every number, breakdown and year of the whole region", async () => {
    const d = await loadDashboard(pimpinan, { now: SEED_NOW, year: null });
    const direct = await directCounts(pimpinan);
    expect(d.inForce.value).toBe(direct.inForce);
    expect(d.inForce.value).toBeGreaterThan(5);
    expect(Object.fromEntries(d.ending.map((e) => [e.days, e.value]))).toEqual(direct.ending);
    expect(d.kbWithoutPks.value).toBe(direct.kbWithoutPks);
    expect(d.withoutReport.value).toBe(direct.withoutReport);
    expect(d.lateReports.value).toBe(direct.late);
    expect(d.withoutReport.value + d.lateReports.value).toBeGreaterThan(0);
    expect(d.inProcess.value).toBe(direct.inProcess);
    expect(asObject(d.pipeline)).toEqual(direct.pipeline);
    expect(asObject(d.byClass)).toEqual(direct.byClass);
    expect(asObject(d.byKind)).toEqual(direct.byKind);
    expect(Object.fromEntries(d.signedPerYear.map((y) => [y.year, y.total]))).toEqual(direct.perYear);
    for (const y of d.signedPerYear) expect(y.byClass.reduce((s, c) => s + c.value, 0)).toBe(y.total);
    expect(Object.fromEntries(d.perOpd.filter((o) => o.cells.inForce.value > 0).map((o) => [o.opdId, o.cells.inForce.value])))
      .toEqual(direct.perOpdInForce);
    expect(d.perOpd.length).toBeGreaterThan(1);
    // Nearest expiries: in force, soonest first.
    expect(d.nearest.length).toBeGreaterThan(0);
    const ends = d.nearest.map((r) => isoDate(r.mainEndDate));
    expect(ends).toEqual([...ends].sort());
    await expectLinksMatchRegister(pimpinan, d);
  });

  it("Operator OPD: the same numbers for their OPD only, no other OPD's row", async () => {
    const d = await loadDashboard(operator, { now: SEED_NOW, year: null });
    const direct = await directCounts(operator);
    const all = await loadDashboard(pimpinan, { now: SEED_NOW, year: null });
    expect(d.scopedToOpd).toBe(true);
    expect(d.inForce.value).toBe(direct.inForce);
    expect(d.inForce.value).toBeGreaterThan(0);
    expect(d.inForce.value).toBeLessThan(all.inForce.value);
    expect(Object.fromEntries(d.ending.map((e) => [e.days, e.value]))).toEqual(direct.ending);
    expect(d.kbWithoutPks.value).toBe(direct.kbWithoutPks);
    expect(d.withoutReport.value).toBe(direct.withoutReport);
    expect(d.lateReports.value).toBe(direct.late);
    expect(d.inProcess.value).toBe(direct.inProcess);
    expect(asObject(d.pipeline)).toEqual(direct.pipeline);
    expect(asObject(d.byClass)).toEqual(direct.byClass);
    expect(Object.fromEntries(d.signedPerYear.map((y) => [y.year, y.total]))).toEqual(direct.perYear);
    expect(d.perOpd.map((o) => o.opdId)).toEqual([operator.opdId]);
    const nearest = await db.case.findMany({ where: { id: { in: d.nearest.map((r) => r.id) } }, select: { opdId: true } });
    expect(nearest.length).toBe(d.nearest.length);
    for (const c of nearest) expect(c.opdId).toBe(operator.opdId);
    await expectLinksMatchRegister(operator, d);
  });

  it("the year filter narrows the agreements to those signed that year, and the links carry it", async () => {
    const all = await loadDashboard(pimpinan, { now: SEED_NOW, year: null });
    const year = TODAY.getUTCFullYear() - 1;
    const d = await loadDashboard(pimpinan, { now: SEED_NOW, year });
    const cases = await db.case.findMany({ where: { deletedAt: null } });
    const expected = cases.filter((c) => statusMatches("AKTIF", c, TODAY, 90) && c.mainSignedAt?.getUTCFullYear() === year).length;
    expect(d.inForce.value).toBe(expected);
    expect(d.inForce.value).toBeLessThanOrEqual(all.inForce.value);
    expect(d.inForce.href).toContain(`tahun=${year}`);
    expect(d.inProcess.value).toBe(all.inProcess.value);
    expect(d.signedPerYear.at(-1)?.year).toBe(year);
    await expectLinksMatchRegister(pimpinan, d);
  });

  it("the summary table serves the same numbers until a case changes; then the last numbers and ONE queued refresh; the job brings them up to date", async () => {
    await testPool().query(`DELETE FROM ${JOB_SCHEMA}.job WHERE name = $1`, [QUEUES.dashboard]);
    const fresh = await loadDashboard(pimpinan, { now: SEED_NOW, year: null });
    // First visit: no snapshot of this scope × year × day yet — computed in the request and stored.
    const first = await getDashboard(pimpinan, { now: SEED_NOW, year: null });
    expect(numbersOf(first)).toEqual(fresh);
    expect(first).toMatchObject({ computedAt: SEED_NOW, refreshing: false, timeZone: "Asia/Jakarta" });
    const stored = await db.dashboardSnapshot.findMany();
    expect(stored).toHaveLength(1);
    // Served from the summary: the row is not rewritten, nothing is queued.
    const later = new Date(SEED_NOW.getTime() + 60_000);
    expect(numbersOf(await getDashboard(pimpinan, { now: later, year: null }))).toEqual(fresh);
    expect((await db.dashboardSnapshot.findMany())[0].computedAt).toEqual(stored[0].computedAt);
    expect(await dashboardJobs()).toEqual([]);
    // An OPD user has a summary of their own scope.
    expect((await getDashboard(operator, { now: SEED_NOW, year: null })).inForce).toEqual(
      (await loadDashboard(operator, { now: SEED_NOW, year: null })).inForce);
    expect(await db.dashboardSnapshot.count()).toBe(2);

    // A case leaves the register (soft delete): the snapshot is stale.
    const target = fresh.nearest[0].id;
    await db.case.update({ where: { id: target }, data: { deletedAt: SEED_NOW } });
    try {
      // Ten page requests at once: each gets the last numbers at once (never a recompute in the request) …
      const served = await Promise.all(Array.from({ length: 10 }, () => getDashboard(pimpinan, { now: later, year: null })));
      for (const view of served) {
        expect(view).toMatchObject({ refreshing: true, computedAt: SEED_NOW });
        expect(numbersOf(view)).toEqual(fresh);
      }
      expect((await db.dashboardSnapshot.findMany({ where: { key: stored[0].key } }))[0].computedAt).toEqual(SEED_NOW);
      // … and one refresh of that key is queued, however many asked.
      const jobs = await dashboardJobs();
      expect(jobs).toEqual([{ key: stored[0].key, state: "created", data: { role: "PIMPINAN", opdId: null, year: null } }]);
      // The job (what the scheduler's worker runs): the next request gets the new numbers, equal to a fresh count.
      expect(await refreshDashboard(jobs[0].data, { now: later })).toMatchObject({ key: stored[0].key, skipped: false });
      const after = await getDashboard(pimpinan, { now: later, year: null });
      expect(after).toMatchObject({ refreshing: false, computedAt: later });
      expect(after.inForce.value).toBe(fresh.inForce.value - 1);
      expect(numbersOf(after)).toEqual(await loadDashboard(pimpinan, { now: later, year: null }));
      // The refreshed numbers still equal the direct counts over the rows.
      const direct = await directCounts(pimpinan);
      expect(after.inForce.value).toBe(direct.inForce);
      expect(Object.fromEntries(after.ending.map((e) => [e.days, e.value]))).toEqual(direct.ending);
      expect(after.inProcess.value).toBe(direct.inProcess);
      expect(asObject(after.byClass)).toEqual(direct.byClass);
      // A job for a snapshot that is fresh again does nothing.
      expect(await refreshDashboard(jobs[0].data, { now: later })).toMatchObject({ skipped: true });
    } finally {
      await db.case.update({ where: { id: target }, data: { deletedAt: null } });
    }
    // No instance works the queue: a snapshot older than MAX_STALE_MS is not served, the request computes.
    const much = new Date(later.getTime() + MAX_STALE_MS + 1_000);
    const recomputed = await getDashboard(pimpinan, { now: much, year: null });
    expect(recomputed).toMatchObject({ refreshing: false, computedAt: much });
    expect(numbersOf(recomputed)).toEqual(await loadDashboard(pimpinan, { now: much, year: null }));
  });
});

import "server-only";
import { getDb } from "@/lib/db";
import type { Stage } from "@/lib/generated/prisma/enums";
import type { CurrentUser } from "@/lib/auth/session";
import { caseWhereFor } from "@/lib/cases/scope";
import { addDaysToDate, todayInZone } from "@/lib/dates";
import { listDueReports } from "@/lib/reports/queries";

export type HomeTile = {
  label: string; value: number; hint: string; tone: "brand" | "warning" | "neutral" | "success";
  /** The list behind the number, when there is one. */
  href?: string;
};

const TERMINAL: Stage[] = ["SELESAI", "DIAKHIRI", "DITOLAK", "BATAL", "DITOLAK_DPRD"];
const ACTIVE: Stage[] = ["PELAKSANAAN", "ADENDUM_PENYUSUNAN", "ADENDUM_KAJIAN", "ADENDUM_DPRD", "ADENDUM_PENANDATANGANAN"];

/** Counts per stage of the cases the user may see (one grouped query). */
async function stageCounts(user: CurrentUser): Promise<Map<Stage, number>> {
  const rows = await getDb().case.groupBy({ by: ["stage"], where: caseWhereFor(user), _count: { _all: true } });
  return new Map(rows.map((r) => [r.stage, r._count._all]));
}

function sum(counts: Map<Stage, number>, stages: readonly Stage[]): number {
  return stages.reduce((n, s) => n + (counts.get(s) ?? 0), 0);
}

function inProcess(counts: Map<Stage, number>): number {
  let n = 0;
  for (const [stage, c] of counts) {
    if (!TERMINAL.includes(stage) && !ACTIVE.includes(stage) && stage !== "BERAKHIR" && stage !== "DRAF") n += c;
  }
  return n;
}

/** Agreements in force whose end date falls within the next 90 days (dates in the region's zone). */
async function endingSoon(user: CurrentUser, today: Date): Promise<number> {
  return getDb().agreement.count({
    where: {
      status: "BERLAKU",
      // The Rencana Kerja runs for its NK's period: count the NK once.
      type: { not: "RK" },
      deletedAt: null,
      startDate: { lte: today },
      endDate: { gte: today, lte: addDaysToDate(today, 90) },
      ...(user.opdId && (user.role === "OPERATOR_OPD" || user.role === "KEPALA_OPD") ? { opdId: user.opdId } : {}),
    },
  });
}

/** The few numbers each role needs first on its home page. */
export async function homeTiles(user: CurrentUser, now: Date, timeZone: string): Promise<HomeTile[]> {
  const today = todayInZone(now, timeZone);
  if (user.role === "ADMIN") {
    const db = getDb();
    const [active, inactive, opd] = await Promise.all([
      db.user.count({ where: { active: true } }),
      db.user.count({ where: { active: false } }),
      db.opd.count({ where: { active: true } }),
    ]);
    return [
      { label: "Pengguna aktif", value: active, hint: "Akun yang dapat masuk", tone: "brand" },
      { label: "Pengguna nonaktif", value: inactive, hint: "Akun yang dinonaktifkan", tone: "neutral" },
      { label: "Perangkat daerah", value: opd, hint: "OPD aktif", tone: "neutral" },
    ];
  }
  const counts = await stageCounts(user);
  const active = sum(counts, ACTIVE);
  switch (user.role) {
    case "OPERATOR_OPD":
      return [
        { label: "Draf usulan", value: sum(counts, ["DRAF"]), hint: "Belum diajukan", tone: "neutral" },
        { label: "Perlu perbaikan", value: sum(counts, ["PERBAIKAN"]), hint: "Dikembalikan oleh verifikator", tone: "warning" },
        { label: "Dalam proses", value: inProcess(counts) - sum(counts, ["PERBAIKAN"]), hint: "Sedang berjalan di tahapan", tone: "brand" },
        { label: "Kerja sama aktif", value: active, hint: `${await endingSoon(user, today)} berakhir ≤ 90 hari`, tone: "success" },
        // Periods whose report is due, late or returned for revision (lib/reports/periods.ts).
        { label: "Laporan jatuh tempo", value: (await listDueReports(user, now)).length, hint: "Termasuk yang terlambat atau dikembalikan", tone: "warning", href: "/laporan" },
      ];
    case "KEPALA_OPD":
      return [
        { label: "Menunggu persetujuan Anda", value: sum(counts, ["PERSETUJUAN_OPD"]), hint: "Usulan dari operator OPD", tone: "warning" },
        { label: "Dalam proses", value: inProcess(counts), hint: "Usulan OPD di tahapan", tone: "brand" },
        { label: "Kerja sama aktif", value: active, hint: `${await endingSoon(user, today)} berakhir ≤ 90 hari`, tone: "success" },
      ];
    case "TKKSD":
      return [{ label: "Dalam kajian TKKSD", value: sum(counts, ["KAJIAN_TKKSD", "ADENDUM_KAJIAN"]), hint: "Menunggu pendapat tertulis", tone: "warning" }];
    default: // STAF_KS, KABAG_KS, PIMPINAN
      return [
        { label: "Menunggu verifikasi", value: sum(counts, ["VERIFIKASI"]), hint: "Usulan dari OPD", tone: "warning" },
        { label: "Dalam proses", value: inProcess(counts), hint: "Usulan di seluruh tahapan", tone: "brand" },
        { label: "Kerja sama aktif", value: active, hint: "Sedang dilaksanakan", tone: "success" },
        { label: "Berakhir ≤ 90 hari", value: await endingSoon(user, today), hint: "Perlu keputusan perpanjangan", tone: "warning" },
      ];
  }
}

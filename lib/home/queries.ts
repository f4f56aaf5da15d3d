import "server-only";
import { getDb } from "@/lib/db";
import type { CurrentUser } from "@/lib/auth/session";
import { can } from "@/lib/auth/policy";
import { registerHref, type RegisterFilter } from "@/lib/register/filters";
import { countRegister, registerContext } from "@/lib/register/queries";
import { earliestDueReports, reviewCycleCounts } from "@/lib/reports/queries";

/**
 * A counter of the home page. Every counter of the cooperation work is a count of the register
 * (lib/register: the same scope and the same filter) and links to the register with that filter,
 * so the number on the tile is the number of rows the link shows.
 */
export type HomeTile = {
  label: string;
  value: number;
  /** More than `value` rows (the count stops at TILE_CAP). */
  capped?: boolean;
  hint: string;
  tone: "brand" | "warning" | "neutral" | "success";
  /** The register with the tile's filter. */
  href?: string;
};

/** Tiles count exactly up to 1,000, as the register does (a capped count, index-only at any size; lib/register/queries.ts). */
const TILE_CAP = 1_000;

type TileSpec = Omit<HomeTile, "value" | "capped" | "href"> & { filter: Partial<RegisterFilter> };

/** The few numbers each role needs first on its home page. */
export async function homeTiles(user: CurrentUser, now: Date): Promise<HomeTile[]> {
  if (user.role === "ADMIN") {
    const db = getDb();
    const [active, inactive, opd] = await Promise.all([
      db.user.count({ where: { active: true } }),
      db.user.count({ where: { active: false } }),
      db.opd.count({ where: { active: true } }),
    ]);
    return [
      { label: "Pengguna aktif", value: active, hint: "Akun yang dapat masuk", tone: "brand", href: "/admin/pengguna" },
      { label: "Pengguna nonaktif", value: inactive, hint: "Akun yang dinonaktifkan", tone: "neutral", href: "/admin/pengguna" },
      { label: "Perangkat daerah", value: opd, hint: "OPD aktif", tone: "neutral", href: "/admin/opd" },
    ];
  }
  if (!can(user, "register.view")) return [];
  const context = await registerContext(now);
  const soon = `Berakhir ≤ ${context.endingSoonDays} hari`;
  const specs: TileSpec[] = (() => {
    switch (user.role) {
      case "OPERATOR_OPD":
        return [
          { label: "Draf usulan", hint: "Belum diajukan", tone: "neutral", filter: { status: "DRAF" } },
          { label: "Perlu perbaikan", hint: "Dikembalikan oleh verifikator", tone: "warning", filter: { status: "PERBAIKAN" } },
          { label: "Dalam proses", hint: "Diajukan, belum ditandatangani", tone: "brand", filter: { status: "DALAM_PROSES" } },
          { label: "Kerja sama aktif", hint: "Naskah sedang berlaku", tone: "success", filter: { status: "AKTIF" } },
          { label: soon, hint: "Siapkan laporan akhir atau perpanjangan", tone: "warning", filter: { status: "AKAN_BERAKHIR" } },
        ];
      case "KEPALA_OPD":
        return [
          { label: "Menunggu persetujuan Anda", hint: "Usulan dari operator OPD", tone: "warning", filter: { status: "PERSETUJUAN_OPD" } },
          { label: "Dalam proses", hint: "Diajukan, belum ditandatangani", tone: "brand", filter: { status: "DALAM_PROSES" } },
          { label: "Kerja sama aktif", hint: "Naskah sedang berlaku", tone: "success", filter: { status: "AKTIF" } },
          { label: soon, hint: "Perlu keputusan perpanjangan", tone: "warning", filter: { status: "AKAN_BERAKHIR" } },
        ];
      case "TKKSD":
        return [
          { label: "Dalam kajian TKKSD", hint: "Menunggu pendapat tertulis", tone: "warning", filter: { status: "DIKAJI_TKKSD" } },
          { label: "Kerja sama aktif", hint: "Naskah sedang berlaku", tone: "success", filter: { status: "AKTIF" } },
        ];
      default: // STAF_KS, KABAG_KS, PIMPINAN
        return [
          { label: "Menunggu verifikasi", hint: "Usulan dari OPD", tone: "warning", filter: { status: "VERIFIKASI" } },
          { label: "Dalam proses", hint: "Usulan di seluruh tahapan", tone: "brand", filter: { status: "DALAM_PROSES" } },
          { label: "Kerja sama aktif", hint: "Naskah sedang berlaku", tone: "success", filter: { status: "AKTIF" } },
          { label: soon, hint: "Perlu keputusan perpanjangan", tone: "warning", filter: { status: "AKAN_BERAKHIR" } },
        ];
    }
  })();
  const [counts, reports] = await Promise.all([
    Promise.all(specs.map((s) => countRegister(user, s.filter, context, TILE_CAP))),
    reportTiles(user, now),
  ]);
  return [
    ...specs.map(({ filter, ...tile }, i) => ({ ...tile, value: counts[i].value, capped: counts[i].capped, href: registerHref(filter) })),
    ...reports,
  ];
}

/** Monev: the OPD's reports due (jatuh tempo, terlambat, dikembalikan); Bagian KS's review queue. */
async function reportTiles(user: CurrentUser, now: Date): Promise<HomeTile[]> {
  if (user.opdId && can(user, "report.submit", { opdId: user.opdId })) {
    // The same count as /laporan's list (monev flags of today, plus cases flagged since).
    const { total } = await earliestDueReports(user, now, 0);
    return [{ label: "Laporan jatuh tempo", value: total, hint: "Termasuk yang terlambat atau dikembalikan", tone: "warning", href: "/laporan" }];
  }
  if (can(user, "report.review")) {
    const cycle = await reviewCycleCounts(user);
    return [{ label: "Laporan menunggu tinjauan", value: cycle.DIAJUKAN, hint: "Laporan pelaksanaan dari OPD", tone: "warning", href: "/laporan" }];
  }
  return [];
}

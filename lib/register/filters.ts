// The register's filter state, read from the URL (shareable, bookmarkable) by the page and by the
// export route alike. Pure and client-safe. Anything unknown is ignored rather than an error.
import { z } from "zod";
import { CaseKind, PartnerClass } from "@/lib/generated/prisma/enums";
import { searchTextParam } from "@/lib/validation/search-text";
import { parseStatusFilter } from "./status";

const firstValue = (v: unknown) => (Array.isArray(v) ? v[0] : v);
const blank = (v: unknown) => {
  const first = firstValue(v);
  return typeof first === "string" && first.trim() === "" ? undefined : first;
};
const ID = /^[A-Za-z0-9_-]{1,64}$/;

export const REGISTER_SORTS = ["terbaru", "judul", "berakhir", "ditandatangani"] as const;
export type RegisterSort = (typeof REGISTER_SORTS)[number];

export const SORT_LABELS: Record<RegisterSort, string> = {
  terbaru: "Perubahan terbaru",
  judul: "Judul (A–Z)",
  berakhir: "Tanggal berakhir (terdekat)",
  ditandatangani: "Tanggal tanda tangan (terbaru)",
};

/** 25 rows a page; the register pages up to 400 pages (10,000 rows): beyond that, filter or export. */
export const REGISTER_PAGE_SIZE = 25;
export const REGISTER_MAX_PAGE = 400;

/**
 * Flags the dashboard counts and links to (lib/dashboard): monev flags of the last daily refresh
 * (lib/dashboard/monev-flags.ts) and a KB signed longer ago than `kbWithoutPksMonths` with no PKS.
 */
export const REGISTER_FLAGS = ["TANPA_LAPORAN", "LAPORAN_TERLAMBAT", "KB_BELUM_DITINDAKLANJUTI"] as const;
export type RegisterFlag = (typeof REGISTER_FLAGS)[number];

export const REGISTER_FLAG_LABELS: Record<RegisterFlag, string> = {
  TANPA_LAPORAN: "Tanpa laporan periode terakhir",
  LAPORAN_TERLAMBAT: "Ada laporan terlambat",
  KB_BELUM_DITINDAKLANJUTI: "KB belum ditindaklanjuti PKS",
};

export const registerFilterSchema = z.object({
  // Control characters are removed so they never reach PostgreSQL.
  q: searchTextParam(100),
  jenis: z.preprocess(blank, z.enum(CaseKind).optional().catch(undefined)),
  kelas: z.preprocess(blank, z.enum(PartnerClass).optional().catch(undefined)),
  opd: z.preprocess(blank, z.string().regex(ID).optional().catch(undefined)),
  mitra: z.preprocess(blank, z.string().regex(ID).optional().catch(undefined)),
  urusan: searchTextParam(200),
  status: z.preprocess(blank, z.string().max(40).optional().catch(undefined))
    .transform((v) => (parseStatusFilter(v) ? v : undefined)),
  tahun: z.preprocess(blank, z.coerce.number().int().min(1945).max(2200).optional().catch(undefined)),
  /** In force and ending within this many days (the dashboard's 30/90/180). */
  sisaHari: z.preprocess(blank, z.coerce.number().int().min(0).max(3660).optional().catch(undefined)),
  tanda: z.preprocess(blank, z.enum(REGISTER_FLAGS).optional().catch(undefined)),
  urut: z.preprocess(blank, z.enum(REGISTER_SORTS).optional().catch(undefined)).transform((v) => v ?? "terbaru"),
  halaman: z.preprocess(firstValue, z.coerce.number().int().min(1).max(REGISTER_MAX_PAGE).catch(1)),
});

export type RegisterFilter = z.output<typeof registerFilterSchema>;

/** Filter keys that narrow the rows (sort and page do not). */
const NARROWING = ["q", "jenis", "kelas", "opd", "mitra", "urusan", "status", "tahun", "sisaHari", "tanda"] as const;

export function isFiltered(f: RegisterFilter): boolean {
  return NARROWING.some((k) => f[k] !== undefined);
}

/** The URL parameters of a filter (page left out unless asked for; the default sort left out). */
export function filterParams(f: Partial<RegisterFilter>, { page = false }: { page?: boolean } = {}): Record<string, string> {
  const out: Record<string, string> = {};
  for (const k of NARROWING) {
    const v = f[k];
    if (v !== undefined && v !== "") out[k] = String(v);
  }
  if (f.urut && f.urut !== "terbaru") out.urut = f.urut;
  if (page && f.halaman && f.halaman > 1) out.halaman = String(f.halaman);
  return out;
}

/** "/kerja-sama?status=AKAN_BERAKHIR" — a link to the register with a filter. */
export function registerHref(f: Partial<RegisterFilter>, { page = false }: { page?: boolean } = {}): string {
  const qs = new URLSearchParams(filterParams(f, { page })).toString();
  return qs ? `/kerja-sama?${qs}` : "/kerja-sama";
}

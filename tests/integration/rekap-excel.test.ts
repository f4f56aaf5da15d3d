import ExcelJS from "exceljs";
import { NextRequest } from "next/server";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { getDb } from "@/lib/db";
import type { CurrentUser } from "@/lib/auth/session";
import { REKAP_COLUMNS } from "@/components/rekap/columns";
import { actor, d, OPD_A, seedBase } from "./helpers/cases";
import { resetDatabase } from "./helpers/db";
import { seedRegisterWorld } from "./helpers/register";

// GET /api/rekap/excel on real PostgreSQL (only the session is replaced): the workbook is parsed
// and every row is checked against the database — which cases (scope + year + filter, the same
// registerWhere() as the register), and what each column says (naskah numbers, signer, DPRD,
// funding, the last reviewed report).
const session = vi.hoisted(() => ({ user: null as CurrentUser | null }));
vi.mock("@/lib/auth/session", () => ({ getCurrentUser: async () => session.user }));
const { GET } = await import("@/app/api/rekap/excel/route");

const get = (query: string) => GET(new NextRequest(`http://sikerda.test/api/rekap/excel?${query}`));
const col = (header: string) => {
  const i = REKAP_COLUMNS.findIndex((c) => c.header === header);
  if (i < 0) throw new Error(`no column ${header}`);
  return i;
};

async function workbook(res: Response) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(await res.arrayBuffer());
  const rows: ExcelJS.CellValue[][] = [];
  wb.getWorksheet("Rekap")!.eachRow((row) => rows.push((row.values as ExcelJS.CellValue[]).slice(1)));
  return { header: rows[0], rows: rows.slice(1), about: JSON.stringify(wb.getWorksheet("Keterangan")!.getSheetValues()) };
}

/** The codes the database holds for a year (signed that year, main naskah), not deleted, optionally one OPD. */
async function codesSignedIn(year: number, opdId?: string): Promise<string[]> {
  const rows = await getDb().case.findMany({
    where: { deletedAt: null, mainSignedAt: { gte: d(`${year}-01-01`), lt: d(`${year + 1}-01-01`) }, ...(opdId ? { opdId } : {}) },
    select: { code: true },
  });
  return rows.map((r) => r.code).sort();
}

beforeEach(async () => {
  await resetDatabase();
  await seedBase();
  await seedRegisterWorld();
  const db = getDb();
  // c-aktif: KB approved by the DPRD, PKS signed by an official holding a surat kuasa, APBD funding,
  // and two reviewed reports (the later period is the one the rekap reports).
  await db.case.update({ where: { id: "c-aktif" }, data: { requiresDprd: true, ksddNature: "WAJIB", fundingSource: "APBD", fundingAmount: "150000000" } });
  await db.agreement.update({ where: { id: "c-aktif-kb-0" }, data: { dprdDecisionNumber: "172/15/DPRD/2024", dprdDecisionDate: d("2024-10-30") } });
  await db.agreement.update({
    where: { id: "c-aktif-pks-1" },
    data: { signerType: "PEJABAT_DIKUASAKAN", signerName: "dr. Hendra Gunawan, M.Kes.", signerPosition: "Kepala Dinas Kesehatan", fundingSource: "APBD", fundingAmount: "150000000" },
  });
  for (const [label, start, end, output] of [
    ["Triwulan IV 2025", "2025-10-01", "2025-12-31", "Rujukan 40 pasien"],
    ["Triwulan I 2026", "2026-01-01", "2026-03-31", "Rujukan 52 pasien, data terintegrasi"],
  ] as const) {
    await db.monitoringReport.create({
      data: {
        agreementId: "c-aktif-pks-1", caseId: "c-aktif", periodLabel: label, periodStart: d(start), periodEnd: d(end),
        realization: "SEBAGIAN", outputAchieved: output, obstacles: "Jaringan internet puskesmas", recommendation: "LANJUTKAN",
        status: "DITINJAU", submittedById: "u-operatorA", reviewedById: "u-kabag", reviewedAt: d(end), rating: 4,
      },
    });
  }
  session.user = actor("kabag");
});

describe("GET /api/rekap/excel", () => {
  it("refuses without a session (401) and without rekap.export (403: an OPD operator), writing nothing", async () => {
    session.user = null;
    expect((await get("tahun=2024")).status).toBe(401);
    session.user = actor("operatorA");
    expect((await get("tahun=2024")).status).toBe(403);
    expect(await getDb().auditEvent.count()).toBe(0);
  });

  it("the year's rows, checked against the database, with the columns of domain §6; the download is audited", async () => {
    const res = await get("tahun=2024&urut=judul");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-disposition")).toMatch(/^attachment; filename="rekap-kerja-sama-2024-\d{8}\.xlsx"$/);
    const { header, rows, about } = await workbook(res);
    expect(header).toEqual(REKAP_COLUMNS.map((c) => c.header));
    const codes = rows.map((r) => r[col("Kode")] as string);
    expect([...codes].sort()).toEqual(await codesSignedIn(2024));
    expect(codes.length).toBeGreaterThan(1);
    // Sorted by title as asked (the register's sort).
    const titles = rows.map((r) => r[col("Judul Kerja Sama")] as string);
    expect(titles).toEqual([...titles].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));

    const db = getDb();
    for (const row of rows) {
      const c = await db.case.findFirstOrThrow({ where: { code: row[col("Kode")] as string }, include: { opd: true, partner: true } });
      expect(row[col("Judul Kerja Sama")]).toBe(c.title);
      expect(row[col("Jenis")]).toBe(c.kind);
      expect(row[col("OPD Pelaksana")]).toBe(c.opd.name);
      expect(row[col("Mitra")]).toBe(c.partner?.name ?? null);
      expect(row[col("Nomor Pihak Daerah")]).toBe(c.mainOurNumber);
      expect(row[col("Tanggal Tanda Tangan")]).toEqual(c.mainSignedAt);
      expect(row[col("Tanggal Berakhir")]).toEqual(c.mainEndDate);
    }

    const aktif = rows.find((r) => r[col("Kode")] === "KS-2026-0001")!;
    expect(aktif[col("Sifat/Bentuk")]).toBe("Wajib");
    expect(aktif[col("Naskah Utama")]).toBe("Perjanjian Kerja Sama");
    expect(aktif[col("Nomor Pihak Mitra")]).toBe("130/026/Pem/2025");
    expect(aktif[col("Seluruh Naskah (nomor daerah | mitra, tanggal)")]).toBe(
      "KB 180/001/KS/2024 | 130/009/Pem/2024, 20 November 2024\nPKS 180/012/KS/2025 | 130/026/Pem/2025, 20 Desember 2024",
    );
    expect(aktif[col("Tanggal Mulai")]).toEqual(d("2025-01-01"));
    expect(aktif[col("Status")]).toBe("Aktif");
    expect(aktif[col("Ruang Lingkup")]).toBe("Rujukan pasien\nPertukaran data");
    expect(aktif[col("Penandatangan")]).toBe("Pejabat yang diberi kuasa: dr. Hendra Gunawan, M.Kes., Kepala Dinas Kesehatan");
    expect(aktif[col("Persetujuan DPRD")]).toBe("Ya — 172/15/DPRD/2024, 30 Oktober 2024");
    expect(aktif[col("Sumber Pendanaan")]).toBe("APBD");
    expect(aktif[col("Nilai Pendanaan (Rp)")]).toBe(150_000_000);
    expect(aktif[col("Laporan Terakhir (periode)")]).toBe("Triwulan I 2026");
    expect(aktif[col("Realisasi")]).toBe("Terlaksana sebagian");
    expect(aktif[col("Capaian Output")]).toBe("Rujukan 52 pasien, data terintegrasi");
    expect(aktif[col("Kendala")]).toBe("Jaringan internet puskesmas");
    expect(aktif[col("Rekomendasi")]).toBe("Lanjutkan");

    expect(about).toContain("Kabupaten");
    expect(about).toContain(`"Tahun penandatanganan","2024"`);
    expect(about).toContain(`"Jumlah baris","${rows.length}"`);
    const audit = await db.auditEvent.findFirstOrThrow({ where: { action: "rekap.export" } });
    expect(audit).toMatchObject({ actorId: "u-kabag", data: { format: "xlsx", rows: rows.length, filter: { tahun: "2024", urut: "judul" } } });
  });

  it("year + filter: the register's filters narrow the rekap exactly as they narrow the register", async () => {
    const { rows } = await workbook(await get(`tahun=2024&opd=${OPD_A}`));
    expect(rows.map((r) => r[col("Kode")] as string).sort()).toEqual(await codesSignedIn(2024, OPD_A));
    const { rows: none } = await workbook(await get("tahun=1999"));
    expect(none).toEqual([]);
  });
});

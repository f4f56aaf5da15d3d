import path from "node:path";
import { NextRequest } from "next/server";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { getDb } from "@/lib/db";
import type { CurrentUser } from "@/lib/auth/session";
import { formatTanggal } from "@/lib/format";
import { pdfPagesToPng, pdfPageTexts } from "../support/pdf-read";
import { actor, d, seedBase } from "./helpers/cases";
import { resetDatabase } from "./helpers/db";
import { seedRegisterWorld } from "./helpers/register";

// The printed rekap (GET /api/rekap/pdf) and the one-page Ringkasan (GET /api/rekap/ringkasan/[id])
// on real PostgreSQL, rendered by react-pdf in this process. The text is extracted with pdfjs-dist
// and checked; the pages are written as PNG to test-results/pdf/ to be looked at.
const session = vi.hoisted(() => ({ user: null as CurrentUser | null }));
vi.mock("@/lib/auth/session", () => ({ getCurrentUser: async () => session.user }));
const { GET: rekapPdf } = await import("@/app/api/rekap/pdf/route");
const { GET: ringkasanPdf } = await import("@/app/api/rekap/ringkasan/[id]/route");

const PNG_DIR = path.join(process.cwd(), "test-results", "pdf");
const getRekap = (query: string) => rekapPdf(new NextRequest(`http://sikerda.test/api/rekap/pdf?${query}`));
const getRingkasan = (id: string) =>
  ringkasanPdf(new NextRequest(`http://sikerda.test/api/rekap/ringkasan/${id}`), { params: Promise.resolve({ id }) });

async function pdfBytes(res: Response): Promise<Uint8Array> {
  expect(res.status).toBe(200);
  expect(res.headers.get("content-type")).toBe("application/pdf");
  const bytes = new Uint8Array(await res.arrayBuffer());
  expect(Buffer.from(bytes.slice(0, 5)).toString("latin1")).toBe("%PDF-");
  return bytes;
}

beforeEach(async () => {
  await resetDatabase();
  await seedBase();
  await seedRegisterWorld();
  const db = getDb();
  await db.case.update({
    where: { id: "c-aktif" },
    data: { requiresDprd: true, ksddNature: "WAJIB", fundingSource: "APBD", fundingAmount: "150000000", purpose: "Mempercepat rujukan pasien dari wilayah perbatasan." },
  });
  await db.agreement.update({ where: { id: "c-aktif-kb-0" }, data: { dprdDecisionNumber: "172/15/DPRD/2024", dprdDecisionDate: d("2024-10-30") } });
  await db.agreement.update({
    where: { id: "c-aktif-pks-1" },
    data: {
      signerType: "KEPALA_DAERAH", signerName: "H. Ahmad Sudrajat", signerPosition: "Bupati Sukamaju", signedPlace: "Sukamaju",
      partnerSignerName: "Drs. Lukman Hakim", partnerSignerPosition: "Bupati Tetangga", fundingSource: "APBD", fundingAmount: "150000000",
    },
  });
  await db.monitoringReport.create({
    data: {
      agreementId: "c-aktif-pks-1", caseId: "c-aktif", periodLabel: "Triwulan I 2026", periodStart: d("2026-01-01"), periodEnd: d("2026-03-31"),
      realization: "PENUH", outputAchieved: "Rujukan 52 pasien", obstacles: "Jaringan internet puskesmas", recommendation: "LANJUTKAN",
      status: "DITINJAU", submittedById: "u-operatorA", reviewedById: "u-kabag", reviewedAt: d("2026-04-15"), rating: 5,
    },
  });
  session.user = actor("kabag");
});

describe("GET /api/rekap/pdf (printed rekap)", () => {
  it("refuses an OPD operator (403) and writes nothing", async () => {
    session.user = actor("operatorA");
    expect((await getRekap("tahun=2024")).status).toBe(403);
    expect(await getDb().auditEvent.count()).toBe(0);
  });

  it("the region's kop, the year, Indonesian dates, the year's rows with both numbers, totals; audited", async () => {
    const bytes = await pdfBytes(await getRekap("tahun=2024&urut=judul"));
    const pages = await pdfPageTexts(bytes);
    const text = pages.join(" ");
    expect(pages[0]).toContain("PEMERINTAH KABUPATEN SUKAMAJU");
    expect(pages[0]).toContain("BAGIAN KERJA SAMA");
    expect(pages[0]).toContain("REKAP KERJA SAMA DAERAH TAHUN 2024");
    expect(pages[0]).toContain(`keadaan per ${formatTanggal(new Date())}`);
    const year = await getDb().case.findMany({
      where: { deletedAt: null, mainSignedAt: { gte: d("2024-01-01"), lt: d("2025-01-01") } }, select: { title: true, mainOurNumber: true },
    });
    expect(year.length).toBeGreaterThan(1);
    for (const c of year) {
      expect(text).toContain(c.title);
      expect(text).toContain(c.mainOurNumber!);
    }
    // A case signed in another year is not in the 2024 rekap.
    expect(text).not.toContain("Sinergi Program Imunisasi Nasional");
    expect(text).toContain("KB 180/001/KS/2024 | 130/009/Pem/2024, 20 November 2024");
    expect(text).toContain("1 Januari 2025 s.d. 31 Desember 2027");
    expect(text).toContain("Ya — 172/15/DPRD/2024, 30 Oktober 2024");
    expect(text).toContain("Rp 150.000.000");
    expect(text).toContain("Triwulan I 2026");
    expect(text).toContain(`Jumlah: ${year.length} kerja sama`);
    expect(text).toMatch(/Halaman 1 dari \d+/);
    expect(text).toContain("Dicetak dari SIKERDA oleh Drs. Yusuf Hidayat, M.Si.");
    const audit = await getDb().auditEvent.findFirstOrThrow({ where: { action: "rekap.export" } });
    expect(audit.data).toMatchObject({ format: "pdf", rows: year.length, filter: { tahun: "2024" } });
    await pdfPagesToPng(bytes, PNG_DIR, "rekap-2024");
  });

  it("every year (no filter): many rows break over pages with the table header on each page", async () => {
    const db = getDb();
    const world = await db.case.findMany({ where: { id: "c-aktif" }, select: { opdId: true, partnerId: true } });
    await db.case.createMany({
      data: Array.from({ length: 60 }, (_, i) => ({
        id: `c-massal-${i}`, code: `KS-2025-${String(i + 100).padStart(4, "0")}`, title: `Kerja Sama Pelayanan Terpadu Desa ${i + 1}`,
        kind: "KSDD" as const, opdId: world[0].opdId, partnerId: world[0].partnerId, stage: "PELAKSANAAN" as const, createdById: "u-operatorA",
        subject: "Pelayanan administrasi kependudukan", governmentAffair: "Administrasi Kependudukan",
      })),
    });
    const bytes = await pdfBytes(await getRekap(""));
    const pages = await pdfPageTexts(bytes);
    expect(pages.length).toBeGreaterThan(2);
    for (const p of pages) expect(p).toContain("Naskah (nomor daerah | mitra, tanggal)");
    expect(pages.at(-1)).toContain("Kepala Bagian Kerja Sama");
    await pdfPagesToPng(bytes, PNG_DIR, "rekap-semua", { max: 2 });
  });
});

describe("GET /api/rekap/ringkasan/[id] (one page)", () => {
  it("one page with the agreement's facts; audited", async () => {
    const bytes = await pdfBytes(await getRingkasan("c-aktif"));
    const pages = await pdfPageTexts(bytes);
    expect(pages).toHaveLength(1);
    const [text] = pages;
    for (const expected of [
      "RINGKASAN KERJA SAMA", "PEMERINTAH KABUPATEN SUKAMAJU", "Peningkatan Layanan Kesehatan Rujukan Wilayah Perbatasan", "KS-2026-0001",
      "KSDD — Kerja Sama Daerah dengan Daerah Lain; Wajib", "Mempercepat rujukan pasien dari wilayah perbatasan.",
      "Perjanjian Kerja Sama, ditandatangani di Sukamaju", "PKS 180/012/KS/2025 | 130/026/Pem/2025, 20 Desember 2024",
      "1 Januari 2025 s.d. 31 Desember 2027", "Kepala Daerah: H. Ahmad Sudrajat, Bupati Sukamaju", "Drs. Lukman Hakim, Bupati Tetangga",
      "Ya — 172/15/DPRD/2024, 30 Oktober 2024", "APBD, Rp 150.000.000", "Triwulan I 2026", "Terlaksana penuh", "Rujukan 52 pasien",
      "Lanjutkan", "5 dari 5", "Halaman 1 dari 1",
    ]) expect(text).toContain(expected);
    const audit = await getDb().auditEvent.findFirstOrThrow({ where: { action: "rekap.ringkasan" } });
    expect(audit).toMatchObject({ actorId: "u-kabag", entityId: "c-aktif" });
    await pdfPagesToPng(bytes, PNG_DIR, "ringkasan");
  });

  it("stays one page however long the texts; another OPD's case is 404 for an OPD user, own OPD's is fine", async () => {
    const long = "Penyediaan layanan kesehatan rujukan terpadu lintas wilayah dengan pertukaran data rekam medis. ".repeat(40);
    await getDb().case.update({ where: { id: "c-aktif" }, data: { scope: long, purpose: long, subject: long, benefits: long } });
    expect(await pdfPageTexts(await pdfBytes(await getRingkasan("c-aktif")))).toHaveLength(1);
    session.user = actor("operatorB");
    expect((await getRingkasan("c-aktif")).status).toBe(404);
    session.user = actor("operatorA");
    expect((await getRingkasan("c-aktif")).status).toBe(200);
    session.user = { id: "u-admin", username: "admin", fullName: "Admin", role: "ADMIN", opdId: null, opdName: null };
    expect((await getRingkasan("c-aktif")).status).toBe(403);
  });
});

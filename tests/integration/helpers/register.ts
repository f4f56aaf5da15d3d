// A register world for the tests: cases of two OPDs in every register status, written straight
// into the tables (the register is about what is stored, whoever wrote it — the database triggers
// maintain the summary columns, which is part of what is tested).
import { getDb } from "@/lib/db";
import type { AgreementStatus, AgreementType, CaseKind, Stage } from "@/lib/generated/prisma/enums";
import { d, OPD_A, OPD_B, PARTNER_ASING, PARTNER_KL, PARTNER_PEMDA, PARTNER_SWASTA } from "./cases";

export type NaskahSpec = {
  type: AgreementType;
  status: AgreementStatus;
  our?: string;
  theirs?: string;
  signed?: string;
  start?: string;
  end?: string;
  deleted?: boolean;
};

export type CaseSpec = {
  id: string;
  opd: string;
  kind: CaseKind;
  stage: Stage;
  partner: string | null;
  title: string;
  subject?: string;
  scope?: string;
  affair?: string;
  updated: string;
  deleted?: boolean;
  naskah?: NaskahSpec[];
};

/** Today of the tests is 15 June 2026 (helpers/services NOW); "akan berakhir" runs to 13 September 2026. */
export const WORLD: CaseSpec[] = [
  { id: "c-aktif", opd: OPD_A, kind: "KSDD", stage: "PELAKSANAAN", partner: PARTNER_PEMDA, affair: "Kesehatan", updated: "2026-06-01",
    title: "Peningkatan Layanan Kesehatan Rujukan Wilayah Perbatasan", subject: "Rujukan pasien antarfasilitas", scope: "Rujukan pasien\nPertukaran data",
    naskah: [
      { type: "KB", status: "BERLAKU", our: "180/001/KS/2024", theirs: "130/009/Pem/2024", signed: "2024-11-20", start: "2024-11-20", end: "2029-11-19" },
      { type: "PKS", status: "BERLAKU", our: "180/012/KS/2025", theirs: "130/026/Pem/2025", signed: "2024-12-20", start: "2025-01-01", end: "2027-12-31" },
    ] },
  { id: "c-segera", opd: OPD_A, kind: "KSDPK", stage: "PELAKSANAAN", partner: PARTNER_SWASTA, affair: "Pekerjaan Umum dan Penataan Ruang", updated: "2026-05-20",
    title: "Penyediaan Air Minum Kawasan Rawan Air", subject: "Sambungan rumah air minum", scope: "Perluasan jaringan perpipaan di enam kecamatan",
    naskah: [{ type: "PKS", status: "BERLAKU", our: "180/020/KS/2023", theirs: "TS/PKS/044/2023", signed: "2023-08-01", start: "2023-08-01", end: "2026-08-01" }] },
  { id: "c-belum", opd: OPD_B, kind: "SINERGI", stage: "PELAKSANAAN", partner: PARTNER_KL, affair: "Kesehatan", updated: "2026-06-10",
    title: "Sinergi Program Imunisasi Nasional",
    naskah: [
      { type: "NK", status: "BERLAKU", our: "180/030/KS/2026", theirs: "HK.03/II/0912/2026", signed: "2026-06-02", start: "2026-07-01", end: "2028-06-30" },
      { type: "RK", status: "BERLAKU", our: "180/031/KS/2026", signed: "2026-06-02", start: "2026-07-01", end: "2028-06-30" },
    ] },
  { id: "c-lewat", opd: OPD_B, kind: "KSDD", stage: "PELAKSANAAN", partner: PARTNER_PEMDA, affair: "Perhubungan", updated: "2026-03-01",
    title: "Angkutan Perdesaan Lintas Batas",
    naskah: [{ type: "PKS", status: "BERLAKU", our: "180/040/KS/2021", theirs: "551/77/Dishub/2021", signed: "2021-06-01", start: "2021-06-01", end: "2026-06-01" }] },
  { id: "c-berakhir", opd: OPD_A, kind: "KSDD", stage: "BERAKHIR", partner: PARTNER_PEMDA, affair: "Kesehatan", updated: "2026-02-01",
    title: "Pelatihan Kader Posyandu Bersama",
    naskah: [{ type: "PKS", status: "BERAKHIR", our: "180/050/KS/2022", signed: "2022-01-10", start: "2022-01-10", end: "2026-01-09" }] },
  { id: "c-selesai", opd: OPD_B, kind: "KSDPK", stage: "SELESAI", partner: PARTNER_SWASTA, affair: "Perhubungan", updated: "2025-12-01",
    title: "Pengelolaan Parkir Elektronik",
    naskah: [{ type: "PKS", status: "BERAKHIR", our: "180/060/KS/2020", signed: "2020-03-01", start: "2020-03-01", end: "2025-02-28" }] },
  { id: "c-diakhiri", opd: OPD_A, kind: "KSDD", stage: "DIAKHIRI", partner: PARTNER_PEMDA, updated: "2026-04-01",
    title: "Pengelolaan Sampah Regional Terpadu",
    naskah: [{ type: "PKS", status: "DIAKHIRI", our: "180/070/KS/2024", signed: "2024-02-01", start: "2024-02-01", end: "2028-01-31" }] },
  { id: "c-ditolak", opd: OPD_B, kind: "KSDPK", stage: "DITOLAK", partner: PARTNER_SWASTA, updated: "2026-05-01", title: "Penyewaan Lahan Terminal Agribisnis" },
  { id: "c-batal", opd: OPD_A, kind: "KSDPK", stage: "BATAL", partner: PARTNER_SWASTA, updated: "2026-05-02", title: "Promosi Wisata Bersama" },
  { id: "c-tolakdprd", opd: OPD_B, kind: "KSDD", stage: "DITOLAK_DPRD", partner: PARTNER_PEMDA, updated: "2026-05-03",
    title: "Pembangunan Jalan Poros Perbatasan",
    naskah: [{ type: "KB", status: "DITOLAK_DPRD", our: "180/080/KS/2026", signed: "2026-03-12", start: "2026-03-12", end: "2031-03-11" }] },
  { id: "c-dprd", opd: OPD_A, kind: "KSDD", stage: "PERSETUJUAN_DPRD", partner: PARTNER_PEMDA, affair: "Kesehatan", updated: "2026-06-05",
    title: "Rumah Sakit Regional Bersama",
    naskah: [{ type: "KB", status: "MENUNGGU_DPRD", our: "180/090/KS/2026", theirs: "130/101/Pem/2026", signed: "2026-05-15", start: "2026-05-15", end: "2031-05-14" }] },
  { id: "c-pks", opd: OPD_A, kind: "KSDD", stage: "PENYUSUNAN_PKS", partner: PARTNER_PEMDA, affair: "Kesehatan", updated: "2026-06-12",
    title: "Ambulans Gawat Darurat Terpadu",
    naskah: [
      { type: "KB", status: "BERLAKU", our: "180/100/KS/2026", theirs: "130/140/Pem/2026", signed: "2026-04-01", start: "2026-04-01", end: "2031-03-31" },
      { type: "PKS", status: "DRAF" },
    ] },
  { id: "c-draf", opd: OPD_A, kind: "KSDPK", stage: "DRAF", partner: PARTNER_SWASTA, updated: "2026-06-14", title: "Kantin Sehat Sekolah" },
  { id: "c-kajian", opd: OPD_B, kind: "KSDD", stage: "KAJIAN_TKKSD", partner: PARTNER_PEMDA, updated: "2026-06-11", title: "Pengendalian Banjir Daerah Aliran Sungai" },
  { id: "c-verif", opd: OPD_B, kind: "SINERGI", stage: "VERIFIKASI", partner: PARTNER_KL, updated: "2026-06-13", title: "Pendataan Keluarga Berisiko Stunting" },
  { id: "c-tanpa-naskah", opd: OPD_A, kind: "KSDD", stage: "BERAKHIR", partner: PARTNER_PEMDA, updated: "2025-11-01", title: "Kerja Sama Lama tanpa Naskah Tercatat" },
  { id: "c-dihapus", opd: OPD_A, kind: "KSDD", stage: "PELAKSANAAN", partner: PARTNER_PEMDA, updated: "2026-06-14", deleted: true,
    title: "Usulan yang Dihapus",
    naskah: [{ type: "PKS", status: "BERLAKU", our: "180/999/KS/2026", signed: "2026-01-01", start: "2026-01-01", end: "2027-01-01" }] },
  { id: "c-adendum", opd: OPD_B, kind: "KSDPK", stage: "ADENDUM_PENYUSUNAN", partner: PARTNER_SWASTA, updated: "2026-06-09",
    title: "Pembayaran Retribusi Nontunai",
    naskah: [
      { type: "PKS", status: "BERLAKU", our: "180/110/KS/2025", theirs: "SKM/281/PKS/2025", signed: "2025-11-27", start: "2025-11-27", end: "2028-04-10" },
      { type: "ADENDUM", status: "DRAF", our: "180/111/KS/2026" },
    ] },
  { id: "c-mou", opd: OPD_A, kind: "KSDPL", stage: "PENANDATANGANAN_MOU", partner: PARTNER_ASING, updated: "2026-06-08",
    title: "Sister City Pertukaran Budaya",
    naskah: [
      { type: "LOI", status: "BERLAKU", our: "180/120/KS/2025", theirs: "HGS-IE-2025-11", signed: "2025-10-01", start: "2025-10-01", end: "2026-10-01" },
      { type: "MOU", status: "DRAF", our: "180/121/KS/2026" },
    ] },
  // Inconsistent on purpose (a terminated case whose naskah was never updated; a case moved to
  // BERAKHIR while its naskah still runs): the stage of a closed case wins, an open one follows its naskah.
  { id: "c-diakhiri-berlaku", opd: OPD_B, kind: "KSDPK", stage: "DIAKHIRI", partner: PARTNER_SWASTA, updated: "2026-04-02",
    title: "Pengelolaan Pasar Tradisional",
    naskah: [{ type: "PKS", status: "BERLAKU", our: "180/140/KS/2025", signed: "2025-05-01", start: "2025-05-01", end: "2028-04-30" }] },
  { id: "c-berakhir-berlaku", opd: OPD_A, kind: "KSDD", stage: "BERAKHIR", partner: PARTNER_PEMDA, updated: "2026-04-03",
    title: "Pengembangan Destinasi Wisata Alam",
    naskah: [{ type: "PKS", status: "BERLAKU", our: "180/150/KS/2025", signed: "2025-02-01", start: "2025-02-01", end: "2027-01-31" }] },
  { id: "c-diganti", opd: OPD_B, kind: "KSDD", stage: "PELAKSANAAN", partner: PARTNER_PEMDA, updated: "2026-01-15",
    title: "Penanggulangan Bencana Bersama",
    naskah: [
      { type: "PKS", status: "DIGANTI", our: "180/130/KS/2023", signed: "2023-01-01", start: "2023-01-01", end: "2025-12-31" },
      { type: "KB", status: "BERLAKU", our: "180/131/KS/2022", signed: "2022-06-01", start: "2022-06-01", end: "2027-05-31" },
    ] },
];

export async function seedRegisterWorld(cases: CaseSpec[] = WORLD): Promise<void> {
  const db = getDb();
  await db.case.createMany({
    data: cases.map((c, i) => ({
      id: c.id, code: `KS-2026-${String(i + 1).padStart(4, "0")}`, title: c.title, kind: c.kind, opdId: c.opd, partnerId: c.partner,
      subject: c.subject ?? null, scope: c.scope ?? null, governmentAffair: c.affair ?? null, stage: c.stage,
      createdById: "u-operatorA", updatedAt: d(c.updated), createdAt: d("2020-01-01"),
      deletedAt: c.deleted ? d("2026-06-14") : null,
    })),
  });
  const kind = new Map(cases.map((c) => [c.id, c]));
  await db.agreement.createMany({
    data: cases.flatMap((c) =>
      (c.naskah ?? []).map((n, j) => ({
        id: `${c.id}-${n.type.toLowerCase()}-${j}`, caseId: c.id, type: n.type, title: `${n.type} ${c.title}`, kind: kind.get(c.id)!.kind,
        opdId: c.opd, partnerId: c.partner, status: n.status, ourNumber: n.our ?? null, partnerNumber: n.theirs ?? null,
        signedAt: n.signed ? d(n.signed) : null, startDate: n.start ? d(n.start) : null, endDate: n.end ? d(n.end) : null,
        createdAt: d(`2020-01-0${j + 1}`), deletedAt: n.deleted ? d("2026-06-01") : null,
      })),
    ),
  });
}

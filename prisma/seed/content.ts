// Structured clauses of a naskah (domain §7), stored in Agreement.content. Built from the case so
// the register, rekap export and the naskah page have real text to show.
import type { AgreementType } from "../../lib/generated/prisma/enums";
import { opdByKey } from "./opds";
import { partnerById } from "./partners";
import type { CaseSpec } from "./types";

const MONTHS = ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober", "November", "Desember"];

/** "21 November 2023" for a date-only value. */
export function tanggal(d: Date): string {
  return `${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()}`;
}

export function rupiah(n: number): string {
  return `Rp\u00a0${new Intl.NumberFormat("id-ID").format(n)}`;
}

const LEGAL_BASIS = {
  domestic: [
    "Undang-Undang Nomor 23 Tahun 2014 tentang Pemerintahan Daerah",
    "Peraturan Pemerintah Nomor 28 Tahun 2018 tentang Kerja Sama Daerah",
    "Peraturan Menteri Dalam Negeri Nomor 22 Tahun 2020 tentang Tata Cara Kerja Sama Daerah dengan Daerah Lain dan Kerja Sama Daerah dengan Pihak Ketiga",
  ],
  foreign: [
    "Undang-Undang Nomor 37 Tahun 1999 tentang Hubungan Luar Negeri",
    "Undang-Undang Nomor 24 Tahun 2000 tentang Perjanjian Internasional",
    "Undang-Undang Nomor 23 Tahun 2014 tentang Pemerintahan Daerah",
    "Peraturan Pemerintah Nomor 28 Tahun 2018 tentang Kerja Sama Daerah",
    "Peraturan Menteri Dalam Negeri Nomor 25 Tahun 2020 tentang Tata Cara Kerja Sama Daerah dengan Pemerintah Daerah di Luar Negeri dan Kerja Sama Daerah dengan Lembaga di Luar Negeri",
  ],
};

const TYPE_LABEL: Record<AgreementType, string> = {
  KB: "Kesepakatan Bersama", PKS: "Perjanjian Kerja Sama", NK: "Nota Kesepakatan", RK: "Rencana Kerja",
  LOI: "Letter of Intent", MOU: "Memorandum of Understanding", IA: "Implementing Arrangement", ADENDUM: "Adendum",
};

export function coreTitle(spec: CaseSpec): string {
  return spec.title.replace(/^PKS Turunan:\s*/, "").replace(/^Kerja Sama\s+/, "");
}

export function agreementTitle(spec: CaseSpec, type: AgreementType): string {
  const partner = partnerById(spec.partner);
  const core = coreTitle(spec);
  switch (type) {
    case "KB": return `Kesepakatan Bersama antara Pemerintah Kabupaten Sukamaju dan ${partner.name} tentang ${core}`;
    case "PKS": return `Perjanjian Kerja Sama tentang ${core}`;
    case "NK": return `Nota Kesepakatan antara Pemerintah Kabupaten Sukamaju dan ${partner.name} tentang ${core}`;
    case "RK": return `Rencana Kerja Pelaksanaan Nota Kesepakatan tentang ${core}`;
    case "LOI": return `Letter of Intent (Pernyataan Kehendak) Kerja Sama ${core}`;
    case "MOU": return `Memorandum of Understanding (Nota Kesepahaman) tentang ${core}`;
    case "ADENDUM": return `Adendum Kesatu atas Perjanjian Kerja Sama tentang ${core}`;
    default: return `${TYPE_LABEL[type]} ${core}`;
  }
}

export type ContentInput = {
  spec: CaseSpec;
  type: AgreementType;
  ourNumber: string | null;
  partnerNumber: string | null;
  signedAt: Date | null;
  place: string | null;
  signerName: string;
  signerPosition: string;
  startDate: Date | null;
  endDate: Date | null;
  fundingAmount: number | null;
  kbReference?: { id: string; number: string | null };
  adendumChanges?: string[];
};

function lowerFirst(s: string) {
  return s.charAt(0).toLowerCase() + s.slice(1);
}

function disputes(spec: CaseSpec): string {
  if (spec.kind === "KSDPL" || spec.kind === "KSDLL") {
    return "Setiap perbedaan penafsiran atau pelaksanaan diselesaikan secara damai melalui konsultasi dan negosiasi antara PARA PIHAK, dan tidak diajukan kepada pengadilan atau pihak ketiga mana pun.";
  }
  if (spec.kind === "KSDD") {
    return "Perselisihan diselesaikan secara musyawarah untuk mufakat; apabila tidak tercapai, diselesaikan oleh Gubernur sebagai wakil Pemerintah Pusat sesuai ketentuan peraturan perundang-undangan.";
  }
  if (spec.kind === "SINERGI") return "Perselisihan diselesaikan secara musyawarah untuk mufakat oleh PARA PIHAK.";
  return "Perselisihan diselesaikan secara musyawarah untuk mufakat; apabila dalam 30 (tiga puluh) hari tidak tercapai, PARA PIHAK sepakat menyelesaikannya melalui Pengadilan Negeri Sukamaju.";
}

export function buildContent(input: ContentInput): Record<string, unknown> {
  const { spec, type } = input;
  const opd = opdByKey(spec.opd);
  const partner = partnerById(spec.partner);
  const label = TYPE_LABEL[type];
  const foreign = spec.kind === "KSDPL" || spec.kind === "KSDLL";
  const years = input.startDate && input.endDate
    ? Math.max(1, Math.round((input.endDate.getTime() - input.startDate.getTime()) / (365.25 * 86_400_000)))
    : null;
  const head = {
    judul: agreementTitle(spec, type),
    nomor: { pihakPertama: input.ourNumber, pihakKedua: input.partnerNumber },
    tanggal: input.signedAt ? tanggal(input.signedAt) : null,
    tempat: input.place,
    paraPihak: {
      pihakPertama: { nama: input.signerName, jabatan: input.signerPosition, bertindakUntuk: "Pemerintah Kabupaten Sukamaju" },
      pihakKedua: { nama: partner.head[0], jabatan: partner.head[1], bertindakUntuk: partner.name },
    },
    dasarHukum: foreign ? LEGAL_BASIS.foreign : LEGAL_BASIS.domestic,
  };
  if (type === "ADENDUM") {
    return {
      ...head,
      perubahan: input.adendumChanges ?? [],
      alasan: "Penyesuaian terhadap hasil monitoring dan evaluasi pelaksanaan kerja sama.",
      ketentuanLain: "Ketentuan lain dalam Perjanjian Kerja Sama yang tidak diubah dalam Adendum ini dinyatakan tetap berlaku.",
      penutup: "Adendum ini merupakan bagian yang tidak terpisahkan dari Perjanjian Kerja Sama dan berlaku sejak ditandatangani.",
    };
  }
  if (type === "LOI") {
    return {
      ...head,
      maksud: `Menyatakan kehendak PARA PIHAK untuk menjajaki kerja sama di bidang ${lowerFirst(spec.affair.replace(/^Urusan\s+/, ""))}.`,
      bidangKerjaSama: spec.scope,
      sifat: "Letter of Intent ini tidak menimbulkan hak dan kewajiban yang mengikat secara hukum bagi PARA PIHAK.",
    };
  }
  if (type === "RK") {
    return {
      ...head,
      kegiatan: spec.scope.map((kegiatan, i) => ({
        kegiatan, waktu: `Tahun ke-${(i % (years ?? 1)) + 1}`, penanggungJawab: i % 2 === 0 ? opd.name : partner.name,
      })),
    };
  }
  const money = input.fundingAmount === null ? null : rupiah(input.fundingAmount);
  const content: Record<string, unknown> = {
    ...head,
    maksud: `${label} ini dimaksudkan sebagai pedoman bagi PARA PIHAK dalam ${lowerFirst(spec.subject)}.`,
    tujuan: spec.purpose,
    objek: spec.subject,
    urusanPemerintahan: spec.affair,
    ruangLingkup: spec.scope,
    pelaksanaan: `Pelaksanaan teknis oleh ${opd.name} untuk PIHAK PERTAMA dan oleh ${partner.contacts[0][1]} untuk PIHAK KEDUA.`,
    jangkaWaktu: {
      mulai: input.startDate ? tanggal(input.startDate) : null,
      berakhir: input.endDate ? tanggal(input.endDate) : null,
      uraian: `${label} ini berlaku ${years ? `selama ${years} tahun ` : ""}sejak tanggal ditandatangani dan dapat diperpanjang atas kesepakatan PARA PIHAK.`,
    },
    pembiayaan: {
      sumber: spec.funding.source,
      nilai: input.fundingAmount,
      uraian: money
        ? `Biaya pelaksanaan sebesar ${money} dibebankan pada ${spec.funding.source === "MITRA" ? "PIHAK KEDUA" : spec.funding.source === "CSR" ? "dana tanggung jawab sosial dan lingkungan PIHAK KEDUA" : "anggaran masing-masing pihak sesuai kewenangannya"}.`
        : "Kerja sama ini tidak menimbulkan pembebanan anggaran bagi PIHAK PERTAMA.",
    },
    perubahan: `Perubahan atas ${label} ini dituangkan dalam adendum yang merupakan bagian tidak terpisahkan.`,
    penyelesaianPerselisihan: disputes(spec),
    penutup: `${label} ini dibuat dalam rangkap 2 (dua) asli, masing-masing bermeterai cukup dan mempunyai kekuatan hukum yang sama.${foreign ? " Naskah dibuat dalam bahasa Indonesia dan bahasa Inggris; apabila terdapat perbedaan penafsiran, naskah bahasa Inggris yang berlaku." : ""}`,
  };
  if (type === "KB") return content;
  const duties = spec.duties ?? {
    pihakPertama: ["Menyediakan data, informasi, dan dukungan administrasi yang diperlukan", `Menugaskan ${opd.name} sebagai pelaksana teknis`, "Melakukan monitoring dan evaluasi pelaksanaan kerja sama"],
    pihakKedua: ["Melaksanakan kegiatan sesuai ruang lingkup", "Menugaskan penanggung jawab pelaksanaan", "Menyampaikan laporan pelaksanaan secara berkala"],
  };
  Object.assign(content, {
    ...(input.kbReference ? { referensiKb: input.kbReference } : {}),
    hakKewajiban: duties,
    monevPelaporan: "PARA PIHAK melakukan monitoring dan evaluasi setiap triwulan; laporan pelaksanaan disampaikan kepada Bupati melalui Bagian Kerja Sama Sekretariat Daerah.",
    keadaanKahar: "Pihak yang mengalami keadaan kahar memberitahukan secara tertulis paling lambat 14 (empat belas) hari sejak kejadian; kewajiban yang terdampak ditangguhkan selama keadaan kahar berlangsung.",
    pengakhiran: "Kerja sama berakhir karena jangka waktu berakhir, tujuan telah tercapai, kesepakatan PARA PIHAK, keadaan kahar, atau salah satu pihak tidak melaksanakan kewajibannya (wanprestasi), dengan pemberitahuan tertulis paling lambat 3 (tiga) bulan sebelumnya.",
    asetHasil: "Aset yang diperoleh dari pelaksanaan kerja sama menjadi milik PIHAK PERTAMA kecuali diperjanjikan lain.",
  });
  if (spec.kind === "KSDPK") {
    content.sanksi = "Pihak yang tidak melaksanakan kewajibannya dikenai teguran tertulis sebanyak 2 (dua) kali dan selanjutnya dapat dilakukan pengakhiran sepihak disertai ganti kerugian.";
  }
  return content;
}

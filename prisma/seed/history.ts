// StageHistory rows: event code, actor (the role that moves that stage per domain §3–4) and an
// Indonesian note for every transition of a case's path.
import type { Role, Stage } from "../../lib/generated/prisma/enums";
import { opdByKey } from "./opds";
import { partnerById } from "./partners";
import { hash, type Timeline } from "./timeline";
import type { CaseSpec } from "./types";
import { kepalaOf, operatorOf, userByUsername, type UserSeed } from "./users";

export function eventFor(from: Stage | null, to: Stage): string {
  if (from === null) {
    return ({ DRAF: "buat", VERIFIKASI: "registrasi_penawaran_mitra", PENYUSUNAN_PKS: "buat_pks_turunan", PELAKSANAAN: "registrasi_arsip" } as Partial<Record<Stage, string>>)[to] ?? "buat";
  }
  const key = `${from}>${to}`;
  const specific: Record<string, string> = {
    "DRAF>PERSETUJUAN_OPD": "ajukan", "PERSETUJUAN_OPD>VERIFIKASI": "setujui", "PERSETUJUAN_OPD>DRAF": "kembalikan",
    "VERIFIKASI>KAJIAN_TKKSD": "lengkap", "VERIFIKASI>PERBAIKAN": "perlu_perbaikan", "PERBAIKAN>VERIFIKASI": "ajukan_ulang",
    "KAJIAN_TKKSD>PERBAIKAN": "perlu_perbaikan", "KAJIAN_TKKSD>DITOLAK": "tidak_layak",
    "PENAWARAN>PENYUSUNAN_KB": "mitra_setuju", "PENAWARAN>BATAL": "mitra_menolak",
    "PERSETUJUAN_DPRD>DITOLAK_DPRD": "dprd_tolak", "PENJAJAKAN_LOI>KONSULTASI_KEMENDAGRI": "loi_ditandatangani",
    "KONSULTASI_KEMENDAGRI>PERSETUJUAN_DPRD": "konsultasi_selesai", "PEMBAHASAN_INTERKEMENTERIAN>PERSETUJUAN_PUSAT": "pembahasan_selesai",
    "PERSETUJUAN_PUSAT>PENANDATANGANAN_MOU": "pusat_setuju", "PELAKSANAAN>BERAKHIR": "berakhir", "BERAKHIR>SELESAI": "selesai",
    "PELAKSANAAN>DIAKHIRI": "akhiri", "PELAKSANAAN>ADENDUM_PENYUSUNAN": "mulai_adendum", "ADENDUM_KAJIAN>ADENDUM_PENANDATANGANAN": "layak",
  };
  if (specific[key]) return specific[key];
  if (from === "KAJIAN_TKKSD") return "layak";
  if (from === "PERSETUJUAN_DPRD") return "dprd_setuju";
  if (from.startsWith("PENYUSUNAN_") || from === "ADENDUM_PENYUSUNAN") return "final";
  if (from.startsWith("PENANDATANGANAN_") || from === "ADENDUM_PENANDATANGANAN") return "tandatangani";
  throw new Error(`Tidak ada peristiwa untuk ${key}`);
}

const KABAG_EVENTS = new Set([
  "lengkap", "layak", "tidak_layak", "tandatangani", "dprd_setuju", "dprd_tolak", "pusat_setuju", "selesai", "akhiri",
]);

export function actorFor(spec: CaseSpec, from: Stage | null, event: string): UserSeed {
  if (["buat", "ajukan", "ajukan_ulang"].includes(event)) return operatorOf(spec.opd);
  if (event === "setujui" || event === "kembalikan") return kepalaOf(spec.opd);
  // A return for revision is the Kabag's decision, at verification as after the TKKSD meeting.
  if (event === "perlu_perbaikan") return userByUsername("kabag.ks");
  if (KABAG_EVENTS.has(event)) return userByUsername("kabag.ks");
  // Recording acts of partners, Kemendagri, the daily job, drafting: Bagian Kerja Sama staff.
  return userByUsername(hash(spec.id) % 3 === 0 ? "staf.ks2" : "staf.ks");
}

const FINAL_NOTES: Partial<Record<Stage, string>> = {
  PENYUSUNAN_KB: "Rancangan Kesepakatan Bersama final disepakati para pihak; dijadwalkan penandatanganan.",
  PENYUSUNAN_PKS: "Rancangan Perjanjian Kerja Sama final disepakati para pihak; dijadwalkan penandatanganan.",
  PENYUSUNAN_NK: "Rancangan Nota Kesepakatan dan Rencana Kerja final disepakati para pihak.",
  ADENDUM_PENYUSUNAN: "Rancangan adendum final; diajukan untuk kajian TKKSD.",
};

export type HistoryRow = {
  caseId: string; fromStage: Stage | null; toStage: Stage; event: string;
  actorId: string; actorRole: Role; note: string | null; createdAt: Date;
};

/** Notes for signing/DPRD rows, keyed by row index (filled in by the agreements module). */
export type SigningNotes = Map<number, string>;

export function buildHistory(spec: CaseSpec, tl: Timeline, signingNotes: SigningNotes): HistoryRow[] {
  const opd = opdByKey(spec.opd);
  const partner = partnerById(spec.partner);
  const returns = [...(spec.verificationReturns ?? [])];
  let kajianReturned = false;
  return tl.path.map((to, i) => {
    const from = i === 0 ? null : tl.path[i - 1];
    const event = eventFor(from, to);
    const actor = actorFor(spec, from, event);
    let note: string | null = signingNotes.get(i) ?? null;
    if (!note) {
      switch (event) {
        case "buat": note = `Draf usulan disusun oleh ${opd.shortName}.`; break;
        case "registrasi_penawaran_mitra": note = `Surat penawaran dan studi kelayakan dari ${partner.name} diregistrasi; disposisi kepada ${opd.name} untuk telaah teknis.`; break;
        case "buat_pks_turunan": note = `PKS turunan dibuat di bawah Kesepakatan Bersama yang berlaku; pelaksana ${opd.name}.`; break;
        case "registrasi_arsip": note = "Didaftarkan sebagai Kerja Sama Arsip: naskah telah ditandatangani sebelum SIKERDA digunakan."; break;
        case "ajukan": note = `Usulan diajukan kepada Kepala ${opd.shortName} untuk persetujuan.`; break;
        case "kembalikan": note = spec.returnedByKepala ?? "Dikembalikan untuk dilengkapi."; break;
        case "setujui": note = "Disetujui; surat usulan ditandatangani Kepala Perangkat Daerah dan diteruskan ke Bagian Kerja Sama."; break;
        case "lengkap": note = "Berkas lengkap sesuai daftar periksa; dijadwalkan pembahasan TKKSD."; break;
        case "perlu_perbaikan":
          if (from === "KAJIAN_TKKSD") { note = spec.tkksdReturn ?? "TKKSD meminta perbaikan."; kajianReturned = true; }
          else note = returns.shift() ?? spec.reason ?? "Perlu perbaikan.";
          break;
        case "ajukan_ulang": note = kajianReturned ? "Studi kelayakan diperbaiki sesuai catatan TKKSD dan diajukan ulang." : "Berkas diperbaiki sesuai catatan verifikasi dan diajukan ulang."; break;
        case "layak":
          note = to === "ADENDUM_PENANDATANGANAN"
            ? "TKKSD menyetujui rancangan adendum; perubahan tidak menambah beban masyarakat sehingga tidak memerlukan persetujuan DPRD kembali."
            : "Rapat TKKSD merekomendasikan kerja sama layak dilanjutkan.";
          break;
        case "tidak_layak": note = spec.reason ?? "TKKSD menilai tidak layak."; break;
        case "mitra_setuju": note = spec.partnerInitiated ? `Surat jawaban Bupati disampaikan; ${partner.name} menyatakan siap melanjutkan penyusunan KB.` : `Surat jawaban ${partner.name} diterima: menyetujui penawaran kerja sama.`; break;
        case "mitra_menolak": note = spec.reason ?? "Mitra menolak penawaran."; break;
        case "final": note = FINAL_NOTES[from!] ?? "Rancangan naskah final disepakati para pihak."; break;
        case "dprd_tolak": note = spec.reason ?? "DPRD tidak memberikan persetujuan."; break;
        case "konsultasi_selesai": note = "Hasil konsultasi Kemendagri (Ditjen Bina Administrasi Kewilayahan) diterima; rancangan MoU disesuaikan."; break;
        case "pembahasan_selesai": note = "Rapat interkementerian (Kemendagri, Kemenlu, kementerian teknis) menyepakati rancangan MoU."; break;
        case "pusat_setuju": note = "Persetujuan Menteri Dalam Negeri dan surat kuasa penuh (full power) Menteri Luar Negeri diterima."; break;
        case "berakhir": note = "Otomatis: jangka waktu naskah berakhir (tugas harian sistem). Laporan akhir wajib disampaikan."; break;
        case "selesai": note = "Laporan akhir telah ditinjau; kerja sama ditutup."; break;
        case "akhiri": note = `${spec.reason ?? "Kerja sama diakhiri."} Berita acara pengakhiran ditandatangani para pihak.`; break;
        case "mulai_adendum": note = "Para pihak sepakat mengubah sebagian ketentuan PKS melalui adendum."; break;
        default: note = null;
      }
    }
    return {
      caseId: spec.id, fromStage: from, toStage: to, event, actorId: actor.id, actorRole: actor.role,
      note, createdAt: tl.times[i],
    };
  });
}

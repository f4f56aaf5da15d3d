// The jenis must fit the partner class (domain §2, Permendagri 22/2020 and 25/2020): a foreign
// city filed as KSDD would skip the whole Permendagri 25/2020 chain. Pure; the services call it
// when a draft is saved or its partner changes, and decide() at every submission.
import type { CaseKind, PartnerClass, PartnerFacts, UniversityStatus } from "./types";

/** Partner classes of each jenis; a university's status decides between SINERGI and KSDPK. */
export const KIND_PARTNER_CLASSES: Readonly<Record<CaseKind, readonly PartnerClass[]>> = {
  KSDD: ["PEMDA"],
  KSDPK: ["BUMN", "BUMD", "SWASTA", "PERGURUAN_TINGGI", "ORMAS_LSM", "PERORANGAN"],
  SINERGI: ["KEMENTERIAN_LEMBAGA", "PERGURUAN_TINGGI"],
  KSDPL: ["PEMDA_LUAR_NEGERI"],
  KSDLL: ["LEMBAGA_LUAR_NEGERI"],
};

export const UNIVERSITY_STATUS_LABELS: Record<UniversityStatus, string> = {
  PTN_SATKER: "PTN satuan kerja (satker)",
  PTN_BLU: "PTN badan layanan umum (BLU)",
  PTN_BH: "PTN badan hukum (PTN-BH)",
  PTS: "Perguruan tinggi swasta (PTS)",
};

/** The jenis a university of this status cooperates under. */
export function universityKind(status: UniversityStatus, ptnBhKind: "SINERGI" | "KSDPK"): "SINERGI" | "KSDPK" {
  if (status === "PTS") return "KSDPK";
  if (status === "PTN_BH") return ptnBhKind;
  return "SINERGI";
}

/** Why the jenis of each partner class, in the office's words (shown on the form and in refusals). */
export const KIND_PARTNER_RULE: Readonly<Record<CaseKind, string>> = {
  KSDD: "Kerja sama daerah dengan daerah lain (KSDD) hanya dengan pemerintah provinsi/kabupaten/kota di Indonesia",
  KSDPK:
    "Kerja sama dengan pihak ketiga (KSDPK) dengan badan usaha (BUMN, BUMD, swasta), perguruan tinggi swasta, ormas/LSM/yayasan, atau perorangan",
  SINERGI:
    "Sinergi program pemerintah pusat dengan kementerian/lembaga, instansi vertikal (termasuk BI, TNI, Polri), atau PTN satker/BLU",
  KSDPL: "Kerja sama dengan pemerintah daerah di luar negeri (KSDPL) hanya dengan pemerintah daerah asing (Permendagri 25/2020)",
  KSDLL:
    "Kerja sama dengan lembaga di luar negeri (KSDLL) hanya dengan lembaga asing, termasuk badan usaha asing yang tidak berbadan hukum Indonesia (Permendagri 25/2020)",
};

/** null when `partner` may be the partner of a `kind` case, else the Indonesian reason. */
export function partnerMismatch(
  kind: CaseKind,
  partner: PartnerFacts,
  ptnBhKind: "SINERGI" | "KSDPK",
): string | null {
  if (!KIND_PARTNER_CLASSES[kind].includes(partner.partnerClass)) {
    return `Mitra ini tidak sesuai dengan jenis kerja sama: ${KIND_PARTNER_RULE[kind]}.`;
  }
  if (partner.partnerClass === "PERGURUAN_TINGGI") {
    if (!partner.universityStatus) {
      return "Status perguruan tinggi mitra (PTN satker/BLU, PTN-BH, atau PTS) belum dicatat, padahal status itu menentukan jenis kerja sama. Bagian Kerja Sama perlu melengkapi data mitra.";
    }
    const fits = universityKind(partner.universityStatus, ptnBhKind);
    if (fits !== kind) {
      return `${UNIVERSITY_STATUS_LABELS[partner.universityStatus]} bekerja sama melalui ${fits === "SINERGI" ? "Sinergi program pemerintah pusat (SINERGI)" : "kerja sama dengan pihak ketiga (KSDPK)"}, bukan ${kind}.`;
    }
  }
  return null;
}

/** Whether the partner may be offered on a `kind` form (same rule as partnerMismatch). */
export function partnerFits(kind: CaseKind, partner: PartnerFacts, ptnBhKind: "SINERGI" | "KSDPK"): boolean {
  return partnerMismatch(kind, partner, ptnBhKind) === null;
}

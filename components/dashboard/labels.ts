// Short names and colours of the dashboard's charts. Colour is never the only carrier: every bar
// has its number written on it, every chart has a data table with the same numbers and links.
import type { CaseKind, PartnerClass } from "@/lib/generated/prisma/enums";

export const CLASS_SHORT: Record<PartnerClass, string> = {
  PEMDA: "Pemerintah daerah",
  KEMENTERIAN_LEMBAGA: "Kementerian/lembaga",
  PERGURUAN_TINGGI: "Perguruan tinggi",
  BUMN: "BUMN",
  BUMD: "BUMD",
  SWASTA: "Swasta (BUMS)",
  ORMAS_LSM: "Ormas/LSM",
  PERORANGAN: "Perorangan",
  PEMDA_LUAR_NEGERI: "Pemda luar negeri",
  LEMBAGA_LUAR_NEGERI: "Lembaga luar negeri",
};

/** Inside a sentence: "7 pemerintah daerah, 5 perguruan tinggi, 8 BUMN". */
export const CLASS_PHRASE: Record<PartnerClass, string> = {
  PEMDA: "pemerintah daerah",
  KEMENTERIAN_LEMBAGA: "kementerian/lembaga",
  PERGURUAN_TINGGI: "perguruan tinggi",
  BUMN: "BUMN",
  BUMD: "BUMD",
  SWASTA: "swasta (BUMS)",
  ORMAS_LSM: "ormas/LSM",
  PERORANGAN: "perorangan",
  PEMDA_LUAR_NEGERI: "pemda luar negeri",
  LEMBAGA_LUAR_NEGERI: "lembaga luar negeri",
};

/** Distinct hues, each ≥ 4.5:1 against white (the number labels are written in them). */
export const CLASS_COLORS: Record<PartnerClass, string> = {
  PEMDA: "#0f766e",
  KEMENTERIAN_LEMBAGA: "#1d4ed8",
  PERGURUAN_TINGGI: "#b45309",
  BUMN: "#7e22ce",
  BUMD: "#be123c",
  SWASTA: "#15803d",
  ORMAS_LSM: "#0369a1",
  PERORANGAN: "#a16207",
  PEMDA_LUAR_NEGERI: "#4b5563",
  LEMBAGA_LUAR_NEGERI: "#9d174d",
};

export const KIND_COLOR = "#0f766e";

export const KIND_SHORT: Record<CaseKind, string> = {
  KSDD: "KSDD (antardaerah)",
  KSDPK: "KSDPK (pihak ketiga)",
  SINERGI: "Sinergi pusat",
  KSDPL: "KSDPL (pemda luar negeri)",
  KSDLL: "KSDLL (lembaga luar negeri)",
};

export const nf = new Intl.NumberFormat("id-ID");

/** The same colours as Tailwind classes (server-rendered HTML may carry no style attribute: CSP). */
export const CLASS_SWATCH: Record<PartnerClass, string> = {
  PEMDA: "bg-teal-700",
  KEMENTERIAN_LEMBAGA: "bg-blue-700",
  PERGURUAN_TINGGI: "bg-amber-700",
  BUMN: "bg-purple-700",
  BUMD: "bg-rose-700",
  SWASTA: "bg-green-700",
  ORMAS_LSM: "bg-sky-700",
  PERORANGAN: "bg-yellow-700",
  PEMDA_LUAR_NEGERI: "bg-gray-600",
  LEMBAGA_LUAR_NEGERI: "bg-pink-800",
};

// The register's status of a case (Daftar Kerja Sama, issue 7 §1). Pure and client-safe.
//
// One status per row, from the case's stage and its MAIN NASKAH (the register summary columns on
// "Case", maintained by database triggers — see the migration register_search_partners):
//   1. a terminal stage is the status (Selesai, Diakhiri, Ditolak, Batal, Ditolak DPRD);
//   2. a signed main naskah decides next (lib/agreements/state.ts): in force → Aktif, or Akan
//      Berakhir when its end date is at most `endingSoonDays` away (a setting, default 90); start
//      still ahead → Belum Berlaku; ended → Berakhir; terminated → Diakhiri; refused by the DPRD →
//      Ditolak DPRD. A KB still waiting for the DPRD (MENUNGGU_DPRD) decides nothing;
//   3. otherwise a case in BERAKHIR is Berakhir, and any other case shows its stage.
// lib/register/sql.ts filters by exactly these rules (an integration test compares both on every row).
import { agreementState } from "@/lib/agreements/state";
import { addDaysToDate, isoDate } from "@/lib/dates";
import type { AgreementStatus, Stage } from "@/lib/generated/prisma/enums";
import { TKKSD_REVIEW_STAGES } from "@/lib/auth/policy-table";
import { STAGE_LABELS, TERMINAL_STAGES } from "@/lib/workflow/stages";

export const AGREEMENT_STATES = [
  "BELUM_BERLAKU", "AKTIF", "AKAN_BERAKHIR", "BERAKHIR", "DIAKHIRI", "SELESAI", "DITOLAK", "BATAL", "DITOLAK_DPRD",
] as const;
export type AgreementRegisterState = (typeof AGREEMENT_STATES)[number];

/** What the Status column shows: an agreement state, or the stage of a case still in process. */
export type RegisterState = AgreementRegisterState | Stage;

export type StatusRow = {
  stage: Stage;
  mainStatus: AgreementStatus | null;
  mainStartDate: Date | null;
  mainEndDate: Date | null;
};

/** The terminal stages that are their own status. */
const TERMINAL_STATE: Partial<Record<Stage, AgreementRegisterState>> = {
  SELESAI: "SELESAI", DIAKHIRI: "DIAKHIRI", DITOLAK: "DITOLAK", BATAL: "BATAL", DITOLAK_DPRD: "DITOLAK_DPRD",
};

export function registerState(row: StatusRow, today: Date, endingSoonDays: number): RegisterState {
  const terminal = TERMINAL_STATE[row.stage];
  if (terminal) return terminal;
  switch (row.mainStatus) {
    case "BERLAKU": {
      const state = agreementState({ status: "BERLAKU", startDate: row.mainStartDate, endDate: row.mainEndDate }, today);
      if (state === "BELUM_BERLAKU") return "BELUM_BERLAKU";
      if (state === "BERAKHIR") return "BERAKHIR";
      const soon = isoDate(addDaysToDate(today, endingSoonDays));
      return row.mainEndDate && isoDate(row.mainEndDate) <= soon ? "AKAN_BERAKHIR" : "AKTIF";
    }
    case "BERAKHIR":
      return "BERAKHIR";
    case "DIAKHIRI":
      return "DIAKHIRI";
    case "DITOLAK_DPRD":
      return "DITOLAK_DPRD";
    default:
      return row.stage === "BERAKHIR" ? "BERAKHIR" : row.stage;
  }
}

export function isAgreementState(value: string): value is AgreementRegisterState {
  return (AGREEMENT_STATES as readonly string[]).includes(value);
}

export function agreementStateLabels(endingSoonDays: number): Record<AgreementRegisterState, string> {
  return {
    BELUM_BERLAKU: "Belum berlaku",
    AKTIF: "Aktif",
    AKAN_BERAKHIR: `Akan berakhir (≤ ${endingSoonDays} hari)`,
    BERAKHIR: "Berakhir",
    DIAKHIRI: "Diakhiri",
    SELESAI: "Selesai",
    DITOLAK: "Ditolak",
    BATAL: "Batal",
    DITOLAK_DPRD: "Ditolak DPRD",
  };
}

export function registerStateLabel(state: RegisterState, endingSoonDays: number): string {
  return isAgreementState(state) ? agreementStateLabels(endingSoonDays)[state] : STAGE_LABELS[state];
}

export type StateTone = "neutral" | "info" | "success" | "warning" | "danger";

export function registerStateTone(state: RegisterState): StateTone {
  switch (state) {
    case "AKTIF":
    case "SELESAI":
      return "success";
    case "AKAN_BERAKHIR":
    case "BERAKHIR":
    case "BELUM_BERLAKU":
      return "warning";
    case "DIAKHIRI":
    case "DITOLAK":
    case "BATAL":
    case "DITOLAK_DPRD":
      return "danger";
    case "DRAF":
      return "neutral";
    default:
      return "info";
  }
}

// ── The Status filter ─────────────────────────────────────────────────────────────────────────

/** Stages before the agreement takes force (DRAF … the signing stage of each jenis). */
export const PRE_SIGNING_STAGES: readonly Stage[] = [
  "DRAF", "PERSETUJUAN_OPD", "VERIFIKASI", "PERBAIKAN", "KAJIAN_TKKSD", "PENAWARAN", "PENYUSUNAN_KB",
  "PENANDATANGANAN_KB", "PERSETUJUAN_DPRD", "PENYUSUNAN_PKS", "PENANDATANGANAN_PKS", "PENYUSUNAN_NK",
  "PENANDATANGANAN_NK", "PENJAJAKAN_LOI", "KONSULTASI_KEMENDAGRI", "PEMBAHASAN_INTERKEMENTERIAN",
  "PERSETUJUAN_PUSAT", "PENANDATANGANAN_MOU",
];

/** Stage groups offered as one choice (the home page's counters link to them). */
export const STAGE_GROUPS = {
  /** Submitted and not yet signed into force: every pre-signing stage but the draft. */
  DALAM_PROSES: PRE_SIGNING_STAGES.filter((s) => s !== "DRAF"),
  /** Under TKKSD review: a proposal or an adendum. */
  DIKAJI_TKKSD: [...TKKSD_REVIEW_STAGES] as Stage[],
} as const satisfies Record<string, readonly Stage[]>;
export type StageGroup = keyof typeof STAGE_GROUPS;

export const STAGE_GROUP_LABELS: Record<StageGroup, string> = {
  DALAM_PROSES: "Dalam proses (diajukan, belum ditandatangani)",
  DIKAJI_TKKSD: "Dalam kajian TKKSD (usulan dan adendum)",
};

/**
 * Every stage a status filter may name on its own: all but the terminal ones and BERAKHIR (those
 * are statuses of the agreement, under the same codes).
 */
export const FILTER_STAGES: readonly Stage[] = (Object.keys(STAGE_LABELS) as Stage[]).filter(
  (s) => !TERMINAL_STAGES.includes(s) && !isAgreementState(s),
);

export type StatusFilter =
  | { kind: "state"; state: AgreementRegisterState }
  | { kind: "stages"; stages: readonly Stage[] };

/** The URL value of the Status filter → what it selects; unknown → null (no filter). */
export function parseStatusFilter(value: string | undefined): StatusFilter | null {
  if (!value) return null;
  if (isAgreementState(value)) return { kind: "state", state: value };
  if (Object.hasOwn(STAGE_GROUPS, value)) return { kind: "stages", stages: STAGE_GROUPS[value as StageGroup] };
  if ((FILTER_STAGES as readonly string[]).includes(value)) return { kind: "stages", stages: [value as Stage] };
  return null;
}

/** Whether a row with status `state` matches the filter `value` (the rule the SQL implements). */
export function statusMatches(value: string, row: StatusRow, today: Date, endingSoonDays: number): boolean {
  const filter = parseStatusFilter(value);
  if (!filter) return true;
  if (filter.kind === "stages") return filter.stages.includes(row.stage);
  const state = registerState(row, today, endingSoonDays);
  // "Aktif" includes the agreements about to end: they are still in force.
  return filter.state === "AKTIF" ? state === "AKTIF" || state === "AKAN_BERAKHIR" : state === filter.state;
}

// Types of the pure stage machine. No I/O, no clock: callers pass `now` and the settings.
import type {
  AgreementStatus, CaseKind, DocumentType, Initiator, PartnerClass, ReportStatus, SignerType, Stage, UniversityStatus,
} from "@/lib/generated/prisma/enums";
import type { Role } from "@/lib/auth/roles";
import type { Settings } from "@/lib/settings/defaults";

export type { CaseKind, DocumentType, Initiator, PartnerClass, SignerType, Stage, UniversityStatus };

/** Every event code; the seed's history uses the same codes. */
export const EVENTS = [
  "ajukan", "setujui", "kembalikan", "lengkap", "perlu_perbaikan", "ajukan_ulang", "registrasi_penawaran_mitra",
  "layak", "tidak_layak", "mitra_setuju", "mitra_menolak", "batal", "final", "tandatangani", "dprd_setuju",
  "dprd_tolak", "loi_ditandatangani", "konsultasi_selesai", "pembahasan_selesai", "pusat_setuju",
  "berakhir", "akhiri", "selesai", "mulai_adendum", "batalkan_adendum",
] as const;
export type EventCode = (typeof EVENTS)[number];

/** A naskah period (date-only values as UTC midnight). */
export type Period = { start: Date; end: Date };

/** A signed naskah as the guards need it (date-only values as UTC midnight). */
export type NaskahFacts = {
  status: AgreementStatus;
  signedAt: Date | null;
  startDate: Date | null;
  endDate: Date | null;
};

/** What the jenis ↔ partner matrix (domain §2) needs to know about the partner. */
export type PartnerFacts = { partnerClass: PartnerClass; universityStatus: UniversityStatus | null };

/** What the machine needs to know about a case. */
export interface CaseSnapshot {
  kind: CaseKind;
  stage: Stage;
  initiator: Initiator;
  opdId: string;
  requiresDprd: boolean;
  /** Document types present (not deleted) on the case. */
  documents: readonly DocumentType[];
  /** Proposal fields still empty (computed by missingProposalFields). */
  missingFields: readonly string[];
  /** The case's partner (null while none is chosen). */
  partner?: PartnerFacts | null;
  /** The signed KB a PKS sits under: the case's own, or the parent KB of a PKS turunan. */
  kb?: NaskahFacts | null;
  /** The signed Letter of Intent of the foreign chain (the MoU follows it). */
  loi?: NaskahFacts | null;
  /** The running agreement (PKS/NK/MoU) once in PELAKSANAAN. */
  running?: NaskahFacts | null;
  /** The final monitoring report (laporan akhir) of the running agreement, once the OPD has saved one. */
  finalReport?: { status: ReportStatus } | null;
  /** A PKS turunan starts at PENYUSUNAN_PKS under an existing KB. */
  isPksTurunan?: boolean;
  /** The adendum being prepared (stages ADENDUM_*): its draft row. */
  adendum?: AdendumFacts | null;
}

/** The adendum in progress, as the guards need it. */
export type AdendumFacts = {
  requiresDprd: boolean;
  /** The naskah it amends (PKS, NK, MoU…): only a PKS may be signed by a delegated official. */
  amends: { type: string; signedAt: Date | null } | null;
};

export interface WorkflowActor {
  role: Role;
  opdId: string | null;
}

/** Data an event may carry (the form of the action panel). */
export interface EventInput {
  note?: string;
  /** Verification checklist: every item confirmed. */
  checklistComplete?: boolean;
  signing?: SigningInput;
  dprd?: { number?: string; date?: Date | null };
  termination?: { ground?: string; date?: Date | null };
  /** Starting an adendum: what changes, and the two DPRD questions for the change (domain §5). */
  adendum?: { changes?: string[]; burdensPublic?: boolean | null; budgetedInApbd?: boolean | null };
}

/** Names of the event form's fields, as guards report them (nested as the form posts them). */
export type EventField =
  | "note"
  | "checklistComplete"
  | `signing.${keyof SigningInput}`
  | "dprd.number"
  | "dprd.date"
  | "termination.ground"
  | "termination.date"
  | "adendum.changes"
  | "adendum.burdensPublic"
  | "adendum.budgetedInApbd";

export interface SigningInput {
  ourNumber?: string;
  partnerNumber?: string;
  signedAt?: Date | null;
  signedPlace?: string;
  signerType?: SignerType;
  signerName?: string;
  signerPosition?: string;
  startDate?: Date | null;
  endDate?: Date | null;
  durationOverrideBasis?: string;
  /** Who signed for the partner (domain §7: identities of both parties). */
  partnerSignerName?: string;
  partnerSignerPosition?: string;
}

export type RefusalCode =
  | "UNKNOWN_EVENT"
  | "NOT_AVAILABLE"
  | "ROLE_NOT_ALLOWED"
  | "NOT_OWN_OPD"
  | "REASON_REQUIRED"
  | "FORM_INCOMPLETE"
  | "DOCUMENTS_MISSING"
  | "CHECKLIST_INCOMPLETE"
  | "DPRD_DECISION_REQUIRED"
  | "DPRD_DECISION_DATA_REQUIRED"
  | "SIGNING_DATA_REQUIRED"
  | "SIGNER_NOT_ALLOWED"
  | "POWER_OF_ATTORNEY_REQUIRED"
  | "PERIOD_INVALID"
  | "PERIOD_OUTSIDE_KB"
  | "DURATION_EXCEEDED"
  | "CENTRAL_APPROVAL_REQUIRED"
  | "NOT_ENDED_YET"
  | "FINAL_REPORT_REQUIRED"
  | "TERMINATION_DATA_REQUIRED"
  | "DATE_IMPLAUSIBLE"
  | "KB_NOT_IN_FORCE"
  | "PARTNER_MISMATCH"
  | "ADENDUM_DATA_REQUIRED";

/** Side effects the service must carry out in the same transaction. */
export type Effect =
  | { kind: "CREATE_AGREEMENT"; type: "KB" | "PKS" | "NK" | "LOI" | "MOU" }
  | { kind: "RECORD_DPRD_DECISION" }
  | { kind: "LOCK_STAGE_DOCUMENTS"; stage: Stage }
  | { kind: "END_AGREEMENTS"; status: "BERAKHIR" | "DIAKHIRI" | "DITOLAK_DPRD" }
  /** The adendum's draft row, under the running naskah, version + 1 (domain §5). */
  | { kind: "START_ADENDUM" }
  /** The DPRD decision on the adendum, kept on its draft row. */
  | { kind: "RECORD_ADENDUM_DPRD" }
  /** The signed adendum takes force; the naskah it amends goes to version + 1. */
  | { kind: "SIGN_ADENDUM" }
  /** The adendum never takes force (abandoned, refused, overtaken by the end of the naskah). */
  | { kind: "CLOSE_ADENDUM"; status: "BATAL" | "DITOLAK_DPRD" };

export type Decision =
  | { ok: true; from: Stage; to: Stage; event: EventCode; effects: Effect[] }
  | {
      ok: false;
      code: RefusalCode;
      message: string;
      /** Document types or proposal fields still missing. */
      missing?: readonly string[];
      /** The event form's fields at fault, each with its message (all of them at once). */
      fields?: Partial<Record<EventField, string>>;
    };

export interface DecideContext {
  now: Date;
  settings: Pick<Settings, "requiredDocuments" | "pksMaxYears" | "region" | "ptnBhKind">;
}

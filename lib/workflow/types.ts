// Types of the pure stage machine. No I/O, no clock: callers pass `now` and the settings.
import type { CaseKind, DocumentType, Initiator, SignerType, Stage } from "@/lib/generated/prisma/enums";
import type { Role } from "@/lib/auth/roles";
import type { Settings } from "@/lib/settings/defaults";

export type { CaseKind, DocumentType, Initiator, SignerType, Stage };

/** Every event code; the seed's history uses the same codes. */
export const EVENTS = [
  "ajukan", "setujui", "kembalikan", "lengkap", "perlu_perbaikan", "ajukan_ulang", "registrasi_penawaran_mitra",
  "layak", "tidak_layak", "mitra_setuju", "mitra_menolak", "batal", "final", "tandatangani", "dprd_setuju",
  "dprd_tolak", "loi_ditandatangani", "konsultasi_selesai", "pembahasan_selesai", "pusat_setuju",
  "berakhir", "akhiri", "selesai",
] as const;
export type EventCode = (typeof EVENTS)[number];

/** A naskah period (date-only values as UTC midnight). */
export type Period = { start: Date; end: Date };

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
  /** The signed KB this case's PKS must sit within (own KB, or the parent KB of a PKS turunan). */
  kbPeriod?: Period | null;
  /** End of the running agreement (PKS/NK/MoU) once in PELAKSANAAN. */
  activeEnd?: Date | null;
  /** A PKS turunan starts at PENYUSUNAN_PKS under an existing KB. */
  isPksTurunan?: boolean;
}

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
}

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
  | "TERMINATION_DATA_REQUIRED";

/** Side effects the service must carry out in the same transaction. */
export type Effect =
  | { kind: "CREATE_AGREEMENT"; type: "KB" | "PKS" | "NK" | "LOI" | "MOU" }
  | { kind: "RECORD_DPRD_DECISION" }
  | { kind: "LOCK_STAGE_DOCUMENTS"; stage: Stage }
  | { kind: "END_AGREEMENTS"; status: "BERAKHIR" | "DIAKHIRI" };

export type Decision =
  | { ok: true; from: Stage; to: Stage; event: EventCode; effects: Effect[] }
  | { ok: false; code: RefusalCode; message: string; missing?: readonly string[] };

export interface DecideContext {
  now: Date;
  settings: Pick<Settings, "requiredDocuments" | "pksMaxYears" | "region">;
}

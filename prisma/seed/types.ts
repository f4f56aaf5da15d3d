// The shape of one demo case. Times are relative to the seed's `now` (days ago / days ahead), so
// the demo always has agreements ending soon, overdue reports and an old KB without PKS.
import type {
  CaseKind, FundingSource, KsddNature, KsdpkForm, Stage, TerminationGround,
} from "../../lib/generated/prisma/enums";
import type { OpdKey } from "./opds";

export type CaseSpec = {
  /** Fixed id, `case-<opd>-<slug>`. */
  id: string;
  title: string;
  /** Short name used in document file names ("KAK - <short>.pdf"). */
  short: string;
  kind: CaseKind;
  ksddNature?: KsddNature;
  ksdpkForm?: KsdpkForm;
  /** KSDPK offered by the partner: enters at VERIFIKASI. */
  partnerInitiated?: boolean;
  opd: OpdKey;
  partner: string;
  subject: string;
  affair: string;
  /** Tujuan (the maksud is derived from the subject). */
  purpose: string;
  scope: string[];
  benefits: string;
  funding: { source: FundingSource; amount: number | null };
  burdensPublic: boolean;
  budgetedInApbd: boolean;
  /** Current stage. */
  stage: Stage;

  // ── timeline (days relative to the seed date) ──
  /** Days since the current stage was entered (stages not pinned by a signing or an end date). */
  daysInStage?: number;
  /** KB (KSDD/KSDPK), NK (SINERGI) or MoU (foreign) signing, days ago. */
  signedDaysAgo?: number;
  /** End of the operative naskah (PKS/NK/MoU), days from today (negative = already ended). */
  endInDays?: number;

  // ── detours in the past ──
  /** Kepala OPD returned the draft once (PERSETUJUAN_OPD → DRAF). */
  returnedByKepala?: string;
  /** Notes of past returns at verification (each is VERIFIKASI → PERBAIKAN → VERIFIKASI). */
  verificationReturns?: string[];
  /** TKKSD asked for improvements once (KAJIAN_TKKSD → PERBAIKAN → VERIFIKASI → KAJIAN_TKKSD). */
  tkksdReturn?: string;

  /** Reason for the current PERBAIKAN or a negative terminal stage (stored as lastReason). */
  reason?: string;
  termination?: { ground: TerminationGround; daysAgo: number };
  /** Perpanjangan of another case (extendsCaseId). */
  extendsCase?: string;
  /** PKS turunan: the case whose KB this case implements. */
  pksUnderCase?: string;
  /** Kerja Sama Arsip: registered directly at PELAKSANAAN. */
  archive?: { registeredDaysAgo: number; signerName: string; signerPosition: string };
  /** PKS signed by the Kepala OPD holding a surat kuasa from the Bupati. */
  pksByKepalaOpd?: boolean;
  /** A completed adendum (agreement version 2), signed this many days ago. */
  adendum?: { signedDaysAgo: number; changes: string[]; fundingAmount?: number };
  /** Adendum in progress: the case sits in an ADENDUM_* stage. */
  adendumDraft?: { changes: string[] };
  /** Drafting stalled: no draft naskah or draft document yet (the KB-without-PKS flag). */
  draftNotStarted?: boolean;
  /** No report for the last completed period (dashboard flag "Tanpa Laporan"). */
  skipLastReport?: boolean;

  /** Kewajiban per pihak for the naskah (pihak pertama = Pemerintah Kabupaten Sukamaju). */
  duties?: { pihakPertama: string[]; pihakKedua: string[] };
  /** Monev material: outputs per period and obstacles. */
  monev?: { outputs: string[]; obstacles: string[] };
};

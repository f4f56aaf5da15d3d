// The legal checks of an archive agreement (domain §4.1, §5) — pure, no I/O, no clock: the caller
// passes `now` and the settings. They are the signing forms' own guards (lib/workflow/guards.ts),
// run on a snapshot built from the archive's data, so an archive agreement passes exactly the rules
// a signing in SIKERDA would: numbers, date, place and both signatories; signing dates never in the
// future; a PKS never signed before its KB, inside the KB's period, at most `pksMaxYears` unless a
// legal basis is stated, signed by an official only with a surat kuasa; the DPRD decision after the
// KB and not in the future; the partner class fitting the jenis.
import { agreementState } from "@/lib/agreements/state";
import { isoDate, todayInZone } from "@/lib/dates";
import { formatTanggal } from "@/lib/format";
import type { AgreementStatus, Stage } from "@/lib/generated/prisma/enums";
import {
  GUARDS, partnerMismatch, type CaseSnapshot, type DecideContext, type DocumentType, type EventInput, type NaskahFacts,
  type PartnerFacts, type Refusal, type SigningInput,
} from "@/lib/workflow";
import { hasKb, requiresDprdFor, type ArchiveInput, type NaskahInput } from "./schema";

export type FieldErrors = Record<string, string>;

/** The naskah type of the running agreement of each jenis. */
export const RUNNING_TYPE = { KSDD: "PKS", KSDPK: "PKS", SINERGI: "NK", KSDPL: "MOU", KSDLL: "MOU" } as const;

/** The stage in which each naskah is signed (its documents belong to it, locked). */
export const SIGNING_STAGE: Record<"KB" | "PKS" | "NK" | "MOU", Stage> = {
  KB: "PENANDATANGANAN_KB", PKS: "PENANDATANGANAN_PKS", NK: "PENANDATANGANAN_NK", MOU: "PENANDATANGANAN_MOU",
};

/** Only a PKS may be signed by an official with a surat kuasa; every other naskah by the Kepala Daerah. */
export function signingOf(n: NaskahInput | undefined, delegable: boolean): SigningInput {
  return { ...n, signerType: delegable ? (n?.signerType ?? "KEPALA_DAERAH") : "KEPALA_DAERAH" };
}

const facts = (s: SigningInput, status: AgreementStatus = "BERLAKU"): NaskahFacts => ({
  status, signedAt: s.signedAt ?? null, startDate: s.startDate ?? null, endDate: s.endDate ?? null,
});

/** Copies a guard's refusal into `errors`, its "signing.x" fields renamed to the form's "<group>.x". */
function collect(errors: FieldErrors, refusal: Refusal | null, rename: (field: string) => string, fallbackField: string) {
  if (!refusal) return;
  const fields = Object.entries(refusal.fields ?? {});
  if (fields.length === 0) {
    errors[fallbackField] ??= refusal.message;
    return;
  }
  for (const [field, message] of fields) if (message) errors[rename(field)] ??= message;
}

const toGroup = (group: string) => (field: string) => field.replace(/^signing\./, `${group}.`);
const DPRD_FIELDS: Record<string, string> = { "dprd.number": "dprdNumber", "dprd.date": "dprdDate" };

export type ArchiveFacts = {
  partner: PartnerFacts | null;
  /** Document types the registration brings (SURAT_KUASA decides whether a delegated signer may sign). */
  documents: readonly DocumentType[];
};

/**
 * Every legal problem of an archive agreement, keyed by form field name (the import maps them to
 * its columns). Empty object = may be registered.
 */
export function checkArchive(input: ArchiveInput, { partner, documents }: ArchiveFacts, ctx: DecideContext): FieldErrors {
  const errors: FieldErrors = {};
  if (partner) {
    const mismatch = partnerMismatch(input.kind, partner, ctx.settings.ptnBhKind);
    if (mismatch) errors.partnerId = mismatch;
  }
  const requiresDprd = requiresDprdFor(input.kind, input.requiresDprd);
  const snapshot: CaseSnapshot = {
    kind: input.kind, stage: "PELAKSANAAN", initiator: "DAERAH", opdId: input.opdId, requiresDprd,
    documents, missingFields: [], partner,
  };
  const dprd: EventInput = { dprd: { number: input.dprdNumber, date: input.dprdDate ?? null } };
  const running = signingOf(input.naskah, input.kind === "KSDD" || input.kind === "KSDPK");

  if (hasKb(input.kind)) {
    const kb = signingOf(input.induk, false);
    collect(errors, GUARDS.signKb(snapshot, { signing: kb }, ctx), toGroup("induk"), "induk.ourNumber");
    const withKb: CaseSnapshot = { ...snapshot, kb: facts(kb) };
    if (requiresDprd) collect(errors, GUARDS.dprdData(withKb, dprd, ctx), (f) => DPRD_FIELDS[f] ?? f, "dprdNumber");
    collect(errors, GUARDS.signPks(withKb, { signing: running }, ctx), toGroup("naskah"), "naskah.signerType");
    // The PKS is drafted only after the DPRD approved the KB (domain §4.1): never signed before it.
    if (requiresDprd && input.dprdDate && running.signedAt && isoDate(running.signedAt) < isoDate(input.dprdDate)) {
      errors["naskah.signedAt"] ??=
        `PKS tidak dapat ditandatangani sebelum persetujuan DPRD atas Kesepakatan Bersama (${formatTanggal(input.dprdDate, "UTC")}).`;
    }
  } else if (input.kind === "SINERGI") {
    collect(errors, GUARDS.signHead(snapshot, { signing: running }, ctx), toGroup("naskah"), "naskah.ourNumber");
  } else {
    // KSDPL/KSDLL: the MoU is signed only after the DPRD approval (Permendagri 25/2020).
    collect(errors, GUARDS.dprdData(snapshot, dprd, ctx), (f) => DPRD_FIELDS[f] ?? f, "dprdNumber");
    collect(errors, GUARDS.signMou(snapshot, { signing: running }, ctx), toGroup("naskah"), "naskah.ourNumber");
    if (input.dprdDate && running.signedAt && isoDate(running.signedAt) < isoDate(input.dprdDate)) {
      errors["naskah.signedAt"] ??=
        `MoU tidak dapat ditandatangani sebelum persetujuan DPRD (${formatTanggal(input.dprdDate, "UTC")}).`;
    }
  }
  return errors;
}

/**
 * Where an archive agreement enters the workflow: PELAKSANAAN while its running naskah's period
 * lasts (or has not started), BERAKHIR once its end date has passed. Not SELESAI: closing requires
 * the final report reviewed by Bagian Kerja Sama (domain §4.1 step 12, §6), which the archive
 * does not bring; the office records it and the Kabag closes the case as for any other agreement.
 */
export function archiveStage(running: { startDate?: Date | null; endDate?: Date | null }, now: Date, timeZone: string): "PELAKSANAAN" | "BERAKHIR" {
  const state = agreementState({ status: "BERLAKU", startDate: running.startDate ?? null, endDate: running.endDate ?? null }, todayInZone(now, timeZone));
  return state === "BERAKHIR" ? "BERAKHIR" : "PELAKSANAAN";
}

/** The stored status of a naskah by its dates ("belum berlaku" is derived, never stored). */
export function archiveStatus(n: { startDate?: Date | null; endDate?: Date | null }, now: Date, timeZone: string): "BERLAKU" | "BERAKHIR" {
  return archiveStage(n, now, timeZone) === "BERAKHIR" ? "BERAKHIR" : "BERLAKU";
}

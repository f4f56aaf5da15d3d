// Fixtures for the case service tests: two OPDs, one user per role, partners, and helpers that
// upload documents (Document rows) and walk a case through its stages via transitionCase().
import { randomUUID } from "node:crypto";
import { expect } from "vitest";
import { getDb } from "@/lib/db";
import type { Role } from "@/lib/auth/roles";
import type { CurrentUser } from "@/lib/auth/session";
import { DomainError } from "@/lib/errors";
import type { CaseKind, DocumentType, Stage } from "@/lib/generated/prisma/enums";
import type { DraftInput } from "@/lib/cases/service";
import { createDraft, NOW, transitionCase } from "./services";
import type { EventInput, SigningInput } from "@/lib/workflow";

export const OPD_A = "opd-dinkes";
export const OPD_B = "opd-dishub";

const USERS: Record<string, { role: Role; opdId: string | null; fullName: string }> = {
  operatorA: { role: "OPERATOR_OPD", opdId: OPD_A, fullName: "Rina Wulandari" },
  kepalaA: { role: "KEPALA_OPD", opdId: OPD_A, fullName: "dr. Hendra Gunawan, M.Kes." },
  operatorB: { role: "OPERATOR_OPD", opdId: OPD_B, fullName: "Agus Salim" },
  kepalaB: { role: "KEPALA_OPD", opdId: OPD_B, fullName: "Ir. Bambang Sutrisno" },
  staf: { role: "STAF_KS", opdId: null, fullName: "Dewi Lestari" },
  kabag: { role: "KABAG_KS", opdId: null, fullName: "Drs. Yusuf Hidayat, M.Si." },
  tkksd1: { role: "TKKSD", opdId: null, fullName: "Ir. Sri Mulyani" },
  tkksd2: { role: "TKKSD", opdId: null, fullName: "Budi Prasetyo, S.H." },
  pimpinan: { role: "PIMPINAN", opdId: null, fullName: "H. Ahmad Sudrajat" },
};
export type UserKey = keyof typeof USERS;

export function actor(key: UserKey): CurrentUser {
  const u = USERS[key];
  return { id: `u-${key}`, username: key, fullName: u.fullName, role: u.role, opdId: u.opdId, opdName: null };
}

export const PARTNER_PEMDA = "p-kab-tetangga";
export const PARTNER_SWASTA = "p-pt-air";
export const PARTNER_KL = "p-kemenkes";
export const PARTNER_ASING = "p-sister-city";

export async function seedBase(): Promise<void> {
  const db = getDb();
  await db.opd.createMany({
    data: [
      { id: OPD_A, name: "Dinas Kesehatan", shortName: "Dinkes" },
      { id: OPD_B, name: "Dinas Perhubungan", shortName: "Dishub" },
    ],
  });
  await db.user.createMany({
    data: Object.entries(USERS).map(([key, u]) => ({
      id: `u-${key}`, username: key, fullName: u.fullName, role: u.role, opdId: u.opdId, passwordHash: "x",
    })),
  });
  await db.partner.createMany({
    data: [
      { id: PARTNER_PEMDA, name: "Pemerintah Kabupaten Sukamakmur", partnerClass: "PEMDA" },
      { id: PARTNER_SWASTA, name: "PT Tirta Sejahtera", partnerClass: "SWASTA" },
      { id: PARTNER_KL, name: "Kementerian Kesehatan", partnerClass: "KEMENTERIAN_LEMBAGA" },
      { id: PARTNER_ASING, name: "Kota Higashiomi, Jepang", partnerClass: "PEMDA_LUAR_NEGERI", country: "Jepang" },
    ],
  });
}

export const d = (iso: string) => new Date(`${iso}T00:00:00Z`);

const PARTNER_OF: Record<CaseKind, string> = {
  KSDD: PARTNER_PEMDA, KSDPK: PARTNER_SWASTA, SINERGI: PARTNER_KL, KSDPL: PARTNER_ASING, KSDLL: PARTNER_ASING,
};

/** A complete proposal form; `requiresDprd` answers the two DPRD questions accordingly. */
export function draftInput(kind: CaseKind, opts: { requiresDprd?: boolean } & Partial<DraftInput> = {}): DraftInput {
  const { requiresDprd = false, ...rest } = opts;
  return {
    kind,
    title: `Kerja sama ${kind} peningkatan layanan kesehatan`,
    partnerId: PARTNER_OF[kind],
    ksddNature: kind === "KSDD" ? "SUKARELA" : undefined,
    ksdpkForm: kind === "KSDPK" ? "PELAYANAN_PUBLIK" : undefined,
    subject: "Pelayanan kesehatan di wilayah perbatasan",
    governmentAffair: "Kesehatan",
    purpose: "Meningkatkan akses layanan kesehatan masyarakat perbatasan.",
    scope: "Rujukan pasien\nPertukaran data kesehatan",
    benefits: "Waktu rujukan lebih singkat.",
    fundingSource: "APBD",
    fundingAmount: "1500000000",
    fundingYear: 2026,
    burdensPublic: requiresDprd,
    budgetedInApbd: true,
    proposedStart: d("2026-03-01"),
    proposedEnd: d("2029-02-28"),
    ...rest,
  };
}

/** Inserts an uploaded document row (content is irrelevant to the service). */
export async function upload(caseId: string, type: DocumentType, opts: { stage?: Stage; by?: UserKey } = {}) {
  const db = getDb();
  const c = await db.case.findUniqueOrThrow({ where: { id: caseId }, select: { stage: true } });
  const version = (await db.document.count({ where: { caseId, type } })) + 1;
  return db.document.create({
    data: {
      caseId, type, version, stage: opts.stage ?? c.stage, storageKey: `2026/01/${randomUUID()}.pdf`,
      sha256: "0".repeat(64), sizeBytes: 1024, mimeType: "application/pdf", originalName: `${type}.pdf`,
      uploadedById: `u-${opts.by ?? "staf"}`,
    },
  });
}

export const caseRow = (id: string) => getDb().case.findUniqueOrThrow({ where: { id } });
export const historyOf = (caseId: string) =>
  getDb().stageHistory.findMany({ where: { caseId }, orderBy: { id: "asc" } });

/** Uploads `docs` at the current stage, then records `event` with the current version. */
export async function step(
  caseId: string, who: UserKey, event: string, input: EventInput = {}, docs: DocumentType[] = [], now = NOW,
) {
  for (const type of docs) await upload(caseId, type);
  const { version } = await caseRow(caseId);
  return transitionCase(actor(who), caseId, event, input, version, now);
}

/** Expects a refusal with the given domain code (and refusal code) and nothing changed. */
export async function expectRefused(
  caseId: string,
  run: () => Promise<unknown>,
  code: string,
  reason?: string,
): Promise<DomainError> {
  const before = await caseRow(caseId);
  const historyBefore = await historyOf(caseId);
  const agreementsBefore = await getDb().agreement.count({ where: { caseId } });
  const error = await run().then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(DomainError);
  const de = error as DomainError;
  expect(de.code).toBe(code);
  if (reason) expect(de.reason).toBe(reason);
  const after = await caseRow(caseId);
  expect({ stage: after.stage, version: after.version, lastReason: after.lastReason }).toEqual({
    stage: before.stage, version: before.version, lastReason: before.lastReason,
  });
  expect(await historyOf(caseId)).toHaveLength(historyBefore.length);
  expect(await getDb().agreement.count({ where: { caseId } })).toBe(agreementsBefore);
  return de;
}

export function signing(overrides: Partial<SigningInput> = {}): SigningInput {
  return {
    ourNumber: "180/012/KS/2026", partnerNumber: "119/045/PEM/2026", signedAt: d("2026-02-02"), signedPlace: "Sukamaju",
    signerType: "KEPALA_DAERAH", signerName: "H. Ahmad Sudrajat, S.H., M.Si.", signerPosition: "Bupati Sukamaju",
    partnerSignerName: "Drs. H. Bambang Irawan", partnerSignerPosition: "Bupati Sukamakmur",
    startDate: d("2026-02-02"), endDate: d("2031-02-01"), ...overrides,
  };
}

export const PKS_SIGNING = signing({
  ourNumber: "180/020/KS/2026", partnerNumber: "119/051/PEM/2026", signedAt: d("2026-04-01"),
  startDate: d("2026-04-01"), endDate: d("2029-03-31"),
});

/** Creates a draft as operator A and walks it forward to `until` with every required document. */
export async function caseAt(kind: "KSDD" | "KSDPK", until: Stage, opts: { requiresDprd?: boolean } = {}): Promise<string> {
  const { id } = await createDraft(actor("operatorA"), draftInput(kind, opts));
  const plan: [Stage, () => Promise<unknown>][] = [
    ["DRAF", () => step(id, "operatorA", "ajukan", {}, kind === "KSDPK" ? ["KAK", "STUDI_KELAYAKAN"] : ["KAK"])],
    ["PERSETUJUAN_OPD", () => step(id, "kepalaA", "setujui", {}, ["SURAT_INISIASI"])],
    ["VERIFIKASI", () => step(id, "kabag", "lengkap", { checklistComplete: true })],
    ["KAJIAN_TKKSD", () => step(id, "kabag", "layak", {}, ["BERITA_ACARA_TKKSD"])],
    ["PENAWARAN", () => step(id, "staf", "mitra_setuju", {}, ["SURAT_PENAWARAN", "SURAT_JAWABAN"])],
    ["PENYUSUNAN_KB", () => step(id, "staf", "final", {}, ["DRAF_KB"])],
    ["PENANDATANGANAN_KB", () => step(id, "kabag", "tandatangani", { signing: signing() }, ["KB_DITANDATANGANI"])],
    ["PERSETUJUAN_DPRD", () =>
      step(id, "kabag", "dprd_setuju", { dprd: { number: "172/Kep.12-DPRD/2026", date: d("2026-03-10") } }, [
        "SURAT_PERMOHONAN_DPRD", "PERSETUJUAN_DPRD",
      ])],
    ["PENYUSUNAN_PKS", () => step(id, "staf", "final", {}, ["DRAF_PKS"])],
  ];
  for (;;) {
    const { stage } = await caseRow(id);
    if (stage === until) return id;
    const next = plan.find(([s]) => s === stage);
    if (!next) throw new Error(`caseAt: no step from ${stage}`);
    await next[1]();
  }
}

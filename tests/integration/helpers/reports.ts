// Fixtures for the monitoring-report tests: cases walked to PELAKSANAAN / BERAKHIR through the real
// transition service, and the report services in the positional shape the tests read best.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll } from "vitest";
import { getDb } from "@/lib/db";
import type { CurrentUser } from "@/lib/auth/session";
import * as evidence from "@/lib/reports/evidence";
import * as service from "@/lib/reports/service";
import type { ReportInput } from "@/lib/reports/schemas";
import { createDraft } from "./services";
import { actor, caseAt, d, draftInput, PKS_SIGNING, signing, step, type UserKey } from "./cases";

/** A temporary storage directory for evidence files, for the whole test file. */
export function withTemporaryStorage(): void {
  let dir = "";
  const previous = process.env.STORAGE_DIR;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), "sikerda-laporan-"));
    process.env.STORAGE_DIR = dir;
  });
  afterAll(async () => {
    if (previous === undefined) delete process.env.STORAGE_DIR;
    else process.env.STORAGE_DIR = previous;
    await rm(dir, { recursive: true, force: true });
  });
}

/** KSDD case of OPD A in PELAKSANAAN: PKS in force 1 April 2026 – 31 March 2029 (signed at the tests' NOW). */
export async function activeCase(): Promise<string> {
  const id = await caseAt("KSDD", "PENANDATANGANAN_PKS");
  await step(id, "kabag", "tandatangani", { signing: PKS_SIGNING }, ["PKS_DITANDATANGANI"]);
  return id;
}

/** KSDD case of OPD A whose PKS (1 March 2021 – 31 December 2025) has ended: BERAKHIR at the tests' NOW. */
export async function endedCase(): Promise<string> {
  const THEN = new Date("2021-03-15T03:00:00Z");
  const { id } = await createDraft(actor("operatorA"), draftInput("KSDD"), THEN);
  await step(id, "operatorA", "ajukan", {}, ["KAK"], THEN);
  await step(id, "kepalaA", "setujui", {}, ["SURAT_INISIASI"], THEN);
  await step(id, "kabag", "lengkap", { checklistComplete: true }, [], THEN);
  await step(id, "kabag", "layak", {}, ["BERITA_ACARA_TKKSD"], THEN);
  await step(id, "staf", "mitra_setuju", {}, ["SURAT_PENAWARAN", "SURAT_JAWABAN"], THEN);
  await step(id, "staf", "final", {}, ["DRAF_KB"], THEN);
  const kb = signing({ signedAt: d("2021-01-10"), startDate: d("2021-01-10"), endDate: d("2026-01-09") });
  await step(id, "kabag", "tandatangani", { signing: kb }, ["KB_DITANDATANGANI"], THEN);
  await step(id, "staf", "final", {}, ["DRAF_PKS"], THEN);
  const pks = { ...PKS_SIGNING, signedAt: d("2021-03-01"), startDate: d("2021-03-01"), endDate: d("2025-12-31") };
  await step(id, "kabag", "tandatangani", { signing: pks }, ["PKS_DITANDATANGANI"], THEN);
  await step(id, "kabag", "berakhir");
  return id;
}

export const FILLED: Omit<ReportInput, "caseId" | "period" | "intent"> = {
  realization: "SEBAGIAN",
  outputAchieved: "Dua dari tiga kegiatan rujukan terpadu terlaksana.",
  benefits: "Waktu rujukan pasien turun dari 6 jam menjadi 3 jam.",
  obstacles: "Jadwal tim mitra bergeser karena banjir.",
  followUp: "Kegiatan ketiga dijadwalkan ulang pada awal triwulan berikutnya.",
  recommendation: "LANJUTKAN",
};

type SaveOptions = { reportId?: string; version?: number; over?: Partial<ReportInput>; by?: UserKey | CurrentUser };

const who = (by: UserKey | CurrentUser | undefined, fallback: UserKey) => (typeof by === "object" ? by : actor(by ?? fallback));

export const save = (caseId: string, period: string, intent: "draf" | "kirim", now: Date, o: SaveOptions = {}) =>
  service.saveReport({
    actor: who(o.by, "operatorA"), now,
    input: { caseId, period, intent, reportId: o.reportId, version: o.version, ...FILLED, ...o.over },
  });

export const review = (reportId: string, version: number, rating: number, now: Date, by: UserKey = "kabag", note = "Laporan lengkap dan didukung bukti.") =>
  service.reviewReport({ actor: actor(by), now, reportId, expectedVersion: version, rating, note });

export const giveBack = (reportId: string, version: number, now: Date, by: UserKey = "staf", reason = "Lampirkan daftar hadir dan foto kegiatan rujukan.") =>
  service.returnReport({ actor: actor(by), now, reportId, expectedVersion: version, reason });

export const attach = (reportId: string, type: string, bytes: Uint8Array, now: Date, by: UserKey = "operatorA", name = "bukti.pdf") =>
  evidence.uploadEvidence(actor(by), {
    reportId, type, originalName: name, declaredSize: bytes.byteLength, now, stream: (async function* () { yield bytes; })(),
  });

export const removeAttachment = (reportId: string, documentId: string, now: Date, by: UserKey = "operatorA") =>
  evidence.removeEvidence({ actor: actor(by), now, reportId, documentId });

/** Every row a report change may touch, to prove a refusal changed nothing. */
export async function reportState() {
  const db = getDb();
  const [reports, documents, audit, agreements] = await Promise.all([
    db.monitoringReport.findMany({ orderBy: { id: "asc" } }),
    db.document.findMany({ where: { reportId: { not: null } }, orderBy: { id: "asc" } }),
    db.auditEvent.count({ where: { entity: "MonitoringReport" } }),
    db.agreement.findMany({ select: { id: true, lastReportAt: true }, orderBy: { id: "asc" } }),
  ]);
  return { reports, documents, audit, agreements };
}

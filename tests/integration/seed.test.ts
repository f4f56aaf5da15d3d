// The demo data must obey the rules the application enforces (domain.md §3–§8): a demo that
// shows an impossible history or a PKS outside its KB would teach users the wrong law.
// Everything is computed from the database after seedDemo(), not from the seed's own tables.
import { mkdtemp, readFile, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { PrismaPg } from "@prisma/adapter-pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { verifyPassword } from "@/lib/auth/password";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { CaseKind, KsdpkForm, PartnerClass, type Stage } from "@/lib/generated/prisma/enums";
import { isInForce } from "@/lib/agreements/state";
import { todayInZone } from "@/lib/dates";
import { partnerMismatch } from "@/lib/workflow";
import { buildTimeline, finalPeriod, reportingPeriods } from "@/lib/reports/periods";
import { DEFAULT_SETTINGS } from "@/lib/settings/defaults";
import { sha256Hex, storageRoot } from "@/lib/storage";
import { DEMO_PASSWORD, seedDemo, type SeedSummary } from "@/prisma/seed/index";
import { resetDatabase } from "./helpers/db";

const DAY = 86_400_000;
const FRONT: [Stage, Stage][] = [
  ["DRAF", "PERSETUJUAN_OPD"], ["PERSETUJUAN_OPD", "VERIFIKASI"], ["PERSETUJUAN_OPD", "DRAF"],
  ["VERIFIKASI", "KAJIAN_TKKSD"], ["VERIFIKASI", "PERBAIKAN"], ["PERBAIKAN", "VERIFIKASI"],
  ["KAJIAN_TKKSD", "PERBAIKAN"], ["KAJIAN_TKKSD", "DITOLAK"],
];
const BACK: [Stage, Stage][] = [
  ["PELAKSANAAN", "BERAKHIR"], ["BERAKHIR", "SELESAI"], ["PELAKSANAAN", "DIAKHIRI"],
  ["PELAKSANAAN", "ADENDUM_PENYUSUNAN"], ["ADENDUM_PENYUSUNAN", "ADENDUM_KAJIAN"], ["ADENDUM_KAJIAN", "ADENDUM_PENANDATANGANAN"],
  ["ADENDUM_KAJIAN", "ADENDUM_DPRD"], ["ADENDUM_DPRD", "ADENDUM_PENANDATANGANAN"], ["ADENDUM_PENANDATANGANAN", "PELAKSANAAN"],
];
/** Allowed transitions per jenis (domain §4.1–4.3), written independently of the seed. */
function edges(kind: CaseKind, requiresDprd: boolean): Set<string> {
  const own: [Stage, Stage][] =
    kind === "SINERGI"
      ? [["KAJIAN_TKKSD", "PENYUSUNAN_NK"], ["PENYUSUNAN_NK", "PENANDATANGANAN_NK"], ["PENANDATANGANAN_NK", "PELAKSANAAN"]]
      : kind === "KSDPL" || kind === "KSDLL"
        ? [["KAJIAN_TKKSD", "PENJAJAKAN_LOI"], ["PENJAJAKAN_LOI", "KONSULTASI_KEMENDAGRI"], ["KONSULTASI_KEMENDAGRI", "PERSETUJUAN_DPRD"],
          ["PERSETUJUAN_DPRD", "PEMBAHASAN_INTERKEMENTERIAN"], ["PERSETUJUAN_DPRD", "DITOLAK_DPRD"], ["PEMBAHASAN_INTERKEMENTERIAN", "PERSETUJUAN_PUSAT"],
          ["PERSETUJUAN_PUSAT", "PENANDATANGANAN_MOU"], ["PENANDATANGANAN_MOU", "PELAKSANAAN"]]
        : [["KAJIAN_TKKSD", "PENAWARAN"], ["PENAWARAN", "PENYUSUNAN_KB"], ["PENAWARAN", "BATAL"], ["PENYUSUNAN_KB", "PENANDATANGANAN_KB"],
          requiresDprd ? ["PENANDATANGANAN_KB", "PERSETUJUAN_DPRD"] : ["PENANDATANGANAN_KB", "PENYUSUNAN_PKS"],
          ["PERSETUJUAN_DPRD", "PENYUSUNAN_PKS"], ["PERSETUJUAN_DPRD", "DITOLAK_DPRD"], ["PENYUSUNAN_PKS", "PENANDATANGANAN_PKS"],
          ["PENANDATANGANAN_PKS", "PELAKSANAAN"]];
  return new Set([...FRONT, ...own, ...BACK].map(([a, b]) => `${a}>${b}`));
}

/** The seed's clock, fixed so that no assertion depends on the day the tests run. */
const SEED_NOW = new Date("2026-11-27T03:00:00Z");
const todayWib = () => todayInZone(SEED_NOW, "Asia/Jakarta");

let db: PrismaClient;
let storageDir: string;
let summary: SeedSummary;

async function load() {
  const [cases, agreements, documents, users, partners, opinions, reports, sequences] = await Promise.all([
    db.case.findMany({ include: { history: { orderBy: { id: "asc" } }, opd: true } }),
    db.agreement.findMany({ include: { powerOfAttorneyDocument: true, children: true } }),
    db.document.findMany(),
    db.user.findMany({ include: { opd: true } }),
    db.partner.findMany(),
    db.tkksdOpinion.findMany({ include: { member: true } }),
    db.monitoringReport.findMany(),
    db.numberSequence.findMany(),
  ]);
  return { cases, agreements, documents, users, partners, opinions, reports, sequences };
}
let data: Awaited<ReturnType<typeof load>>;

beforeAll(async () => {
  await resetDatabase();
  storageDir = await mkdtemp(path.join(os.tmpdir(), "sikerda-seed-test-"));
  process.env.STORAGE_DIR = storageDir;
  db = new PrismaClient({ adapter: new PrismaPg({ connectionString: process.env.DATABASE_URL! }) });
  summary = await seedDemo(db, { now: SEED_NOW });
  data = await load();
});

afterAll(async () => {
  await db?.$disconnect();
  if (storageDir) await rm(storageDir, { recursive: true, force: true });
  delete process.env.STORAGE_DIR;
  await resetDatabase();
});

describe("demo seed", () => {
  it("loads a realistic volume and reports its counts", () => {
    expect(summary.cases).toBe(data.cases.length);
    expect(data.cases.length).toBeGreaterThanOrEqual(35);
    expect(data.partners.length).toBeGreaterThanOrEqual(25);
    expect(summary.documents).toBe(data.documents.length);
  });

  it("gives every case a history that is a valid path of its jenis ending at its current stage", () => {
    for (const c of data.cases) {
      const allowed = edges(c.kind, c.requiresDprd);
      const h = c.history;
      expect(h.length, c.id).toBeGreaterThan(0);
      expect(h[0].fromStage, c.id).toBeNull();
      const entry: Stage = c.isArchive ? "PELAKSANAAN" : c.parentAgreementId ? "PENYUSUNAN_PKS" : c.initiator === "MITRA" ? "VERIFIKASI" : "DRAF";
      expect(h[0].toStage, c.id).toBe(entry);
      if (c.initiator === "MITRA") expect(c.kind, c.id).toBe("KSDPK");
      for (let i = 1; i < h.length; i++) {
        expect(h[i].fromStage, `${c.id} #${i}`).toBe(h[i - 1].toStage);
        expect(allowed.has(`${h[i].fromStage}>${h[i].toStage}`), `${c.id}: ${h[i].fromStage} → ${h[i].toStage}`).toBe(true);
        expect(h[i].createdAt.getTime(), `${c.id} #${i} time`).toBeGreaterThan(h[i - 1].createdAt.getTime());
      }
      expect(h.at(-1)!.toStage, c.id).toBe(c.stage);
      expect(c.stageEnteredAt.getTime(), c.id).toBe(h.at(-1)!.createdAt.getTime());
      expect(h.at(-1)!.createdAt.getTime(), c.id).toBeLessThan(SEED_NOW.getTime());
    }
  });

  it("computes requiresDprd from the two answers (always for foreign, never for SINERGI)", () => {
    for (const c of data.cases) {
      const expected = c.kind === "KSDPL" || c.kind === "KSDLL" ? true : c.kind === "SINERGI" ? false : Boolean(c.burdensPublic) || !c.budgetedInApbd;
      expect(c.requiresDprd, c.id).toBe(expected);
    }
  });

  it("records each transition by the role that may make it", () => {
    const byId = new Map(data.users.map((u) => [u.id, u]));
    for (const c of data.cases) {
      for (const row of c.history) {
        const actor = byId.get(row.actorId)!;
        expect(row.actorRole, `${c.id} ${row.event}`).toBe(actor.role);
        expect(["TKKSD", "PIMPINAN", "ADMIN"], `${c.id} ${row.event}`).not.toContain(actor.role);
        if (["ajukan", "ajukan_ulang", "setujui", "kembalikan"].includes(row.event)) {
          expect(actor.opdId, `${c.id} ${row.event}`).toBe(c.opdId);
          expect(actor.role).toBe(row.event === "setujui" || row.event === "kembalikan" ? "KEPALA_OPD" : "OPERATOR_OPD");
        }
        if (["lengkap", "layak", "tidak_layak", "tandatangani", "dprd_setuju", "dprd_tolak", "selesai", "akhiri"].includes(row.event)) {
          expect(actor.role, `${c.id} ${row.event}`).toBe("KABAG_KS");
        }
      }
    }
  });

  it("gives every active KSDD/KSDPK case a signed KB and PKS, the PKS inside the KB and at most five years", () => {
    const byId = new Map(data.agreements.map((a) => [a.id, a]));
    const active = data.cases.filter((c) => c.stage === "PELAKSANAAN" && (c.kind === "KSDD" || c.kind === "KSDPK"));
    expect(active.length).toBeGreaterThanOrEqual(5);
    for (const c of active) {
      const pks = data.agreements.find((a) => a.caseId === c.id && a.type === "PKS" && a.status === "BERLAKU");
      expect(pks, c.id).toBeDefined();
      const kb = byId.get(pks!.parentId ?? "") ?? byId.get(c.parentAgreementId ?? "");
      expect(kb?.type, c.id).toBe("KB");
      for (const a of [kb!, pks!]) {
        expect(a.signedAt && a.ourNumber && a.partnerNumber && a.startDate && a.endDate, a.id).toBeTruthy();
      }
      expect(pks!.startDate! >= kb!.startDate!, c.id).toBe(true);
      expect(pks!.endDate! <= kb!.endDate!, c.id).toBe(true);
      const max = new Date(pks!.startDate!);
      max.setUTCFullYear(max.getUTCFullYear() + DEFAULT_SETTINGS.pksMaxYears);
      expect(pks!.endDate! < max, c.id).toBe(true);
    }
  });

  it("lets only the PKS be signed by a delegated official, always with a surat kuasa", () => {
    const delegated = data.agreements.filter((a) => a.signerType === "PEJABAT_DIKUASAKAN");
    expect(delegated.length).toBeGreaterThan(0);
    for (const a of delegated) {
      expect(a.type === "PKS" || a.type === "ADENDUM", a.id).toBe(true);
      expect(a.powerOfAttorneyDocument?.type, a.id).toBe("SURAT_KUASA");
      expect(a.powerOfAttorneyDocument?.caseId, a.id).toBe(a.caseId);
    }
    for (const a of data.agreements.filter((x) => x.signedAt && ["KB", "NK", "MOU", "LOI"].includes(x.type))) {
      expect(a.signerType, a.id).toBe("KEPALA_DAERAH");
    }
  });

  it("states a reason for every rejection, cancellation and termination", () => {
    for (const c of data.cases.filter((x) => ["DITOLAK", "BATAL", "DITOLAK_DPRD", "DIAKHIRI"].includes(x.stage))) {
      expect(c.lastReason?.trim().length, c.id).toBeGreaterThan(10);
      expect(c.closedAt, c.id).not.toBeNull();
      if (c.stage === "DIAKHIRI") {
        expect(c.terminationGround, c.id).not.toBeNull();
        expect(c.terminationDate, c.id).not.toBeNull();
        const signed = data.agreements.filter((a) => a.caseId === c.id && a.signedAt);
        expect(signed.every((a) => a.status === "DIAKHIRI" && a.terminationGround === c.terminationGround), c.id).toBe(true);
      }
    }
  });

  it("keeps the legal rules of issue 6: jenis fits partner, no PKS under a KB not in force, plausible dates", () => {
    const partners = new Map(data.partners.map((p) => [p.id, p]));
    const today = todayWib();
    for (const c of data.cases) {
      const p = partners.get(c.partnerId!)!;
      expect(partnerMismatch(c.kind, p, DEFAULT_SETTINGS.ptnBhKind), `${c.id} × ${p.id}`).toBeNull();
    }
    const byId = new Map(data.agreements.map((a) => [a.id, a]));
    for (const a of data.agreements) {
      const c = data.cases.find((x) => x.id === a.caseId)!;
      if (a.signedAt) expect(a.signedAt.getTime(), `${a.id} signed in the future`).toBeLessThanOrEqual(today.getTime());
      if (a.type === "KB" && c.stage === "PERSETUJUAN_DPRD") expect(a.status, a.id).toBe("MENUNGGU_DPRD");
      if ((a.type === "KB" || a.type === "LOI") && c.stage === "DITOLAK_DPRD") expect(a.status, a.id).toBe("DITOLAK_DPRD");
      if (a.type === "PKS" && a.signedAt && a.parentId) {
        const kb = byId.get(a.parentId)!;
        expect(a.signedAt.getTime(), `${a.id} signed before its KB`).toBeGreaterThanOrEqual(kb.signedAt!.getTime());
      }
    }
    // Every PKS still being drafted or signed sits under a KB in force today.
    for (const c of data.cases.filter((x) => x.stage === "PENYUSUNAN_PKS" || x.stage === "PENANDATANGANAN_PKS")) {
      const kb = c.parentAgreementId
        ? byId.get(c.parentAgreementId)!
        : data.agreements.find((a) => a.caseId === c.id && a.type === "KB" && a.status !== "DRAF")!;
      expect(isInForce(kb, today), `${c.id}: KB ${kb.id} is ${kb.status}`).toBe(true);
    }
  });

  it("the seeded adendum in progress can be moved on: its draft row and its round's draft let Bagian KS finalise it", async () => {
    const { buildSnapshot, CASE_STATE_SELECT } = await import("@/lib/cases/snapshot");
    const { decide, isAdendumStage } = await import("@/lib/workflow");
    const inAdendum = data.cases.filter((c) => isAdendumStage(c.stage));
    expect(inAdendum.length).toBeGreaterThan(0);
    for (const c of inAdendum) {
      const state = await db.case.findUniqueOrThrow({ where: { id: c.id }, select: CASE_STATE_SELECT });
      const snapshot = await buildSnapshot(db as never, state);
      expect(snapshot.adendum, `${c.id}: no draft adendum row`).toBeTruthy();
      if (c.stage === "ADENDUM_PENYUSUNAN") {
        const r = decide(snapshot, "final", { role: "STAF_KS", opdId: null }, {}, { now: SEED_NOW, settings: DEFAULT_SETTINGS });
        expect(r, `${c.id}: ${JSON.stringify(r)}`).toMatchObject({ ok: true, to: "ADENDUM_KAJIAN" });
      }
    }
    // A signed adendum's round is tied to it, so a later adendum starts with an empty round.
    for (const a of data.agreements.filter((x) => x.type === "ADENDUM" && x.status !== "DRAF")) {
      const untied = data.documents.filter((d) => d.caseId === a.caseId && d.stage.startsWith("ADENDUM_") && d.agreementId !== a.id);
      expect(untied.map((d) => d.id), a.id).toEqual([]);
    }
  });

  it("covers every partner class, jenis, bentuk and stage of the workflow", () => {
    expect(new Set(data.partners.map((p) => p.partnerClass))).toEqual(new Set(Object.values(PartnerClass)));
    expect(new Set(data.cases.map((c) => c.kind))).toEqual(new Set(Object.values(CaseKind)));
    expect(new Set(data.cases.filter((c) => c.kind === "KSDD").map((c) => c.ksddNature))).toEqual(new Set(["WAJIB", "SUKARELA"]));
    expect(new Set(data.cases.filter((c) => c.kind === "KSDPK").map((c) => c.ksdpkForm))).toEqual(new Set(Object.values(KsdpkForm)));
    const stages = new Set(data.cases.map((c) => c.stage));
    const domainStages: Stage[] = [
      "DRAF", "PERSETUJUAN_OPD", "VERIFIKASI", "PERBAIKAN", "KAJIAN_TKKSD", "PENAWARAN", "PENYUSUNAN_KB", "PENANDATANGANAN_KB",
      "PERSETUJUAN_DPRD", "PENYUSUNAN_PKS", "PENANDATANGANAN_PKS", "PENYUSUNAN_NK", "PENANDATANGANAN_NK", "PENJAJAKAN_LOI",
      "KONSULTASI_KEMENDAGRI", "PEMBAHASAN_INTERKEMENTERIAN", "PERSETUJUAN_PUSAT", "PENANDATANGANAN_MOU", "PELAKSANAAN",
      "BERAKHIR", "SELESAI", "DIAKHIRI", "DITOLAK", "BATAL", "DITOLAK_DPRD",
    ];
    for (const s of domainStages) expect(stages.has(s), s).toBe(true);
    expect(data.cases.some((c) => c.initiator === "MITRA")).toBe(true);
    expect(data.cases.some((c) => c.isArchive && c.stage === "PELAKSANAAN")).toBe(true);
    const turunan = data.cases.find((c) => c.parentAgreementId);
    expect(data.agreements.find((a) => a.id === turunan?.parentAgreementId)).toMatchObject({ type: "KB", status: "BERLAKU" });
    const extension = data.cases.find((c) => c.extendsCaseId);
    expect(data.cases.some((c) => c.id === extension?.extendsCaseId)).toBe(true);
    const adendum = data.agreements.find((a) => a.type === "ADENDUM" && a.status === "BERLAKU");
    expect(adendum?.version).toBe(2);
    expect(data.agreements.find((a) => a.id === adendum?.parentId)).toMatchObject({ type: "PKS", version: 2 });
  });

  it("has the demo accounts with the right role and OPD, and the documented password", async () => {
    const expected: [string, string, string | null][] = [
      ["operator.dinkes", "OPERATOR_OPD", "DINKES"], ["kepala.dinkes", "KEPALA_OPD", "DINKES"], ["operator.dispar", "OPERATOR_OPD", "DISPAR"],
      ["staf.ks", "STAF_KS", null], ["kabag.ks", "KABAG_KS", null], ["tkksd", "TKKSD", null], ["pimpinan", "PIMPINAN", null], ["admin", "ADMIN", null],
    ];
    for (const [username, role, opd] of expected) {
      const u = data.users.find((x) => x.username === username);
      expect(u, username).toBeDefined();
      expect(u!.role, username).toBe(role);
      expect(u!.opd?.shortName ?? null, username).toBe(opd);
      expect(u!.active, username).toBe(true);
    }
    const admin = data.users.find((x) => x.username === "admin")!;
    expect(await verifyPassword(admin.passwordHash, DEMO_PASSWORD)).toBe(true);
    expect(await verifyPassword(admin.passwordHash, "salah")).toBe(false);
    for (const u of data.users) {
      expect(u.opdId !== null, u.username).toBe(u.role === "OPERATOR_OPD" || u.role === "KEPALA_OPD");
      if (u.nip) {
        expect(u.nip, u.username).toMatch(/^(19|20)\d{6}(19|20)\d{4}[12]\d{3}$/);
        const born = new Date(`${u.nip.slice(0, 4)}-${u.nip.slice(4, 6)}-${u.nip.slice(6, 8)}T00:00:00Z`);
        expect(Number.isNaN(born.getTime()), u.username).toBe(false);
      }
    }
  });

  it("has agreements ending within 90 days and later, and data for both dashboard flags", () => {
    const today = todayWib().getTime();
    const running = data.agreements.filter((a) => a.status === "BERLAKU" && ["PKS", "NK", "MOU"].includes(a.type) && a.endDate);
    const soon = running.filter((a) => a.endDate!.getTime() >= today && a.endDate!.getTime() <= today + 90 * DAY);
    expect(soon.length).toBeGreaterThanOrEqual(3);
    expect(running.some((a) => a.endDate!.getTime() > today + 90 * DAY)).toBe(true);

    const quarterStart = new Date(Date.UTC(new Date(today).getUTCFullYear(), Math.floor(new Date(today).getUTCMonth() / 3) * 3, 1));
    const lastPeriodEnd = quarterStart.getTime() - DAY;
    const withoutReport = running.filter((a) =>
      a.startDate!.getTime() < lastPeriodEnd &&
      !data.reports.some((r) => r.agreementId === a.id && r.submittedAt && r.periodEnd.getTime() >= lastPeriodEnd));
    expect(withoutReport.length, "Tanpa Laporan").toBeGreaterThan(0);

    const sixMonthsAgo = new Date(today);
    sixMonthsAgo.setUTCMonth(sixMonthsAgo.getUTCMonth() - DEFAULT_SETTINGS.kbWithoutPksMonths);
    const kbWithoutPks = data.agreements.filter((a) =>
      a.type === "KB" && a.status === "BERLAKU" && a.signedAt! < sixMonthsAgo && !a.children.some((ch) => ch.type === "PKS"));
    expect(kbWithoutPks.length, "KB Belum Ditindaklanjuti").toBeGreaterThan(0);
  });

  it("has the required documents of every stage a case has passed, locked", () => {
    for (const c of data.cases.filter((x) => !x.isArchive)) {
      const docs = data.documents.filter((d) => d.caseId === c.id);
      const passed = new Set(c.history.slice(0, -1).map((h) => h.toStage));
      for (const stage of passed) {
        let required = DEFAULT_SETTINGS.requiredDocuments[c.kind]?.[stage] ?? [];
        // A partner-initiated KSDPK answers the partner's offer instead of sending one (domain §4.1).
        if (c.initiator === "MITRA" && stage === "PENAWARAN") required = required.filter((t) => t !== "SURAT_PENAWARAN");
        for (const type of required) {
          const doc = docs.find((d) => d.type === type && d.stage === stage);
          expect(doc, `${c.id}: ${stage} ${type}`).toBeDefined();
          expect(doc!.locked, `${c.id}: ${stage} ${type} locked`).toBe(true);
        }
      }
    }
  });

  it("has TKKSD opinions by TKKSD members for every case that reached the TKKSD", () => {
    for (const c of data.cases.filter((x) => x.history.some((h) => h.toStage === "KAJIAN_TKKSD"))) {
      const ops = data.opinions.filter((o) => o.caseId === c.id);
      expect(ops.length, c.id).toBeGreaterThan(0);
      expect(ops.every((o) => o.member.role === "TKKSD"), c.id).toBe(true);
    }
  });

  it("keeps the number sequences ahead of the seeded codes and numbers", () => {
    const seq = new Map(data.sequences.map((s) => [s.key, s.value]));
    for (const c of data.cases) {
      const [, year, urut] = c.code.match(/^KS-(\d{4})-(\d{4})$/)!;
      expect(seq.get(`case:${year}`) ?? 0, c.code).toBeGreaterThanOrEqual(Number(urut));
    }
    const ours = data.agreements.map((a) => a.ourNumber).filter((n): n is string => Boolean(n));
    expect(new Set(ours).size).toBe(ours.length);
    for (const n of ours) {
      const [, urut, year] = n.match(/^\d+\/(\d+)\/KS\/(\d{4})$/)!;
      expect(seq.get(`naskah:${year}`) ?? 0, n).toBeGreaterThanOrEqual(Number(urut));
    }
  });

  it("puts every monitoring report on a period of its agreement and shows every period status (lib/reports)", () => {
    const today = todayWib();
    const statuses = new Set<string>();
    for (const a of data.agreements.filter((x) => ["PKS", "NK", "MOU"].includes(x.type) && x.signedAt)) {
      const c = data.cases.find((x) => x.id === a.caseId)!;
      const reports = data.reports.filter((r) => r.agreementId === a.id);
      const from = c.isArchive ? todayInZone(c.createdAt, "Asia/Jakarta") : null;
      const periodic = reportingPeriods(a, DEFAULT_SETTINGS.monevPeriod, { from });
      const final = finalPeriod(a, periodic)!;
      for (const r of reports) {
        const p = r.isFinal ? final : periodic.find((x) => x.key === r.periodStart.toISOString().slice(0, 10));
        expect(p, `${r.id}: not a period of ${a.id}`).toBeDefined();
        expect([r.periodEnd, r.periodLabel], r.id).toEqual([p!.end, p!.label]);
        expect(r.rating === null || (r.status === "DITINJAU" && r.rating >= 1 && r.rating <= 5), r.id).toBe(true);
        if (r.status !== "DRAF") expect(r.submittedAt, r.id).not.toBeNull();
        if (r.status === "DIKEMBALIKAN") expect(r.returnReason?.length, r.id).toBeGreaterThan(10);
        for (const d of data.documents.filter((x) => x.reportId === r.id)) {
          if (r.status !== "DRAF") expect(d.locked, `${d.id}: evidence sent with its report is locked`).toBe(true);
        }
      }
      if (!["PELAKSANAAN", "BERAKHIR", "SELESAI"].includes(c.stage)) continue;
      const entries = buildTimeline({ agreement: a, reports, today, rules: DEFAULT_SETTINGS, from, includeFinal: true });
      for (const e of entries) statuses.add(e.status);
    }
    expect([...statuses].sort()).toEqual(["BELUM_JATUH_TEMPO", "DIKEMBALIKAN", "DIKIRIM", "DITINJAU", "JATUH_TEMPO", "TERLAMBAT"]);
    expect(new Set(data.reports.map((r) => r.status))).toEqual(new Set(["DRAF", "DIAJUKAN", "DITINJAU", "DIKEMBALIKAN"]));
    // The closing guard: every closed case has its laporan akhir reviewed.
    for (const c of data.cases.filter((x) => x.stage === "SELESAI")) {
      expect(data.reports.some((r) => r.caseId === c.id && r.isFinal && r.status === "DITINJAU"), c.id).toBe(true);
    }
  });

  it("stores every document as a real PDF whose size and sha256 match", async () => {
    expect(storageRoot()).toBe(path.resolve(storageDir));
    for (const d of data.documents) {
      const bytes = await readFile(path.join(storageDir, d.storageKey));
      expect(bytes.length, d.id).toBe(d.sizeBytes);
      expect(sha256Hex(bytes), d.id).toBe(d.sha256);
      expect(d.mimeType).toBe("application/pdf");
      expect(bytes.subarray(0, 8).toString("latin1"), d.id).toBe("%PDF-1.4");
      expect(bytes.subarray(-6).toString("latin1"), d.id).toBe("%%EOF\n");
    }
  });
});

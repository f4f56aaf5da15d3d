// seedDemo(db): the whole demo data set of SIKERDA for an EMPTY database, in one transaction of
// a few bulk inserts. Placeholder PDFs are written to storage first (putObject), so a failed
// transaction can leave orphan files but never rows pointing at missing files.
import type { PrismaClient } from "../../lib/generated/prisma/client";
import { hashPassword } from "../../lib/auth/password";
import { DEFAULT_SETTINGS, type Settings } from "../../lib/settings/defaults";
import { newStorageKey, putObject, sha256Hex } from "../../lib/storage";
import { agreementRows, numberAgreements, planAgreements, signingNotes, type AgreementPlan } from "./agreements";
import { CASE_SPECS, assignCodes, caseRow } from "./cases";
import { planCaseDocuments, type DocPlan } from "./documents";
import { buildHistory } from "./history";
import { planNotifications, planOpinions } from "./monev";
import { planReports, reportDocuments, type ReportAudit, type ReportPlan } from "./reports";
import { OPDS, opdId } from "./opds";
import { partnerRows } from "./partners";
import { buildPlaceholderPdf } from "./pdf";
import { computeTimeline, wibMidnight, type Timeline } from "./timeline";
import { DEMO_PASSWORD, userByUsername, userRows } from "./users";

export { DEMO_PASSWORD } from "./users";

/** The demo's `security` setting: no second factor required (see README, demo logins). */
export const DEMO_SECURITY: Settings["security"] = { requireSecondFactor: false };

export type SeedSummary = Record<
  "opd" | "users" | "partners" | "cases" | "stageHistory" | "agreements" | "documents" | "tkksdOpinions" | "reports" | "notifications" | "settings" | "numberSequences",
  number
> & { bytesWritten: number };

export type SeedOptions = { now?: Date; passwordHash?: string };

/** Builds every row in memory (no I/O) — pure given `now`. */
export function planDemo(now: Date) {
  const ids = new Set<string>();
  for (const spec of CASE_SPECS) {
    if (ids.has(spec.id)) throw new Error(`Id kasus ganda: ${spec.id}`);
    ids.add(spec.id);
  }
  const today = wibMidnight(now);
  const timelines = new Map<string, Timeline>(CASE_SPECS.map((s) => [s.id, computeTimeline(s, now)]));
  const plansByCase = new Map<string, AgreementPlan[]>(CASE_SPECS.map((s) => [s.id, planAgreements(s, timelines.get(s.id)!, today)]));
  const allPlans = [...plansByCase.values()].flat();
  const naskahPerYear = numberAgreements(allPlans);
  const planById = new Map(allPlans.map((p) => [p.id, p]));
  const { codes, perYear: casePerYear } = assignCodes(CASE_SPECS, timelines);

  const history = [], cases = [], opinions = [], reports: ReportPlan[] = [], reportAudit: ReportAudit[] = [], documents: DocPlan[] = [], notifications = [];
  for (const spec of CASE_SPECS) {
    const tl = timelines.get(spec.id)!;
    const plans = plansByCase.get(spec.id)!;
    const rows = buildHistory(spec, tl, signingNotes(plans));
    history.push(...rows);
    cases.push(caseRow(spec, codes.get(spec.id)!, tl, rows, plans, now));
    opinions.push(...planOpinions(spec, tl, now));
    const { reports: caseReports, audit } = planReports(spec, tl, plans, now);
    reports.push(...caseReports);
    reportAudit.push(...audit);
    documents.push(...planCaseDocuments(spec, tl, plans, now));
    const leftPelaksanaan = ["BERAKHIR", "SELESAI", "DIAKHIRI"].includes(spec.stage);
    documents.push(...reportDocuments(spec, caseReports, leftPelaksanaan));
    notifications.push(...planNotifications(spec, tl, plans, caseReports, now));
  }
  const lastReportAt = new Map<string, Date>();
  for (const r of reports) {
    if (r.submittedAt && (!lastReportAt.has(r.agreementId) || lastReportAt.get(r.agreementId)! < r.submittedAt)) lastReportAt.set(r.agreementId, r.submittedAt);
  }
  const agreements = agreementRows(allPlans, planById).map((a) => ({ ...a, lastReportAt: lastReportAt.get(a.id) ?? null }));
  const powerOfAttorney = documents
    .filter((d) => d.type === "SURAT_KUASA")
    .map((d) => ({ agreementId: d.agreementId!, documentId: d.id }));
  const pksTurunan = CASE_SPECS.filter((s) => s.pksUnderCase).map((s) => ({
    caseId: s.id, parentAgreementId: plansByCase.get(s.pksUnderCase!)!.find((p) => p.type === "KB")!.id,
  }));
  const sequences = [
    ...[...casePerYear].map(([year, value]) => ({ key: `case:${year}`, value })),
    ...[...naskahPerYear].map(([year, value]) => ({ key: `naskah:${year}`, value })),
  ];
  return { history, cases, opinions, reports, reportAudit, documents, notifications, agreements, powerOfAttorney, pksTurunan, sequences };
}

async function writeDocuments(plans: DocPlan[], codes: Map<string, { code: string; title: string }>) {
  let bytesWritten = 0;
  const rows = [];
  for (let i = 0; i < plans.length; i += 64) {
    const chunk = await Promise.all(plans.slice(i, i + 64).map(async (d) => {
      const c = codes.get(d.caseId)!;
      const bytes = buildPlaceholderPdf({
        office: d.office, label: d.label, caseTitle: c.title, caseCode: c.code, lines: d.lines, title: d.originalName, createdAt: d.uploadedAt,
      });
      const storageKey = newStorageKey("pdf", d.uploadedAt);
      await putObject(storageKey, bytes);
      bytesWritten += bytes.length;
      return {
        id: d.id, caseId: d.caseId, agreementId: d.agreementId, reportId: d.reportId, stage: d.stage, type: d.type,
        version: d.version, locked: d.locked, correctionReason: d.correctionReason, storageKey, sha256: sha256Hex(bytes),
        sizeBytes: bytes.length, mimeType: "application/pdf", originalName: d.originalName, uploadedById: d.uploadedById,
        uploadedAt: d.uploadedAt,
      };
    }));
    rows.push(...chunk);
  }
  return { rows, bytesWritten };
}

/** Seeds the demo data into an empty database. Callers check emptiness (prisma/seed.ts) or reset first (tests). */
export async function seedDemo(db: PrismaClient, options: SeedOptions = {}): Promise<SeedSummary> {
  const now = options.now ?? new Date();
  const plan = planDemo(now);
  const [passwordHash, written] = await Promise.all([
    options.passwordHash ? Promise.resolve(options.passwordHash) : hashPassword(DEMO_PASSWORD),
    writeDocuments(plan.documents, new Map(plan.cases.map((c) => [c.id, { code: c.code, title: c.title }]))),
  ]);
  // Accounts and reference data predate the oldest case.
  const epoch = new Date(Math.min(...plan.cases.map((c) => c.createdAt.getTime())) - 30 * 86_400_000);
  const admin = userByUsername("admin");
  const staf = userByUsername("staf.ks");

  await db.$transaction(async (tx) => {
    await tx.opd.createMany({ data: OPDS.map((o) => ({ id: opdId(o.key), name: o.name, shortName: o.shortName, code: o.code, createdAt: epoch, updatedAt: epoch })) });
    await tx.user.createMany({ data: userRows(passwordHash, epoch).map((u) => ({ ...u, updatedAt: epoch })) });
    await tx.partner.createMany({ data: partnerRows(epoch, staf.id).map((p) => ({ ...p, updatedAt: epoch })) });
    await tx.case.createMany({ data: plan.cases });
    await tx.agreement.createMany({ data: plan.agreements });
    for (const t of plan.pksTurunan) await tx.case.update({ where: { id: t.caseId }, data: { parentAgreementId: t.parentAgreementId } });
    await tx.stageHistory.createMany({ data: plan.history });
    await tx.tkksdOpinion.createMany({ data: plan.opinions });
    await tx.monitoringReport.createMany({ data: plan.reports });
    await tx.auditEvent.createMany({ data: plan.reportAudit.map((a) => ({ ...a, data: a.data as never })) });
    await tx.document.createMany({ data: written.rows });
    for (const p of plan.powerOfAttorney) await tx.agreement.update({ where: { id: p.agreementId }, data: { powerOfAttorneyDocumentId: p.documentId } });
    await tx.notification.createMany({ data: plan.notifications.map((n) => ({ ...n, channel: "IN_APP" as const })) });
    await tx.setting.create({ data: { key: "region", value: DEFAULT_SETTINGS.region, updatedById: admin.id } });
    // Demo only: the demo logins work with a password alone (README). A real deployment keeps
    // the default (second factor required for ADMIN and KABAG_KS).
    await tx.setting.create({ data: { key: "security", value: DEMO_SECURITY, updatedById: admin.id } });
    await tx.numberSequence.createMany({ data: plan.sequences });
  }, { timeout: 60_000, maxWait: 10_000 });

  return {
    opd: OPDS.length, users: userRows("", epoch).length, partners: partnerRows(epoch, staf.id).length, cases: plan.cases.length,
    stageHistory: plan.history.length, agreements: plan.agreements.length, documents: written.rows.length,
    tkksdOpinions: plan.opinions.length, reports: plan.reports.length, notifications: plan.notifications.length,
    settings: 2, numberSequences: plan.sequences.length, bytesWritten: written.bytesWritten,
  };
}

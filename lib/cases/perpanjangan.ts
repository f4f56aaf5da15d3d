import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { getDb, type Tx } from "@/lib/db";
import { writeAudit, writeHistory } from "@/lib/audit";
import type { CurrentUser } from "@/lib/auth/session";
import { addDaysToDate } from "@/lib/dates";
import { DomainError } from "@/lib/errors";
import { formatTanggal } from "@/lib/format";
import { loadSettings } from "@/lib/settings/load";
import { TERMINAL_STAGES } from "@/lib/workflow";
import { nextCaseCode } from "./drafts";
import { mayStartPerpanjangan } from "./rules";
import { loadScopedCase } from "./snapshot";
import { TX_OPTIONS } from "./transition";

/*
 * Perpanjangan (domain §5): an extension follows the full current procedure. It is a NEW case,
 * pre-filled from the old one, linked to it (extendsCaseId: both pages show the link), starting at
 * DRAF and carrying the last monev result. The old agreement stays in force until its own end.
 * One extension at a time: the old case's row is locked while the open extensions are counted.
 */

/** What the old cooperation's last report said, kept on the new case (Case.extensionBasis). */
export type ExtensionBasis = {
  naskah: { type: string; ourNumber: string | null; endDate: string | null } | null;
  lastReport: {
    periodLabel: string; realization: string; outputAchieved: string; obstacles: string | null;
    recommendation: string; rating: number | null; reviewed: boolean;
  } | null;
};

async function lastReport(tx: Tx, caseId: string): Promise<ExtensionBasis["lastReport"]> {
  // The last reviewed report; without one, the last submitted.
  for (const status of ["DITINJAU", "DIAJUKAN"] as const) {
    const r = await tx.monitoringReport.findFirst({
      where: { caseId, status, deletedAt: null },
      orderBy: [{ periodEnd: "desc" }, { createdAt: "desc" }],
      select: { periodLabel: true, realization: true, outputAchieved: true, obstacles: true, recommendation: true, rating: true },
    });
    if (r) return { ...r, reviewed: status === "DITINJAU" };
  }
  return null;
}

export async function startPerpanjangan({
  actor, now, caseId,
}: { actor: CurrentUser; now: Date; caseId: string }): Promise<{ id: string; code: string }> {
  const db = getDb();
  const [c, settings] = await Promise.all([loadScopedCase(db, actor, caseId), loadSettings(db)]);
  if (!mayStartPerpanjangan(actor, c)) {
    if (c.parentAgreementId) {
      throw new DomainError("INVALID_TRANSITION", "PKS turunan tidak diperpanjang sendiri: mulai PKS turunan baru di bawah Kesepakatan Bersama induknya.", undefined, "NOT_AVAILABLE");
    }
    if (c.stage !== "PELAKSANAAN") {
      throw new DomainError("INVALID_TRANSITION", "Perpanjangan hanya dapat dimulai saat kerja sama sedang berjalan (tahap Pelaksanaan).", undefined, "NOT_AVAILABLE");
    }
    throw new DomainError("FORBIDDEN", "Anda tidak berwenang memulai perpanjangan kerja sama ini.");
  }
  return db.$transaction(async (tx) => {
    const locked = await tx.$queryRaw<{ stage: string }[]>`
      SELECT stage::text FROM "Case" WHERE id = ${c.id} AND "deletedAt" IS NULL FOR UPDATE`;
    if (locked[0]?.stage !== "PELAKSANAAN") {
      throw new DomainError("STALE", "Tahap kerja sama telah berubah. Muat ulang halaman.");
    }
    const open = await tx.case.findFirst({
      where: { extendsCaseId: c.id, deletedAt: null, stage: { notIn: [...TERMINAL_STAGES] } },
      select: { code: true },
    });
    if (open) throw new DomainError("CONFLICT", `Perpanjangan kerja sama ini sudah dimulai (${open.code}).`);
    const [source, naskah, report] = await Promise.all([
      tx.case.findUniqueOrThrow({ where: { id: c.id } }),
      tx.agreement.findFirst({
        where: { caseId: c.id, type: { in: ["PKS", "NK", "MOU"] }, status: "BERLAKU", deletedAt: null },
        orderBy: [{ endDate: "desc" }, { createdAt: "desc" }],
        select: { type: true, ourNumber: true, endDate: true },
      }),
      lastReport(tx, c.id),
    ]);
    const basis: ExtensionBasis = {
      naskah: naskah ? { type: naskah.type, ourNumber: naskah.ourNumber, endDate: naskah.endDate?.toISOString().slice(0, 10) ?? null } : null,
      lastReport: report,
    };
    const code = await nextCaseCode(tx, now, settings.region.timeZone);
    const created = await tx.case.create({
      data: {
        code, title: `Perpanjangan: ${source.title}`.slice(0, 200), kind: source.kind, ksddNature: source.ksddNature,
        ksdpkForm: source.ksdpkForm, initiator: source.initiator, opdId: source.opdId, partnerId: source.partnerId,
        subject: source.subject, governmentAffair: source.governmentAffair, purpose: source.purpose, scope: source.scope,
        benefits: source.benefits, fundingSource: source.fundingSource, fundingAmount: source.fundingAmount,
        burdensPublic: source.burdensPublic, budgetedInApbd: source.budgetedInApbd, requiresDprd: source.requiresDprd,
        // The new period follows the old one without a gap.
        proposedStart: naskah?.endDate ? addDaysToDate(naskah.endDate, 1) : null,
        extendsCaseId: source.id, extensionBasis: basis as unknown as Prisma.InputJsonObject,
        stage: "DRAF", stageEnteredAt: now, createdById: actor.id, createdAt: now,
      },
      select: { id: true, code: true },
    });
    const until = naskah?.endDate ? `, berlaku sampai ${formatTanggal(naskah.endDate, "UTC")}` : "";
    const said = report
      ? ` Laporan pelaksanaan terakhir (${report.periodLabel}): realisasi ${report.realization.toLowerCase()}, rekomendasi ${report.recommendation.toLowerCase()}.`
      : " Belum ada laporan pelaksanaan.";
    await writeHistory(tx, {
      caseId: created.id, fromStage: null, toStage: "DRAF", event: "buat_perpanjangan", actorId: actor.id, actorRole: actor.role, at: now,
      note: `Perpanjangan dari ${source.code} (${naskah?.ourNumber ? `nomor ${naskah.ourNumber}` : "naskah berjalan"}${until}).${said}`,
    });
    await writeAudit(tx, {
      actorId: actor.id, action: "case.perpanjanganStarted", entity: "Case", entityId: source.id,
      data: { extensionId: created.id, extensionCode: created.code }, at: now,
    });
    return created;
  }, TX_OPTIONS);
}

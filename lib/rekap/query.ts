import "server-only";
import type { AgreementStatus, AgreementType, FundingSource, KsddNature, KsdpkForm, SignerType } from "@/lib/generated/prisma/enums";
import type { PolicyUser } from "@/lib/auth/policy";
import { getDb } from "@/lib/db";
import type { RegisterFilter } from "@/lib/register/filters";
import { registerBatches, type RegisterRow } from "@/lib/register/queries";
import type { WhereContext } from "@/lib/register/sql";
import { lastReportSummaries, type LastReportSummary } from "@/lib/reports/queries";

/*
 * The rows of the rekap (domain §6: the upward report to the Gubernur/Menteri). WHICH rows is the
 * register's business alone: registerBatches() → registerWhere() (scope + filter + year), in the
 * register's order. This module only adds, per batch of 1,000, what the rekap shows beyond the
 * register's summary columns: the naskah with both numbers, signer, DPRD approval, funding,
 * parent/extension and the last reviewed monev report (lastReportSummaries). Three indexed queries
 * per batch, whatever the batch's size.
 */

export type RekapNaskah = {
  id: string;
  type: AgreementType;
  status: AgreementStatus;
  ourNumber: string | null;
  partnerNumber: string | null;
  signedAt: Date | null;
  version: number;
};

export type RekapRow = RegisterRow & {
  ksddNature: KsddNature | null;
  ksdpkForm: KsdpkForm | null;
  scope: string | null;
  partnerProvince: string | null;
  partnerCountry: string | null;
  requiresDprd: boolean;
  fundingSource: FundingSource | null;
  fundingAmount: string | null;
  extendsCode: string | null;
  parentNaskah: { type: AgreementType; ourNumber: string | null } | null;
  /** Signed (not draft, not abandoned) naskah of the case, oldest first. */
  naskah: RekapNaskah[];
  signerType: SignerType | null;
  signerName: string | null;
  signerPosition: string | null;
  dprdDecisionNumber: string | null;
  dprdDecisionDate: Date | null;
  lastReport: LastReportSummary | null;
};

const UNSIGNED: AgreementStatus[] = ["DRAF", "BATAL"];

/** Adds the rekap's columns to one batch of register rows (same order). */
export async function enrichBatch(rows: readonly RegisterRow[]): Promise<RekapRow[]> {
  if (rows.length === 0) return [];
  const db = getDb();
  const ids = rows.map((r) => r.id);
  const [cases, agreements] = await Promise.all([
    db.case.findMany({
      where: { id: { in: ids } },
      select: {
        id: true, ksddNature: true, ksdpkForm: true, scope: true, requiresDprd: true, fundingSource: true, fundingAmount: true,
        partner: { select: { province: true, country: true } },
        extendsCase: { select: { code: true } },
        parentAgreement: { select: { type: true, ourNumber: true } },
      },
    }),
    db.agreement.findMany({
      where: { caseId: { in: ids }, deletedAt: null, status: { notIn: UNSIGNED } },
      select: {
        id: true, caseId: true, type: true, status: true, ourNumber: true, partnerNumber: true, signedAt: true, version: true,
        signerType: true, signerName: true, signerPosition: true, dprdDecisionNumber: true, dprdDecisionDate: true,
        fundingSource: true, fundingAmount: true,
      },
      orderBy: [{ signedAt: "asc" }, { createdAt: "asc" }],
    }),
  ]);
  const mainIds = rows.map((r) => r.mainAgreementId).filter((id): id is string => Boolean(id));
  const reports = await lastReportSummaries(db, mainIds);
  const caseById = new Map(cases.map((c) => [c.id, c]));
  const byCase = new Map<string, typeof agreements>();
  for (const a of agreements) byCase.set(a.caseId, [...(byCase.get(a.caseId) ?? []), a]);

  return rows.map((r) => {
    const c = caseById.get(r.id);
    const list = byCase.get(r.id) ?? [];
    const main = list.find((a) => a.id === r.mainAgreementId) ?? null;
    // The DPRD approval may be recorded on the KB (it precedes the PKS): the latest one recorded.
    const dprd = [...list].reverse().find((a) => a.dprdDecisionNumber) ?? null;
    const amount = main?.fundingAmount ?? c?.fundingAmount ?? null;
    return {
      ...r,
      ksddNature: c?.ksddNature ?? null,
      ksdpkForm: c?.ksdpkForm ?? null,
      scope: c?.scope ?? null,
      partnerProvince: c?.partner?.province ?? null,
      partnerCountry: c?.partner?.country ?? null,
      requiresDprd: c?.requiresDprd ?? false,
      fundingSource: main?.fundingSource ?? c?.fundingSource ?? null,
      fundingAmount: amount === null ? null : amount.toString(),
      extendsCode: c?.extendsCase?.code ?? null,
      parentNaskah: c?.parentAgreement ?? null,
      naskah: list.map(({ id, type, status, ourNumber, partnerNumber, signedAt, version }) => ({
        id, type, status, ourNumber, partnerNumber, signedAt, version,
      })),
      signerType: main?.signerType ?? null,
      signerName: main?.signerName ?? null,
      signerPosition: main?.signerPosition ?? null,
      dprdDecisionNumber: dprd?.dprdDecisionNumber ?? null,
      dprdDecisionDate: dprd?.dprdDecisionDate ?? null,
      lastReport: r.mainAgreementId ? (reports.get(r.mainAgreementId) ?? null) : null,
    };
  });
}

/** Every rekap row of the filter, in the register's order, in batches (streamed by the exports). */
export async function* rekapBatches(
  actor: PolicyUser, filter: RegisterFilter, context: WhereContext, options: { batchSize?: number } = {},
): AsyncGenerator<RekapRow[]> {
  for await (const batch of registerBatches(actor, filter, context, options)) yield enrichBatch(batch);
}

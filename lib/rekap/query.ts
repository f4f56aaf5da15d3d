import "server-only";
import type { AgreementStatus, AgreementType, FundingSource, KsddNature, KsdpkForm, SignerType } from "@/lib/generated/prisma/enums";
import type { PolicyUser } from "@/lib/auth/policy";
import { getDb } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import type { RegisterFilter } from "@/lib/register/filters";
import { registerBatches, type RegisterRow } from "@/lib/register/queries";
import type { WhereContext } from "@/lib/register/sql";
import type { LastReportSummary } from "@/lib/reports/queries";

/*
 * The rows of the rekap (domain §6: the upward report to the Gubernur/Menteri). WHICH rows is the
 * register's business alone: registerBatches() → registerWhere() (scope + filter + year), in the
 * register's order. This module only adds, per batch of 1,000, what the rekap shows beyond the
 * register's summary columns: the naskah with both numbers, signer, DPRD approval, funding,
 * parent/extension and the last reviewed monev report (the same choice as lastReportSummaries in
 * lib/reports/queries.ts). One statement per batch of 1,000 (enrichBatch), its result one JSON text
 * per case: the cost was never PostgreSQL (≈ 5 ms a batch, indexed) but decoding tens of thousands
 * of values in the client.
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

type NaskahJson = Omit<RekapNaskah, "signedAt"> & {
  signedAt: string | null;
  signerType: SignerType | null;
  signerName: string | null;
  signerPosition: string | null;
  dprdDecisionNumber: string | null;
  dprdDecisionDate: string | null;
  fundingSource: FundingSource | null;
  fundingAmount: string | null;
};

type ReportJson = Omit<LastReportSummary, "periodStart" | "periodEnd" | "reviewedAt"> & {
  periodStart: string;
  periodEnd: string;
  reviewedAt: string | null;
};

type ExtraJson = {
  id: string;
  ksddNature: KsddNature | null;
  ksdpkForm: KsdpkForm | null;
  scope: string | null;
  requiresDprd: boolean;
  fundingSource: FundingSource | null;
  fundingAmount: string | null;
  partner: { province: string | null; country: string | null } | null;
  extendsCode: string | null;
  parent: { type: AgreementType; ourNumber: string | null } | null;
  naskah: NaskahJson[];
  report: ReportJson | null;
};

/**
 * JSON has no dates: a `date` column arrives as "2025-03-01" (read as UTC midnight, as the driver
 * reads it), a `timestamp` (UTC, without zone) as "2026-04-15T08:30:00.123", completed with "Z".
 */
const date = (text: string | null): Date | null => (text ? new Date(text.length > 10 && !text.endsWith("Z") ? `${text}Z` : text) : null);

/**
 * The rekap's extras of the case `c` as ONE JSON text: its columns beyond the register's, the
 * partner's province/country, the extended case's code, the parent naskah, its signed naskah
 * (json_agg over Agreement_caseId_idx) and the main naskah's last reviewed report (LIMIT 1 over
 * MonitoringReport_agreementId_periodEnd_idx; the same choice as lastReportSummaries), each a
 * scalar subquery over the alias c.
 */
const EXTRA_JSON = Prisma.sql`json_build_object(
    'id', c.id, 'ksddNature', c."ksddNature", 'ksdpkForm', c."ksdpkForm", 'scope', c.scope, 'requiresDprd', c."requiresDprd",
    'fundingSource', c."fundingSource", 'fundingAmount', c."fundingAmount"::text,
    'partner', (SELECT json_build_object('province', p.province, 'country', p.country) FROM "Partner" p WHERE p.id = c."partnerId"),
    'extendsCode', (SELECT x.code FROM "Case" x WHERE x.id = c."extendsCaseId"),
    'parent', (SELECT json_build_object('type', pa.type, 'ourNumber', pa."ourNumber") FROM "Agreement" pa WHERE pa.id = c."parentAgreementId"),
    'naskah', (
      SELECT coalesce(json_agg(json_build_object(
               'id', a.id, 'type', a.type, 'status', a.status, 'ourNumber', a."ourNumber", 'partnerNumber', a."partnerNumber",
               'signedAt', a."signedAt", 'version', a.version, 'signerType', a."signerType",
               'signerName', a."signerName", 'signerPosition', a."signerPosition", 'dprdDecisionNumber', a."dprdDecisionNumber",
               'dprdDecisionDate', a."dprdDecisionDate", 'fundingSource', a."fundingSource",
               'fundingAmount', a."fundingAmount"::text
             ) ORDER BY a."signedAt" ASC NULLS LAST, a."createdAt" ASC), '[]'::json)
        FROM "Agreement" a
       WHERE a."caseId" = c.id AND a."deletedAt" IS NULL AND a.status <> ALL(${UNSIGNED}::"AgreementStatus"[])),
    'report', (
      SELECT json_build_object(
               'reportId', m.id, 'agreementId', m."agreementId", 'periodLabel', m."periodLabel",
               'periodStart', m."periodStart", 'periodEnd', m."periodEnd", 'isFinal', m."isFinal",
               'realization', m.realization, 'outputAchieved', m."outputAchieved", 'obstacles', m.obstacles,
               'recommendation', m.recommendation, 'rating', m.rating, 'reviewedAt', m."reviewedAt")
        FROM "MonitoringReport" m
       WHERE m."agreementId" = c."mainAgreementId" AND m.status = 'DITINJAU' AND m."deletedAt" IS NULL
       ORDER BY m."isFinal" DESC, m."periodEnd" DESC, m."reviewedAt" DESC
       LIMIT 1)
  )::text`;

/** Adds the rekap's columns to register rows (same order): one statement for the whole batch. */
export async function enrichBatch(rows: readonly RegisterRow[]): Promise<RekapRow[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const found = await getDb().$queryRaw<{ id: string; rekapExtra: string }[]>`
    SELECT c.id, ${EXTRA_JSON} AS "rekapExtra" FROM "Case" c WHERE c.id = ANY(${ids}::text[])`;
  const extra = new Map(found.map((f) => [f.id, f.rekapExtra]));
  return rows.map((r) => withExtra(r, extra.get(r.id)));
}

/** A register row + its extras' JSON → the rekap row. */
function withExtra(r: RegisterRow, json: string | undefined): RekapRow {
  const c = json ? (JSON.parse(json) as ExtraJson) : null;
  const list = c?.naskah ?? [];
  const main = list.find((a) => a.id === r.mainAgreementId) ?? null;
  // The DPRD approval may be recorded on the KB (it precedes the PKS): the latest one recorded.
  const dprd = [...list].reverse().find((a) => a.dprdDecisionNumber) ?? null;
  const amount = main?.fundingAmount ?? c?.fundingAmount ?? null;
  const report = c?.report ?? null;
  return {
    ...r,
    ksddNature: c?.ksddNature ?? null,
    ksdpkForm: c?.ksdpkForm ?? null,
    scope: c?.scope ?? null,
    partnerProvince: c?.partner?.province ?? null,
    partnerCountry: c?.partner?.country ?? null,
    requiresDprd: c?.requiresDprd ?? false,
    fundingSource: main?.fundingSource ?? c?.fundingSource ?? null,
    fundingAmount: amount,
    extendsCode: c?.extendsCode ?? null,
    parentNaskah: c?.parent ? { type: c.parent.type, ourNumber: c.parent.ourNumber } : null,
    naskah: list.map(({ id, type, status, ourNumber, partnerNumber, signedAt, version }) => ({
      id, type, status, ourNumber, partnerNumber, signedAt: date(signedAt), version,
    })),
    signerType: main?.signerType ?? null,
    signerName: main?.signerName ?? null,
    signerPosition: main?.signerPosition ?? null,
    dprdDecisionNumber: dprd?.dprdDecisionNumber ?? null,
    dprdDecisionDate: date(dprd?.dprdDecisionDate ?? null),
    lastReport: report && r.mainAgreementId
      ? { ...report, periodStart: date(report.periodStart)!, periodEnd: date(report.periodEnd)!, reviewedAt: date(report.reviewedAt) }
      : null,
  };
}

/** Batches whose extras are being read while the caller writes the current one. */
const READ_AHEAD = 2;

/**
 * Every rekap row of the filter, in the register's order, in batches (streamed by the exports).
 * The register's keyset batches (fast, one after the other: each starts after the last key of the
 * one before) are read first; the extras of each batch (enrichBatch: the part PostgreSQL works on)
 * are read for up to READ_AHEAD batches at once, on their own connections, while the caller writes
 * the current batch — PostgreSQL builds them on the other core while exceljs runs in this process.
 */
export async function* rekapBatches(
  actor: PolicyUser, filter: RegisterFilter, context: WhereContext, options: { batchSize?: number } = {},
): AsyncGenerator<RekapRow[]> {
  const source = registerBatches(actor, filter, context, options);
  const pending: Promise<RekapRow[]>[] = [];
  let exhausted = false;
  try {
    for (;;) {
      while (!exhausted && pending.length < READ_AHEAD) {
        const next = await source.next();
        if (next.done) exhausted = true;
        else pending.push(enrichBatch(next.value));
      }
      const batch = pending.shift();
      if (!batch) return;
      yield await batch;
    }
  } finally {
    // The caller stopped early (or failed): reads still in flight end quietly.
    for (const p of pending) p.catch(() => undefined);
    await source.return(undefined);
  }
}

import type { ReactNode } from "react";
import { Card } from "@/components/ui/card";
import { formatRupiah, formatTanggal } from "@/lib/format";
import type { CaseKind, FundingSource } from "@/lib/generated/prisma/enums";
import { asksDprdQuestions } from "@/lib/workflow";
import { FUNDING_SOURCE_LABELS } from "./labels";

export type CaseSummaryData = {
  kind: CaseKind;
  subject: string | null;
  governmentAffair: string | null;
  purpose: string | null;
  scope: string | null;
  benefits: string | null;
  fundingSource: FundingSource | null;
  /** Prisma Decimal or its string form. */
  fundingAmount: { toString(): string } | string | null;
  fundingYear: number | null;
  proposedStart: Date | null;
  proposedEnd: Date | null;
  burdensPublic: boolean | null;
  budgetedInApbd: boolean | null;
  requiresDprd: boolean;
};

const EMPTY = <span className="text-slate-600 italic">Belum diisi</span>;

function text(v: string | null): ReactNode {
  return v && v.trim() ? <span className="whitespace-pre-line">{v}</span> : EMPTY;
}

const UNANSWERED = <span className="text-slate-600 italic">Belum dijawab</span>;

function yesNo(v: boolean | null): ReactNode {
  return v === null ? UNANSWERED : v ? "Ya" : "Tidak";
}

function Row({ label, children, wide }: { label: string; children: ReactNode; wide?: boolean }) {
  return (
    <div className={wide ? "sm:col-span-2" : undefined}>
      <dt className="text-sm font-semibold text-slate-900">{label}</dt>
      <dd className="mt-0.5 text-sm text-slate-800">{children}</dd>
    </div>
  );
}

function funding(c: CaseSummaryData): ReactNode {
  if (!c.fundingSource) return EMPTY;
  const parts = [FUNDING_SOURCE_LABELS[c.fundingSource]];
  if (c.fundingAmount !== null && c.fundingSource !== "TANPA_BIAYA") parts.push(formatRupiah(c.fundingAmount.toString()));
  if (c.fundingYear) parts.push(`tahun anggaran ${c.fundingYear}`);
  return parts.join(" · ");
}

function dprdNote(kind: CaseKind): string {
  if (kind === "KSDPL" || kind === "KSDLL") return "Kerja sama luar negeri selalu memerlukan persetujuan DPRD.";
  if (kind === "SINERGI") return "Sinergi program pemerintah pusat tidak memerlukan persetujuan DPRD.";
  return "Diperlukan bila kerja sama membebani masyarakat dan daerah, atau belum dianggarkan dalam APBD tahun berjalan.";
}

/** "Ringkasan usulan": what the cooperation is about, its funding, and the DPRD questions. */
export function CaseSummary({ c, timeZone }: { c: CaseSummaryData; timeZone: string }) {
  const period =
    c.proposedStart && c.proposedEnd
      ? `${formatTanggal(c.proposedStart, timeZone)} s.d. ${formatTanggal(c.proposedEnd, timeZone)}`
      : null;
  return (
    <Card title="Ringkasan usulan">
      <dl className="grid gap-x-6 gap-y-4 sm:grid-cols-2">
        <Row label="Objek kerja sama" wide>{text(c.subject)}</Row>
        <Row label="Urusan pemerintahan">{text(c.governmentAffair)}</Row>
        <Row label="Rencana jangka waktu">{period ?? EMPTY}</Row>
        <Row label="Maksud dan tujuan" wide>{text(c.purpose)}</Row>
        <Row label="Ruang lingkup" wide>{text(c.scope)}</Row>
        <Row label="Manfaat" wide>{text(c.benefits)}</Row>
        <Row label="Pendanaan" wide>{funding(c)}</Row>
      </dl>
      <div className="mt-5 rounded-md border border-slate-200 bg-slate-50 px-4 py-3">
        <dl className="grid gap-x-6 gap-y-3 sm:grid-cols-2">
          {asksDprdQuestions(c.kind) && (
            <>
              <Row label="Membebani masyarakat dan daerah?">{yesNo(c.burdensPublic)}</Row>
              <Row label="Sudah dianggarkan dalam APBD tahun berjalan?">{yesNo(c.budgetedInApbd)}</Row>
            </>
          )}
          <Row label="Perlu persetujuan DPRD" wide>
            {asksDprdQuestions(c.kind) && (c.burdensPublic === null || c.budgetedInApbd === null) ? (
              <>
                <span className="font-semibold">Belum dapat ditentukan</span>
                <span className="text-slate-700"> — kedua pertanyaan DPRD di atas belum dijawab. {dprdNote(c.kind)}</span>
              </>
            ) : (
              <>
                <span className="font-semibold">{c.requiresDprd ? "Ya" : "Tidak"}</span>
                <span className="text-slate-700"> — {dprdNote(c.kind)}</span>
              </>
            )}
          </Row>
        </dl>
      </div>
    </Card>
  );
}

import type { Metadata } from "next";
import Link from "@/components/ui/link";
import { cache } from "react";
import { notFound } from "next/navigation";
import { AGREEMENT_TYPE_LABELS } from "@/components/cases/labels";
import { StageBadge } from "@/components/cases/stage-badge";
import { PERIOD_STATUS_LABELS } from "@/components/reports/labels";
import { ReportTimeline } from "@/components/reports/report-timeline";
import { Card } from "@/components/ui/card";
import { Breadcrumbs, PageHeader } from "@/components/ui/page-header";
import { requirePermission } from "@/lib/auth/session";
import { formatTanggal } from "@/lib/format";
import { MONEV_PERIOD_LABELS, type PeriodStatus } from "@/lib/reports/periods";
import { getReportTimeline } from "@/lib/reports/queries";

type Props = { params: Promise<{ caseId: string }> };

const tanggal = (d: Date) => formatTanggal(d, "UTC");
const SUMMARY_ORDER: PeriodStatus[] = ["TERLAMBAT", "JATUH_TEMPO", "DIKEMBALIKAN", "DIKIRIM", "DITINJAU", "BELUM_JATUH_TEMPO"];

/** Once per request for the title and the page. */
const loadTimeline = cache(async (caseId: string) => getReportTimeline(await requirePermission("report.list"), caseId, new Date()));

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const timeline = await loadTimeline((await params).caseId);
  return { title: timeline ? `Laporan ${timeline.case.code}` : "Laporan tidak ditemukan" };
}

/** Every reporting period of one agreement (the same timeline the case page shows). */
export default async function AgreementReportsPage({ params }: Props) {
  const timeline = await loadTimeline((await params).caseId);
  if (!timeline) notFound();
  const { case: c, agreement, counts } = timeline;
  const summary = SUMMARY_ORDER.filter((s) => counts[s] > 0).map((s) => `${PERIOD_STATUS_LABELS[s].toLowerCase()} ${counts[s]}`).join(" · ");
  return (
    <>
      <PageHeader
        breadcrumb={<Breadcrumbs items={[{ label: "Beranda", href: "/beranda" }, { label: "Laporan", href: "/laporan" }, { label: c.code }]} />}
        title={c.title}
        meta={
          <>
            <span className="font-mono text-sm font-semibold text-slate-800">{c.code}</span>
            <StageBadge stage={c.stage} />
          </>
        }
        description={`${c.opdName}${c.partnerName ? ` bersama ${c.partnerName}` : ""}.`}
      />
      <Card
        title="Laporan pelaksanaan per periode"
        description={`${AGREEMENT_TYPE_LABELS[agreement.type]}${agreement.ourNumber ? ` Nomor ${agreement.ourNumber}` : ""}, berlaku ${agreement.startDate ? tanggal(agreement.startDate) : "—"} s.d. ${agreement.endDate ? tanggal(agreement.endDate) : "—"}; laporan ${MONEV_PERIOD_LABELS[timeline.monevPeriod].toLowerCase()}. ${summary ? `Ringkasan: ${summary}.` : ""}`}
        actions={
          <Link href={`/usulan/${c.id}`} className="text-sm font-semibold text-brand-800 underline hover:text-brand-950">
            Buka halaman usulan
          </Link>
        }
      >
        <ReportTimeline timeline={timeline} />
      </Card>
    </>
  );
}

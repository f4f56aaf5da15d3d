import type { Metadata } from "next";
import Link from "@/components/ui/link";
import { cache } from "react";
import { notFound } from "next/navigation";
import { AGREEMENT_TYPE_LABELS } from "@/components/cases/labels";
import { EvidenceList } from "@/components/reports/evidence-list";
import { EvidenceUpload } from "@/components/reports/evidence-upload";
import { REPORT_HISTORY_LABELS } from "@/components/reports/labels";
import { ReportForm } from "@/components/reports/report-form";
import { ReportStatusBadge } from "@/components/reports/report-status-badge";
import { ReportView } from "@/components/reports/report-view";
import { ReturnForm, ReviewForm } from "@/components/reports/review-forms";
import { Alert } from "@/components/ui/alert";
import { Card } from "@/components/ui/card";
import { Breadcrumbs, PageHeader } from "@/components/ui/page-header";
import type { SearchParamsRecord } from "@/components/ui/pagination";
import { requirePermission } from "@/lib/auth/session";
import { formatTanggal, formatTanggalWaktu } from "@/lib/format";
import { getReportPage } from "@/lib/reports/queries";
import { getSettings } from "@/lib/settings/service";
import { DOCUMENT_LABELS } from "@/lib/workflow/documents";
import { removeEvidenceAction, returnReportAction, reviewReportAction, saveReportAction } from "./actions";

type Props = { params: Promise<{ caseId: string; periode: string }>; searchParams: Promise<SearchParamsRecord> };

const tanggal = (d: Date) => formatTanggal(d, "UTC");

/** Once per request for the title and the page. */
const loadPage = cache(async (caseId: string, periode: string) =>
  getReportPage(await requirePermission("report.list"), caseId, periode, new Date()));

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { caseId, periode } = await params;
  const page = await loadPage(caseId, periode);
  return { title: page ? `${page.entry.period.label} · ${page.case.code}` : "Laporan tidak ditemukan" };
}

const SAVED: Record<string, string> = {
  draf: "Draf laporan telah disimpan.",
  kirim: "Laporan telah dikirim kepada Bagian Kerja Sama.",
  ditinjau: "Telaah laporan telah disimpan.",
  dikembalikan: "Laporan telah dikembalikan kepada OPD untuk diperbaiki.",
  "bukti-dihapus": "Bukti telah dihapus.",
};

export default async function ReportPage({ params, searchParams }: Props) {
  const [{ caseId, periode }, sp, settings] = await Promise.all([params, searchParams, getSettings()]);
  const page = await loadPage(caseId, periode);
  if (!page) notFound();
  const tz = settings.region.timeZone;
  const { case: c, agreement, entry, report, history, may } = page;
  const saved = typeof sp.tersimpan === "string" ? SAVED[sp.tersimpan] : undefined;
  const period = entry.period;
  const evidenceTypes = may.uploadTypes.map((t) => ({ value: t, label: DOCUMENT_LABELS[t] }));

  return (
    <>
      <PageHeader
        breadcrumb={
          <Breadcrumbs
            items={[
              { label: "Beranda", href: "/beranda" },
              { label: "Laporan", href: "/laporan" },
              { label: c.code, href: `/laporan/${c.id}` },
              { label: period.label },
            ]}
          />
        }
        title={`${period.isFinal ? "Laporan Akhir Pelaksanaan" : `Laporan ${period.label}`}`}
        meta={
          <>
            <ReportStatusBadge status={entry.status} draft={entry.draft} />
            <span className="text-sm text-slate-700">
              Periode {tanggal(period.start)} s.d. {tanggal(period.end)} · batas penyampaian {tanggal(entry.dueBy)}
            </span>
          </>
        }
        description={`${c.title} — ${c.opdName}`}
      />

      <div className="mb-6 space-y-4 empty:hidden">
        {saved && <Alert tone="success" announce title={saved} />}
        {report?.status === "DIKEMBALIKAN" && (
          <Alert tone="warning" title="Laporan dikembalikan untuk diperbaiki">
            <p className="text-base">
              <span className="font-semibold">Alasan:</span> <span className="whitespace-pre-line">{report.returnReason}</span>
            </p>
            {report.returnedAt && <p>Dikembalikan {formatTanggalWaktu(report.returnedAt, tz)}.</p>}
            {may.edit && <p>Perbaiki isian atau tambahkan bukti, lalu kirim ulang laporan.</p>}
          </Alert>
        )}
        {report?.status === "DIAJUKAN" && report.returnReason && may.review && (
          <Alert tone="info" title="Laporan ini dikirim ulang setelah dikembalikan">
            <p>Alasan pengembalian sebelumnya: {report.returnReason}</p>
          </Alert>
        )}
      </div>

      <div className="grid gap-6 xl:grid-cols-[minmax(0,2fr)_minmax(0,1fr)]">
        <div className="min-w-0 space-y-6">
          {may.edit ? (
            <Card
              title="Isi laporan"
              description={
                period.isFinal
                  ? "Laporan akhir mencakup seluruh jangka waktu kerja sama. Unggah laporan akhir yang ditandatangani Kepala OPD sebagai bukti sebelum mengirim."
                  : "Laporan dapat disimpan sebagai draf kapan saja selama periode berjalan, dan dikirim mulai hari terakhir periode."
              }
            >
              <ReportForm
                action={saveReportAction}
                caseId={c.id}
                period={period.key}
                report={report ? { ...report, version: report.version } : undefined}
                maySend={may.send}
                sendHint={may.send ? undefined : `Laporan periode ini dapat dikirim mulai ${tanggal(period.end)}.`}
              />
            </Card>
          ) : report ? (
            <Card title="Isi laporan" description={report.submittedAt ? `Dikirim oleh ${report.submittedBy.fullName}, ${formatTanggalWaktu(report.submittedAt, tz)}.` : undefined}>
              <ReportView report={report} />
            </Card>
          ) : (
            <Card title="Isi laporan">
              <p className="text-sm text-slate-700">
                {entry.status === "BELUM_JATUH_TEMPO"
                  ? `Laporan periode ini belum jatuh tempo; OPD pelaksana menyampaikannya mulai ${tanggal(period.end)}.`
                  : "OPD pelaksana belum mengirim laporan periode ini."}
              </p>
            </Card>
          )}

          {(report || may.edit) && (
            <Card title="Bukti pelaksanaan" description="Foto kegiatan, berita acara serah terima, daftar hadir, atau dokumen laporan (PDF; foto JPEG/PNG). Isi berkas diperiksa saat diunggah.">
              <div className="space-y-5">
                {report ? (
                  <EvidenceList reportId={report.id} items={report.documents} timeZone={tz} removeAction={may.edit ? removeEvidenceAction : undefined} />
                ) : (
                  <p className="text-sm text-slate-700">Simpan draf laporan terlebih dahulu; setelah itu bukti dapat diunggah di sini.</p>
                )}
                {report && evidenceTypes.length > 0 && (
                  <div className="border-t border-slate-200 pt-5">
                    <h3 className="mb-3 text-base font-semibold text-slate-900">Unggah bukti</h3>
                    <EvidenceUpload reportId={report.id} types={evidenceTypes} />
                  </div>
                )}
              </div>
            </Card>
          )}

          {may.review && report && (
            <Card title="Telaah Bagian Kerja Sama" description="Beri nilai 1–5 dengan catatan, atau kembalikan laporan kepada OPD bila perlu diperbaiki. Laporan yang telah dinilai bersifat final.">
              <div className="space-y-6">
                <ReviewForm action={reviewReportAction} reportId={report.id} version={report.version} />
                <details className="rounded-lg border border-slate-200 p-4">
                  <summary className="cursor-pointer font-semibold text-slate-900">Kembalikan untuk perbaikan</summary>
                  <div className="mt-4">
                    <ReturnForm action={returnReportAction} reportId={report.id} version={report.version} />
                  </div>
                </details>
              </div>
            </Card>
          )}

          {report?.status === "DITINJAU" && (
            <Card title="Hasil telaah">
              <dl className="grid gap-x-8 gap-y-3 text-sm sm:grid-cols-2">
                <div>
                  <dt className="font-semibold text-slate-900">Nilai</dt>
                  <dd className="text-slate-800">{report.rating} dari 5</dd>
                </div>
                <div>
                  <dt className="font-semibold text-slate-900">Ditelaah oleh</dt>
                  <dd className="text-slate-800">
                    {report.reviewedBy?.fullName ?? "—"}
                    {report.reviewedAt && `, ${formatTanggalWaktu(report.reviewedAt, tz)}`}
                  </dd>
                </div>
                <div className="sm:col-span-2">
                  <dt className="font-semibold text-slate-900">Catatan</dt>
                  <dd className="whitespace-pre-line text-slate-800">{report.reviewNote}</dd>
                </div>
              </dl>
            </Card>
          )}
        </div>

        <div className="min-w-0 space-y-6 self-start">
          <Card title="Kerja sama">
            <dl className="space-y-3 text-sm">
              <div>
                <dt className="font-semibold text-slate-900">Usulan</dt>
                <dd className="text-slate-800">
                  <Link href={`/usulan/${c.id}`} className="text-brand-800 underline hover:text-brand-950">
                    {c.code}
                  </Link>{" "}
                  {c.title}
                </dd>
              </div>
              <div>
                <dt className="font-semibold text-slate-900">Naskah yang dilaporkan</dt>
                <dd className="text-slate-800">
                  {AGREEMENT_TYPE_LABELS[agreement.type]}
                  {agreement.ourNumber && ` Nomor ${agreement.ourNumber}`}
                </dd>
              </div>
              <div>
                <dt className="font-semibold text-slate-900">Jangka waktu</dt>
                <dd className="text-slate-800">
                  {agreement.startDate && agreement.endDate ? `${tanggal(agreement.startDate)} s.d. ${tanggal(agreement.endDate)}` : "—"}
                </dd>
              </div>
              <div>
                <dt className="font-semibold text-slate-900">OPD pelaksana</dt>
                <dd className="text-slate-800">{c.opdName}</dd>
              </div>
              {c.partnerName && (
                <div>
                  <dt className="font-semibold text-slate-900">Mitra</dt>
                  <dd className="text-slate-800">{c.partnerName}</dd>
                </div>
              )}
            </dl>
            <p className="mt-4 text-sm">
              <Link href={`/laporan/${c.id}`} className="font-semibold text-brand-800 underline hover:text-brand-950">
                Semua periode laporan kerja sama ini
              </Link>
            </p>
          </Card>
          {history.length > 0 && (
            <Card title="Riwayat laporan">
              <ol className="space-y-3 text-sm">
                {history.map((h) => {
                  const data = (h.data ?? {}) as { reason?: string; rating?: number };
                  return (
                    <li key={String(h.id)} className="border-l-2 border-slate-300 pl-3">
                      <p className="font-semibold text-slate-900">{REPORT_HISTORY_LABELS[h.action] ?? h.action}</p>
                      <p className="text-slate-700">
                        {h.actor?.fullName ?? "—"}, {formatTanggalWaktu(h.createdAt, tz)}
                      </p>
                      {data.reason && <p className="text-slate-800">Alasan: {data.reason}</p>}
                      {data.rating && <p className="text-slate-800">Nilai {data.rating} dari 5</p>}
                    </li>
                  );
                })}
              </ol>
            </Card>
          )}
        </div>
      </div>
    </>
  );
}

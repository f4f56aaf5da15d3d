import type { Metadata } from "next";
import Link from "@/components/ui/link";
import { notFound, redirect } from "next/navigation";
import { NaskahTree } from "@/components/agreements/naskah-tree";
import { ExtensionLinks } from "@/components/cases/extension-links";
import { KSDD_NATURE_LABELS, KSDPK_FORM_LABELS, PARTNER_CLASS_LABELS } from "@/components/cases/labels";
import { StageBadge } from "@/components/cases/stage-badge";
import { REALIZATION_LABELS, RECOMMENDATION_LABELS } from "@/components/reports/labels";
import { ReportStatusBadge } from "@/components/reports/report-status-badge";
import { ReportTimeline } from "@/components/reports/report-timeline";
import { Badge } from "@/components/ui/badge";
import { buttonClasses, LinkButton } from "@/components/ui/button";
import { Icon } from "@/components/ui/icons";
import { Card } from "@/components/ui/card";
import { Breadcrumbs, PageHeader } from "@/components/ui/page-header";
import { cooperationOf } from "@/lib/agreements/queries";
import { agreementState, AGREEMENT_STATE_LABELS } from "@/lib/agreements/state";
import { requireUser } from "@/lib/auth/session";
import type { ExtensionBasis } from "@/lib/cases/perpanjangan";
import { caseDetailForRequest } from "@/lib/cases/queries";
import { can } from "@/lib/auth/policy";
import { formatTanggal } from "@/lib/format";
import type { PeriodStatus } from "@/lib/reports/periods";
import { getSettings } from "@/lib/settings/service";
import { KIND_LABELS } from "@/lib/workflow";
import { CaseActions, runningNaskah } from "../../usulan/[id]/case-actions";

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const actor = await requireUser();
  // The page's own read (cached per request): no statement of its own.
  const found = await caseDetailForRequest(actor, (await params).id);
  return { title: found ? `${found.case.code} · ${found.case.title}` : "Kerja sama tidak ditemukan" };
}

const MONEV_ORDER: PeriodStatus[] = ["TERLAMBAT", "DIKEMBALIKAN", "JATUH_TEMPO", "DIKIRIM", "DITINJAU", "BELUM_JATUH_TEMPO"];

/**
 * Halaman kerja sama: one cooperation after signing — its naskah tree (KB → PKS/PKS turunan →
 * adendum versions), both numbers and signatories, the period and whether it binds today, the
 * perpanjangan links, the latest monitoring reports, and the actions the server allows this user.
 * A case with no signed naskah yet has only its usulan page.
 */
export default async function CooperationPage({ params }: Props) {
  const actor = await requireUser();
  const { id } = await params;
  const caseDetail = await caseDetailForRequest(actor, id);
  if (!caseDetail) notFound();
  const found = await cooperationOf(actor, caseDetail, new Date());
  const { detail, roots, signed, reports, lastReport } = found;
  if (!signed) redirect(`/usulan/${encodeURIComponent(id)}`);
  const settings = await getSettings();
  const { case: c, today } = detail;
  const main = runningNaskah(detail.agreements) ?? detail.agreements.filter((a) => a.signedAt).at(-1);
  const state = main ? agreementState(main, today) : null;
  const subKind = c.ksddNature ? KSDD_NATURE_LABELS[c.ksddNature] : c.ksdpkForm ? KSDPK_FORM_LABELS[c.ksdpkForm] : null;

  return (
    <>
      <PageHeader
        breadcrumb={<Breadcrumbs items={[{ label: "Beranda", href: "/beranda" }, { label: "Kerja Sama", href: "/kerja-sama" }, { label: c.code }]} />}
        title={c.title}
        meta={
          <>
            <span className="font-mono text-sm font-semibold text-slate-800">{c.code}</span>
            {state && (
              <Badge tone={state === "BERLAKU" ? "success" : state === "BELUM_BERLAKU" ? "info" : "neutral"} wrap>
                {AGREEMENT_STATE_LABELS[state]}
              </Badge>
            )}
            <StageBadge stage={c.stage} initiator={c.initiator} />
            {c.isArchive && <span className="text-sm text-slate-700">· Kerja sama arsip</span>}
          </>
        }
        actions={
          <>
            {/* The Ringkasan is a row of this user's register (the route checks register.view + its scope). */}
            {can(actor, "register.view") && (
              <a href={`/api/rekap/ringkasan/${encodeURIComponent(c.id)}`} className={buttonClasses({ variant: "secondary" })} download>
                <Icon name="download" className="size-4" />
                Ringkasan (PDF)
              </a>
            )}
            <LinkButton href={`/usulan/${c.id}`} variant="secondary">Riwayat dan Dokumen</LinkButton>
          </>
        }
      />
      <dl className="-mt-2 mb-6 grid gap-x-8 gap-y-3 text-sm sm:grid-cols-2 lg:grid-cols-4">
        <div>
          <dt className="font-semibold text-slate-900">Jenis kerja sama</dt>
          <dd className="text-slate-800">{KIND_LABELS[c.kind]} ({c.kind}){subKind && ` — ${subKind}`}</dd>
        </div>
        <div>
          <dt className="font-semibold text-slate-900">Mitra</dt>
          <dd className="text-slate-800">
            {c.partner ? `${c.partner.name} (${PARTNER_CLASS_LABELS[c.partner.partnerClass]})` : "—"}
          </dd>
        </div>
        <div>
          <dt className="font-semibold text-slate-900">OPD pelaksana</dt>
          <dd className="text-slate-800">{c.opd.name}</dd>
        </div>
        <div>
          <dt className="font-semibold text-slate-900">Jangka waktu berjalan</dt>
          <dd className="text-slate-800">
            {main?.startDate && main.endDate
              ? `${formatTanggal(main.startDate, "UTC")} s.d. ${formatTanggal(main.endDate, "UTC")}`
              : "—"}
          </dd>
        </div>
      </dl>

      <div className="mb-6 space-y-4 empty:hidden">
        <ExtensionLinks extendsCase={c.extendsCase} extensions={c.extensions} basis={(c.extensionBasis as ExtensionBasis | null) ?? null} />
        {c.parentAgreement && (
          <p className="rounded-md border border-slate-200 bg-slate-50 px-4 py-3 text-sm text-slate-800">
            PKS turunan di bawah Kesepakatan Bersama <span className="font-semibold">{c.parentAgreement.title}</span>
            {c.parentAgreement.ourNumber && ` (nomor ${c.parentAgreement.ourNumber})`}.{" "}
            <Link href={`/kerja-sama/${c.parentAgreement.caseId}`} className="text-brand-800 underline hover:no-underline">
              Buka kerja sama induk
            </Link>
          </p>
        )}
      </div>

      <div className="grid gap-6 xl:grid-cols-[minmax(0,2fr)_minmax(0,1fr)]">
        <div className="min-w-0 space-y-6">
          <Card title="Naskah kerja sama" description="Naskah induk, perjanjian pelaksanaannya, dan setiap adendum; teks asli tetap dapat dibuka.">
            <NaskahTree roots={roots} today={today} />
          </Card>
          {reports && (
            <Card
              title="Laporan pelaksanaan"
              description="Laporan monitoring dan evaluasi per periode; laporan akhir diperlukan sebelum kerja sama ditutup."
            >
              <ReportTimeline timeline={reports} focus />
            </Card>
          )}
          <CaseActions detail={detail} settings={settings} />
        </div>
        <Card className="self-start" title="Status monev" description="Laporan berkala OPD pelaksana dan penilaian Bagian Kerja Sama.">
          {!reports ? (
            <p className="text-sm text-slate-700">Belum ada naskah berjalan yang wajib dilaporkan.</p>
          ) : (
            <ul className="flex flex-wrap gap-2" aria-label="Jumlah periode per status">
              {MONEV_ORDER.filter((s) => reports.counts[s] > 0).map((s) => (
                <li key={s} className="flex items-center gap-1 text-sm text-slate-800">
                  <ReportStatusBadge status={s} /> <span className="font-semibold">{reports.counts[s]}</span>
                </li>
              ))}
            </ul>
          )}
          {lastReport && (
            <p className="mt-3 text-sm text-slate-800">
              Laporan terakhir ditinjau ({lastReport.periodLabel}): {REALIZATION_LABELS[lastReport.realization].toLowerCase()},
              rekomendasi {RECOMMENDATION_LABELS[lastReport.recommendation].toLowerCase()}
              {lastReport.rating !== null && `, nilai ${lastReport.rating}/5`}.
            </p>
          )}
          {reports && !lastReport && <p className="mt-3 text-sm text-slate-700">Belum ada laporan yang ditinjau.</p>}
          <p className="mt-4 text-sm">
            <Link href={reports ? `/laporan/${reports.case.id}` : "/laporan"} className="text-brand-800 underline hover:no-underline">
              {reports ? "Buka laporan kerja sama ini" : "Semua laporan pelaksanaan"}
            </Link>
          </p>
        </Card>
      </div>
    </>
  );
}

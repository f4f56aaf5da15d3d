import type { Metadata } from "next";
import Link from "@/components/ui/link";
import { notFound } from "next/navigation";
import { AgreementList } from "@/components/cases/agreement-list";
import { CaseSummary } from "@/components/cases/case-summary";
import { ExtensionLinks } from "@/components/cases/extension-links";
import { eventPastLabel, KSDD_NATURE_LABELS, KSDPK_FORM_LABELS, NEGATIVE_EVENTS, PARTNER_CLASS_LABELS, TERMINATION_GROUND_LABELS } from "@/components/cases/labels";
import { OpinionForm } from "@/components/cases/opinion-form";
import { OpinionList } from "@/components/cases/opinion-list";
import { PksTurunanForm } from "@/components/cases/pks-turunan-form";
import { StageBadge } from "@/components/cases/stage-badge";
import { StageTimeline } from "@/components/cases/stage-timeline";
import { DocumentList } from "@/components/documents/document-list";
import { ReportTimeline } from "@/components/reports/report-timeline";
import { UploadForm } from "@/components/documents/upload-form";
import { Alert } from "@/components/ui/alert";
import { LinkButton } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Breadcrumbs, PageHeader } from "@/components/ui/page-header";
import type { SearchParamsRecord } from "@/components/ui/pagination";
import { isInForce } from "@/lib/agreements/state";
import { requireUser } from "@/lib/auth/session";
import { caseDetailForRequest } from "@/lib/cases/queries";
import { reviewRound } from "@/lib/cases/rules";
import { opinionSchema, pksTurunanSchema } from "@/lib/cases/schemas";
import { formConstraints } from "@/lib/forms/constraints";
import { formatTanggal, formatTanggalWaktu } from "@/lib/format";
import { listActiveOpdOptions } from "@/lib/opd/queries";
import { getReportTimeline } from "@/lib/reports/queries";
import { REPORTING_STAGES } from "@/lib/reports/rules";
import { getSettings } from "@/lib/settings/service";
import { dprdDeadline } from "@/lib/cases/dprd-deadline";
import { DOCUMENT_LABELS, KIND_LABELS, stageLabel, stagePath, type DocumentType, type Stage } from "@/lib/workflow";
import type { ExtensionBasis } from "@/lib/cases/perpanjangan";
import { opinionAction, startPksTurunanAction } from "./actions";
import { CaseActions } from "./case-actions";

type Props = { params: Promise<{ id: string }>; searchParams: Promise<SearchParamsRecord> };

/**
 * "KS-2026-0040 · judul · SIKERDA" (the layout adds the app name); another OPD's case stays anonymous.
 * The same read as the page (caseDetailForRequest is cached per request): no statement of its own.
 */
export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const actor = await requireUser();
  const found = await caseDetailForRequest(actor, (await params).id);
  return { title: found ? `${found.case.code} · ${found.case.title}` : "Usulan tidak ditemukan" };
}

// Computed once, on the server: the page's forms validate in their server actions only (no zod in its bundle).
const OPINION_CONSTRAINTS = formConstraints(opinionSchema);
const PKS_TURUNAN_CONSTRAINTS = formConstraints(pksTurunanSchema);

/** Stages whose reason (Case.lastReason) the OPD must see at the top of the page. */
const REASON_TITLES: Partial<Record<Stage, string>> = {
  PERBAIKAN: "Usulan dikembalikan untuk perbaikan",
  DITOLAK: "Usulan ditolak",
  BATAL: "Kerja sama dibatalkan",
  DITOLAK_DPRD: "DPRD tidak memberikan persetujuan",
  DIAKHIRI: "Kerja sama diakhiri",
  DRAF: "Usulan dikembalikan oleh Kepala OPD",
};

export default async function CaseDetailPage({ params, searchParams }: Props) {
  const actor = await requireUser();
  const [{ id }, sp] = await Promise.all([params, searchParams]);
  const detail = await caseDetailForRequest(actor, id);
  if (!detail) notFound();
  const settings = await getSettings();
  const tz = settings.region.timeZone;
  const { case: c, history, documents, agreements, opinions, available, may, today } = detail;
  const dprdDue = dprdDeadline(c, settings.dprdResponseDays, new Date(), tz);

  const lastNegative = history.findLast((h) => NEGATIVE_EVENTS.includes(h.event));
  const showReason =
    Boolean(c.lastReason) && c.stage in REASON_TITLES && (c.stage !== "DRAF" || history.at(-1)?.event === "kembalikan");
  const successEvent = typeof sp.berhasil === "string" ? sp.berhasil : undefined;
  const canEdit = may.edit;
  const subKind = c.ksddNature ? KSDD_NATURE_LABELS[c.ksddNature] : c.ksdpkForm ? KSDPK_FORM_LABELS[c.ksdpkForm] : null;
  const path = stagePath(c.kind, { requiresDprd: c.requiresDprd, initiator: c.initiator, isPksTurunan: Boolean(c.parentAgreementId) });

  const missing = [...new Set(available.flatMap((e) => e.missingDocuments))];
  const activeKb = agreements.find((a) => a.type === "KB" && isInForce(a, today));
  const showPksTurunan = Boolean(activeKb) && may.startPksTurunan;
  const opdOptions = showPksTurunan ? await listActiveOpdOptions() : [];
  const round = reviewRound(history);
  const ownOpinion = opinions.findLast((o) => o.memberId === actor.id && o.round === round);
  const opinionOpen = may.giveOpinion;
  // The monitoring reports of the running agreement (lib/reports), while it runs and until the case is closed.
  const reports = REPORTING_STAGES.includes(c.stage) ? await getReportTimeline(actor, c.id, new Date(), c) : null;

  const naskah = (
    <Card title="Naskah kerja sama">
      {c.parentAgreement && (
        <p className="mb-4 text-sm text-slate-800">
          PKS turunan di bawah Kesepakatan Bersama <span className="font-semibold">{c.parentAgreement.title}</span>
          {c.parentAgreement.ourNumber && ` (nomor ${c.parentAgreement.ourNumber})`}.{" "}
          <Link href={`/usulan/${c.parentAgreement.caseId}`} className="text-brand-800 underline hover:no-underline">
            Buka usulan induk
          </Link>
        </p>
      )}
      {agreements.length > 0 ? (
        <AgreementList agreements={agreements} today={today} />
      ) : (
        <p className="text-sm text-slate-700">Naskah PKS ini tercatat saat penandatanganannya dicatat pada panel Tindakan.</p>
      )}
    </Card>
  );

  return (
    <>
      <PageHeader
        breadcrumb={<Breadcrumbs items={[{ label: "Beranda", href: "/beranda" }, { label: "Usulan", href: "/usulan" }, { label: c.code }]} />}
        title={c.title}
        meta={
          <>
            <span className="font-mono text-sm font-semibold text-slate-800">{c.code}</span>
            <StageBadge stage={c.stage} initiator={c.initiator} />
            <span className="text-sm text-slate-700">sejak {formatTanggalWaktu(c.stageEnteredAt, tz)}</span>
            {dprdDue && (
              <span className={dprdDue.passed ? "text-sm font-semibold text-amber-800" : "text-sm text-slate-700"}>
                · batas jawaban DPRD {formatTanggal(dprdDue.due, "UTC")}
                {dprdDue.passed && " (terlewati — tidak berarti disetujui)"}
              </span>
            )}
            {c.isArchive && <span className="text-sm text-slate-700">· Kerja sama arsip</span>}
          </>
        }
        actions={canEdit ? <LinkButton href={`/usulan/${c.id}/ubah`} variant="primary">Ubah Usulan</LinkButton> : undefined}
      />
      <dl className="-mt-2 mb-6 grid gap-x-8 gap-y-3 text-sm sm:grid-cols-3">
        <div>
          <dt className="font-semibold text-slate-900">Jenis kerja sama</dt>
          <dd className="text-slate-800">
            {KIND_LABELS[c.kind]} ({c.kind}){subKind && ` — ${subKind}`}
            {c.initiator === "MITRA" && " · prakarsa mitra"}
          </dd>
        </div>
        <div>
          <dt className="font-semibold text-slate-900">Mitra</dt>
          <dd className="text-slate-800">
            {c.partner ? (
              <>
                {c.partner.name} <span className="text-slate-700">({PARTNER_CLASS_LABELS[c.partner.partnerClass]}{c.partner.country && c.partner.country !== "Indonesia" ? `, ${c.partner.country}` : ""})</span>
              </>
            ) : (
              <span className="italic text-slate-600">Belum dipilih</span>
            )}
          </dd>
        </div>
        <div>
          <dt className="font-semibold text-slate-900">OPD pemrakarsa/pelaksana</dt>
          <dd className="text-slate-800">{c.opd.name} ({c.opd.shortName})</dd>
        </div>
      </dl>

      <div className="mb-6 space-y-4 empty:hidden">
        {sp.tersimpan === "1" && <Alert tone="success" announce title="Usulan telah disimpan." />}
        {sp.tersimpan === "pks" && (
          <Alert tone="success" announce title="PKS turunan telah dibuat.">
            Usulan ini langsung berada pada tahap Penyusunan PKS. Unggah draf PKS pada bagian Dokumen.
          </Alert>
        )}
        {successEvent && (
          <Alert tone="success" announce title={`Tahapan berhasil dicatat: ${stageLabel(c.stage, c.initiator)}`}>
            {eventPastLabel(successEvent)}.
          </Alert>
        )}
        {sp.pendapat === "1" && <Alert tone="success" announce title="Pendapat Anda telah disimpan." />}
        {sp.tersimpan === "perpanjangan" && (
          <Alert tone="success" announce title="Usulan perpanjangan telah dibuat.">
            Data kerja sama lama dan hasil laporan terakhirnya sudah disalin. Lengkapi isian dan dokumen, lalu ajukan seperti usulan baru.
          </Alert>
        )}
        <ExtensionLinks
          extendsCase={c.extendsCase}
          extensions={c.extensions}
          basis={(c.extensionBasis as ExtensionBasis | null) ?? null}
        />
        {showReason && (
          <Alert tone={c.stage === "PERBAIKAN" || c.stage === "DRAF" ? "warning" : "error"} title={REASON_TITLES[c.stage]}>
            <p className="text-base">
              <span className="font-semibold">Alasan:</span> <span className="whitespace-pre-line">{c.lastReason}</span>
            </p>
            {lastNegative && (
              <p>
                Dicatat oleh {lastNegative.actor.fullName}, {formatTanggalWaktu(lastNegative.createdAt, tz)}.
              </p>
            )}
            {c.stage === "DIAKHIRI" && c.terminationGround && (
              <p>
                Dasar pengakhiran: {TERMINATION_GROUND_LABELS[c.terminationGround]}
                {c.terminationDate && `, berlaku ${formatTanggal(c.terminationDate, tz)}`}.
              </p>
            )}
            {canEdit && <p>Perbaiki isian atau dokumen sesuai alasan di atas, lalu ajukan kembali melalui panel Tindakan.</p>}
          </Alert>
        )}
      </div>

      <div className="grid gap-6 xl:grid-cols-[minmax(0,2fr)_minmax(0,1fr)]">
        <div className="min-w-0 space-y-6">
          {!opinionOpen && (
            <CaseActions detail={detail} settings={settings} />
          )}
          {opinionOpen && (
            <Card
              title="Pendapat tertulis Anda sebagai anggota TKKSD"
              description={
                c.stage === "ADENDUM_KAJIAN"
                  ? `Pembahasan adendum (pembahasan ke-${round} atas kerja sama ini).`
                  : round > 1 ? `Pembahasan ke-${round} (usulan telah diperbaiki).` : undefined
              }
            >
              {ownOpinion && (
                <p className="mb-4 text-sm text-slate-700">
                  Anda telah memberi pendapat pada {formatTanggalWaktu(ownOpinion.createdAt, tz)}. Bila pendapat Anda berubah,
                  simpan pendapat baru: pendapat terakhir yang berlaku, pendapat sebelumnya tetap tercatat.
                </p>
              )}
              <OpinionForm
                action={opinionAction}
                caseId={c.id}
                current={ownOpinion ? { opinion: ownOpinion.opinion, note: ownOpinion.note } : undefined}
                constraint={OPINION_CONSTRAINTS}
              />
            </Card>
          )}
          {reports && (
            <Card
              title="Laporan pelaksanaan"
              description="Laporan monitoring dan evaluasi per periode; laporan akhir diperlukan sebelum kerja sama ditutup."
              actions={
                <Link href={`/laporan/${c.id}`} className="text-sm font-semibold text-brand-800 underline hover:text-brand-950">
                  Buka laporan
                </Link>
              }
            >
              <ReportTimeline timeline={reports} focus />
            </Card>
          )}
          {agreements.length > 0 && naskah}
          <CaseSummary c={c} timeZone={tz} />
          {agreements.length === 0 && c.parentAgreement && naskah}
          <Card title="Dokumen" description="Dokumen tahap yang sudah dilewati terkunci; koreksi diunggah sebagai versi baru dengan alasan.">
            <div className="space-y-5">
              {missing.length > 0 && (
                <Alert tone="warning" title="Dokumen yang masih diperlukan untuk langkah berikutnya">
                  <ul className="list-disc pl-5">
                    {missing.map((t: DocumentType) => (
                      <li key={t}>{DOCUMENT_LABELS[t]}</li>
                    ))}
                  </ul>
                </Alert>
              )}
              <DocumentList documents={documents} timeZone={tz} />
              {detail.uploadTypes.length > 0 && (
                <div className="border-t border-slate-200 pt-5">
                  <h3 className="mb-3 text-base font-semibold text-slate-900">Unggah dokumen</h3>
                  <UploadForm
                    caseId={c.id}
                    stage={c.stage}
                    types={detail.uploadTypes.map((t) => ({ value: t, label: DOCUMENT_LABELS[t] }))}
                    lockedTypes={detail.correctionTypes}
                  />
                </div>
              )}
            </div>
          </Card>
          {showPksTurunan && activeKb && (
            <Card
              title="Mulai PKS Turunan"
              description="Kesepakatan Bersama ini masih berlaku. Untuk OPD atau objek lain, buat PKS turunan: usulan baru yang langsung masuk tahap Penyusunan PKS."
            >
              <PksTurunanForm action={startPksTurunanAction} kbId={activeKb.id} opdOptions={opdOptions} defaultOpdId={c.opdId} constraint={PKS_TURUNAN_CONSTRAINTS} />
            </Card>
          )}
          {may.readOpinions && (
            <Card title="Pendapat anggota TKKSD">
              <OpinionList opinions={opinions} timeZone={tz} />
            </Card>
          )}
        </div>
        <Card className="self-start" title="Tahapan dan riwayat" description="Tahap yang telah dilalui, tahap saat ini, dan tahap berikutnya.">
          <StageTimeline stage={c.stage} stageEnteredAt={c.stageEnteredAt} path={path} history={history} timeZone={tz} initiator={c.initiator} />
        </Card>
      </div>
    </>
  );
}

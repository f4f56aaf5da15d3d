import type { Metadata } from "next";
import Link from "@/components/ui/link";
import { notFound, redirect } from "next/navigation";
import { AGREEMENT_TYPE_LABELS, PARTNER_CLASS_LABELS } from "@/components/cases/labels";
import { MergePartnerForm, VerifyPartnerForm } from "@/components/partners/partner-admin-forms";
import { PartnerDocumentUpload } from "@/components/partners/partner-document-upload";
import { tanggalPendek } from "@/components/register/dates";
import { RegisterTable } from "@/components/register/register-table";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { LinkButton } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Breadcrumbs, PageHeader } from "@/components/ui/page-header";
import type { SearchParamsRecord } from "@/components/ui/pagination";
import { Table, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import { AGREEMENT_STATE_LABELS, agreementState } from "@/lib/agreements/state";
import { can } from "@/lib/auth/policy";
import { requirePermission } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { formatTanggal } from "@/lib/format";
import { getSettings } from "@/lib/settings/service";
import { PARTNER_DOCUMENT_LABELS } from "@/lib/partners/documents";
import { getPartnerDetail, mergeCandidates } from "@/lib/partners/queries";
import { similarPartners } from "@/lib/partners/similar";
import { registerHref } from "@/lib/register/filters";
import { registerRowHref } from "@/lib/register/rules";
import { searchTextParam } from "@/lib/validation/search-text";
import { UNIVERSITY_STATUS_LABELS } from "@/lib/workflow/partner-fit";
import type { AgreementStatus, PartnerDocumentType, Stage } from "@/lib/generated/prisma/enums";
import { mergePartnerAction, verifyPartnerAction } from "../actions";

type Props = { params: Promise<{ id: string }>; searchParams: Promise<SearchParamsRecord> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { id } = await params;
  if (!/^[A-Za-z0-9_-]{1,64}$/.test(id)) return { title: "Mitra" };
  const p = await getDb().partner.findFirst({ where: { id, deletedAt: null }, select: { name: true } });
  return { title: p ? `${p.name} · Mitra` : "Mitra" };
}

const DOC_TYPES = (Object.keys(PARTNER_DOCUMENT_LABELS) as PartnerDocumentType[]).map((t) => ({ value: t, label: PARTNER_DOCUMENT_LABELS[t] }));
const nf = new Intl.NumberFormat("id-ID");

function Row({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div className="grid gap-1 py-2 sm:grid-cols-[12rem_minmax(0,1fr)]">
      <dt className="text-sm font-semibold text-slate-700">{label}</dt>
      <dd className="break-words text-sm text-slate-900">{children || <span className="text-slate-500">—</span>}</dd>
    </div>
  );
}

export default async function MitraDetailPage({ params, searchParams }: Props) {
  const actor = await requirePermission("partner.read");
  const { id } = await params;
  const sp = await searchParams;
  const casePage = Math.max(1, Math.min(400, Number(sp.halaman) || 1));
  const now = new Date();
  const [detail, settings] = await Promise.all([getPartnerDetail(actor, id, now, casePage), getSettings()]);
  const tz = settings.region.timeZone;
  if (!detail) notFound();
  if ("mergedInto" in detail) redirect(`/mitra/${encodeURIComponent(detail.mergedInto ?? "")}?digabung=1`);
  const { partner: p, documents, cases, agreements } = detail;
  const manages = can(actor, "partner.manage");
  const version = p.updatedAt.toISOString();
  const search = searchTextParam(100).parse(sp.cari);
  const [similar, found] = manages
    ? await Promise.all([similarPartners(actor, p.name, { excludeId: p.id }), search ? mergeCandidates(actor, p.id, search) : []])
    : [[], []];
  const candidates = [
    ...similar.filter((s) => s.verified).map((s) => ({ id: s.id, name: s.name, detail: `${PARTNER_CLASS_LABELS[s.partnerClass]} · nama mirip` })),
    ...found.filter((f) => !similar.some((s) => s.id === f.id))
      .map((f) => ({ id: f.id, name: f.name, detail: `${PARTNER_CLASS_LABELS[f.partnerClass]} · ${f.country === "Indonesia" ? (f.province ?? "Indonesia") : f.country}` })),
  ];
  const place = p.country === "Indonesia" ? [p.regency, p.province].filter(Boolean).join(", ") || "Indonesia" : [p.regency, p.country].filter(Boolean).join(", ");

  const mergeSection = manages && (
    <div className="space-y-4">
      <form action={`/mitra/${p.id}`} method="get" className="flex flex-wrap items-end gap-3" role="search" aria-label="Cari mitra tujuan">
        <Field id="cari-tujuan" label="Cari mitra tujuan" hint="Ketik sebagian nama mitra terverifikasi.">
          {(fp) => <Input {...fp} type="search" name="cari" defaultValue={search} className="min-w-64" />}
        </Field>
        <button type="submit" className="min-h-10 rounded-md border border-slate-300 bg-white px-4 text-sm font-semibold text-slate-800 hover:bg-slate-50">
          Cari
        </button>
      </form>
      {candidates.length > 0 ? (
        <MergePartnerForm action={mergePartnerAction} id={p.id} version={version} candidates={candidates} />
      ) : (
        <p className="text-sm text-slate-600">
          {search ? `Tidak ada mitra terverifikasi bernama "${search}".` : "Tidak ada mitra terverifikasi dengan nama mirip. Cari mitra tujuan dengan namanya."}
        </p>
      )}
    </div>
  );

  return (
    <>
      <PageHeader
        breadcrumb={<Breadcrumbs items={[{ label: "Beranda", href: "/beranda" }, { label: "Mitra", href: "/mitra" }, { label: p.name }]} />}
        title={p.name}
        meta={
          <div className="flex flex-wrap gap-2">
            <Badge tone="brand">{PARTNER_CLASS_LABELS[p.partnerClass]}</Badge>
            {p.verified ? <Badge tone="success">Terverifikasi</Badge> : <Badge tone="warning">Menunggu verifikasi Bagian Kerja Sama</Badge>}
          </div>
        }
        actions={
          <div className="flex flex-wrap gap-2">
            {manages && <LinkButton href={`/mitra/${p.id}/ubah`} variant="primary">Ubah Data Mitra</LinkButton>}
            {cases && cases.count.value > 0 && <LinkButton href={registerHref({ mitra: p.id })}>Lihat di Daftar Kerja Sama</LinkButton>}
          </div>
        }
      />
      {sp.tersimpan === "1" && <Alert tone="success" announce className="mb-6" title="Data mitra telah disimpan." />}
      {sp.terverifikasi === "1" && <Alert tone="success" announce className="mb-6" title="Mitra telah dikonfirmasi: kini dapat dipilih semua OPD." />}
      {sp.digabung === "1" && (
        <Alert tone="success" announce className="mb-6" title="Mitra telah digabungkan.">
          Semua usulan, naskah, dan dokumen mitra duplikat kini tercatat pada mitra ini.
        </Alert>
      )}

      {!p.verified && manages && (
        <Card className="mb-6" title="Menunggu verifikasi"
          description={`Diajukan ${p.requestedByOpd ? `oleh ${p.requestedByOpd.name}` : "dari formulir usulan"}${detail.createdBy ? ` (${detail.createdBy})` : ""} pada ${formatTanggal(p.createdAt, tz)}. Hanya OPD pengaju yang dapat memilihnya sampai dikonfirmasi.`}>
          <div className="grid gap-8 lg:grid-cols-2">
            <div className="space-y-3">
              <h3 className="font-semibold text-slate-900">Mitra baru yang benar</h3>
              <p className="text-sm text-slate-700">Periksa nama resmi, kelas, dan kedudukannya (ubah bila perlu), lalu konfirmasi.</p>
              <VerifyPartnerForm action={verifyPartnerAction} id={p.id} version={version} />
            </div>
            <div className="space-y-3">
              <h3 className="font-semibold text-slate-900">Sudah terdaftar dengan nama lain?</h3>
              <p className="text-sm text-slate-700">Gabungkan ke mitra yang sudah ada: usulan OPD langsung memakai mitra itu.</p>
              {mergeSection}
            </div>
          </div>
        </Card>
      )}
      {!p.verified && !manages && (
        <Alert tone="info" className="mb-6" title="Mitra ini diajukan OPD Anda dan menunggu verifikasi Bagian Kerja Sama.">
          Mitra ini sudah dapat dipilih pada usulan OPD Anda. Bagian Kerja Sama akan mengonfirmasi, melengkapi, atau menggabungkannya dengan mitra yang sudah terdaftar.
        </Alert>
      )}

      <div className="grid gap-6 xl:grid-cols-2">
        <Card title="Data mitra">
          <dl className="divide-y divide-slate-100">
            <Row label="Kelas mitra">{PARTNER_CLASS_LABELS[p.partnerClass]}</Row>
            {p.universityStatus && <Row label="Status perguruan tinggi">{UNIVERSITY_STATUS_LABELS[p.universityStatus]}</Row>}
            <Row label="Bentuk badan hukum">{p.legalForm}</Row>
            <Row label="NIB/NPWP/registrasi">{p.registrationNumber}</Row>
            <Row label="Kedudukan">{place}</Row>
            <Row label="Alamat">{p.address}</Row>
            <Row label="Kontak instansi">{[p.phone, p.email, p.website].filter(Boolean).join(" · ")}</Row>
            {p.verified && <Row label="Diverifikasi">{[detail.verifiedBy, p.verifiedAt ? formatTanggal(p.verifiedAt, tz) : null].filter(Boolean).join(", ")}</Row>}
          </dl>
        </Card>
        <Card title="Narahubung">
          {p.contact1Name || p.contact2Name ? (
            <dl className="divide-y divide-slate-100">
              {([1, 2] as const).map((n) => {
                const name = p[`contact${n}Name`];
                if (!name) return null;
                const extra = [p[`contact${n}Position`], p[`contact${n}Phone`], p[`contact${n}Email`]].filter(Boolean).join(" · ");
                return (
                  <Row key={n} label={`Narahubung ${n}`}>
                    <span className="font-medium">{name}</span>
                    {extra && <span className="block text-slate-700">{extra}</span>}
                  </Row>
                );
              })}
            </dl>
          ) : (
            <p className="text-sm text-slate-600">
              Belum ada narahubung.{manages ? " Tambahkan melalui Ubah Data Mitra." : ""}
            </p>
          )}
        </Card>
      </div>

      <Card className="mt-6" title="Dokumen legal" description="Akta, NIB, SK pengesahan, dan dokumen legal lain mitra (PDF).">
        {documents.length > 0 ? (
          <ul className="divide-y divide-slate-100">
            {documents.map((d) => (
              <li key={d.id} className="flex flex-wrap items-start justify-between gap-2 py-2 text-sm">
                <div className="min-w-0">
                  <a href={`/api/dokumen-mitra/${d.id}`} className="font-medium text-brand-800 underline break-words">{PARTNER_DOCUMENT_LABELS[d.type]}</a>
                  {d.number && <span className="text-slate-700"> — {d.number}</span>}
                  <span className="block text-xs text-slate-600 break-words">
                    {d.originalName} · {nf.format(Math.ceil(d.sizeBytes / 1024))} KB · diunggah {d.uploadedBy}, {formatTanggal(d.uploadedAt, tz)}
                  </span>
                </div>
                <a href={`/api/dokumen-mitra/${d.id}?tampil=1`} className="text-sm text-brand-800 underline" target="_blank" rel="noopener">
                  Tampilkan<span className="sr-only"> {PARTNER_DOCUMENT_LABELS[d.type]}</span>
                </a>
              </li>
            ))}
          </ul>
        ) : (
          <p className="text-sm text-slate-600">
            Belum ada dokumen legal.{manages ? " Unggah akta, NIB, atau SK di bawah ini." : " Bagian Kerja Sama mengunggahnya saat melengkapi data mitra."}
          </p>
        )}
        {manages && (
          <div className="mt-4 border-t border-slate-200 pt-4">
            <PartnerDocumentUpload partnerId={p.id} types={DOC_TYPES} />
          </div>
        )}
      </Card>

      {cases && (
        <section aria-labelledby="kerja-sama-mitra" className="mt-8">
          <h2 id="kerja-sama-mitra" className="mb-3 text-lg font-semibold text-slate-900">
            Kerja sama dengan mitra ini ({cases.count.capped ? `lebih dari ${nf.format(cases.count.value)}` : nf.format(cases.count.value)})
          </h2>
          {cases.items.length > 0 ? (
            <>
              <RegisterTable user={actor} rows={cases.items} context={cases.context} caption={`Kerja sama dengan ${p.name}`} showPartner={false} />
              {(cases.hasNext || cases.page > 1) && (
                <p className="mt-3 text-sm">
                  <Link href={registerHref({ mitra: p.id })} className="text-brand-800 underline">Lihat semua di Daftar Kerja Sama</Link>
                </p>
              )}
            </>
          ) : (
            <p className="rounded-lg border border-dashed border-slate-300 bg-white px-4 py-6 text-sm text-slate-600">
              Belum ada usulan atau kerja sama dengan mitra ini yang dapat Anda lihat. Usulan baru memilih mitra ini di formulir Usulan Baru.
            </p>
          )}
        </section>
      )}

      {agreements.length > 0 && (
        <section aria-labelledby="naskah-mitra" className="mt-8">
          <h2 id="naskah-mitra" className="mb-3 text-lg font-semibold text-slate-900">Naskah yang ditandatangani</h2>
          <Table caption={`Naskah kerja sama dengan ${p.name}`} captionHidden>
            <THead>
              <TR>
                <TH className="w-[34%]">Naskah</TH>
                <TH>Nomor</TH>
                <TH>Ditandatangani</TH>
                <TH>Periode</TH>
                <TH>Status</TH>
              </TR>
            </THead>
            <TBody>
              {agreements.map((a) => {
                const href = registerRowHref(actor, { id: a.caseId, opdId: a.opdId, stage: a.stage as Stage, mainStatus: a.status as AgreementStatus });
                const state = agreementState({ status: a.status, startDate: a.startDate, endDate: a.endDate }, cases?.context.today ?? now);
                return (
                  <TR key={a.id}>
                    <TH scope="row" label="Naskah">
                      {AGREEMENT_TYPE_LABELS[a.type]}
                      <span className="block text-xs font-normal text-slate-600">
                        {href ? <Link href={href} className="text-brand-800 underline">{a.caseTitle}</Link> : a.caseTitle} · <span className="font-mono">{a.caseCode}</span>
                      </span>
                    </TH>
                    <TD label="Nomor">
                      {a.ourNumber && <span className="block">Daerah: {a.ourNumber}</span>}
                      {a.partnerNumber && <span className="block">Mitra: {a.partnerNumber}</span>}
                    </TD>
                    <TD label="Ditandatangani" className="md:whitespace-nowrap">{tanggalPendek(a.signedAt) ?? "—"}</TD>
                    <TD label="Periode">{tanggalPendek(a.startDate) ?? "—"} – {tanggalPendek(a.endDate) ?? "—"}</TD>
                    <TD label="Status"><Badge wrap tone={state === "BERLAKU" ? "success" : state === "BELUM_BERLAKU" || state === "MENUNGGU_DPRD" ? "warning" : "neutral"}>{AGREEMENT_STATE_LABELS[state]}</Badge></TD>
                  </TR>
                );
              })}
            </TBody>
          </Table>
        </section>
      )}

      {manages && p.verified && (
        <details className="mt-8 rounded-lg border border-slate-200 bg-white px-5 py-4">
          <summary className="cursor-pointer font-semibold text-slate-900">Gabungkan mitra ini ke mitra lain (data ganda)</summary>
          <div className="mt-4">{mergeSection}</div>
        </details>
      )}
      {p.mergedFrom.length > 0 && (
        <p className="mt-6 text-sm text-slate-600">
          Digabungkan ke mitra ini: {p.mergedFrom.map((m) => m.name).join("; ")}.
        </p>
      )}
    </>
  );
}

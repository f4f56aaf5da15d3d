import type { Metadata } from "next";
import Link from "@/components/ui/link";
import { forbidden, redirect } from "next/navigation";
import { SUBMIT_HINT } from "@/components/cases/labels";
import { Alert } from "@/components/ui/alert";
import { Breadcrumbs, PageHeader } from "@/components/ui/page-header";
import type { SearchParamsRecord } from "@/components/ui/pagination";
import { requireUser } from "@/lib/auth/session";
import { listPartnerOptions } from "@/lib/cases/queries";
import { mayCreateDraft, mayRegisterPartnerOffer } from "@/lib/cases/rules";
import type { CaseKind, DocumentType } from "@/lib/generated/prisma/enums";
import { listActiveOpdOptions } from "@/lib/opd/queries";
import { getSettings } from "@/lib/settings/service";
import { DOCUMENT_LABELS, KIND_HINTS, KIND_LABELS } from "@/lib/workflow";
import { createDraftAction, registerPartnerOfferAction, requestPartnerAction } from "../actions";
import { isCaseKind, KIND_ORDER } from "../options";
import { ProposalForm } from "../proposal-form";

export const metadata: Metadata = { title: "Usulan Baru" };

// Documents a partner-initiated KSDPK needs before it may go to verification (transition table).
const PARTNER_OFFER_DOCUMENTS: DocumentType[] = ["SURAT_PENAWARAN_MITRA", "STUDI_KELAYAKAN"];

const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);


function KindChooser() {
  return (
    <nav aria-labelledby="pilih-jenis">
      <h2 id="pilih-jenis" className="mb-1 text-lg font-semibold text-slate-900">
        Langkah 1 dari 2: pilih jenis kerja sama
      </h2>
      <p className="mb-4 text-sm text-slate-600">
        Jenis menentukan isian formulir, dokumen yang diperlukan, dan tahapan yang dilalui (PP 28/2018, Permendagri
        22/2020 dan 25/2020).
      </p>
      <ul className="grid gap-3 md:grid-cols-2">
        {KIND_ORDER.map((kind) => (
          <li key={kind}>
            <Link
              href={`/usulan/baru?jenis=${kind}`}
              className="block h-full rounded-lg border border-slate-300 bg-white p-4 shadow-sm hover:border-brand-700 hover:bg-brand-50"
            >
              <span className="block font-semibold text-brand-800">
                {KIND_LABELS[kind]} <span className="font-mono text-sm text-slate-600">({kind})</span>
              </span>
              <span className="mt-1 block text-sm text-slate-700">{KIND_HINTS[kind]}</span>
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}

export default async function UsulanBaruPage({ searchParams }: { searchParams: Promise<SearchParamsRecord> }) {
  const actor = await requireUser();
  const sp = await searchParams;
  const byPartner = first(sp.prakarsa) === "mitra";
  // Bagian Kerja Sama does not draft for an OPD; it registers a partner's offer instead.
  if (!byPartner && !mayCreateDraft(actor) && mayRegisterPartnerOffer(actor)) redirect("/usulan/baru?prakarsa=mitra");
  if (byPartner ? !mayRegisterPartnerOffer(actor) : !mayCreateDraft(actor)) forbidden();

  const jenis = first(sp.jenis);
  const kind: CaseKind | null = byPartner ? "KSDPK" : isCaseKind(jenis) ? jenis : null;
  const crumbs = [
    { label: "Beranda", href: "/beranda" },
    { label: "Usulan", href: "/usulan" },
    ...(kind && !byPartner ? [{ label: "Usulan Baru", href: "/usulan/baru" }] : []),
    { label: byPartner ? "Penawaran Mitra" : kind ? kind : "Usulan Baru" },
  ];

  if (!kind) {
    return (
      <>
        <PageHeader
          breadcrumb={<Breadcrumbs items={crumbs} />}
          title="Usulan Baru"
          description={`Usulan kerja sama ${actor.opdName ?? "OPD Anda"}. Setelah disimpan sebagai draf, unggah dokumen lalu ajukan kepada Kepala OPD.`}
        />
        {jenis && (
          <Alert tone="warning" className="mb-6" title="Jenis kerja sama tidak dikenal.">
            Pilih salah satu jenis di bawah ini.
          </Alert>
        )}
        <KindChooser />
      </>
    );
  }

  const [partners, settings, opdOptions] = await Promise.all([
    listPartnerOptions(actor),
    getSettings(),
    byPartner ? listActiveOpdOptions() : Promise.resolve([]),
  ]);
  const docTypes = byPartner ? PARTNER_OFFER_DOCUMENTS : (settings.requiredDocuments[kind]?.DRAF ?? []);

  return (
    <>
      <PageHeader
        breadcrumb={<Breadcrumbs items={crumbs} />}
        title={byPartner ? "Daftarkan Penawaran Mitra" : `Usulan Baru: ${kind}`}
        description={
          byPartner
            ? "Penawaran kerja sama yang diprakarsai pihak ketiga (KSDPK). Catat substansinya, beri disposisi kepada OPD untuk telaah teknis; setelah surat penawaran dan studi kelayakan diunggah, usulan masuk ke tahap Verifikasi."
            : `${KIND_LABELS[kind]}. ${KIND_HINTS[kind]}`
        }
        actions={
          byPartner ? undefined : (
            <Link href="/usulan/baru" className="text-sm font-semibold text-brand-800 underline hover:text-brand-950">
              Ganti jenis kerja sama
            </Link>
          )
        }
      />
      <p className="mb-6 text-sm text-slate-600">
        {byPartner ? "" : "Langkah 2 dari 2. "}Isian bertanda (wajib) harus lengkap sebelum usulan diajukan; draf boleh
        disimpan walau belum lengkap.
      </p>
      <ProposalForm
        mode={byPartner ? "mitra" : "create"}
        kind={kind}
        action={byPartner ? registerPartnerOfferAction : createDraftAction}
        requestPartnerAction={requestPartnerAction}
        partners={partners}
        opdOptions={opdOptions}
        ksdpkFollowsQuestions={settings.ksdpkDprdFollowsQuestions}
        ptnBhKind={settings.ptnBhKind}
        requiredDocuments={docTypes.map((t) => DOCUMENT_LABELS[t])}
        nextStepHint={byPartner ? undefined : SUBMIT_HINT}
        cancelHref="/usulan"
      />
    </>
  );
}

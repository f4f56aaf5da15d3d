import type { Metadata } from "next";
import { forbidden, notFound } from "next/navigation";
import { Alert } from "@/components/ui/alert";
import { LinkButton } from "@/components/ui/button";
import { Breadcrumbs, PageHeader } from "@/components/ui/page-header";
import { requirePermission } from "@/lib/auth/session";
import { getCaseDetail, listPartnerOptions } from "@/lib/cases/queries";
import { isEditableStage, mayEditDraft } from "@/lib/cases/rules";
import { isoDate } from "@/lib/dates";
import type { DocumentType } from "@/lib/generated/prisma/enums";
import { getSettings } from "@/lib/settings/service";
import { DOCUMENT_LABELS, KIND_LABELS } from "@/lib/workflow";
import { requestPartnerAction, updateDraftAction } from "../../actions";
import { ProposalForm } from "../../proposal-form";
import { StageBadge } from "@/components/cases/stage-badge";

export const metadata: Metadata = { title: "Ubah Usulan" };

const PARTNER_OFFER_DOCUMENTS: DocumentType[] = ["SURAT_PENAWARAN_MITRA", "STUDI_KELAYAKAN"];

/** A date-only column (UTC midnight) as the YYYY-MM-DD an <input type="date"> takes. */
const day = (d: Date | null) => (d ? isoDate(d) : "");
const yesNo = (b: boolean | null) => (b === true ? "ya" : b === false ? "tidak" : "");
/** Decimal "1500000.00" → "1.500.000" (sen kept when not zero: "1.500.000,50"). */
function rupiahText(amount: { toString(): string } | null): string {
  if (amount === null) return "";
  const [int, frac = ""] = amount.toString().split(".");
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, ".");
  return /[1-9]/.test(frac) ? `${grouped},${frac.padEnd(2, "0").slice(0, 2)}` : grouped;
}

export default async function UbahUsulanPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requirePermission("case.list");
  const { id } = await params;
  const detail = await getCaseDetail(actor, id, new Date());
  if (!detail) notFound();
  const c = detail.case;
  const byPartner = c.initiator === "MITRA";
  // Who may edit is the service's rule; outside DRAF/PERBAIKAN the page explains why not.
  if (!mayEditDraft(actor, { ...c, stage: "DRAF" })) forbidden();

  const crumbs = (
    <Breadcrumbs
      items={[
        { label: "Beranda", href: "/beranda" },
        { label: "Usulan", href: "/usulan" },
        { label: c.code, href: `/usulan/${c.id}` },
        { label: "Ubah" },
      ]}
    />
  );

  if (!isEditableStage(c.stage)) {
    return (
      <>
        <PageHeader breadcrumb={crumbs} title={`Ubah Usulan ${c.code}`} meta={<StageBadge stage={c.stage} initiator={c.initiator} />} />
        <Alert tone="warning" title="Usulan ini tidak dapat diubah lagi.">
          Isian usulan hanya dapat diubah pada tahap Draf Usulan atau Perlu Perbaikan. Perubahan pada tahap berikutnya
          dilakukan melalui tahapan yang berlaku (misalnya adendum).
        </Alert>
        <div className="mt-6">
          <LinkButton href={`/usulan/${c.id}`}>Kembali ke Usulan</LinkButton>
        </div>
      </>
    );
  }

  const [partners, settings] = await Promise.all([listPartnerOptions(actor), getSettings()]);
  // The case's own partner stays selectable even if it is no longer in the list.
  const options =
    c.partner && !partners.some((p) => p.id === c.partner?.id)
      ? [...partners, { id: c.partner.id, name: c.partner.name, partnerClass: c.partner.partnerClass, universityStatus: c.partner.universityStatus, verified: c.partner.verified }]
      : partners;
  const docTypes = byPartner ? PARTNER_OFFER_DOCUMENTS : (settings.requiredDocuments[c.kind]?.DRAF ?? []);
  const initial: Record<string, string> = {
    id: c.id,
    kind: c.kind,
    title: c.title,
    partnerId: c.partnerId ?? "",
    ksddNature: c.ksddNature ?? "",
    ksdpkForm: c.ksdpkForm ?? "",
    subject: c.subject ?? "",
    governmentAffair: c.governmentAffair ?? "",
    purpose: c.purpose ?? "",
    scope: c.scope ?? "",
    benefits: c.benefits ?? "",
    fundingSource: c.fundingSource ?? "",
    fundingAmount: rupiahText(c.fundingAmount),
    fundingYear: c.fundingYear ? String(c.fundingYear) : "",
    burdensPublic: yesNo(c.burdensPublic),
    budgetedInApbd: yesNo(c.budgetedInApbd),
    proposedStart: day(c.proposedStart),
    proposedEnd: day(c.proposedEnd),
    version: String(c.version),
  };

  return (
    <>
      <PageHeader
        breadcrumb={crumbs}
        title={`Ubah Usulan ${c.code}`}
        meta={
          <>
            <StageBadge stage={c.stage} initiator={c.initiator} />
            <span className="text-sm text-slate-700">
              {KIND_LABELS[c.kind]} · {c.opd.name}
            </span>
          </>
        }
      />
      {c.stage === "PERBAIKAN" && c.lastReason && (
        <Alert tone="warning" className="mb-6" title="Catatan perbaikan dari verifikator">
          <p className="whitespace-pre-line">{c.lastReason}</p>
        </Alert>
      )}
      <ProposalForm
        key={`${c.id}-${c.version}`}
        mode="edit"
        kind={c.kind}
        action={updateDraftAction}
        requestPartnerAction={requestPartnerAction}
        initial={initial}
        partners={options}
        ksdpkFollowsQuestions={settings.ksdpkDprdFollowsQuestions}
        ptnBhKind={settings.ptnBhKind}
        requiredDocuments={docTypes.map((t) => DOCUMENT_LABELS[t])}
        cancelHref={`/usulan/${c.id}`}
        byPartner={byPartner}
      />
    </>
  );
}

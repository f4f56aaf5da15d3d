import type { Metadata } from "next";
import Link from "@/components/ui/link";
import { LinkButton } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { FilterBar } from "@/components/ui/filter-bar";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Breadcrumbs, PageHeader } from "@/components/ui/page-header";
import { pageHref, type SearchParamsRecord } from "@/components/ui/pagination";
import { CappedPagination } from "@/components/register/register-pagination";
import { Select } from "@/components/ui/select";
import { Table, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import { caseScope } from "@/lib/auth/policy";
import { mayCreateDraft, mayRegisterPartnerOffer } from "@/lib/cases/rules";
import { requirePermission } from "@/lib/auth/session";
import { listCases } from "@/lib/cases/queries";
import { formatTanggal } from "@/lib/format";
import type { Stage } from "@/lib/generated/prisma/enums";
import { getSettings } from "@/lib/settings/service";
import { KIND_LABELS, STAGE_LABELS } from "@/lib/workflow";
import { caseListFilterSchema } from "./filters";
import { KIND_ORDER } from "./options";
import { StageBadge } from "@/components/cases/stage-badge";

export const metadata: Metadata = { title: "Usulan Kerja Sama" };

const KIND_OPTIONS = KIND_ORDER.map((k) => ({ value: k, label: `${k} — ${KIND_LABELS[k]}` }));
const STAGE_OPTIONS = (Object.keys(STAGE_LABELS) as Stage[]).map((s) => ({ value: s, label: STAGE_LABELS[s] }));

export default async function UsulanPage({ searchParams }: { searchParams: Promise<SearchParamsRecord> }) {
  const actor = await requirePermission("case.list");
  const filter = caseListFilterSchema.parse(await searchParams);
  const [result, settings] = await Promise.all([listCases(actor, filter), getSettings()]);
  const tz = settings.region.timeZone;
  const filtered = Boolean(filter.q || filter.kind || filter.stage);
  const keptParams: SearchParamsRecord = { q: filter.q, kind: filter.kind, stage: filter.stage };
  const mayCreate = mayCreateDraft(actor);
  const mayRegisterOffer = mayRegisterPartnerOffer(actor);
  // What the list holds follows from the user's case scope (lib/auth/policy caseScope).
  const scope = caseScope(actor).kind;
  const scopeText =
    scope === "opd"
      ? `Usulan ${actor.opdName ?? "OPD Anda"} pada semua tahapan.`
      : scope === "stages"
        ? "Usulan yang sedang dibahas TKKSD."
        : "Usulan kerja sama seluruh perangkat daerah beserta tahapannya.";

  const createButton = mayCreate ? (
    <LinkButton href="/usulan/baru" variant="primary">
      Usulan Baru
    </LinkButton>
  ) : mayRegisterOffer ? (
    <LinkButton href="/usulan/baru?prakarsa=mitra" variant="primary">
      Daftarkan Penawaran Mitra
    </LinkButton>
  ) : null;

  return (
    <>
      <PageHeader
        breadcrumb={<Breadcrumbs items={[{ label: "Beranda", href: "/beranda" }, { label: "Usulan" }]} />}
        title="Usulan Kerja Sama"
        description={scopeText}
        actions={createButton}
      />
      <FilterBar
        action="/usulan"
        label="Cari dan saring usulan"
        filtered={filtered}
        filterKey={JSON.stringify(keptParams)}
        columns="xl:grid-cols-[2fr_1.5fr_1.5fr_auto]"
      >
        <Field id="cari-q" label="Cari">
          {(p) => <Input {...p} type="search" name="q" defaultValue={filter.q} placeholder="Kode, judul, atau nama mitra" />}
        </Field>
        <Field id="cari-kind" label="Jenis">
          {(p) => <Select {...p} name="kind" defaultValue={filter.kind ?? ""} placeholder="Semua jenis" options={KIND_OPTIONS} />}
        </Field>
        <Field id="cari-stage" label="Tahap">
          {(p) => <Select {...p} name="stage" defaultValue={filter.stage ?? ""} placeholder="Semua tahap" options={STAGE_OPTIONS} />}
        </Field>
      </FilterBar>

      {result.total === 0 ? (
        filtered ? (
          <EmptyState
            icon="search"
            title="Tidak ada usulan yang cocok"
            description="Periksa ejaan kata kunci, atau longgarkan filter jenis dan tahap lalu tekan Terapkan."
            action={<LinkButton href="/usulan">Tampilkan Semua Usulan</LinkButton>}
          />
        ) : (
          <EmptyState
            icon="file"
            title="Belum ada usulan"
            description={
              mayCreate
                ? "Mulai dengan Usulan Baru: pilih jenis kerja sama, isi formulir, simpan sebagai draf, unggah KAK (dan Studi Kelayakan untuk KSDPK), lalu ajukan kepada Kepala OPD."
                : mayRegisterOffer
                  ? "Usulan dari OPD akan tampil di sini setelah dibuat. Penawaran kerja sama dari pihak ketiga dapat Anda daftarkan melalui Daftarkan Penawaran Mitra."
                  : scope === "stages"
                    ? "Tidak ada usulan yang sedang dibahas TKKSD. Usulan tampil di sini setelah Bagian Kerja Sama menyatakannya lengkap."
                    : "Usulan tampil di sini setelah Operator OPD membuatnya."
            }
            action={createButton}
          />
        )
      ) : (
        <>
          <Table caption={`Daftar usulan (${result.capped ? "lebih dari " : ""}${result.total.toLocaleString("id-ID")})`} captionHidden>
            <THead>
              <TR>
                <TH className="w-[38%]">Usulan</TH>
                <TH>Jenis</TH>
                <TH className="w-[20%]">Mitra</TH>
                <TH>OPD</TH>
                <TH className="w-[16%]">Tahap</TH>
                <TH>Diperbarui</TH>
              </TR>
            </THead>
            <TBody>
              {result.items.map((c) => (
                <TR key={c.id}>
                  <TH scope="row" label="Usulan">
                    <Link href={`/usulan/${c.id}`} className="text-brand-800 underline hover:text-brand-950">
                      {c.title}
                    </Link>
                    <span className="mt-0.5 block font-mono text-xs font-normal text-slate-600">
                      {c.code}
                      {c.initiator === "MITRA" && <span className="font-sans"> · Prakarsa mitra</span>}
                    </span>
                  </TH>
                  <TD label="Jenis" className="md:whitespace-nowrap">
                    <abbr title={KIND_LABELS[c.kind]} className="no-underline">
                      {c.kind}
                    </abbr>
                  </TD>
                  <TD label="Mitra">{c.partnerName ?? "—"}</TD>
                  <TD label="OPD" className="md:whitespace-nowrap">{c.opdShortName}</TD>
                  <TD label="Tahap">
                    <StageBadge stage={c.stage} initiator={c.initiator} wrap />
                  </TD>
                  <TD label="Diperbarui" className="md:whitespace-nowrap">{formatTanggal(c.updatedAt, tz)}</TD>
                </TR>
              ))}
            </TBody>
          </Table>
          <CappedPagination
            page={result.page}
            pageSize={result.pageSize}
            shown={result.items.length}
            total={result.total}
            capped={result.capped}
            hasNext={result.hasNext}
            href={(page) => pageHref("/usulan", keptParams, page)}
          />
        </>
      )}
    </>
  );
}

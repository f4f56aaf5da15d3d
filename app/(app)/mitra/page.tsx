import type { Metadata } from "next";
import Link from "@/components/ui/link";
import { PARTNER_CLASS_LABELS } from "@/components/cases/labels";
import { Badge } from "@/components/ui/badge";
import { LinkButton } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { Field } from "@/components/ui/field";
import { FilterBar } from "@/components/ui/filter-bar";
import { Input } from "@/components/ui/input";
import { Breadcrumbs, PageHeader } from "@/components/ui/page-header";
import { Pagination, type SearchParamsRecord } from "@/components/ui/pagination";
import { Select } from "@/components/ui/select";
import { Table, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import { Alert } from "@/components/ui/alert";
import { can } from "@/lib/auth/policy";
import { requirePermission } from "@/lib/auth/session";
import type { PartnerClass } from "@/lib/generated/prisma/enums";
import { listPartners, partnerListFilterSchema } from "@/lib/partners/queries";
import { registerHref } from "@/lib/register/filters";

export const metadata: Metadata = { title: "Mitra Kerja Sama" };

const CLASS_OPTIONS = (Object.keys(PARTNER_CLASS_LABELS) as PartnerClass[]).map((c) => ({ value: c, label: PARTNER_CLASS_LABELS[c] }));
const STATUS_OPTIONS = [
  { value: "menunggu", label: "Menunggu verifikasi" },
  { value: "terverifikasi", label: "Terverifikasi" },
];

export default async function MitraPage({ searchParams }: { searchParams: Promise<SearchParamsRecord> }) {
  const actor = await requirePermission("partner.read");
  const filter = partnerListFilterSchema.parse(await searchParams);
  const result = await listPartners(actor, filter, new Date());
  const manages = can(actor, "partner.manage");
  const readsRegister = can(actor, "register.view");
  const filtered = Boolean(filter.q || filter.kelas || filter.status);
  const kept: SearchParamsRecord = { q: filter.q, kelas: filter.kelas, status: filter.status };
  const nf = new Intl.NumberFormat("id-ID");

  return (
    <>
      <PageHeader
        breadcrumb={<Breadcrumbs items={[{ label: "Beranda", href: "/beranda" }, { label: "Mitra" }]} />}
        title="Mitra Kerja Sama"
        description={
          manages
            ? "Data induk mitra: pemerintah daerah, kementerian/lembaga, perguruan tinggi, badan usaha, ormas, perorangan, dan mitra luar negeri. Mitra yang diajukan OPD menunggu verifikasi Anda."
            : "Data mitra kerja sama pemerintah daerah. Mitra baru diajukan dari formulir usulan dan diverifikasi Bagian Kerja Sama."
        }
        actions={manages ? <LinkButton href="/mitra/baru" variant="primary">Mitra Baru</LinkButton> : undefined}
      />
      {manages && result.waiting > 0 && filter.status !== "menunggu" && (
        <Alert tone="warning" className="mb-6" title={`${nf.format(result.waiting)} mitra diajukan OPD dan menunggu verifikasi.`}>
          Konfirmasi, ubah, atau gabungkan dengan mitra yang sudah ada.{" "}
          <Link href="/mitra?status=menunggu" className="font-semibold underline">Tampilkan yang menunggu</Link>
        </Alert>
      )}
      <FilterBar action="/mitra" label="Cari dan saring mitra" filtered={filtered} filterKey={JSON.stringify(kept)} columns="xl:grid-cols-[2fr_1.5fr_1.5fr_auto]">
        <Field id="m-q" label="Cari">
          {(p) => <Input {...p} type="search" name="q" defaultValue={filter.q} placeholder="Nama mitra atau NIB" />}
        </Field>
        <Field id="m-kelas" label="Kelas mitra">
          {(p) => <Select {...p} name="kelas" defaultValue={filter.kelas ?? ""} placeholder="Semua kelas" options={CLASS_OPTIONS} />}
        </Field>
        <Field id="m-status" label="Verifikasi">
          {(p) => <Select {...p} name="status" defaultValue={filter.status ?? ""} placeholder="Semua" options={STATUS_OPTIONS} />}
        </Field>
      </FilterBar>

      {result.items.length === 0 ? (
        <EmptyState
          icon={filtered ? "search" : "briefcase"}
          title={filtered ? "Tidak ada mitra yang cocok" : "Belum ada mitra"}
          description={
            filtered
              ? "Periksa ejaan nama (sebagian nama juga boleh), atau longgarkan filter kelas dan verifikasi lalu tekan Terapkan."
              : manages
                ? "Tambahkan mitra dengan Mitra Baru, atau verifikasi mitra yang diajukan OPD dari formulir usulan."
                : "Mitra tampil di sini setelah didaftarkan Bagian Kerja Sama. Mitra yang belum ada dapat diajukan dari formulir Usulan Baru."
          }
          action={filtered ? <LinkButton href="/mitra">Tampilkan Semua Mitra</LinkButton> : manages ? <LinkButton href="/mitra/baru" variant="primary">Mitra Baru</LinkButton> : undefined}
        />
      ) : (
        <>
          <Table caption={`Daftar mitra (${nf.format(result.total)})`} captionHidden>
            <THead>
              <TR>
                <TH className="w-[36%]">Mitra</TH>
                <TH>Kelas</TH>
                <TH>Kedudukan</TH>
                <TH>Verifikasi</TH>
                {readsRegister && <TH>Kerja sama</TH>}
              </TR>
            </THead>
            <TBody>
              {result.items.map((p) => (
                <TR key={p.id}>
                  <TH scope="row" label="Mitra">
                    <Link href={`/mitra/${p.id}`} className="text-brand-800 underline hover:text-brand-950">{p.name}</Link>
                    {p.legalForm && <span className="block text-xs font-normal text-slate-600">{p.legalForm}</span>}
                  </TH>
                  <TD label="Kelas">{PARTNER_CLASS_LABELS[p.partnerClass]}</TD>
                  <TD label="Kedudukan">{p.country === "Indonesia" ? (p.province ?? "Indonesia") : p.country}</TD>
                  <TD label="Verifikasi" className="md:w-36">
                    {p.verified ? (
                      <Badge tone="success">Terverifikasi</Badge>
                    ) : (
                      <>
                        <Badge tone="warning" wrap>Menunggu verifikasi</Badge>
                        {p.requestedByOpd && <span className="block text-xs text-slate-600">Diajukan {p.requestedByOpd}</span>}
                      </>
                    )}
                  </TD>
                  {readsRegister && (
                    <TD label="Kerja sama" className="md:whitespace-nowrap">
                      {p.cases > 0 ? (
                        <Link href={registerHref({ mitra: p.id })} className="text-brand-800 underline">{nf.format(p.cases)} kerja sama</Link>
                      ) : (
                        <span className="text-slate-600">Belum ada</span>
                      )}
                    </TD>
                  )}
                </TR>
              ))}
            </TBody>
          </Table>
          <Pagination page={result.page} totalPages={result.totalPages} pathname="/mitra" searchParams={kept} totalItems={result.total} pageSize={25} />
        </>
      )}
    </>
  );
}
